/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Registers saved on kernel entry (interrupt, exception, system call), in
 * the order the entry code pushes them. For a system call, vector is
 * SYSCALL_VECTOR and error_code holds the system call number as it was on
 * entry (Linux's orig_ax), while rax receives the return value.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
	unsigned long rax, rcx, rdx, rsi, rdi;
	unsigned long vector;		/* pushed by the entry stub */
	unsigned long error_code;	/* by the CPU, or 0 from the stub */
	unsigned long rip, cs, rflags, rsp, ss;	/* the CPU's frame */
};

#define user_mode(regs) (((regs)->cs & 3) == 3)
#define instruction_pointer(regs) ((regs)->rip)
#define instruction_pointer_set(regs, val) ((regs)->rip = (val))
#define user_stack_pointer(regs) ((regs)->rsp)
#define regs_irqs_disabled(regs) (!((regs)->rflags & 0x200))	/* IF clear */
#endif

/* pt_regs.vector of a system call: not a vector the IDT uses. */
#define SYSCALL_VECTOR 0x100

/* Offsets into struct pt_regs for the entry code (checked in syscall.c). */
#define PT_R15 0
#define PT_R14 8
#define PT_R13 16
#define PT_R12 24
#define PT_RBP 32
#define PT_RBX 40
#define PT_R11 48
#define PT_R10 56
#define PT_R9 64
#define PT_R8 72
#define PT_RAX 80
#define PT_RCX 88
#define PT_RDX 96
#define PT_RSI 104
#define PT_RDI 112
#define PT_VECTOR 120
#define PT_ERROR_CODE 128
#define PT_RIP 136
#define PT_CS 144
#define PT_RFLAGS 152
#define PT_RSP 160
#define PT_SS 168
#define PT_SIZE 176

#endif /* _ASM_X86_PTRACE_H */
