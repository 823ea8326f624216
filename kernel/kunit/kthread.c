// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers for tests that run kernel threads (include/kunit/kthread.h).
 */
#include <kunit/kthread.h>
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched.h>

void kunit_sleep_until_stop(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

bool kunit_wait_task_asleep(struct task_struct *t, long state, unsigned int ms)
{
	for (unsigned int i = 0; i <= ms; i++) {
		/*
		 * Off every CPU too: a task still running on another CPU
		 * with its sleeping state set has not yet tested its
		 * condition, and may yet find it true and not sleep.
		 */
		if (READ_ONCE(t->__state) == state && !READ_ONCE(t->on_rq) &&
		    !READ_ONCE(t->on_cpu))
			return true;
		msleep(1);
	}
	return false;
}

unsigned int kunit_pin_cpu(void)
{
	unsigned int cpu = task_cpu(current);
	cpumask_t one = {};

	cpumask_set_cpu(cpu, &one);
	WARN_ON(set_cpus_allowed_ptr(current, &one));
	return cpu;
}

int kunit_run_on_tick_cpu(void)
{
	cpumask_t tick_cpu = {};

	cpumask_set_cpu(0, &tick_cpu);
	return set_cpus_allowed_ptr(current, &tick_cpu);
}

void kunit_unpin_cpu(void)
{
	WARN_ON(set_cpus_allowed_ptr(current, cpu_active_mask));
}
