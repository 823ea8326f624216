/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <uapi/linux/errno.h>

/* Kernel-internal codes, never seen by user space (Linux's numbers). */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514	/* restart only if no handler ran */
#define ERESTART_RESTARTBLOCK 516
#define ENOTSUPP 524

#define MAX_ERRNO 4095

#endif /* _LINUX_ERRNO_H */
