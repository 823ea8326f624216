/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Registers saved on kernel entry (interrupt, exception, system call):
 * the pc, then x1..x31 each at offset 8 * n (Linux's user_regs_struct
 * order, which signal frames copy), then the trap CSRs. For a system call
 * (ecall from U-mode, cause EXC_ECALL_U) orig_a0 is the first argument as
 * it was on entry, since a0 receives the result (both for restarting the
 * call); a finished call has cause -1 (syscall_forget()).
 */
#ifndef _ASM_RISCV_PTRACE_H
#define _ASM_RISCV_PTRACE_H

#include <asm/csr.h>

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long epc;
	unsigned long ra, sp, gp, tp, t0, t1, t2, s0, s1;
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7;
	unsigned long s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
	unsigned long t3, t4, t5, t6;
	unsigned long status;		/* sstatus */
	unsigned long badaddr;		/* stval */
	unsigned long cause;		/* scause */
	unsigned long orig_a0;		/* system calls: a0 on entry */
};

#define user_mode(regs) (!((regs)->status & SR_SPP))
#define instruction_pointer(regs) ((regs)->epc)
#define instruction_pointer_set(regs, val) ((regs)->epc = (val))
#define user_stack_pointer(regs) ((regs)->sp)
#define regs_irqs_disabled(regs) (!((regs)->status & SR_SPIE))
#endif

#define PT_EPC 0
#define PT_REG(n) (8 * (n))	/* x1..x31 */
#define PT_SP PT_REG(2)
#define PT_TP PT_REG(4)
#define PT_T0 PT_REG(5)
#define PT_T1 PT_REG(6)
#define PT_STATUS 256
#define PT_BADADDR 264
#define PT_CAUSE 272
#define PT_ORIG_A0 280
#define PT_SIZE 288

#endif /* _ASM_RISCV_PTRACE_H */
