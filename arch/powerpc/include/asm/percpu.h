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
 * entry from user mode (kernel/entry.S), which also uses these fields
 * (offsets checked at build time in arch/powerpc/kernel/syscall.c).
 */
#define CPU_INFO_KERNEL_SP 32
#define CPU_INFO_USER_SP 40

#ifndef __ASSEMBLER__
static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__("mr %0, 13" : "=r"(ci));
	return ci;
}
#endif

#endif /* _ASM_POWERPC_PERCPU_H */
