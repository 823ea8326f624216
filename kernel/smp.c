// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CPUs: their struct cpu_info, the possible, online and active masks,
 * and bringing the secondary CPUs up.
 *
 * The architecture points its per-CPU register at cpu_infos[cpu] before
 * that CPU's C code uses this_cpu(): for the boot CPU in its early entry,
 * for the others in the entry __cpu_up() starts them at, which then calls
 * secondary_start_kernel(). Secondary CPUs come online and idle, taking
 * only the interrupts their architecture enabled: the scheduler runs on
 * the boot CPU only so far, so they are online but not active
 * (Documentation/core-api/smp.rst).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/processor.h>

DEFINE_PER_CPU(struct cpu_info, cpu_infos);
cpumask_t __cpu_possible_mask;
cpumask_t __cpu_online_mask;
cpumask_t __cpu_active_mask;

void __init boot_cpu_init(void)
{
	unsigned int cpu = smp_processor_id();

	set_cpu_possible(cpu, true);
	set_cpu_online(cpu, true);
	set_cpu_active(cpu, true);
}

/* An architecture without secondary CPU bring-up starts none. */
int __weak __cpu_up(unsigned int cpu, struct task_struct *idle)
{
	return -ENOSYS;
}

/* Start @cpu on a new idle task and wait up to a second for it to come online. */
static int __init cpu_up(unsigned int cpu)
{
	struct cpu_info *ci = &per_cpu(cpu_infos, cpu);
	struct task_struct *idle = kzalloc(sizeof(*idle), GFP_KERNEL);
	int err;

	if (!idle)
		return -ENOMEM;
	idle->stack = vmalloc(THREAD_SIZE);
	if (!idle->stack) {
		kfree(idle);
		return -ENOMEM;
	}
	ci->self = ci;
	ci->cpu = cpu;
	init_idle(idle, cpu);
	err = __cpu_up(cpu, idle);
	for (int ms = 0; !err && !cpu_online(cpu); ms++) {
		if (ms == 1000)
			return -ETIMEDOUT;	/* it may still start: keep its stack */
		msleep(1);
	}
	if (err) {
		ci->idle = ci->curr_task = NULL;
		vfree(idle->stack);
		kfree(idle);
	}
	return err;
}

void __init smp_init(void)
{
	unsigned int cpu;
	int err;

	for_each_possible_cpu(cpu) {
		if (cpu_online(cpu))
			continue;
		err = cpu_up(cpu);
		if (err) {
			/* A late starter may still read the arch's start data: stop. */
			pr_warn("smp: CPU %u did not come up (%d), no more started\n", cpu, err);
			break;
		}
	}
	pr_info("smp: %u of %u CPUs online\n", num_online_cpus(), num_possible_cpus());
}

void __noreturn secondary_start_kernel(void)
{
	set_cpu_online(smp_processor_id(), true);
	for (;;) {
		arch_cpu_idle();	/* returns with interrupts on */
		local_irq_disable();
	}
}

void __weak scheduler_ipi(void)
{
}

void __weak generic_smp_call_function_interrupt(void)
{
}
