/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 internals shared by traps.c, xics.c, time.c, the extable and user entry. */
#ifndef _ASM_POWERPC_TRAPS_H
#define _ASM_POWERPC_TRAPS_H

#include <linux/types.h>

struct pt_regs;

/* XICS: accept, dispatch and end every pending external interrupt. */
void xics_handle_irq(void);

/* Decrementer interrupt: program the next tick, run the tick. */
void timer_interrupt(void);

/*
 * do_user_page_fault() - a storage interrupt on a user address, from user
 * mode or a kernel user access (mm/fault.c): true when it was resolved or
 * signalled, false when it is the kernel's to handle (fixup or oops).
 */
bool do_user_page_fault(struct pt_regs *regs);

/* do_syscall() - an sc from user mode (kernel/syscall.c); interrupts on inside. */
void do_syscall(struct pt_regs *regs);

/* fixup_exception() is the exception table's (linux/extable.h). */
#include <linux/extable.h>

#endif /* _ASM_POWERPC_TRAPS_H */
