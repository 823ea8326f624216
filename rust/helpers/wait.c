// SPDX-License-Identifier: GPL-2.0-only
#include <linux/wait.h>
#include <linux/completion.h>

void rust_helper_wake_up(struct wait_queue_head *wq);
void rust_helper_wake_up(struct wait_queue_head *wq)
{
	wake_up(wq);
}

void rust_helper_wake_up_all(struct wait_queue_head *wq);
void rust_helper_wake_up_all(struct wait_queue_head *wq)
{
	wake_up_all(wq);
}

void rust_helper_init_wait_entry(struct wait_queue_entry *entry);
void rust_helper_init_wait_entry(struct wait_queue_entry *entry)
{
	entry->flags = 0;
	entry->private = current;
	entry->func = default_wake_function;
	INIT_LIST_HEAD(&entry->entry);
}

void rust_helper_init_completion(struct completion *x);
void rust_helper_init_completion(struct completion *x)
{
	init_completion(x);
}

void rust_helper_reinit_completion(struct completion *x);
void rust_helper_reinit_completion(struct completion *x)
{
	reinit_completion(x);
}
