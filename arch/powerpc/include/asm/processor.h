/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU-level helpers: spin hint, idle, halt, the time base. */
#ifndef _ASM_POWERPC_PROCESSOR_H
#define _ASM_POWERPC_PROCESSOR_H

#include <linux/types.h>
#include <asm/irqflags.h>

static __always_inline void cpu_relax(void)
{
	/* "or 1,1,1": lower this thread's priority for a moment (SMT hint). */
	__asm__ __volatile__("or 1,1,1\n\tor 2,2,2" ::: "memory");
}

/*
 * H_CEDE gives the CPU back to the hypervisor until an interrupt is
 * pending; it returns with interrupts enabled (PAPR), so one that arrives
 * before the call is not lost: it is taken right after.
 */
void arch_cpu_idle(void);

static inline __attribute__((__noreturn__)) void arch_halt_forever(void)
{
	arch_local_irq_disable();
	for (;;)
		__asm__ __volatile__("" ::: "memory");
}

/* The time base (ticks at the device tree's timebase-frequency). */
static inline u64 get_cycles(void)
{
	u64 t;

	__asm__ __volatile__("mftb %0" : "=r"(t));
	return t;
}

#endif /* _ASM_POWERPC_PROCESSOR_H */
