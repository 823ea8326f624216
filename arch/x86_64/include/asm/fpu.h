/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 user FPU/SSE state (arch/x86_64/kernel/fpu.c). */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <asm/switch_to.h>

/* Allow SSE in user mode (CR0, CR4). Boot, once. */
void fpu_init(void);

/* Save the CPU's FPU/SSE registers into @t, or load them from it. */
void fpu_save(struct thread_struct *t);
void fpu_restore(const struct thread_struct *t);

/* Set @t to the state a new program starts with. */
void fpu_reset(struct thread_struct *t);

#endif /* _ASM_X86_FPU_H */
