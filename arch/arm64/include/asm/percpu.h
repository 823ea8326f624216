/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64: TPIDR_EL1 points at this CPU's struct cpu_info. */
#ifndef _ASM_ARM64_PERCPU_H
#define _ASM_ARM64_PERCPU_H

static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__("mrs %0, tpidr_el1" : "=r"(ci));
	return ci;
}

#endif /* _ASM_ARM64_PERCPU_H */
