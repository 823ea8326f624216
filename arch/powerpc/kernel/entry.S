/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 interrupt entry and exit, the return to user mode, the
 * context switch, and the first code a new kernel thread or forked
 * process runs.
 *
 * Every vector (head.S) arrives at interrupt_entry with the interrupted
 * r11 in SPRG2 and the vector number in r11; SRR0/SRR1 hold the
 * interrupted pc and MSR, and MSR[EE] is now clear. SPRG1 always holds
 * this CPU's cpu_info; r12 is parked in SPRG0 and r1 in cpu_info.user_sp
 * for a moment. The frame pushed is a 32-byte minimum frame whose back
 * chain is the interrupted r1, then struct pt_regs.
 * powerpc_interrupt(regs) handles it; on return the registers are
 * reloaded from pt_regs (so a handler may redirect the return, e.g. an
 * exception-table fixup or a signal handler) and rfid resumes.
 *
 * From the kernel, the frame goes below the interrupted r1, past its
 * 288-byte protected zone. From user mode (MSR[PR]) it goes at the top of
 * the current task's empty kernel stack, cpu_info.kernel_sp, which every
 * return to user mode sets; the user's r13 (thread pointer) is saved and
 * the kernel's loaded.
 *
 * r2 is saved and the kernel's TOC loaded on every entry, from the kernel
 * too, as Linux's entry loads it from the PACA: the interrupted code's r2
 * need not be the TOC. LLVM uses r2 as one more register in a leaf
 * function that reaches no TOC data (it saves and restores it around;
 * Rust's core::str::count::do_count_chars does), and a handler run with
 * that value would read every global at a wrong address.
 *
 * Stack overflow: if a kernel frame would not fit above the running
 * task's thread.stack_guard plus a frame (its stack bottom; 0, or no task
 * yet: no check), reached through SPRG1's cpu_info.curr_task so that each
 * CPU checks its own task, saving it would fault in the guard page below
 * the stack and trap again forever. Such interrupts switch to this CPU's
 * overflow stack instead (cpu_info.overflow_sp; 0 on the boot CPU, whose
 * is overflow_stack) and are reported.
 */
#include <asm/asm.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/reg.h>

#define REGS STACK_FRAME_MIN		/* pt_regs' offset in the frame */
#define USER_FRAME_SIZE (STACK_FRAME_MIN + PT_SIZE)

/* Save (op = std) or restore (op = ld) gpr \first..\last in pt_regs. */
.macro GPRS op, first, last
	.set i, \first
	.rept \last - \first + 1
	\op i, REGS + PT_GPR(i)(1)
	.set i, i + 1
	.endr
.endm

	.text
	.globl interrupt_entry
interrupt_entry:
	mtspr SPRN_SPRG0, 12
	mfcr 12			/* CR rides in r11's upper half until saved */
	sldi 12, 12, 32
	or 11, 11, 12
	mfspr 12, SPRN_SPRG1
	std 1, CPU_INFO_USER_SP(12)
	mfspr 1, SPRN_SRR1
	andi. 1, 1, MSR_PR
	bne .Lfrom_user
	ld 1, CPU_INFO_USER_SP(12)
	ld 12, CPU_INFO_CURR_TASK(12)
	cmpdi 12, 0
	beq 1f
	ld 12, THREAD_STACK_GUARD(12)
	cmpdi 12, 0
	beq 1f
	addi 12, 12, INT_FRAME_SIZE
	cmpld 1, 12
	bge 1f
	/* The frame would land in the guard page: use this CPU's overflow stack. */
	mfspr 12, SPRN_SPRG1
	ld 1, CPU_INFO_OVERFLOW_SP(12)
	cmpdi 1, 0
	bne 1f
	LOAD_IMM64 1, overflow_stack_top
1:	subi 1, 1, INT_FRAME_SIZE
	std 2, REGS + PT_GPR(2)(1)
	std 13, REGS + PT_GPR(13)(1)
	b .Lsave

.Lfrom_user:
	ld 1, CPU_INFO_KERNEL_SP(12)
	subi 1, 1, USER_FRAME_SIZE
	std 2, REGS + PT_GPR(2)(1)
	std 13, REGS + PT_GPR(13)(1)
	mr 13, 12

.Lsave:
	LOAD_IMM64 2, .TOC.
	GPRS std, 3, 10
	std 0, REGS + PT_GPR(0)(1)
	GPRS std, 14, 31
	ld 0, CPU_INFO_USER_SP(13)
	std 0, REGS + PT_GPR(1)(1)
	std 0, 0(1)			/* back chain: the interrupted frame */
	mfspr 0, SPRN_SPRG2
	std 0, REGS + PT_GPR(11)(1)
	mfspr 0, SPRN_SPRG0
	std 0, REGS + PT_GPR(12)(1)
	srdi 0, 11, 32
	std 0, REGS + PT_CCR(1)
	clrldi 11, 11, 32
	std 11, REGS + PT_TRAP(1)
	mfspr 0, SPRN_SRR0
	std 0, REGS + PT_NIP(1)
	mfspr 0, SPRN_SRR1
	std 0, REGS + PT_MSR(1)
	mflr 0
	std 0, REGS + PT_LINK(1)
	mfctr 0
	std 0, REGS + PT_CTR(1)
	mfxer 0
	std 0, REGS + PT_XER(1)
	mfspr 0, SPRN_DAR
	std 0, REGS + PT_DAR(1)
	mfspr 0, SPRN_DSISR
	std 0, REGS + PT_DSISR(1)
	std 3, REGS + PT_ORIG_GPR3(1)
	addi 3, 1, REGS
	bl powerpc_interrupt
	nop

