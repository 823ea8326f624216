/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 exception vectors, the return to user mode, the context switch,
 * and the first code a new kernel thread or forked process runs.
 *
 * The kernel runs on SP_EL1 and takes its own exceptions through the
 * "current EL with SPx" vectors. Each vector first checks that the
 * exception frame fits above the running task's thread.stack_limit (the
 * bottom of its stack; 0: no check), found through TPIDR_EL1 and
 * cpu_info.curr_task, so each CPU checks its own task (no check before
 * either is set): if the stack has overflowed into the guard page below
 * it, the frame is built on a separate overflow stack instead, and the
 * overflow is reported (an exception handler cannot run on a stack that
 * faults). x0 is parked in SP_EL0, which the kernel does not otherwise
 * use (a process's SP_EL0 is in its pt_regs while it is in the kernel),
 * while the check runs.
 *
 * Exceptions from EL0 (system calls, aborts, interrupts) arrive on the
 * empty kernel stack of the current task (SP_EL1 is left at its top by
 * every return to user mode), save the user's SP_EL0 in pt_regs and leave
 * through ret_to_user, which restores it.
 */
#include <asm/ptrace.h>
#include <asm/percpu.h>

	.text

/*
 * Save x0-x30, the interrupted SP (SP_EL0 for el=0), ELR, SPSR, ESR and FAR
 * as struct pt_regs; orig_x0 = x0, syscallno = -1 (not a system call).
 */
.macro save_regs el
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	.if \el == 0
	mrs	x21, sp_el0
	.else
	add	x21, sp, #PT_SIZE
	.endif
	stp	x30, x21, [sp, #S_LR]
	mov	x21, #-1
	stp	x0, x21, [sp, #S_ORIG_X0]
	mrs	x22, elr_el1
	mrs	x23, spsr_el1
	stp	x22, x23, [sp, #S_PC]
	mrs	x24, esr_el1
	mrs	x25, far_el1
	stp	x24, x25, [sp, #S_ESR]
.endm

.macro ventry kind
	.balign 0x80
	sub	sp, sp, #PT_SIZE
	msr	sp_el0, x0
	mrs	x0, tpidr_el1		/* 0 before the boot CPU sets it */
	cbz	x0, 1f
	ldr	x0, [x0, #CPU_INFO_CURR_TASK]	/* NULL before sched_init() */
	cbz	x0, 1f
	ldr	x0, [x0, #THREAD_STACK_LIMIT]
1:	cmp	sp, x0
	b.lo	__bad_stack
	mrs	x0, sp_el0
	b	el1_\kind
.endm

/* From EL0: the stack is this task's, empty; SP_EL0 is the user's, untouched. */
.macro ventry_el0 kind
	.balign 0x80
	sub	sp, sp, #PT_SIZE
	b	el0_\kind
.endm

	.balign 0x800
	.globl vectors
vectors:
	ventry invalid		/* current EL, SP_EL0: sync */
	ventry invalid		/* irq */
	ventry invalid		/* fiq */
	ventry invalid		/* serror */
	ventry sync		/* current EL, SP_EL1: sync */
	ventry irq		/* irq */
	ventry invalid		/* fiq */
	ventry invalid		/* serror */
	ventry_el0 sync		/* lower EL, AArch64: sync (SVC, aborts...) */
	ventry_el0 irq		/* irq */
	ventry invalid		/* fiq */
	ventry invalid		/* serror */
	ventry invalid		/* lower EL, AArch32 */
	ventry invalid
	ventry invalid
	ventry invalid

el1_sync:
	save_regs 1
	mov	x0, sp
	bl	arm64_sync_handler
	b	ret_to_kernel

el1_irq:
	save_regs 1
	str	xzr, [sp, #S_ESR]
	mov	x0, sp
	bl	arm64_irq_handler
	b	ret_to_kernel

el1_invalid:
	save_regs 1
	mov	x0, sp
	bl	arm64_bad_mode
	b	.

el0_sync:
	save_regs 0
	mov	x29, #0			/* call traces end here, not in user memory */
	mov	x0, sp
	bl	arm64_el0_sync_handler
	b	ret_to_user

el0_irq:
	save_regs 0
	mov	x29, #0
	str	xzr, [sp, #S_ESR]
	mov	x0, sp
	bl	arm64_el0_irq_handler
	b	ret_to_user

/*
 * Leave the kernel for EL0 through the pt_regs at SP (interrupts masked):
 * the user's SP goes back into SP_EL0, and SP_EL1 ends at the stack's top.
 */
ret_to_user:
	ldr	x21, [sp, #S_SP]
	msr	sp_el0, x21
	b	restore_and_eret

/* void ret_to_user_mode(struct pt_regs *regs): enter user mode; no return. */
	.globl ret_to_user_mode
ret_to_user_mode:
	msr	daifset, #0xf
	mov	sp, x0
	b	ret_to_user

/*
 * First code of a forked process: x0 = prev; its pt_regs (a copy of the
 * parent's, with x0 = 0) are at SP.
 */
	.globl ret_from_fork
ret_from_fork:
	bl	schedule_tail
	mov	x0, sp
	bl	exit_to_user_mode
	b	ret_to_user

ret_to_kernel:
restore_and_eret:
	ldp	x22, x23, [sp, #S_PC]
	msr	elr_el1, x22
	msr	spsr_el1, x23
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	x30, [sp, #S_LR]
	add	sp, sp, #PT_SIZE
	eret

/*
 * The stack overflowed: SP is the would-be frame below the stack's end, x0
 * is scratch, the real x0 is in SP_EL0. Exchange SP with the top of this
 * CPU's overflow stack (cpu_info.overflow_sp; 0 on the boot CPU, whose is
 * overflow_stack) without a spare register (sp = a + b, x0 = a, sp = b),
 * build the frame there and report.
 */
__bad_stack:
	mrs	x0, tpidr_el1
	ldr	x0, [x0, #CPU_INFO_OVERFLOW_SP]
	cbnz	x0, 1f
	adrp	x0, overflow_stack_top
	add	x0, x0, :lo12:overflow_stack_top
1:	add	sp, sp, x0
	sub	x0, sp, x0
	sub	sp, sp, x0
	sub	sp, sp, #PT_SIZE
	stp	x2, x3, [sp, #16 * 1]
	add	x2, x0, #PT_SIZE	/* the SP at the exception */
	mrs	x0, sp_el0
	stp	x0, x1, [sp, #16 * 0]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	stp	x30, x2, [sp, #S_LR]
	mrs	x22, elr_el1
	mrs	x23, spsr_el1
	stp	x22, x23, [sp, #S_PC]
	mrs	x24, esr_el1
	mrs	x25, far_el1
	stp	x24, x25, [sp, #S_ESR]
	mov	x29, #0
	mov	x0, sp
	bl	arm64_bad_stack
	b	.

/*
 * struct task_struct *__switch_to_asm(prev, next): thread_struct is first in
 * task_struct: x19-x28, fp, sp, pc, then stack_limit.
 */
	.globl __switch_to_asm
__switch_to_asm:
	mov	x10, sp
	stp	x19, x20, [x0, #0]
	stp	x21, x22, [x0, #16]
	stp	x23, x24, [x0, #32]
	stp	x25, x26, [x0, #48]
	stp	x27, x28, [x0, #64]
	stp	x29, x10, [x0, #80]
	str	x30, [x0, #96]
	ldp	x19, x20, [x1, #0]
	ldp	x21, x22, [x1, #16]
	ldp	x23, x24, [x1, #32]
	ldp	x25, x26, [x1, #48]
	ldp	x27, x28, [x1, #64]
	ldp	x29, x10, [x1, #80]
	ldr	x30, [x1, #96]
	mov	sp, x10
	ret

/* First code of a new thread: x0 = prev, x19 = fn, x20 = arg. */
	.globl ret_from_kernel_thread
ret_from_kernel_thread:
	bl	schedule_tail
	mov	x0, x20
	blr	x19
	bl	do_exit
	brk	#0x800

/* void arch_capture_regs(struct pt_regs *regs): the caller's registers. */
	.globl arch_capture_regs
arch_capture_regs:
	stp	x0, x1, [x0, #16 * 0]
	stp	x2, x3, [x0, #16 * 1]
	stp	x4, x5, [x0, #16 * 2]
	stp	x6, x7, [x0, #16 * 3]
	stp	x8, x9, [x0, #16 * 4]
	stp	x10, x11, [x0, #16 * 5]
	stp	x12, x13, [x0, #16 * 6]
	stp	x14, x15, [x0, #16 * 7]
	stp	x16, x17, [x0, #16 * 8]
	stp	x18, x19, [x0, #16 * 9]
	stp	x20, x21, [x0, #16 * 10]
	stp	x22, x23, [x0, #16 * 11]
	stp	x24, x25, [x0, #16 * 12]
	stp	x26, x27, [x0, #16 * 13]
	stp	x28, x29, [x0, #16 * 14]
	mov	x1, sp
	stp	x30, x1, [x0, #S_LR]
	mrs	x1, nzcv
	mrs	x2, daif
	orr	x1, x1, x2
	mov	x2, #PSR_MODE_EL1h
	orr	x1, x1, x2
	stp	x30, x1, [x0, #S_PC]
	stp	xzr, xzr, [x0, #S_ESR]
	ldp	x1, x2, [x0, #16 * 0 + 8]
	ret

	.section .bss.page_aligned, "aw", @nobits
	.balign 16
	.globl overflow_stack, overflow_stack_top
overflow_stack:
	.skip	8192
overflow_stack_top:
