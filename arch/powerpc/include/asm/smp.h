/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 secondary CPUs and IPIs (kernel/smp.c) and the per-CPU parts
 * of the interrupt controller and the decrementer they need.
 */
#ifndef _ASM_POWERPC_SMP_H
#define _ASM_POWERPC_SMP_H

#include <linux/types.h>

/*
 * powerpc_dt_scan_cpus() - record every thread of every enabled /cpus
 * node (one "ibm,ppc-interrupt-server#s" cell each, or the node's "reg")
 * as a possible CPU, the thread the device tree's header names
 * (boot_cpuid_phys) being CPU 0; at most NR_CPUS, the rest reported and
 * ignored. setup_arch(), before any allocator.
 */
void powerpc_dt_scan_cpus(const void *fdt);

/* get_hard_smp_processor_id() - @cpu's interrupt server number (thread id). */
unsigned int get_hard_smp_processor_id(unsigned int cpu);

/* xics_cause_ipi() - raise the IPI on @cpu's presentation controller. Any context. */
void xics_cause_ipi(unsigned int cpu);

/* xics_setup_cpu() - let this CPU's presentation controller present every priority. */
void xics_setup_cpu(void);

/* start_cpu_decrementer() - this CPU's first tick, one period from now. Interrupts off. */
void start_cpu_decrementer(void);

#endif /* _ASM_POWERPC_SMP_H */