/*
 * Leave through the frame at r1, interrupts off until the rfid. To user
 * mode: the stack is empty again, its top noted for the next entry, and
 * r13 becomes the user's; to the kernel, r13 stays this CPU's.
 */
	.globl interrupt_return
interrupt_return:
	li 0, MSR_RI
	mtmsrd 0, 1
	ld 0, REGS + PT_MSR(1)
	andi. 0, 0, MSR_PR
	bne 1f
	std 13, REGS + PT_GPR(13)(1)
	b 2f
1:	addi 0, 1, USER_FRAME_SIZE
	std 0, CPU_INFO_KERNEL_SP(13)
2:	ld 0, REGS + PT_NIP(1)
	mtspr SPRN_SRR0, 0
	ld 0, REGS + PT_MSR(1)
	mtspr SPRN_SRR1, 0
	ld 0, REGS + PT_LINK(1)
	mtlr 0
	ld 0, REGS + PT_CTR(1)
	mtctr 0
	ld 0, REGS + PT_XER(1)
	mtxer 0
	ld 0, REGS + PT_CCR(1)
	mtcr 0
	ld 0, REGS + PT_GPR(0)(1)
	GPRS ld, 2, 31
	ld 1, REGS + PT_GPR(1)(1)
	rfid

/* void ret_to_user_mode(struct pt_regs *regs): enter user mode; no return. */
	.globl ret_to_user_mode
ret_to_user_mode:
	subi 1, 3, REGS
	b interrupt_return

/*
 * First code of a forked process: r3 = prev; its pt_regs (a copy of the
 * parent's, returning 0) are at r1 + REGS, the top of its stack.
 */
	.globl ret_from_fork
ret_from_fork:
	bl schedule_tail
	nop
	addi 3, 1, REGS
	bl exit_to_user_mode
	nop
	b interrupt_return

/*
 * struct task_struct *__switch_to_asm(prev, next): thread.sp is at offset
 * 0 of the task. The frame holds r14..r31 and
 * CR above a minimum frame; the return address is in the caller's frame.
 */
#define SWITCH_FRAME (STACK_FRAME_MIN + 19 * 8 + 8)
#define SW_GPR(n) (STACK_FRAME_MIN + 8 * ((n) - 14))
#define SW_CR (STACK_FRAME_MIN + 18 * 8)
	.globl __switch_to_asm
__switch_to_asm:
	mflr 0
	std 0, 16(1)
	stdu 1, -SWITCH_FRAME(1)
	.set i, 14
	.rept 18
	std i, SW_GPR(i)(1)
	.set i, i + 1
	.endr
	mfcr 0
	std 0, SW_CR(1)
	std 1, 0(3)
	ld 1, 0(4)
	.set i, 14
	.rept 18
	ld i, SW_GPR(i)(1)
	.set i, i + 1
	.endr
	ld 0, SW_CR(1)
	mtcr 0
	addi 1, 1, SWITCH_FRAME
	ld 0, 16(1)
	mtlr 0
	blr

/* First code of a new thread: r3 = prev, r14 = fn, r15 = arg. */
	.globl ret_from_kernel_thread
ret_from_kernel_thread:
	bl schedule_tail
	nop
	mr 3, 15
	mr 12, 14		/* ELFv2: r12 = the callee's global entry */
	mtctr 14
	bctrl
	nop
	bl do_exit
	nop
	trap

/*
 * void arch_capture_regs(struct pt_regs *regs): the caller's registers, as
 * if it had been interrupted at the return address (nip = lr).
 */
	.globl arch_capture_regs
arch_capture_regs:
	.set i, 0
	.rept 32
	std i, PT_GPR(i)(3)
	.set i, i + 1
	.endr
	mflr 0
	std 0, PT_NIP(3)
	std 0, PT_LINK(3)
	mfctr 0
	std 0, PT_CTR(3)
	mfxer 0
	std 0, PT_XER(3)
	mfcr 0
	std 0, PT_CCR(3)
	mfmsr 0
	std 0, PT_MSR(3)
	li 0, 0
	std 0, PT_TRAP(3)
	std 0, PT_DAR(3)
	std 0, PT_DSISR(3)
	ld 0, PT_GPR(0)(3)
	blr

	.section .bss.page_aligned, "aw", @nobits
	.balign PAGE_SIZE
	.globl overflow_stack, overflow_stack_top
overflow_stack:
	.skip 4 * PAGE_SIZE
overflow_stack_top:
