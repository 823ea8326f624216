/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Preemption control. preempt_disable() nests; the matching
 * preempt_enable() reschedules if a wake-up or the tick asked for it
 * meanwhile. in_atomic() tells code that it must not sleep.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/percpu.h>

/* Reschedule now if needed; called when the preempt count drops to zero. */
void preempt_schedule(void);

static __always_inline int preempt_count(void)
{
	return READ_ONCE(this_cpu()->preempt_count);
}

static __always_inline void preempt_disable(void)
{
	this_cpu()->preempt_count++;
	barrier();
}

static __always_inline void preempt_enable_no_resched(void)
{
	barrier();
	this_cpu()->preempt_count--;
}

static __always_inline void preempt_enable(void)
{
	barrier();
	if (--this_cpu()->preempt_count == 0 && unlikely(READ_ONCE(this_cpu()->need_resched)))
		preempt_schedule();
}

#define in_irq() (this_cpu()->in_irq != 0)
#define in_interrupt() in_irq()
#define in_atomic() (preempt_count() != 0 || in_irq())

#endif /* _LINUX_PREEMPT_H */
