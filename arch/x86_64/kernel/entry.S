/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 exception and interrupt entry, the context switch, and the first
 * code a new kernel thread runs. Every vector has a stub that makes the
 * stack look the same (an error code, then the vector number) and jumps to
 * a common path that saves the registers as struct pt_regs. System calls
 * come in through entry_SYSCALL_64 and build the same struct pt_regs.
 * Entries from user mode swap GS (the kernel's GS base points at this CPU's
 * struct cpu_info; the user's is parked in MSR_KERNEL_GS_BASE meanwhile).
 */
#include <asm/ptrace.h>
#include <asm/percpu.h>
#include <asm/segment.h>

	.text

/* Save and restore the general registers in struct pt_regs order. */
.macro PUSH_REGS
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq %rax
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

.macro POP_REGS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rax
	popq %rcx
	popq %rdx
	popq %rsi
	popq %rdi
.endm

.macro ISR_NOERR vec
	.balign 16
	pushq $0
	pushq $\vec
	jmp isr_common
.endm

.macro ISR_ERR vec
	.balign 16
	pushq $\vec
	jmp isr_common
.endm

	.balign 16
	.globl isr_stubs
isr_stubs:
	vec = 0
	.rept 256
	.if vec == 8 || vec == 10 || vec == 11 || vec == 12 || vec == 13 || vec == 14 || vec == 17 || vec == 21 || vec == 29 || vec == 30
	ISR_ERR vec
	.else
	ISR_NOERR vec
	.endif
	vec = vec + 1
	.endr

isr_common:
	/* From user mode, GS still holds the user's base: swap in the kernel's. */
	testb $3, (PT_CS - PT_VECTOR)(%rsp)
	jz 1f
	swapgs
1:	PUSH_REGS
	cld
	movq %rsp, %rdi
	call x86_trap_entry
	jmp restore_regs_and_iret

/*
 * The SYSCALL instruction lands here with the user's RIP in %rcx, RFLAGS in
 * %r11, the user stack still loaded, interrupts off (SFMASK) and the
 * number in %rax; arguments in %rdi %rsi %rdx %r10 %r8 %r9. Build a
 * struct pt_regs on this task's kernel stack (found through cpu_info) and
 * call do_syscall_64(), which returns true when SYSRET may be used.
 */
	.globl entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	movq %rsp, %gs:CPU_INFO_USER_SP
	movq %gs:CPU_INFO_KERNEL_SP, %rsp
	pushq $USER_DS			/* ss */
	pushq %gs:CPU_INFO_USER_SP	/* rsp */
	pushq %r11			/* rflags */
	pushq $USER_CS			/* cs */
	pushq %rcx			/* rip */
	pushq %rax			/* error_code: the syscall number (orig_ax) */
	pushq $SYSCALL_VECTOR		/* vector */
	PUSH_REGS
	cld
	movq %rsp, %rdi
	call do_syscall_64
	testb %al, %al
	jz restore_regs_and_iret
	/* SYSRET: %rcx == rip and %r11 == rflags were checked by C. */
	POP_REGS
	movq (PT_RSP - PT_VECTOR)(%rsp), %rsp	/* the user's rsp */
	swapgs
	sysretq

/*
 * Leave the kernel through the pt_regs at %rsp: restore the registers and
 * IRET, swapping GS back first when returning to user mode.
 */
	.globl restore_regs_and_iret
restore_regs_and_iret:
	POP_REGS
	addq $(PT_RIP - PT_VECTOR), %rsp	/* vector, error code */
	testb $3, (PT_CS - PT_RIP)(%rsp)
	jz 2f
	swapgs
2:	iretq

/* void ret_to_user_mode(struct pt_regs *regs): enter user mode; no return. */
	.globl ret_to_user_mode
ret_to_user_mode:
	movq %rdi, %rsp
	call x86_exit_to_user_mode
	jmp restore_regs_and_iret

/* struct task_struct *__switch_to_asm(prev, next): thread.sp is at offset 0. */
	.globl __switch_to_asm
__switch_to_asm:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq (%rsi), %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	movq %rdi, %rax
	ret

/* First code of a new thread: %rax = prev, %rbx = fn, %r12 = arg. */
	.globl ret_from_kernel_thread
ret_from_kernel_thread:
	movq %rax, %rdi
	call schedule_tail
	movq %r12, %rdi
	call *%rbx
	movl %eax, %edi
	call do_exit
	ud2

/*
 * First code of a forked user task: the switch frame sat just below the
 * child's pt_regs (a copy of the parent's, with rax = 0), so %rsp now
 * points at them.
 */
	.globl ret_from_fork
ret_from_fork:
	movq %rax, %rdi
	call schedule_tail
	movq %rsp, %rdi
	call x86_exit_to_user_mode
	jmp restore_regs_and_iret

/* void arch_capture_regs(struct pt_regs *regs): the caller's registers. */
	.globl arch_capture_regs
arch_capture_regs:
	movq %r15, PT_R15(%rdi)
	movq %r14, PT_R14(%rdi)
	movq %r13, PT_R13(%rdi)
	movq %r12, PT_R12(%rdi)
	movq %rbp, PT_RBP(%rdi)
	movq %rbx, PT_RBX(%rdi)
	movq %r11, PT_R11(%rdi)
	movq %r10, PT_R10(%rdi)
	movq %r9, PT_R9(%rdi)
	movq %r8, PT_R8(%rdi)
	movq %rax, PT_RAX(%rdi)
	movq %rcx, PT_RCX(%rdi)
	movq %rdx, PT_RDX(%rdi)
	movq %rsi, PT_RSI(%rdi)
	movq %rdi, PT_RDI(%rdi)
	movq $0, PT_VECTOR(%rdi)
	movq $0, PT_ERROR_CODE(%rdi)
	movq (%rsp), %rax
	movq %rax, PT_RIP(%rdi)
	movq $0, PT_CS(%rdi)
	movw %cs, PT_CS(%rdi)
	pushfq
	popq PT_RFLAGS(%rdi)
	leaq 8(%rsp), %rax
	movq %rax, PT_RSP(%rdi)
	movq $0, PT_SS(%rdi)
	movw %ss, PT_SS(%rdi)
	movq PT_RAX(%rdi), %rax
	ret
