// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the signal and time ABI every architecture shares (suite
 * "signal_abi"): 64-signal sets of 8 bytes (rt_sigprocmask with the
 * sigsetsize glibc passes, signals 33-64 kept), and the 16-byte
 * __kernel_timespec whose tv_nsec slot is 64 bits, of which a 32-bit
 * architecture reads the low word only. The user values are laid out
 * byte by byte as the ABI has them, not through the kernel's structs.
 */
#include <kunit/test.h>
#include <kunit/uaccess.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#define UBASE	0x0000000041000000UL	/* user test page */

SYSCALL_DECL(rt_sigprocmask);

static int signal_abi_init(struct kunit *test)
{
	return map_user_test_page(UBASE);
}

static void signal_abi_exit(struct kunit *test)
{
	unmap_user_test_page(UBASE);
}

static void signal_abi_sigmask_bits(struct kunit *test)
{
	sigset_t all = 0;

	KUNIT_EXPECT_EQ(test, sizeof(sigset_t), 8);
	for (int sig = 1; sig <= _NSIG; sig++) {
		KUNIT_EXPECT_EQ(test, all & sigmask(sig), 0);
		all |= sigmask(sig);
	}
	KUNIT_EXPECT_EQ(test, all, ~(sigset_t)0);
}

static void signal_abi_sigprocmask_64(struct kunit *test)
{
	u64 __user *uset = (u64 __user *)UBASE, *uold = uset + 1;
	sigset_t saved = current->blocked, set = sigmask(SIGUSR1) | sigmask(_NSIG);
	unsigned long args[4] = { SIG_SETMASK, UBASE, UBASE + 8, 8 };
	u64 old = 0;

	KUNIT_ASSERT_EQ(test, put_user(set | sigmask(SIGKILL), uset), 0);
	KUNIT_EXPECT_EQ(test, sys_rt_sigprocmask(args), 0);
	KUNIT_EXPECT_EQ(test, current->blocked, set);	/* SIGKILL cannot be blocked */
	KUNIT_EXPECT_EQ(test, get_user(old, uold), 0);
	KUNIT_EXPECT_EQ(test, old, saved);
	/* Any other size is refused, and the mask stays. */
	args[3] = 4;
	KUNIT_EXPECT_EQ(test, sys_rt_sigprocmask(args), -EINVAL);
	args[3] = 16;
	KUNIT_EXPECT_EQ(test, sys_rt_sigprocmask(args), -EINVAL);
	KUNIT_EXPECT_EQ(test, current->blocked, set);
	current->blocked = saved;
}

static void signal_abi_timespec_layout(struct kunit *test)
{
	/* Two timespecs: {3 s, 7 ns with a padding word of ones}, {1 s, 2 ns}. */
	u64 words[4] = { 3, 0xffffffff00000007ULL, 1, 2 };
	struct __kernel_timespec __user *uts = (struct __kernel_timespec __user *)UBASE;
	s64 ns = 0;

	KUNIT_ASSERT_EQ(test, sizeof(*uts), 16);
	KUNIT_ASSERT_EQ(test, copy_to_user(uts, words, sizeof(words)), 0);
	KUNIT_EXPECT_EQ(test, get_timespec_ns(&uts[1], &ns), 0);
	KUNIT_EXPECT_EQ(test, ns, 1000000002LL);
	/* The upper word is padding where long is 32 bits, else part of tv_nsec. */
	if (sizeof(long) == 4) {
		KUNIT_EXPECT_EQ(test, get_timespec_ns(&uts[0], &ns), 0);
		KUNIT_EXPECT_EQ(test, ns, 3000000007LL);
	} else {
		KUNIT_EXPECT_EQ(test, get_timespec_ns(&uts[0], &ns), -EINVAL);
	}
}

static struct kunit_case signal_abi_cases[] = {
	KUNIT_CASE(signal_abi_sigmask_bits),
	KUNIT_CASE(signal_abi_sigprocmask_64),
	KUNIT_CASE(signal_abi_timespec_layout),
	{}
};

static struct kunit_suite signal_abi_suite = {
	.name = "signal_abi",
	.init = signal_abi_init,
	.exit = signal_abi_exit,
	.test_cases = signal_abi_cases,
};
kunit_test_suites(&signal_abi_suite);
