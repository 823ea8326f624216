/* SPDX-License-Identifier: GPL-2.0-only */
/* /proc (fs/proc/base.c). */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

/* Remove /proc/<pid> once the process is reaped. Process context; may sleep. */
void proc_flush_task(pid_t pid);

#endif /* _LINUX_PROC_FS_H */
