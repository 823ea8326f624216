/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM: TPIDRPRW, the privileged-only thread ID register of ARMv6K
 * (CP15 c13, c0, 4), points at this CPU's struct cpu_info.
 */
#ifndef _ASM_ARM_PERCPU_H
#define _ASM_ARM_PERCPU_H

/*
 * Offsets entry.S reads (checked in traps.c): cpu_info's curr_task and
 * overflow_sp, and the task's thread.stack_limit (thread_struct is
 * first in task_struct).
 */
#define CPU_INFO_CURR_TASK 4
#define CPU_INFO_OVERFLOW_SP 68
#define THREAD_STACK_LIMIT 40

#ifndef __ASSEMBLER__
/* volatile: read again at each use, since a task may move to another CPU in between. */
static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 4" : "=r"(ci));
	return ci;
}
#endif

#endif /* _ASM_ARM_PERCPU_H */
