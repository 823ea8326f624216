/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Registers saved on kernel entry (exception, interrupt, system call). For
 * a system call (SVC from EL0) syscallno is its number (x8) and orig_x0 the
 * first argument as it was on entry, since x0 receives the result (both
 * for restarting the call); syscallno is -1 for any other entry.
 */
#ifndef _ASM_ARM64_PTRACE_H
#define _ASM_ARM64_PTRACE_H

#define PSR_MODE_EL0t 0x0
#define PSR_MODE_EL1h 0x5
#define PSR_MODE_MASK 0xf

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long regs[31];		/* x0-x30 (x29 = fp, x30 = lr) */
	unsigned long sp;		/* the interrupted stack pointer */
	unsigned long pc;		/* ELR_EL1 */
	unsigned long pstate;		/* SPSR_EL1 */
	unsigned long esr;		/* ESR_EL1 (0 for interrupts) */
	unsigned long far;		/* FAR_EL1 (aborts) */
	unsigned long orig_x0;
	long syscallno;
};

#define user_mode(regs) (((regs)->pstate & PSR_MODE_MASK) == PSR_MODE_EL0t)
#define instruction_pointer(regs) ((regs)->pc)
#define instruction_pointer_set(regs, val) ((regs)->pc = (val))
#define user_stack_pointer(regs) ((regs)->sp)
#define regs_irqs_disabled(regs) (!!((regs)->pstate & 0x80))	/* PSTATE.I */
#endif

#define S_X0 0
#define S_LR 240
#define S_SP 248
#define S_PC 256
#define S_PSTATE 264
#define S_ESR 272
#define S_FAR 280
#define S_ORIG_X0 288
#define S_SYSCALLNO 296
#define PT_SIZE 304

#endif /* _ASM_ARM64_PTRACE_H */
