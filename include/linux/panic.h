/* SPDX-License-Identifier: GPL-2.0-only */
/* Crash reporting shared by panic(), BUG(), WARN() and the trap handlers. */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/bug.h>

struct pt_regs;

/* Non-zero while a crash is being reported: printk stops waiting on locks. */
extern int oops_in_progress;

/*
 * die() - report a fatal kernel exception ("Oops: <str>") with registers
 * and a backtrace from regs, then panic. Never returns.
 */
__noreturn void die(const char *str, struct pt_regs *regs, unsigned long err);

/* Print the call trace of the caller. Any context. */
void dump_stack(void);

/* Arch: print the registers in regs, and the backtrace that starts there. */
void show_regs(struct pt_regs *regs);
void show_stack_from(struct pt_regs *regs);
/* Arch: fill regs with the caller's registers (for panic/BUG/WARN). */
void arch_capture_regs(struct pt_regs *regs);

#endif /* _LINUX_PANIC_H */
