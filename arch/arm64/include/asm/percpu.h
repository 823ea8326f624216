/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64: TPIDR_EL1 points at this CPU's struct cpu_info. */
#ifndef _ASM_ARM64_PERCPU_H
#define _ASM_ARM64_PERCPU_H

/*
 * Offsets used by the exception entry's stack check (entry.S; checked at
 * build time in arch/arm64/kernel/traps.c): cpu_info's curr_task and
 * overflow_sp (the top of this CPU's overflow stack; 0: the boot CPU's
 * static one), and
 * thread_struct's stack_limit (thread_struct is first in task_struct).
 */
#define CPU_INFO_CURR_TASK 8
#define CPU_INFO_OVERFLOW_SP 88
#define THREAD_STACK_LIMIT 104

#ifndef __ASSEMBLER__
/* volatile: read again at each use, since a task may move to another CPU in between. */
static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__ __volatile__("mrs %0, tpidr_el1" : "=r"(ci));
	return ci;
}
#endif

#endif /* _ASM_ARM64_PERCPU_H */
