/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _FS_RAMFS_INTERNAL_H
#define _FS_RAMFS_INTERNAL_H

#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>

struct page;

/* A ramfs inode: the VFS inode and, for regular files, the data pages. */
struct ramfs_inode {
	struct page **pages;		/* pages[i] holds bytes [i * PAGE_SIZE, ...), or NULL */
	unsigned long nr_slots;		/* length of pages[] */
	struct mutex pages_lock;	/* pages[], nr_slots (file.c: the lock order) */
	struct inode vfs_inode;
};

static inline struct ramfs_inode *RAMFS_I(struct inode *inode)
{
	return container_of(inode, struct ramfs_inode, vfs_inode);
}

extern const struct file_operations ramfs_file_operations;
extern const struct inode_operations ramfs_file_inode_operations;

/* Free every data page of @ri (the inode is going away). */
void ramfs_free_data(struct ramfs_inode *ri);

#endif /* _FS_RAMFS_INTERNAL_H */
