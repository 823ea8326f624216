/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64: r13 points at this CPU's struct cpu_info while in the kernel
 * (Linux's PACA register; the kernel is built with -ffixed-r13). In user
 * mode r13 is the program's thread pointer (the ELFv2 ABI's TLS register).
 */
#ifndef _ASM_POWERPC_PERCPU_H
#define _ASM_POWERPC_PERCPU_H

/*
 * SPRG1 holds the same cpu_info address in every mode, for the interrupt
 * entry (kernel/entry.S), which also uses these fields, and the running
 * task's thread_struct.stack_guard (thread_struct is first in the task)
 * (offsets checked at build time in arch/powerpc/kernel/syscall.c).
 */
#define CPU_INFO_CURR_TASK 8
#define CPU_INFO_KERNEL_SP 32
#define CPU_INFO_USER_SP 40
#define CPU_INFO_OVERFLOW_SP 88
#define THREAD_STACK_GUARD 8

#ifndef __ASSEMBLER__
/* volatile: read again at each use, since a task may move to another CPU in between. */
static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__ __volatile__("mr %0, 13" : "=r"(ci));
	return ci;
}
#endif

#endif /* _ASM_POWERPC_PERCPU_H */
