/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 internals shared by traps.c, i8259.c and time.c. */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <linux/types.h>

struct pt_regs;

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_DS 0x1b
#define USER_CS 0x23
#define TSS_SEL 0x28
#define IRQ_VECTOR_BASE 32

/* Stack loaded on entry from user mode. */
void set_kernel_stack(unsigned long sp0);

/* 8259 PIC. */
void pic_eoi(unsigned int irq);
bool pic_is_spurious(unsigned int irq);

/*
 * If the faulting instruction has an entry in the exception table, move
 * regs->rip to its fixup and return true (used by uaccess and tests).
 */
bool fixup_exception(struct pt_regs *regs);

#endif /* _ASM_X86_TRAPS_H */
