// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CPUs: their struct cpu_info and the possible and online masks.
 * The architecture points its per-CPU register at cpu_infos[cpu] and sets
 * cpu_info.self and .cpu before that CPU's C code uses this_cpu().
 */
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/smp.h>

DEFINE_PER_CPU(struct cpu_info, cpu_infos);
cpumask_t __cpu_possible_mask;
cpumask_t __cpu_online_mask;

void __init boot_cpu_init(void)
{
	unsigned int cpu = smp_processor_id();

	set_cpu_possible(cpu, true);
	set_cpu_online(cpu, true);
}
