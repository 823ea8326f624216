/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 internals shared by traps.c, plic.c, time.c and the extable. */
#ifndef _ASM_RISCV_TRAPS_H
#define _ASM_RISCV_TRAPS_H

#include <linux/types.h>

struct pt_regs;

/* The trap entry (entry.S), installed in stvec. */
void handle_exception(void);


/* PLIC: claim, dispatch and complete every pending external interrupt. */
void plic_handle_irq(void);

/* Supervisor timer interrupt: program the next tick, run the tick. */
void riscv_timer_interrupt(void);

/* Start the calling hart's tick, one period from now (time.c); interrupts off. */
void riscv_timer_starting_cpu(void);

/* The supervisor software interrupt: an IPI from another hart (smp.c). */
void riscv_ipi_interrupt(void);

/* fixup_exception() is the exception table's (linux/extable.h). */
#include <linux/extable.h>

/*
 * do_user_page_fault() - a page fault (cause and stval in @regs) on a user
 * address, from U-mode or a kernel user access: resolve it or signal the
 * process (mm/fault.c). False when the kernel must handle it (exception
 * table or oops). arch/riscv64/mm/fault.c.
 */
bool do_user_page_fault(struct pt_regs *regs);

/*
 * do_ecall_u() - an ecall from U-mode with @regs saved: step past it and
 * run system call a7 with a0-a5, result in a0 (kernel/syscall_table.c).
 * Called with interrupts off; turns them on, and the call may sleep.
 */
void do_ecall_u(struct pt_regs *regs);

#endif /* _ASM_RISCV_TRAPS_H */
