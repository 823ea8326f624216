// SPDX-License-Identifier: GPL-2.0-only
/* Kernel threads (see linux/kthread.h). */
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/kernel.h>

struct kthread {
	int (*threadfn)(void *);
	void *data;
	bool should_stop;
	int result;
};

static int kthread_entry(void *arg)
{
	struct kthread *kt = arg;

	kthread_exit(kt->threadfn(kt->data));
}

struct task_struct *kthread_create(int (*fn)(void *), void *data, const char *namefmt, ...)
{
	struct kthread *kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	struct task_struct *p;
	char name[TASK_COMM_LEN];
	va_list args;

	if (!kt)
		return ERR_PTR(-ENOMEM);
	kt->threadfn = fn;
	kt->data = data;
	va_start(args, namefmt);
	vscnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	p = create_task(kthread_entry, kt, name);
	if (!p) {
		kfree(kt);
		return ERR_PTR(-ENOMEM);
	}
	p->flags |= PF_KTHREAD;
	p->kthread = kt;
	return p;
}

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	cpumask_t mask = {};

	cpumask_set_cpu(cpu, &mask);
	WARN_ON(set_cpus_allowed_ptr(k, &mask));
}

bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread;

	return kt && READ_ONCE(kt->should_stop);
}

void kthread_exit(int ret)
{
	struct kthread *kt = current->kthread;

	if (kt)
		kt->result = ret;
	do_exit(ret);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_task_dead(k);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}
