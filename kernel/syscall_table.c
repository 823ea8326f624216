// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system call table, built from the architecture's list of numbers
 * (asm/syscall_table.h: __SYSCALL(nr, name) lines; x86-64 has its own,
 * the other ports Linux's generic numbers of asm-generic/syscall_table.h),
 * and the dispatch every architecture's entry code calls.
 */
#include <linux/kernel.h>
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

long invoke_syscall(unsigned long nr, const unsigned long *args)
{
	if (nr < NR_syscalls && sys_call_table[nr])
		return sys_call_table[nr](args);
	return sys_ni_syscall(nr);
}
