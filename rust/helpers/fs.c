// SPDX-License-Identifier: GPL-2.0-only
#include <linux/fs.h>
#include <linux/buffer_head.h>

struct file *rust_helper_get_file(struct file *f);
struct file *rust_helper_get_file(struct file *f)
{
	return get_file(f);
}

void rust_helper_lock_buffer(struct buffer_head *bh);
void rust_helper_lock_buffer(struct buffer_head *bh)
{
	lock_buffer(bh);
}
