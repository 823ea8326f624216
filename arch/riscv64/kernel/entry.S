/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 trap entry and exit, the context switch, and the first code a
 * new kernel thread runs.
 *
 * Every interrupt and exception enters at handle_exception (stvec, direct
 * mode) with interrupts off. It saves struct pt_regs and calls
 * riscv_trap_entry(regs); on return it reloads sepc and sstatus from
 * pt_regs (so a handler may redirect the return, e.g. an exception-table
 * fixup or a signal handler) and executes sret.
 *
 * In the kernel tp holds this CPU's cpu_info and sscratch is zero; in user
 * mode tp is the program's and sscratch holds the cpu_info address. The
 * entry swaps tp and sscratch: a non-zero result means the trap came from
 * U-mode, and the registers go to the pt_regs at the top of the current
 * task's (empty) kernel stack, cpu_info.kernel_sp, which every return to
 * user mode sets. A trap from the kernel keeps the current stack and uses
 * sscratch to park t0 for a moment.
 *
 * Stack overflow: if the frame would not fit above the running task's
 * thread.stack_guard (its stack bottom plus a frame; 0, or no task yet:
 * no check), reached through tp's cpu_info.curr_task so that each CPU
 * checks its own task, saving it would fault in the guard page below the
 * stack and trap again forever. Such traps switch to this CPU's overflow
 * stack instead (cpu_info.overflow_sp; 0 on the boot CPU, whose is
 * overflow_stack) and are reported as a stack overflow.
 */
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>

/* x1, x3, x4 and x7..x31 (sp, t0 and t1 are saved by hand). */
.macro for_saved_regs op
	\op x1, PT_REG(1)(sp)
	\op x3, PT_REG(3)(sp)
	\op x4, PT_REG(4)(sp)
	\op x7, PT_REG(7)(sp)
	\op x8, PT_REG(8)(sp)
	\op x9, PT_REG(9)(sp)
	\op x10, PT_REG(10)(sp)
	\op x11, PT_REG(11)(sp)
	\op x12, PT_REG(12)(sp)
	\op x13, PT_REG(13)(sp)
	\op x14, PT_REG(14)(sp)
	\op x15, PT_REG(15)(sp)
	\op x16, PT_REG(16)(sp)
	\op x17, PT_REG(17)(sp)
	\op x18, PT_REG(18)(sp)
	\op x19, PT_REG(19)(sp)
	\op x20, PT_REG(20)(sp)
	\op x21, PT_REG(21)(sp)
	\op x22, PT_REG(22)(sp)
	\op x23, PT_REG(23)(sp)
	\op x24, PT_REG(24)(sp)
	\op x25, PT_REG(25)(sp)
	\op x26, PT_REG(26)(sp)
	\op x27, PT_REG(27)(sp)
	\op x28, PT_REG(28)(sp)
	\op x29, PT_REG(29)(sp)
	\op x30, PT_REG(30)(sp)
	\op x31, PT_REG(31)(sp)
.endm

	.text
	.balign 4
	.globl handle_exception
handle_exception:
	csrrw tp, sscratch, tp
	bnez tp, .Lfrom_user
	csrr tp, sscratch	/* from the kernel: tp back, t0 parked */
	csrw sscratch, t0
	ld t0, CPU_INFO_CURR_TASK(tp)
	beqz t0, .Lstack_ok
	ld t0, THREAD_STACK_GUARD(t0)
	beqz t0, .Lstack_ok
	bgeu sp, t0, .Lstack_ok
	/* The frame would land in the guard page: use the overflow stack. */
	mv t0, sp
	ld sp, CPU_INFO_OVERFLOW_SP(tp)
	bnez sp, 1f
	lla sp, overflow_stack_top
1:	addi sp, sp, -PT_SIZE
	sd t0, PT_SP(sp)
	sd t1, PT_T1(sp)
	j .Lsave
.Lstack_ok:
	addi sp, sp, -PT_SIZE
	sd t1, PT_T1(sp)
	addi t1, sp, PT_SIZE
	sd t1, PT_SP(sp)
.Lsave:
	for_saved_regs sd
	csrr t0, sscratch
	sd t0, PT_T0(sp)
.Lsave_csrs:
	csrr t0, sepc
	sd t0, PT_EPC(sp)
	csrr t0, sstatus
	sd t0, PT_STATUS(sp)
	csrr t0, stval
	sd t0, PT_BADADDR(sp)
	csrr t0, scause
	sd t0, PT_CAUSE(sp)
	csrw sscratch, zero

	mv a0, sp
	call riscv_trap_entry

	/* Back to U-mode (SPP clear: the return path masks interrupts first)? */
	ld t0, PT_STATUS(sp)
	andi t0, t0, SR_SPP
	beqz t0, ret_to_user
	/*
	 * Back to the kernel: tp stays this CPU's, not the one saved, since
	 * the task may have moved to another CPU while it was preempted.
	 */
	sd tp, PT_TP(sp)
restore_and_sret:
	ld t0, PT_EPC(sp)
	csrw sepc, t0
	ld t0, PT_STATUS(sp)
	csrw sstatus, t0
	for_saved_regs ld
	ld t0, PT_T0(sp)
	ld t1, PT_T1(sp)
	ld sp, PT_SP(sp)
	sret

/*
 * From U-mode: tp = cpu_info, sscratch = the user's tp. Switch to the
 * task's kernel stack, save the user sp and tp; s0 = 0 ends call traces
 * here. Then as from the kernel (sscratch is zero again).
 */
.Lfrom_user:
	sd sp, CPU_INFO_USER_SP(tp)
	ld sp, CPU_INFO_KERNEL_SP(tp)
	addi sp, sp, -PT_SIZE
	sd t0, PT_T0(sp)
	sd t1, PT_T1(sp)
	ld t0, CPU_INFO_USER_SP(tp)
	sd t0, PT_SP(sp)
	for_saved_regs sd
	csrrw t0, sscratch, zero
	sd t0, PT_TP(sp)
	li s0, 0
	j .Lsave_csrs

/*
 * Leave for U-mode through the pt_regs at sp, the top of this task's
 * kernel stack: interrupts off until the sret, the stack's top noted for
 * the next entry, the cpu_info (kernel tp) parked in sscratch.
 */
ret_to_user:
	csrci sstatus, SR_SIE
	addi t0, sp, PT_SIZE
	sd t0, CPU_INFO_KERNEL_SP(tp)
	csrw sscratch, tp
	j restore_and_sret

/* void ret_to_user_mode(struct pt_regs *regs): enter user mode; no return. */
	.globl ret_to_user_mode
ret_to_user_mode:
	csrci sstatus, SR_SIE
	mv sp, a0
	j ret_to_user

/*
 * First code of a forked process: a0 = prev; its pt_regs (a copy of the
 * parent's, with a0 = 0) are at sp.
 */
	.globl ret_from_fork
ret_from_fork:
	call schedule_tail
	mv a0, sp
	call exit_to_user_mode
	j ret_to_user

/*
 * struct task_struct *__switch_to_asm(prev, next): thread.sp is at offset
 * 0 of the task. The frame is ra, s0..s11.
 */
#define SWITCH_FRAME 112
	.globl __switch_to_asm
__switch_to_asm:
	addi sp, sp, -SWITCH_FRAME
	sd ra, 0(sp)
	sd s0, 8(sp)
	sd s1, 16(sp)
	sd s2, 24(sp)
	sd s3, 32(sp)
	sd s4, 40(sp)
	sd s5, 48(sp)
	sd s6, 56(sp)
	sd s7, 64(sp)
	sd s8, 72(sp)
	sd s9, 80(sp)
	sd s10, 88(sp)
	sd s11, 96(sp)
	sd sp, 0(a0)
	ld sp, 0(a1)
	ld ra, 0(sp)
	ld s0, 8(sp)
	ld s1, 16(sp)
	ld s2, 24(sp)
	ld s3, 32(sp)
	ld s4, 40(sp)
	ld s5, 48(sp)
	ld s6, 56(sp)
	ld s7, 64(sp)
	ld s8, 72(sp)
	ld s9, 80(sp)
	ld s10, 88(sp)
	ld s11, 96(sp)
	addi sp, sp, SWITCH_FRAME
	ret

/* First code of a new thread: a0 = prev, s1 = fn, s2 = arg. */
	.globl ret_from_kernel_thread
ret_from_kernel_thread:
	call schedule_tail
	mv a0, s2
	jalr s1
	call do_exit
	unimp

/*
 * void arch_capture_regs(struct pt_regs *regs): the caller's registers, as
 * if it had trapped at the return address (epc = ra).
 */
	.globl arch_capture_regs
arch_capture_regs:
	sd ra, PT_EPC(a0)
	sd sp, PT_SP(a0)
	sd t0, PT_T0(a0)
	sd t1, PT_T1(a0)
	mv t0, sp
	mv sp, a0
	for_saved_regs sd
	mv sp, t0
	csrr t0, sstatus
	sd t0, PT_STATUS(a0)
	sd zero, PT_BADADDR(a0)
	sd zero, PT_CAUSE(a0)
	ld t0, PT_T0(a0)
	ret

	.section .bss.page_aligned, "aw", @nobits
	.balign PAGE_SIZE
	.globl overflow_stack, overflow_stack_top
overflow_stack:
	.skip 4 * PAGE_SIZE
overflow_stack_top:
