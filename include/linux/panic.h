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

/*
 * kernel_fault_reason() - what a kernel-mode page fault the exception table
 * could not fix was, in Linux's words ("NULL pointer dereference", "write
 * to read-only memory"...), for the "Unable to handle kernel %s" line of
 * the trap handlers. @exec: an instruction fetch; @write: a store; @perm:
 * the page was mapped but the access not allowed. Any context; no locks.
 */
const char *kernel_fault_reason(unsigned long addr, bool exec, bool write, bool perm);

/* Print the call trace of the caller. Any context. */
void dump_stack(void);

/* Arch: print the registers in regs, and the backtrace that starts there. */
void show_regs(struct pt_regs *regs);
void show_stack_from(struct pt_regs *regs);
/* Arch: fill regs with the caller's registers (for panic/BUG/WARN). */
void arch_capture_regs(struct pt_regs *regs);

#endif /* _LINUX_PANIC_H */
