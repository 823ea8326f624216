// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the kuser helpers (suite "arm_kuser", arch/arm/kernel/
 * entry.S): the code at the top of the vectors page that ARMv5 user
 * programs (Debian's armel glibc and busybox) call for the thread pointer
 * and atomic operations. The kernel calls them at their fixed addresses
 * as a program would, and reads and writes the page with unprivileged
 * accesses (the user permissions): readable, not writable. The TLS
 * pointer the helper returns (TPIDRURO) belongs to each thread.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <linux/uaccess.h>

#define KUSER_CMPXCHG64 0xffff0f60UL
#define KUSER_MEMORY_BARRIER 0xffff0fa0UL
#define KUSER_CMPXCHG 0xffff0fc0UL
#define KUSER_GET_TLS 0xffff0fe0UL
#define KUSER_HELPER_VERSION 0xffff0ffcUL

typedef int (*kuser_cmpxchg_t)(int oldval, int newval, volatile int *ptr);
typedef int (*kuser_cmpxchg64_t)(const s64 *oldval, const s64 *newval, volatile s64 *ptr);
/* Declared as returning its argument: the helper must leave r0 alone. */
typedef unsigned long (*kuser_barrier_t)(unsigned long r0);
typedef unsigned long (*kuser_get_tls_t)(void);

static void arm_kuser_cmpxchg(struct kunit *test)
{
	kuser_cmpxchg_t cmpxchg = (kuser_cmpxchg_t)KUSER_CMPXCHG;
	volatile int v = 41;

	KUNIT_EXPECT_EQ(test, cmpxchg(41, 42, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 42);
	KUNIT_EXPECT_NE(test, cmpxchg(41, 43, &v), 0);	/* *ptr is 42 now */
	KUNIT_EXPECT_EQ(test, v, 42);
}

static void arm_kuser_cmpxchg64(struct kunit *test)
{
	kuser_cmpxchg64_t cmpxchg64 = (kuser_cmpxchg64_t)KUSER_CMPXCHG64;
	s64 old = 0x100000001LL, new = -2, other = 0x200000001LL;
	volatile s64 v = old;

	KUNIT_EXPECT_EQ(test, cmpxchg64(&old, &new, &v), 0);
	KUNIT_EXPECT_EQ(test, v, -2);
	/* Equal low words, different high words: no store. */
	v = old;
	KUNIT_EXPECT_NE(test, cmpxchg64(&other, &new, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0x100000001LL);
}

static void arm_kuser_barrier_get_tls(struct kunit *test)
{
	kuser_barrier_t mem_barrier = (kuser_barrier_t)KUSER_MEMORY_BARRIER;
	kuser_get_tls_t get_tls = (kuser_get_tls_t)KUSER_GET_TLS;
	unsigned long saved;

	KUNIT_EXPECT_EQ(test, mem_barrier(0x12345678), 0x12345678UL);

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 3" : "=r"(saved));
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(0xcafe0008UL));
	KUNIT_EXPECT_EQ(test, get_tls(), 0xcafe0008UL);
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(saved));
}

#define TLS_MAIN 0xa11ce000UL
#define TLS_WORKER 0xb0b00000UL

struct tls_check {
	unsigned long first;		/* the worker's TLS before it set its own */
	unsigned int rounds, wrong;	/* worker checks, and those that failed */
};

/* Sets its own TLS, then checks it across switches until stopped. */
static int tls_worker(void *data)
{
	kuser_get_tls_t get_tls = (kuser_get_tls_t)KUSER_GET_TLS;
	struct tls_check *c = data;

	c->first = get_tls();
	arch_set_tls(current, TLS_WORKER);
	while (!kthread_should_stop()) {
		if (get_tls() != TLS_WORKER)
			c->wrong++;
		WRITE_ONCE(c->rounds, c->rounds + 1);
		yield();
	}
	return 0;
}

/*
 * Two threads with different TLS pointers switching back and forth each
 * keep their own: the context switch saves and loads TPIDRURO, and a new
 * thread starts with 0.
 */
static void arm_kuser_tls_per_thread(struct kunit *test)
{
	kuser_get_tls_t get_tls = (kuser_get_tls_t)KUSER_GET_TLS;
	unsigned long saved = get_tls();
	struct tls_check c = { .first = ~0UL };
	unsigned int main_wrong = 0;
	struct task_struct *t;

	arch_set_tls(current, TLS_MAIN);
	KUNIT_EXPECT_EQ(test, get_tls(), TLS_MAIN);
	t = kthread_run(tls_worker, &c, "tls_worker");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	for (int i = 0; i < 1000 && READ_ONCE(c.rounds) < 20; i++) {
		msleep(1);
		if (get_tls() != TLS_MAIN)
			main_wrong++;
	}
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	arch_set_tls(current, saved);

	KUNIT_EXPECT_EQ(test, c.first, 0UL);
	KUNIT_EXPECT_GE(test, c.rounds, 20U);
	KUNIT_EXPECT_EQ(test, c.wrong, 0U);
	KUNIT_EXPECT_EQ(test, main_wrong, 0U);
}

/*
 * The page is above TASK_SIZE, so access_ok() would refuse it: the test
 * uses __get_user()/__put_user(), whose LDRT/STRT check the user
 * permissions of the mapping itself.
 */
static void arm_kuser_page_user_read_only(struct kunit *test)
{
	u32 __user *version = (u32 __user *)KUSER_HELPER_VERSION;
	u32 v = 0;

	KUNIT_EXPECT_EQ(test, __get_user(v, version), 0);
	KUNIT_EXPECT_EQ(test, v, 5U);
	KUNIT_EXPECT_EQ(test, __put_user(6U, version), -EFAULT);
	KUNIT_EXPECT_EQ(test, *(const volatile u32 *)KUSER_HELPER_VERSION, 5U);
}

static struct kunit_case arm_kuser_cases[] = {
	KUNIT_CASE(arm_kuser_cmpxchg),
	KUNIT_CASE(arm_kuser_cmpxchg64),
	KUNIT_CASE(arm_kuser_barrier_get_tls),
	KUNIT_CASE(arm_kuser_tls_per_thread),
	KUNIT_CASE(arm_kuser_page_user_read_only),
	{}
};

static struct kunit_suite arm_kuser_suite = {
	.name = "arm_kuser",
	.test_cases = arm_kuser_cases,
};
kunit_test_suites(&arm_kuser_suite);
