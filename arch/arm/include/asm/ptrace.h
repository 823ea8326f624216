/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Registers saved on kernel entry (exception, interrupt, system call),
 * r0-r15 in order so that one LDM restores them. For a system call
 * syscallno is its number and orig_r0 the first argument as it was on
 * entry, since r0 receives the result (both for restarting the call);
 * syscallno is -1 for any other entry. far and fsr describe an abort
 * (the DFAR/IFAR and DFSR/IFSR of the CP15), 0 otherwise.
 */
#ifndef _ASM_ARM_PTRACE_H
#define _ASM_ARM_PTRACE_H

#define USR_MODE 0x10
#define IRQ_MODE 0x12
#define SVC_MODE 0x13
#define ABT_MODE 0x17
#define UND_MODE 0x1b
#define MODE_MASK 0x1f
#define PSR_T_BIT 0x20
#define PSR_F_BIT 0x40
#define PSR_I_BIT_ 0x80
#define PSR_A_BIT 0x100

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long regs[13];		/* r0-r12 (r11 = fp) */
	unsigned long sp;		/* the interrupted r13 */
	unsigned long lr;		/* the interrupted r14 */
	unsigned long pc;
	unsigned long cpsr;		/* the interrupted CPSR (SPSR) */
	unsigned long orig_r0;
	long syscallno;
	unsigned long far;
	unsigned long fsr;
	unsigned long pad;		/* 8-byte aligned frames (AAPCS) */
};

#define user_mode(regs) (((regs)->cpsr & MODE_MASK) == USR_MODE)
#define instruction_pointer(regs) ((regs)->pc)
#define instruction_pointer_set(regs, val) ((regs)->pc = (val))
#define user_stack_pointer(regs) ((regs)->sp)
#define regs_irqs_disabled(regs) (!!((regs)->cpsr & PSR_I_BIT_))
#endif

#define S_R0 0
#define S_FP 44
#define S_SP 52
#define S_LR 56
#define S_PC 60
#define S_CPSR 64
#define S_ORIG_R0 68
#define S_SYSCALLNO 72
#define S_FAR 76
#define S_FSR 80
#define PT_SIZE 88

#endif /* _ASM_ARM_PTRACE_H */
