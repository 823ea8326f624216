/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM: TPIDRPRW, the privileged-only thread ID register of ARMv6K
 * (CP15 c13, c0, 4), points at this CPU's struct cpu_info.
 */
#ifndef _ASM_ARM_PERCPU_H
#define _ASM_ARM_PERCPU_H

static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__("mrc p15, 0, %0, c13, c0, 4" : "=r"(ci));
	return ci;
}

#endif /* _ASM_ARM_PERCPU_H */
