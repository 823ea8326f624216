// SPDX-License-Identifier: GPL-2.0-only
/* Unknown and unimplemented system calls: -ENOSYS, logged once per number. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#define NI_TRACKED 1024

static unsigned long ni_seen[NI_TRACKED / (8 * sizeof(long))];

long sys_ni_syscall(unsigned long nr)
{
	const unsigned int bits = 8 * sizeof(long);

	if (nr >= NI_TRACKED || !(ni_seen[nr / bits] & (1UL << (nr % bits)))) {
		if (nr < NI_TRACKED)
			ni_seen[nr / bits] |= 1UL << (nr % bits);
		pr_info("%s[%d]: unknown system call %lu\n", current->comm, current->pid, nr);
	}
	return -ENOSYS;
}
