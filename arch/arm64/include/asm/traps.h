/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 internals shared by traps.c, entry.S and the extable. */
#ifndef _ASM_ARM64_TRAPS_H
#define _ASM_ARM64_TRAPS_H

#include <linux/types.h>

struct pt_regs;

/* fixup_exception() is the exception table's (linux/extable.h). */
#include <linux/extable.h>

/*
 * do_user_abort() - a data or instruction abort (ESR @esr) at user address
 * @addr, from EL0 or a kernel user access: resolve it or signal the
 * process (mm/fault.c). False when the kernel must handle it (exception
 * table or oops). arch/arm64/mm/fault.c.
 */
bool do_user_abort(struct pt_regs *regs, unsigned long esr, unsigned long addr);

/*
 * do_el0_svc() - an SVC from EL0 with @regs saved: run system call x8 with
 * x0-x5 and put the result in x0 (kernel/syscall.c). Called with
 * interrupts off; turns them on, and the call may sleep.
 */
void do_el0_svc(struct pt_regs *regs);

/* Let EL0 use FP/SIMD and clear the registers; boot, from trap_init() (process.c). */
void fpsimd_init(void);

#endif /* _ASM_ARM64_TRAPS_H */
