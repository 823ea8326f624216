// SPDX-License-Identifier: GPL-2.0-only
#include <linux/poll.h>

void rust_helper_poll_wait(struct file *filp, wait_queue_head_t *wq, poll_table *p);
void rust_helper_poll_wait(struct file *filp, wait_queue_head_t *wq, poll_table *p)
{
	poll_wait(filp, wq, p);
}

__poll_t rust_helper_vfs_poll(struct file *file, struct poll_table_struct *pt);
__poll_t rust_helper_vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	return vfs_poll(file, pt);
}
