/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU-level helpers: spin-wait hint, idle, halt. */
#ifndef _ASM_ARM_PROCESSOR_H
#define _ASM_ARM_PROCESSOR_H

#include <linux/types.h>

static __always_inline void cpu_relax(void)
{
	__asm__ __volatile__("" ::: "memory");
}

/*
 * Wait for the next interrupt (the ARMv6 CP15 wait-for-interrupt).
 * Called with interrupts masked: it wakes on a pending interrupt even so,
 * and unmasking then takes it, so a wake-up between the caller's check
 * and the wait is never lost.
 */
static inline void arch_cpu_idle(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 4\n\t"
			     "mcr p15, 0, %0, c7, c0, 4\n\t"
			     "cpsie i" :: "r"(0) : "memory");
}

static inline __attribute__((__noreturn__)) void arch_halt_forever(void)
{
	for (;;)
		__asm__ __volatile__("cpsid if\n\tmcr p15, 0, %0, c7, c0, 4" :: "r"(0) : "memory");
}

#include <linux/ptrace.h>

#endif /* _ASM_ARM_PROCESSOR_H */
