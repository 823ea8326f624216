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

#define SCTLR_SA0 (1UL << 4)		/* EL0 stack alignment check */
#define SCTLR_DZE (1UL << 14)		/* EL0 may DC ZVA */
#define SCTLR_UCT (1UL << 15)		/* EL0 may read CTR_EL0 */
#define SCTLR_NTWI (1UL << 16)		/* EL0 WFI does not trap */
#define SCTLR_NTWE (1UL << 18)		/* EL0 WFE does not trap */
#define SCTLR_UCI (1UL << 26)		/* EL0 cache maintenance by VA */
/* What Linux gives EL0 in SCTLR_EL1. */
#define SCTLR_EL0_BITS (SCTLR_SA0 | SCTLR_DZE | SCTLR_UCT | SCTLR_NTWI | SCTLR_NTWE | SCTLR_UCI)
#define CPACR_FPEN_EL0_EL1 (3UL << 20)	/* FP/SIMD does not trap at EL0 or EL1 */

/*
 * Let EL0 and EL1 use FP/SIMD on this CPU and clear its registers
 * (process.c); from cpu_el0_init(). Does not sleep or allocate.
 */
void fpsimd_init(void);

/*
 * cpu_el0_init() - this CPU's part of the user-mode setup (SCTLR_EL1's EL0
 * bits, FP/SIMD enabled in CPACR_EL1), both per CPU: the boot CPU's
 * trap_init() and each secondary CPU's arm64_secondary_start() call it,
 * with interrupts off, before the CPU runs any task. Does not sleep or
 * allocate; a no-op without CONFIG_USER_SPACE.
 */
void cpu_el0_init(void);

#endif /* _ASM_ARM64_TRAPS_H */
