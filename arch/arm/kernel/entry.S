/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM exception vectors, system calls and the return to user mode,
 * the context switch, and the first code a new kernel thread or forked
 * process runs.
 *
 * The vectors page (section .vectors) is mapped at 0xffff0000 (SCTLR.V,
 * arch/arm/mm/init.c), readable and executable by user mode for the kuser
 * helpers at its top; each vector loads the address of its stub from a
 * table in the same page. A stub runs in its exception mode (IRQ, abort,
 * undefined) only long enough to park r0, r1, the return address and the
 * SPSR on that mode's 16-byte stack, then switches to SVC mode, where the
 * kernel always runs, and builds a struct pt_regs on the SVC stack: every
 * handler, and any exception nested in one, runs on the thread's stack.
 *
 * From user mode the SVC stack is the task's, empty (every return to user
 * mode leaves SVC mode's SP at its top), so the frame is task_pt_regs();
 * the user's banked SP and LR are saved in it, and the way back is
 * exit_to_user_mode() and ret_to_user.
 *
 * Before the frame is pushed it is checked against the current task's
 * thread.stack_limit (the bottom of its stack; 0, no check, on the boot
 * stack), found through TPIDRPRW's cpu_info: if the stack has overflowed
 * into the guard page below it, the frame is built on this CPU's overflow
 * stack instead and the overflow is reported (a handler cannot run on a
 * stack that faults).
 */
#include <asm/percpu.h>
#include <asm/ptrace.h>

	.arm
	.text

/*
 * Build struct pt_regs at SP (SVC mode, interrupts masked): r0 points to
 * the {r0, r1, pc, cpsr} a stub saved, r1 holds the interrupted SVC stack
 * pointer, lr the interrupted SVC lr. From user mode, sp and lr are the
 * user's banked ones instead.
 */
