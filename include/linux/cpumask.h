/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sets of CPUs, as Linux's cpumask: a bitmap of NR_CPUS bits. Ferrite
 * brings up one CPU today; everything that names CPUs (affinity, /proc)
 * goes through these so that more CPUs need no change in the users.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/percpu.h>

#define CPUMASK_LONGS (((NR_CPUS) + 8 * sizeof(long) - 1) / (8 * sizeof(long)))

typedef struct cpumask {
	unsigned long bits[CPUMASK_LONGS];
} cpumask_t;

#define nr_cpu_ids NR_CPUS
#define cpumask_bits(m) ((m)->bits)
/* The bytes a cpumask takes in the system call ABI (sched_getaffinity). */
#define cpumask_size() sizeof(cpumask_t)

/* CPUs that are up and take tasks: the boot CPU, set by sched_init(). */
extern cpumask_t __cpu_online_mask;
#define cpu_online_mask ((const cpumask_t *)&__cpu_online_mask)

static inline void cpumask_set_cpu(unsigned int cpu, cpumask_t *m)
{
	m->bits[cpu / (8 * sizeof(long))] |= 1UL << (cpu % (8 * sizeof(long)));
}

static inline bool cpumask_test_cpu(unsigned int cpu, const cpumask_t *m)
{
	return m->bits[cpu / (8 * sizeof(long))] >> (cpu % (8 * sizeof(long))) & 1;
}

/* *@dst = *@a & *@b; returns false when the result is empty. */
static inline bool cpumask_and(cpumask_t *dst, const cpumask_t *a, const cpumask_t *b)
{
	unsigned long any = 0;

	for (unsigned int i = 0; i < CPUMASK_LONGS; i++)
		any |= dst->bits[i] = a->bits[i] & b->bits[i];
	return any;
}

static inline unsigned int cpumask_weight(const cpumask_t *m)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < CPUMASK_LONGS; i++)
		n += __builtin_popcountl(m->bits[i]);
	return n;
}

/* for_each_cpu(cpu, mask): every CPU number set in @mask, in order. */
#define for_each_cpu(cpu, mask) \
	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++) \
		if (cpumask_test_cpu((cpu), (mask)))

#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)

#endif /* _LINUX_CPUMASK_H */
