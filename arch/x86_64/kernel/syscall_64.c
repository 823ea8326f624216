// SPDX-License-Identifier: GPL-2.0-only
/* The x86-64 system call table: Linux's numbers (asm/syscall_table.h). */
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
