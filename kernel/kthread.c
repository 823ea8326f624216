// SPDX-License-Identifier: GPL-2.0-only
/* Kernel threads (see linux/kthread.h). */
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/kernel.h>

struct kthread {
	int (*threadfn)(void *);
	void *data;
	bool should_stop;
	struct completion exited;
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
	init_completion(&kt->exited);
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

bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread;

	return kt && READ_ONCE(kt->should_stop);
}

void kthread_exit(int ret)
{
	struct kthread *kt = current->kthread;

	if (kt) {
		kt->result = ret;
		complete(&kt->exited);
	}
	do_exit(ret);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}
