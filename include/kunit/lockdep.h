/* SPDX-License-Identifier: GPL-2.0-only */
/* What the lock-order checker's tests read of it (kernel/locking/lockdep.c). */
#ifndef _KUNIT_LOCKDEP_H
#define _KUNIT_LOCKDEP_H

#include <linux/types.h>

/*
 * The classes of the last report: of the held lock, of the one acquired;
 * for a lockdep_assert_held() report, @held names the lock not held and
 * @acquired is NULL.
 */
struct lockdep_report_names {
	const char *held;	/* NULL for an IRQ-safety report */
	unsigned int held_subclass;
	const char *acquired;
	unsigned int acquired_subclass;
};

/* Reports made so far, and the names in the last one. */
extern unsigned long lockdep_reports;
extern struct lockdep_report_names lockdep_last_report;

/*
 * While true, reports say "EXPECTED (test)" where they would say
 * "WARNING", so that scripts/run_tests.py, which fails a run on any
 * lockdep WARNING, lets the deliberate ones through.
 */
extern bool lockdep_expect_report;

/*
 * lockdep_kunit_in_hardirq() - run @fn(@arg) as if in hard IRQ context:
 * interrupts off and in_irq() true, for the checker's IRQ-safety tests
 * (kernel/locking/lockdep_kunit.c; C and Rust). @fn must not sleep.
 */
void lockdep_kunit_in_hardirq(void (*fn)(void *arg), void *arg);

#endif /* _KUNIT_LOCKDEP_H */
