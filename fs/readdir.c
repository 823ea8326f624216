// SPDX-License-Identifier: GPL-2.0-only
/* Directory listing: iterate_dir() and the dcache-backed implementation. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include "internal.h"

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int err;

	if (!file->f_op->iterate_shared)
		return -ENOTDIR;
	vfs_ns_lock();
	err = -ENOENT;
	if (!(inode->i_flags & S_DEAD)) {
		ctx->pos = file->f_pos;
		err = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
	}
	vfs_ns_unlock();
	return err;
}

static unsigned int dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;	/* S_IFxxx >> 12 == DT_xxx */
}

/*
 * Positions: 0 is ".", 1 is "..", 2 + n is the n-th child in creation
 * order. An entry removed between two calls shifts the later ones down, so
 * one may be skipped: acceptable for now, as in Linux before cursors.
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file_dentry(file), *child;
	loff_t i = 2;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dentry->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dentry->d_parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (i++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, child->d_name.name, child->d_name.len,
			      child->d_inode->i_ino, dt_type(child->d_inode)))
			return 0;
		ctx->pos++;
	}
	return 0;
}
