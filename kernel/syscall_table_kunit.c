// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the system call table and invoke_syscall() (suite
 * "syscall_table"): every number the architecture lists reaches its
 * function, and unknown or unlisted numbers give -ENOSYS.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

#define __SYSCALL(nr, name) long sys_##name(const unsigned long *args);
#include <asm/syscall_table.h>
#undef __SYSCALL

static void syscall_table_lists_each_call(struct kunit *test)
{
	unsigned int listed = 0, filled = 0;

#define __SYSCALL(nr, name)						\
	do {								\
		KUNIT_EXPECT_LT(test, (unsigned int)(nr), NR_syscalls);	\
		KUNIT_EXPECT_PTR_EQ(test, sys_call_table[nr], sys_##name); \
		listed++;						\
	} while (0);
#include <asm/syscall_table.h>
#undef __SYSCALL
	for (unsigned int nr = 0; nr < NR_syscalls; nr++)
		filled += sys_call_table[nr] != NULL;
	/* No number was listed twice (a later entry would hide an earlier one). */
	KUNIT_EXPECT_EQ(test, filled, listed);
	KUNIT_EXPECT_GT(test, listed, 50U);
}

static void syscall_table_unknown_is_enosys(struct kunit *test)
{
	const unsigned long args[6] = { 0 };
	unsigned int hole = 0;

	KUNIT_EXPECT_EQ(test, invoke_syscall(NR_syscalls, args), -ENOSYS);
	KUNIT_EXPECT_EQ(test, invoke_syscall(NR_syscalls + 1000UL, args), -ENOSYS);
	KUNIT_EXPECT_EQ(test, invoke_syscall(~0UL, args), -ENOSYS);
	while (hole < NR_syscalls && sys_call_table[hole])
		hole++;
	if (hole < NR_syscalls)
		KUNIT_EXPECT_EQ(test, invoke_syscall(hole, args), -ENOSYS);
}

static struct kunit_case syscall_table_cases[] = {
	KUNIT_CASE(syscall_table_lists_each_call),
	KUNIT_CASE(syscall_table_unknown_is_enosys),
	{}
};

static struct kunit_suite syscall_table_suite = {
	.name = "syscall_table",
	.test_cases = syscall_table_cases,
};

kunit_test_suites(&syscall_table_suite);
