/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64: the GS base register points at this CPU's struct cpu_info. */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

/*
 * Offsets in struct cpu_info used by the syscall entry code (checked at
 * build time in arch/x86_64/kernel/syscall.c).
 */
#define CPU_INFO_KERNEL_SP 32
#define CPU_INFO_USER_SP 40

#ifndef __ASSEMBLER__
/* volatile: read again at each use, since a task may move to another CPU in between. */
static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__ __volatile__("movq %%gs:0, %0" : "=r"(ci));
	return ci;
}
#endif

#endif /* _ASM_X86_PERCPU_H */
