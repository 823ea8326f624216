// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CPUs: their struct cpu_info, the possible, online and active masks,
 * bringing the secondary CPUs up, and calling functions on other CPUs.
 *
 * The architecture points its per-CPU register at cpu_infos[cpu] before
 * that CPU's C code uses this_cpu(): for the boot CPU in its early entry,
 * for the others in the entry __cpu_up() starts them at, which then calls
 * secondary_start_kernel(). Secondary CPUs come online, become active and
 * enter the idle loop, from which the scheduler runs tasks on them; on an
 * architecture without CONFIG_SMP_ACTIVE they stay online but not active,
 * taking function calls and their tick only
 * (Documentation/core-api/smp.rst).
 *
 * A cross-CPU call is a struct csd (Linux's call_single_data) pushed on
 * the target's call_queue, a lock-free stack: a push that finds the stack
 * empty sends the function-call IPI, and the target's IPI handler takes
 * the whole stack at once, so no call is missed and no IPI is wasted on a
 * CPU that has not yet emptied its stack. Each CPU owns one csd per
 * target CPU (cfd_data[from][to]), used with preemption off; CSD_FLAG_LOCK
 * is set while the call is queued or, for a waited call, running, and the
 * owner waits for it to clear before reusing the csd.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kconfig.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/bug.h>
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

#define CSD_FLAG_LOCK 1		/* queued or running: the owner may not reuse it */
#define CSD_TYPE_SYNC 2		/* the caller waits: unlock after the function */

struct csd {
	struct csd *next;
	smp_call_func_t func;
	void *info;
	unsigned int flags;
};

/* Per CPU: the calls queued for it (a stack, NULL when empty). */
static DEFINE_PER_CPU(struct csd *, call_queue);
/* Per CPU: its nr_cpu_ids csds, one per target CPU (allocated before it starts). */
static DEFINE_PER_CPU(struct csd *, cfd_data);

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

/* Give @cpu its csds for calls to other CPUs. */
static int __init cfd_alloc(unsigned int cpu)
{
	per_cpu(cfd_data, cpu) = kcalloc(nr_cpu_ids, sizeof(struct csd), GFP_KERNEL);
	return per_cpu(cfd_data, cpu) ? 0 : -ENOMEM;
}

/*
 * Whether @cpu finished its start: online, and active if secondary CPUs
 * run tasks here (it marks itself active just after online: kernel_init()
 * widens its mask to the active CPUs when smp_init() returns).
 */
static bool cpu_up_done(unsigned int cpu)
{
	return cpu_online(cpu) && (!IS_ENABLED(CONFIG_SMP_ACTIVE) || cpu_active(cpu));
}

/* Start @cpu on a new idle task and wait up to a second for it to come up. */
static int __init cpu_up(unsigned int cpu)
{
	struct cpu_info *ci = &per_cpu(cpu_infos, cpu);
	struct task_struct *idle = kzalloc(sizeof(*idle), GFP_KERNEL);
	int err;

	if (!idle)
		return -ENOMEM;
	idle->stack = vmalloc(THREAD_SIZE);
	if (!idle->stack || cfd_alloc(cpu)) {
		vfree(idle->stack);
		kfree(idle);
		return -ENOMEM;
	}
	ci->self = ci;
	ci->cpu = cpu;
	init_idle(idle, cpu);
	err = __cpu_up(cpu, idle);
	for (int ms = 0; !err && !cpu_up_done(cpu); ms++) {
		if (ms == 1000)
			return -ETIMEDOUT;	/* it may still start: keep its stack */
		msleep(1);
	}
	if (err) {
		ci->idle = ci->curr_task = NULL;
		kfree(per_cpu(cfd_data, cpu));
		per_cpu(cfd_data, cpu) = NULL;
		vfree(idle->stack);
		kfree(idle);
	}
	return err;
}

void __init smp_init(void)
{
	unsigned int cpu;
	int err;

	if (cfd_alloc(smp_processor_id())) {
		pr_warn("smp: no memory for cross-CPU calls, no CPU started\n");
		return;
	}
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
	unsigned int cpu = smp_processor_id();

	if (!IS_ENABLED(CONFIG_SMP_ACTIVE)) {
		/* No task to switch to: the interrupts' preemption check must not schedule here. */
		preempt_disable();
		set_cpu_online(cpu, true);
		for (;;) {
			local_irq_disable();
			arch_cpu_idle();	/* enables interrupts and halts, atomically */
		}
	}
	set_cpu_online(cpu, true);
	/* From here on the scheduler may place tasks here: this is its idle task. */
	set_cpu_active(cpu, true);
	cpu_idle_loop();
}

/* An architecture that starts no secondary CPU has no CPU to send an IPI to. */
void __weak arch_smp_send_reschedule(int cpu)
{
	BUG();
}

void __weak arch_send_call_function_single_ipi(int cpu)
{
	BUG();
}

void __weak arch_send_call_function_ipi_mask(const cpumask_t *mask)
{
	BUG();
}

static void csd_lock_wait(struct csd *csd)
{
	while (__atomic_load_n(&csd->flags, __ATOMIC_ACQUIRE) & CSD_FLAG_LOCK)
		cpu_relax();
}

static void csd_unlock(struct csd *csd)
{
	__atomic_store_n(&csd->flags, 0, __ATOMIC_RELEASE);
}

/*
 * Fill this CPU's csd for @cpu, once its previous call has been taken,
 * and push it on @cpu's queue. Returns whether the queue was empty: then
 * @cpu needs an IPI. Preemption off.
 */
static bool csd_queue(int cpu, smp_call_func_t func, void *info, bool wait)
{
	struct csd *csd = &per_cpu(cfd_data, smp_processor_id())[cpu];
	struct csd **head = &per_cpu(call_queue, cpu);
	struct csd *first;

	csd_lock_wait(csd);
	csd->func = func;
	csd->info = info;
	csd->flags = CSD_FLAG_LOCK | (wait ? CSD_TYPE_SYNC : 0);
	first = __atomic_load_n(head, __ATOMIC_RELAXED);
	do {
		csd->next = first;
	} while (!__atomic_compare_exchange_n(head, &first, csd, true, __ATOMIC_RELEASE,
					      __ATOMIC_RELAXED));
	return !first;
}

static void csd_wait(int cpu)
{
	csd_lock_wait(&per_cpu(cfd_data, smp_processor_id())[cpu]);
}

void generic_smp_call_function_interrupt(void)
{
	struct csd *csd = __atomic_exchange_n(this_cpu_ptr(&call_queue), NULL, __ATOMIC_ACQUIRE);

	while (csd) {
		/* Once unlocked, the csd is its owner's again: read it all first. */
		struct csd *next = csd->next;
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		if (csd->flags & CSD_TYPE_SYNC) {
			func(info);
			csd_unlock(csd);
		} else {
			csd_unlock(csd);
			func(info);
		}
		csd = next;
	}
}

static void call_here(smp_call_func_t func, void *info)
{
	unsigned long flags;

	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	int err = 0;

	preempt_disable();
	if (cpu == smp_processor_id()) {
		call_here(func, info);
	} else if (cpu < 0 || cpu >= nr_cpu_ids || !cpu_online(cpu)) {
		err = -ENXIO;
	} else {
		if (csd_queue(cpu, func, info, wait))
			arch_send_call_function_single_ipi(cpu);
		if (wait)
			csd_wait(cpu);
	}
	preempt_enable();
	return err;
}

void smp_call_function_many(const cpumask_t *mask, smp_call_func_t func, void *info,
			    bool wait)
{
	cpumask_t targets, ipi = {};
	int cpu;

	cpumask_and(&targets, mask, cpu_online_mask);
	cpumask_clear_cpu(smp_processor_id(), &targets);
	for_each_cpu(cpu, &targets)
		if (csd_queue(cpu, func, info, wait))
			cpumask_set_cpu(cpu, &ipi);
	if (cpumask_weight(&ipi))
		arch_send_call_function_ipi_mask(&ipi);
	if (wait)
		for_each_cpu(cpu, &targets)
			csd_wait(cpu);
}

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info, wait);
	preempt_enable();
}

void on_each_cpu_mask(const cpumask_t *mask, smp_call_func_t func, void *info, bool wait)
{
	preempt_disable();
	smp_call_function_many(mask, func, info, wait);
	if (cpumask_test_cpu(smp_processor_id(), mask))
		call_here(func, info);
	preempt_enable();
}
