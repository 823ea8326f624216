/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64: r13 points at this CPU's struct cpu_info while in the kernel
 * (Linux's PACA register: the ELFv2 ABI reserves r13 as the thread
 * pointer, and the kernel is built with -ffixed-r13).
 */
#ifndef _ASM_POWERPC_PERCPU_H
#define _ASM_POWERPC_PERCPU_H

#ifndef __ASSEMBLER__
static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__("mr %0, 13" : "=r"(ci));
	return ci;
}
#endif

#endif /* _ASM_POWERPC_PERCPU_H */
