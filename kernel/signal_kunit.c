// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the signal and time ABI every architecture shares (suite
 * "signal_abi"): 64-signal sets of 8 bytes (rt_sigprocmask with the
 * sigsetsize glibc passes, signals 33-64 kept), and the 16-byte
 * __kernel_timespec whose tv_nsec slot is 64 bits, of which a 32-bit
 * architecture reads the low word only. The user values are laid out
 * byte by byte as the ABI has them, not through the kernel's structs.
 *
 * Suite "sigqueue": the queue of pending signals with their siginfo, on
 * the test thread made a process of its own for the case (a sighand and a
 * signal_struct, every signal blocked): real-time signals queue in order,
 * a standard one is pending once, and when each sigqueue allocation fails
 * in turn, a real-time sigqueue() gets EAGAIN and a standard signal still
 * arrives, without its sender; no entry outlives its delivery or the
 * process.
 */
#include <kunit/slab.h>
#include <kunit/test.h>
#include <kunit/uaccess.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/process.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#define UBASE	0x0000000041000000UL	/* user test page */

SYSCALL_DECL(rt_sigprocmask);
SYSCALL_DECL(rt_sigtimedwait);

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

/* The test thread's state the sigqueue cases replace, restored by sigq_exit(). */
static sigset_t sigq_saved_blocked;
static u64 sigq_saved_rlim;

/* Make current a process of one thread with every signal blocked. */
static void sigq_enter(struct kunit *test)
{
	struct task_struct *t = current;

	t->sighand = sighand_alloc(NULL);
	KUNIT_ASSERT_NOT_NULL(test, t->sighand);
	t->signal = signal_struct_alloc(t);
	KUNIT_ASSERT_NOT_NULL(test, t->signal);
	INIT_LIST_HEAD(&t->pending.list);
	t->pending.signal = 0;
	t->blocked = ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	t->rlim[RLIMIT_SIGPENDING].rlim_cur = 64;
}

/* The process ends: its own and its thread's pending signals are freed. */
static void sigq_leave(void)
{
	struct task_struct *t = current;

	exit_sighand(t);
	list_del_init(&t->thread_node);
	put_signal_struct(t);
	t->pending.signal = 0;
	t->blocked = sigq_saved_blocked;
	t->rlim[RLIMIT_SIGPENDING].rlim_cur = sigq_saved_rlim;
}

static int sigq_init(struct kunit *test)
{
	sigq_saved_blocked = current->blocked;
	sigq_saved_rlim = current->rlim[RLIMIT_SIGPENDING].rlim_cur;
	return map_user_test_page(UBASE);
}

static void sigq_exit(struct kunit *test)
{
	if (current->sighand)	/* a failed assertion left the case early */
		sigq_leave();
	unmap_user_test_page(UBASE);
}

/*
 * rt_sigtimedwait() for any signal, without waiting: its number (or
 * -EAGAIN) and, through the user page, its siginfo in @si.
 */
static long sigq_take(struct kunit *test, struct user_siginfo *si)
{
	unsigned long args[4] = { UBASE, UBASE + 64, UBASE + 16, sizeof(sigset_t) };
	sigset_t all = ~(sigset_t)0;
	u64 zero[2] = { 0, 0 };
	long sig;

	if (copy_to_user((void __user *)UBASE, &all, sizeof(all)) ||
	    copy_to_user((void __user *)(UBASE + 16), zero, sizeof(zero)))
		return -EFAULT;
	sig = sys_rt_sigtimedwait(args);
	if (sig > 0)
		KUNIT_EXPECT_EQ(test, copy_from_user(si, (void __user *)(UBASE + 64),
						     sizeof(*si)), 0);
	return sig;
}

static struct ksig_info sigq_info(int code, pid_t pid, unsigned long value)
{
	return (struct ksig_info){ .code = code, .pid = pid, .uid = 5, .value = value };
}

/* Take the next signal, expecting @sig with @code, @pid and @value. */
static void sigq_expect(struct kunit *test, int sig, int code, pid_t pid, unsigned long value)
{
	struct user_siginfo si;

	KUNIT_ASSERT_EQ(test, sigq_take(test, &si), sig);
	KUNIT_EXPECT_EQ(test, si.si_signo, sig);
	KUNIT_EXPECT_EQ(test, si.si_code, code);
	KUNIT_EXPECT_EQ(test, si.kill_chld.pid, pid);
	if (code == SI_QUEUE)
		KUNIT_EXPECT_EQ(test, si.kill_chld.value, value);
}

