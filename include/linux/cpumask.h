/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sets of CPUs, as Linux's cpumask: a bitmap of NR_CPUS bits. Everything
 * that names CPUs (affinity, /proc, per-CPU loops) goes through these.
 * cpu_possible_mask: CPUs that exist and may come up (their per-CPU data
 * is in use); cpu_online_mask: CPUs up; cpu_active_mask: online CPUs the
 * scheduler may place tasks on (what affinity masks are made of). Each is
 * a subset of the one before. Secondary CPUs come online but are not
 * active yet (Documentation/core-api/smp.rst).
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/percpu.h>

#define CPUMASK_LONGS (((NR_CPUS) + 8 * sizeof(long) - 1) / (8 * sizeof(long)))

typedef struct cpumask {
	unsigned long bits[CPUMASK_LONGS];
} cpumask_t;

#define nr_cpu_ids NR_CPUS
#define cpumask_bits(m) ((m)->bits)
/* The bytes a cpumask takes in the system call ABI (sched_getaffinity). */
#define cpumask_size() sizeof(cpumask_t)

/* Written only through set_cpu_possible() and set_cpu_online(). */
extern cpumask_t __cpu_possible_mask;
extern cpumask_t __cpu_online_mask;
extern cpumask_t __cpu_active_mask;
#define cpu_possible_mask ((const cpumask_t *)&__cpu_possible_mask)
#define cpu_online_mask ((const cpumask_t *)&__cpu_online_mask)
#define cpu_active_mask ((const cpumask_t *)&__cpu_active_mask)

/* Atomic, as Linux's: CPUs coming up at once may set their bits together. */
static inline void cpumask_set_cpu(unsigned int cpu, cpumask_t *m)
{
	__atomic_fetch_or(&m->bits[cpu / (8 * sizeof(long))], 1UL << (cpu % (8 * sizeof(long))),
			  __ATOMIC_RELAXED);
}

static inline void cpumask_clear_cpu(unsigned int cpu, cpumask_t *m)
{
	__atomic_fetch_and(&m->bits[cpu / (8 * sizeof(long))],
			   ~(1UL << (cpu % (8 * sizeof(long)))), __ATOMIC_RELAXED);
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
		n += hweight_long(m->bits[i]);
	return n;
}

/* for_each_cpu(cpu, mask): every CPU number set in @mask, in order. */
#define for_each_cpu(cpu, mask) \
	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++) \
		if (cpumask_test_cpu((cpu), (mask)))

#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)

#define num_possible_cpus() cpumask_weight(cpu_possible_mask)
#define num_online_cpus() cpumask_weight(cpu_online_mask)
#define num_active_cpus() cpumask_weight(cpu_active_mask)
#define cpu_online(cpu) cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_possible(cpu) cpumask_test_cpu((cpu), cpu_possible_mask)
#define cpu_active(cpu) cpumask_test_cpu((cpu), cpu_active_mask)

/*
 * set_cpu_possible(), set_cpu_online(), set_cpu_active() - add or remove
 * @cpu (< NR_CPUS).
 * For the boot and bring-up code only; they do not sleep.
 */
static inline void set_cpu_possible(unsigned int cpu, bool possible)
{
	if (possible)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

static inline void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

static inline void set_cpu_active(unsigned int cpu, bool active)
{
	if (active)
		cpumask_set_cpu(cpu, &__cpu_active_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_active_mask);
}

#endif /* _LINUX_CPUMASK_H */
