// SPDX-License-Identifier: GPL-2.0-only
/* struct file allocation and its reference count. */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include "internal.h"

struct file *alloc_empty_file(int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	atomic_long_set(&f->f_count, 1);
	f->f_flags = flags;
	f->f_cred = get_cred(current_cred());
	return f;
}

void fput(struct file *file)
{
	long left = atomic_long_dec_return(&file->f_count);

	if (WARN_ON(left < 0) || left)
		return;
	if ((file->f_mode & FMODE_OPENED) && file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	path_put(&file->f_path);
	put_cred(file->f_cred);
	kfree(file);
}