#define RT1 (SIGRTMIN + 1)

/*
 * Four sends, one allocation each: RT1 (value 1), SIGUSR1, RT1 (2), RT1
 * (3). The allocation of send @fail (4: none) fails: an RT1 then gives
 * EAGAIN and is not queued, SIGUSR1 comes without its sender. SIGUSR1
 * sent again is not queued twice; RT1 come in order after it.
 */
static void sigqueue_alloc_fails_in_turn(struct kunit *test)
{
	for (int fail = 0; fail <= 4; fail++) {
		unsigned long slab0 = slab_allocated_bytes(), slab1;
		struct ksig_info info[4] = {
			sigq_info(SI_QUEUE, 40, 1), sigq_info(SI_USER, 77, 0),
			sigq_info(SI_QUEUE, 40, 2), sigq_info(SI_QUEUE, 40, 3),
		};
		int sigs[4] = { RT1, SIGUSR1, RT1, RT1 }, ret[4];
		struct ksig_info again = sigq_info(SI_USER, 78, 0);

		sigq_enter(test);
		slab1 = slab_allocated_bytes();
		alloc_fail_after(fail);
		for (int i = 0; i < 4; i++)
			ret[i] = send_sig_info(sigs[i], &info[i], current);
		KUNIT_EXPECT_EQ(test, alloc_fail_armed(), fail == 4);
		alloc_fail_off();
		for (int i = 0; i < 4; i++)
			KUNIT_EXPECT_EQ(test, ret[i], i == fail && sigs[i] != SIGUSR1 ? -EAGAIN : 0);
		KUNIT_EXPECT_EQ(test, send_sig_info(SIGUSR1, &again, current), 0);
		KUNIT_EXPECT_EQ(test, atomic_read(&current->signal->nr_sigqueue), fail == 4 ? 4 : 3);

		sigq_expect(test, SIGUSR1, SI_USER, fail == 1 ? 0 : 77, 0);
		for (int i = 0; i < 4; i++)
			if (sigs[i] == RT1 && i != fail)
				sigq_expect(test, RT1, SI_QUEUE, 40, info[i].value);
		KUNIT_EXPECT_EQ(test, sigq_take(test, &(struct user_siginfo){}), -EAGAIN);
		KUNIT_EXPECT_EQ(test, task_pending_signals(current), 0);
		KUNIT_EXPECT_EQ(test, atomic_read(&current->signal->nr_sigqueue), 0);
		KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab1);

		/* Left pending for the process and the thread, freed when it ends. */
		KUNIT_EXPECT_EQ(test, send_sig_info(RT1, &info[0], current), 0);
		KUNIT_EXPECT_EQ(test, send_sig_info(SIGUSR2, &info[1], current), 0);
		force_sig_fault(SIGSEGV, SEGV_MAPERR, 0x1000);
		KUNIT_EXPECT_EQ(test, atomic_read(&current->signal->nr_sigqueue), 3);
		sigq_leave();
		KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab0);
	}
}

/* RLIMIT_SIGPENDING bounds a real-time sigqueue(), not a standard kill(). */
static void sigqueue_rlimit(struct kunit *test)
{
	struct ksig_info q = sigq_info(SI_QUEUE, 40, 1), k = sigq_info(SI_USER, 41, 0);

	sigq_enter(test);
	current->rlim[RLIMIT_SIGPENDING].rlim_cur = 1;
	KUNIT_EXPECT_EQ(test, send_sig_info(RT1, &q, current), 0);
	KUNIT_EXPECT_EQ(test, send_sig_info(RT1, &q, current), -EAGAIN);
	KUNIT_EXPECT_EQ(test, send_sig_info(SIGUSR1, &k, current), 0);
	sigq_expect(test, SIGUSR1, SI_USER, 41, 0);
	sigq_expect(test, RT1, SI_QUEUE, 40, 1);
	KUNIT_EXPECT_EQ(test, sigq_take(test, &(struct user_siginfo){}), -EAGAIN);
	sigq_leave();
}

static struct kunit_case sigqueue_cases[] = {
	KUNIT_CASE(sigqueue_alloc_fails_in_turn),
	KUNIT_CASE(sigqueue_rlimit),
	{}
};

static struct kunit_suite sigqueue_suite = {
	.name = "sigqueue",
	.init = sigq_init,
	.exit = sigq_exit,
	.test_cases = sigqueue_cases,
};
kunit_test_suites(&signal_abi_suite, &sigqueue_suite);
