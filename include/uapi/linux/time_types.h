/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The 64-bit time of the system call ABI (Linux's names): tv_nsec is a
 * 64-bit slot on every architecture. 64-bit ones read all of it; 32-bit
 * ones (their *_time64 calls) only its low word, where their C library
 * keeps a 32-bit tv_nsec beside padding it leaves undefined.
 */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

#include <linux/types.h>

struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

struct __kernel_itimerspec {
	struct __kernel_timespec it_interval;
	struct __kernel_timespec it_value;
};

#endif /* _UAPI_LINUX_TIME_TYPES_H */