.macro build_frame
	str	r1, [sp, #S_SP]
	str	lr, [sp, #S_LR]
	add	r1, sp, #8
	stmia	r1, {r2 - r12}
	ldmia	r0, {r1 - r4}
	stmia	sp, {r1, r2}
	str	r1, [sp, #S_ORIG_R0]
	str	r3, [sp, #S_PC]
	str	r4, [sp, #S_CPSR]
	and	r4, r4, #MODE_MASK
	cmp	r4, #USR_MODE
	addeq	r5, sp, #S_SP
	stmeqia	r5, {sp, lr}^
	nop
	mvn	r5, #0
	str	r5, [sp, #S_SYSCALLNO]
	mov	r5, #0
	str	r5, [sp, #S_FAR]
	str	r5, [sp, #S_FSR]
.endm

/*
 * An exception stub: \correction takes lr back to the address to return
 * to; then SVC mode, the stack check, the frame, and handler(regs).
 */
.macro vector_stub name, correction, handler
vector_\name:
	.if \correction
	sub	lr, lr, #\correction
	.endif
	stmia	sp, {r0, r1, lr}
	mrs	lr, spsr
	str	lr, [sp, #12]
	mov	r0, sp
	msr	cpsr_c, #(SVC_MODE | PSR_I_BIT_ | PSR_F_BIT)
	mrc	p15, 0, r1, c13, c0, 4
	ldr	r1, [r1, #CPU_INFO_CURR_TASK]
	cmp	r1, #0
	ldrne	r1, [r1, #THREAD_STACK_LIMIT]
	sub	sp, sp, #PT_SIZE
	cmp	sp, r1
	blo	__bad_stack
	add	r1, sp, #PT_SIZE
	build_frame
	mov	r0, sp
	bl	\handler
	b	ret_from_exception
.endm

	vector_stub irq, 4, arm_irq_handler
	vector_stub dabt, 8, arm_dabt_handler
	vector_stub pabt, 4, arm_pabt_handler
	vector_stub und, 4, arm_und_handler

/*
 * SVC, already in SVC mode: from user mode a system call (the number in
 * r7, the arguments in r0-r6), on the empty kernel stack of the task, so
 * the frame is its task_pt_regs(); the return goes through
 * exit_to_user_mode() and ret_to_user. No system call comes from the
 * kernel (QEMU takes the semihosting SVC itself): that is a bad mode.
 */
vector_swi:
	sub	sp, sp, #PT_SIZE
	stmia	sp, {r0 - r12}
	add	r8, sp, #S_SP
	stmia	r8, {sp, lr}^		/* the user's banked sp and lr */
	nop
	str	lr, [sp, #S_PC]		/* the instruction after the SVC */
	mrs	r8, spsr
	str	r8, [sp, #S_CPSR]
	str	r0, [sp, #S_ORIG_R0]
	str	r7, [sp, #S_SYSCALLNO]
	mov	r9, #0
	str	r9, [sp, #S_FAR]
	str	r9, [sp, #S_FSR]
	and	r8, r8, #MODE_MASK
	cmp	r8, #USR_MODE
	bne	1f
	mov	fp, #0			/* call traces end here, not in user memory */
	mov	r0, sp
	bl	arm_syscall_handler
	b	ret_from_user_exception
1:	mov	r0, sp
	bl	arm_bad_mode
	b	.

vector_bad:
	msr	cpsr_c, #(SVC_MODE | PSR_I_BIT_ | PSR_F_BIT)
	sub	sp, sp, #PT_SIZE
	stmia	sp, {r0 - r12}
	mov	r0, sp
	bl	arm_bad_mode
	b	.

/*
 * Back to the interrupted context from the frame at SP. To user mode the
 * return goes through exit_to_user_mode() (signals, rescheduling) and
 * ret_to_user; to the kernel, one LDM with interrupts masked.
 */
ret_from_exception:
	ldr	r1, [sp, #S_CPSR]
	and	r1, r1, #MODE_MASK
	cmp	r1, #USR_MODE
	beq	ret_from_user_exception
	cpsid	i
	ldr	r1, [sp, #S_CPSR]
	msr	spsr_cxsf, r1
	ldmia	sp, {r0 - pc}^

ret_from_user_exception:
	mov	r0, sp
	bl	exit_to_user_mode
	/* fall through */

/*
 * Leave the kernel for user mode through the pt_regs at SP, the top of
 * the task's stack (interrupts masked): r0-r14 go back into the user's
 * banked registers, and SVC mode's SP ends at the stack's top, where the
 * next entry from user mode builds its frame.
 */
ret_to_user:
	cpsid	i
	ldr	r1, [sp, #S_CPSR]
	msr	spsr_cxsf, r1
	ldr	lr, [sp, #S_PC]
	ldmia	sp, {r0 - lr}^
	nop
	add	sp, sp, #PT_SIZE
	movs	pc, lr

/* void ret_to_user_mode(struct pt_regs *regs): enter user mode; no return. */
	.globl ret_to_user_mode
ret_to_user_mode:
	mov	sp, r0
	b	ret_to_user

/*
 * First code of a forked process: r0 = prev; its pt_regs (a copy of the
 * parent's, with r0 = 0) are at SP.
 */
	.globl ret_from_fork
ret_from_fork:
	bl	schedule_tail
	mov	fp, #0
	b	ret_from_user_exception

/*
 * The stack overflowed: SP is the would-be frame below the stack's limit,
 * r0 points to what the stub saved, r1 is scratch. Build the frame on
 * this CPU's overflow stack (cpu_info.overflow_sp; 0 on the boot CPU,
 * whose is the static one), with the SP of the exception, and report.
 */
__bad_stack:
	add	r1, sp, #PT_SIZE
	mrc	p15, 0, sp, c13, c0, 4
	ldr	sp, [sp, #CPU_INFO_OVERFLOW_SP]
	cmp	sp, #0
	ldreq	sp, =overflow_stack_top
	sub	sp, sp, #PT_SIZE
	build_frame
	mov	fp, #0
	mov	r0, sp
	bl	arm_bad_stack
	b	.
	.ltorg

/*
 * struct task_struct *__switch_to_asm(prev, next): thread_struct is first in
 * task_struct: r4-r11, sp, pc, then stack_limit and tp_value (TPIDRURO,
 * switched here for every thread, as Linux's ARM switch_tls does: only
 * the kernel can write it).
 */
	.globl __switch_to_asm
__switch_to_asm:
	stmia	r0, {r4 - r11, sp, lr}
	mrc	p15, 0, r2, c13, c0, 3
	str	r2, [r0, #44]
	ldmia	r1, {r4 - r11, sp, lr}
	ldr	r2, [r1, #44]
	mcr	p15, 0, r2, c13, c0, 3
	bx	lr

/* First code of a new thread: r0 = prev, r4 = fn, r5 = arg. */
	.globl ret_from_kernel_thread
ret_from_kernel_thread:
	bl	schedule_tail
	mov	r0, r5
	blx	r4
	bl	do_exit
	.word	0xe7f001f0		/* undefined: do_exit() returned */

/* void arch_capture_regs(struct pt_regs *regs): the caller's registers. */
	.globl arch_capture_regs
arch_capture_regs:
	stmia	r0, {r0 - r12}
	str	sp, [r0, #S_SP]
	str	lr, [r0, #S_LR]
	str	lr, [r0, #S_PC]
	mrs	r1, cpsr
	str	r1, [r0, #S_CPSR]
	mov	r1, #0
	str	r1, [r0, #S_FAR]
	str	r1, [r0, #S_FSR]
	ldr	r1, [r0, #4]
	bx	lr
	.ltorg

/* The vectors page: mapped at 0xffff0000, so only PC-relative loads in it. */
	.section .vectors, "ax"
	.globl vectors
vectors:
	ldr	pc, .Lv_bad		/* reset */
	ldr	pc, .Lv_und
	ldr	pc, .Lv_swi
	ldr	pc, .Lv_pabt
	ldr	pc, .Lv_dabt
	ldr	pc, .Lv_bad		/* unused */
	ldr	pc, .Lv_irq
	ldr	pc, .Lv_bad		/* FIQ: never enabled */
.Lv_bad:	.long	vector_bad
.Lv_und:	.long	vector_und
.Lv_swi:	.long	vector_swi
.Lv_pabt:	.long	vector_pabt
.Lv_dabt:	.long	vector_dabt
.Lv_irq:	.long	vector_irq

/*
 * The kuser helpers: code at fixed addresses at the top of the vectors
 * page, which the page's user-readable mapping lets user programs call
 * (Linux's ABI, Documentation/arch/arm/kernel_user_helpers.rst in
 * Linux). ARMv5 programs, such as Debian's armel glibc and busybox, have
 * no LDREX/STREX and no TLS register instruction of their own: they read
 * the thread pointer and do their atomic operations here. Each helper is
 * called with BL/BLX and returns with BX LR, in ARM state. LDREX/STREX(D)
 * make them atomic on every CPU; as the ABI says, the compare-and-swaps
 * also order memory both ways (a DMB before, and after through
 * __kuser_memory_barrier), which armel glibc's locks count on (on one
 * CPU a program's own accesses are ordered anyway; on several, an
 * unlock's stores could reach another CPU after the word that frees the
 * lock). Each helper has a slot of 32 bytes at most (cmpxchg64 two).
 */
	.org	0xf60
/*
 * 0xffff0f60: int __kuser_cmpxchg64(const s64 *oldval, const s64 *newval,
 * volatile s64 *ptr): store *newval to *ptr if *ptr == *oldval; 0 and C
 * set if it did, non-zero and C clear if not. Clobbers r3, ip and flags.
 */
__kuser_cmpxchg64:
	push	{r4 - r7}
	mcr	p15, 0, r0, c7, c10, 5	/* DMB (the register's value is ignored) */
	ldrd	r4, r5, [r0]
	ldrd	r6, r7, [r1]
1:	ldrexd	r0, r1, [r2]
	eors	r3, r0, r4
	eoreqs	r3, r1, r5
	strexdeq r3, r6, r7, [r2]	/* r3 = 1 if the store lost the reservation */
	teqeq	r3, #1
	beq	1b
	rsbs	r0, r3, #0		/* 0 and C set only for r3 == 0 */
	pop	{r4 - r7}
	b	__kuser_memory_barrier	/* keeps the flags; returns */

	.org	0xfa0
/*
 * 0xffff0fa0: void __kuser_memory_barrier(void): a DMB, and an exclusive
 * load and store of a stack word, which QEMU makes a host atomic (its
 * DMB is a no-op: asm/barrier.h); it writes back what it read. Clobbers
 * nothing, not even the flags (the compare-and-swaps end here).
 */
__kuser_memory_barrier:
	mcr	p15, 0, r0, c7, c10, 5	/* DMB (the register's value is ignored) */
	push	{r0, r1}
	ldrex	r0, [sp]
	strex	r1, r0, [sp]
	pop	{r0, r1}
	bx	lr

	.org	0xfc0
/*
 * 0xffff0fc0: int __kuser_cmpxchg(int oldval, int newval, volatile int
 * *ptr): the same for a word. Clobbers r3, ip and flags.
 */
__kuser_cmpxchg:
	mcr	p15, 0, r0, c7, c10, 5	/* DMB */
1:	ldrex	r3, [r2]
	subs	r3, r3, r0
	strexeq	r3, r1, [r2]
	teqeq	r3, #1
	beq	1b
	rsbs	r0, r3, #0
	b	__kuser_memory_barrier	/* keeps the flags; returns */

	.org	0xfe0
/* 0xffff0fe0: void *__kuser_get_tls(void): TPIDRURO. Clobbers only r0. */
__kuser_get_tls:
	mrc	p15, 0, r0, c13, c0, 3
	bx	lr

	.org	0xffc
/* 0xffff0ffc: how many 32-byte helper slots there are (0xf60 up). */
__kuser_helper_version:
	.word	5

	.section .bss.page_aligned, "aw", %nobits
	.balign 16
	.globl overflow_stack, overflow_stack_top
overflow_stack:
	.skip	8192
overflow_stack_top:
