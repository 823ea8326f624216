/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 internals shared by traps.c, i8259.c and time.c. */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <linux/types.h>
#include <asm/segment.h>

struct pt_regs;

#define IRQ_VECTOR_BASE 32

/* Stack this CPU loads on entry from user mode. */
void set_kernel_stack(unsigned long sp0);

/* Size of each CPU's double-fault stack (TSS IST 1). */
#define DF_STACK_SIZE (4 * PAGE_SIZE)

/*
 * cpu_init_tables() - load the calling CPU's GDT and TSS (double faults on
 * the stack ending at @df_stack_top), the shared IDT, and set its FPU
 * control bits and SYSCALL MSRs. Once per CPU, interrupts off, before it
 * takes an interrupt; boot and bring-up only.
 */
void cpu_init_tables(unsigned long df_stack_top);

/* 8259 PIC. */
void pic_eoi(unsigned int irq);
bool pic_is_spurious(unsigned int irq);

/* fixup_exception() is the exception table's (linux/extable.h). */
#include <linux/extable.h>

/*
 * do_user_addr_fault() - page fault at @addr (error code @err): decode it
 * for do_user_fault() (mm/fault.c). Returns false when the fault is the
 * kernel's to handle (exception table or oops). arch/x86_64/mm/fault.c.
 */
bool do_user_addr_fault(struct pt_regs *regs, unsigned long addr, unsigned long err);

/* Enable SSE for user mode (fpu.c). */
void fpu_init(void);

/*
 * x86_exit_to_user_mode() - exit_to_user_mode(), then make sure IRET
 * cannot fault in the kernel: a non-canonical RIP (from sigreturn or an
 * ELF entry point) becomes a SIGSEGV to the task, as on Linux. Called with
 * @regs the current task's user registers; may sleep; returns with
 * interrupts off, ready for IRET or SYSRET (syscall.c).
 */
void x86_exit_to_user_mode(struct pt_regs *regs);

/* Program the SYSCALL MSRs (syscall.c); called by trap_init(). */
void syscall_init(void);

#endif /* _ASM_X86_TRAPS_H */
