/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU-level helpers: spin hint, idle, halt, the time counter. */
#ifndef _ASM_RISCV_PROCESSOR_H
#define _ASM_RISCV_PROCESSOR_H

#include <linux/types.h>
#include <asm/csr.h>

static __always_inline void cpu_relax(void)
{
	/* Zihintpause "pause" (a fence with no effect on older harts). */
	__asm__ __volatile__(".4byte 0x0100000f" ::: "memory");
}

/*
 * Wait for the next interrupt, then enable interrupts. wfi wakes on any
 * interrupt enabled in sie even while sstatus.SIE is clear, so an interrupt
 * that arrives before the wfi is not lost: it is taken right after.
 */
static inline void arch_cpu_idle(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
	csr_set(sstatus, SR_SIE);
}

static inline __attribute__((__noreturn__)) void arch_halt_forever(void)
{
	csr_clear(sstatus, SR_SIE);
	for (;;)
		__asm__ __volatile__("wfi" ::: "memory");
}

/* The time counter (ticks at the device tree's timebase-frequency). */
static inline u64 get_cycles(void)
{
	u64 t;

	__asm__ __volatile__("rdtime %0" : "=r"(t));
	return t;
}

#endif /* _ASM_RISCV_PROCESSOR_H */
