// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system call table, built from the architecture's list of numbers
 * (asm/syscall_table.h: __SYSCALL(nr, name) lines; x86-64 has its own,
 * the other ports Linux's generic numbers of asm-generic/syscall_table.h),
 * and the dispatch every architecture's entry code calls.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#define __SYSCALL(nr, name) long sys_##name(const unsigned long *args);
#include <asm/syscall_table.h>
#undef __SYSCALL

#define __SYSCALL(nr, name) [nr] = sys_##name,
const syscall_fn_t sys_call_table[] = {
#include <asm/syscall_table.h>
};
#undef __SYSCALL

const unsigned int NR_syscalls = ARRAY_SIZE(sys_call_table);

/* The CPU time a call takes is the caller's system time (kernel/sched/cputime.c). */
long invoke_syscall(unsigned long nr, const unsigned long *args)
{
	u64 start = task_cpu_time_ns(current);
	long ret;

	if (nr < NR_syscalls && sys_call_table[nr])
		ret = sys_call_table[nr](args);
	else
		ret = sys_ni_syscall(nr);
	account_system_time(current, task_cpu_time_ns(current) - start);
	return ret;
}
