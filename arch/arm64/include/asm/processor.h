/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU-level helpers: spin-wait hint, idle, halt, system registers. */
#ifndef _ASM_ARM64_PROCESSOR_H
#define _ASM_ARM64_PROCESSOR_H

#include <linux/types.h>

#define read_sysreg(r) ({						\
	u64 __v;							\
	__asm__ __volatile__("mrs %0, " #r : "=r"(__v));		\
	__v;								\
})

#define write_sysreg(v, r) do {						\
	u64 __v = (u64)(v);						\
	__asm__ __volatile__("msr " #r ", %0" :: "r"(__v) : "memory");	\
} while (0)

#define isb() __asm__ __volatile__("isb" ::: "memory")
#define dsb(opt) __asm__ __volatile__("dsb " #opt ::: "memory")

static __always_inline void cpu_relax(void)
{
	__asm__ __volatile__("yield" ::: "memory");
}

/*
 * Wait for the next interrupt. Called with interrupts masked: WFI wakes on
 * a pending interrupt even so, and unmasking then takes it, so a wake-up
 * between the caller's check and the WFI is never lost.
 */
static inline void arch_cpu_idle(void)
{
	__asm__ __volatile__("dsb sy; wfi; msr daifclr, #2" ::: "memory");
}

static inline __attribute__((__noreturn__)) void arch_halt_forever(void)
{
	for (;;)
		__asm__ __volatile__("msr daifset, #0xf; wfi" ::: "memory");
}

#include <linux/ptrace.h>

#endif /* _ASM_ARM64_PROCESSOR_H */
