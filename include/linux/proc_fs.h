/* SPDX-License-Identifier: GPL-2.0-only */
/* /proc (fs/proc/base.c). */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

struct seq_file;

/* A directory or file of /proc made below (an opaque handle). */
struct proc_dir_entry;

/*
 * proc_mkdir() - directory @name under @parent (NULL: /proc itself),
 * or the one already there. proc_create_single() - a read-only file
 * @name under @parent whose contents @show(m, NULL) writes with
 * seq_printf() each time the file is opened (at most 4 KiB; a non-zero
 * return fails the open with it). Both return the new entry, or NULL
 * (no memory, /proc not mounted yet, @name empty, with a '/' or taken).
 * Entries stay for the kernel's lifetime. Process context; may sleep.
 */
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_create_single(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  int (*show)(struct seq_file *, void *));

/* Remove /proc/<pid> once the process is reaped. Process context; may sleep. */
void proc_flush_task(pid_t pid);

/* Remove a thread's /proc/<tid> and /proc/<tgid>/task/<tid> once it exits. Same context. */
void proc_flush_thread(pid_t tgid, pid_t tid);

#endif /* _LINUX_PROC_FS_H */
