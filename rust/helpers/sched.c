// SPDX-License-Identifier: GPL-2.0-only
#include <linux/sched.h>
#include <linux/kthread.h>

struct task_struct *rust_helper_get_current(void);
struct task_struct *rust_helper_get_current(void)
{
	return current;
}

void rust_helper_set_current_state(long state);
void rust_helper_set_current_state(long state)
{
	set_current_state(state);
}

bool rust_helper_signal_pending(struct task_struct *t);
bool rust_helper_signal_pending(struct task_struct *t)
{
	return signal_pending(t);
}

pid_t rust_helper_task_pid(const struct task_struct *t);
pid_t rust_helper_task_pid(const struct task_struct *t)
{
	return t->pid;
}

const char *rust_helper_task_comm(const struct task_struct *t);
const char *rust_helper_task_comm(const struct task_struct *t)
{
	return t->comm;
}
