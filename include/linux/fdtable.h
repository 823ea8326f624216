/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A process's open file descriptors (fs/file.c): a table of struct file
 * pointers and a close-on-exec bitmap, shared by reference count (a
 * fork copies it; a clone with CLONE_FILES would share it).
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/types.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

struct file;

/* Descriptors per process (Linux's default RLIMIT_NOFILE soft limit is 1024). */
#define NR_OPEN_DEFAULT 256

struct files_struct {
	refcount_t count;
	spinlock_t file_lock;
	struct file *fd[NR_OPEN_DEFAULT];
	unsigned long close_on_exec[NR_OPEN_DEFAULT / (8 * sizeof(long))];
};

/* files_init() - the tables' slab cache; once at boot, before files_alloc(). */
void files_init(void);

/* An empty table with one reference, or NULL on -ENOMEM. May sleep. */
struct files_struct *files_alloc(void);

/* dup_fd() - a copy of @old (each file gets a reference); NULL on -ENOMEM. */
struct files_struct *dup_fd(struct files_struct *old);

/* put_files_struct() - drop a reference; the last closes every file. May sleep. */
void put_files_struct(struct files_struct *files);

/* exit_files() - current leaves its table (process exit). May sleep. */
void exit_files(void);

/* do_close_on_exec() - close current's O_CLOEXEC descriptors (execve). */
void do_close_on_exec(void);

#endif /* _LINUX_FDTABLE_H */
