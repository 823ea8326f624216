/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KTAP output for user-space test programs (built with musl-gcc, run in
 * Ferrite by scripts/run_tests.py). A program is one suite of cases:
 *
 *	static void write_works(void) { EXPECT_EQ(write(1, "", 0), 0); }
 *	KTEST_MAIN("syscalls_rw", KTEST(write_works));
 *
 * prints the same KTAP shape as the in-kernel KUnit suites. Run by the test
 * runner (tests/user/runner.c) it is one suite of the top-level plan
 * (KTAP_INDEX in the environment); run alone it prints its own plan, and as
 * pid 1 it powers the machine off at the end.
 */
#ifndef KTEST_H
#define KTEST_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct ktest_case {
	const char *name;
	void (*fn)(void);
};

static int ktest_case_failed;
static int ktest_failed_cases;

#define KTEST(fn) { #fn, fn }

#define KT_FAIL(fmt, ...) do {						\
	printf("    # %s:%d: " fmt "\n", __FILE__, __LINE__, ##__VA_ARGS__);	\
	ktest_case_failed = 1;						\
} while (0)

#define EXPECT_TRUE(c) do { if (!(c)) KT_FAIL("EXPECTATION FAILED: %s", #c); } while (0)

#define EXPECT_EQ(a, b) do {						\
	long long __a = (long long)(a), __b = (long long)(b);		\
	if (__a != __b)							\
		KT_FAIL("EXPECTATION FAILED: %s == %s (%lld != %lld)", #a, #b, __a, __b); \
} while (0)

#define EXPECT_NE(a, b) do {						\
	long long __a = (long long)(a), __b = (long long)(b);		\
	if (__a == __b)							\
		KT_FAIL("EXPECTATION FAILED: %s != %s (both %lld)", #a, #b, __a); \
} while (0)

/* A libc call that must fail with -1 and errno e. */
#define EXPECT_ERRNO(call, e) do {					\
	errno = 0;							\
	long __r = (long)(call);					\
	int __e = errno;						\
	if (__r != -1 || __e != (e))					\
		KT_FAIL("EXPECTATION FAILED: %s gave %ld errno %d (%s), want -1 errno %d (%s)", \
			#call, __r, __e, strerror(__e), (e), strerror(e));	\
} while (0)

static inline int ktest_run(const char *suite, const struct ktest_case *cases, int n)
{
	const char *index = getenv("KTAP_INDEX");

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!index)
		printf("KTAP version 1\n1..1\n");
	printf("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite, n);
	for (int i = 0; i < n; i++) {
		ktest_case_failed = 0;
		cases[i].fn();
		fflush(stdout);
		printf("    %s %d %s\n", ktest_case_failed ? "not ok" : "ok", i + 1, cases[i].name);
		ktest_failed_cases += ktest_case_failed;
	}
	printf("%s %s %s\n", ktest_failed_cases ? "not ok" : "ok", index ? index : "1", suite);
	fflush(stdout);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return ktest_failed_cases ? 1 : 0;
}

/* What a second build of a program adds to its suite's name ("_glibc": usr/Makefile). */
#ifndef KTEST_SUITE_SUFFIX
#define KTEST_SUITE_SUFFIX ""
#endif

#define KTEST_MAIN(suite, ...)						\
	int main(void)							\
	{								\
		static const struct ktest_case cases[] = { __VA_ARGS__ }; \
		return ktest_run(suite, cases, sizeof(cases) / sizeof(cases[0])); \
	}

/*
 * ktest_in_child() - run @fn in a child process (which may change its
 * credentials or state freely); its failures count for the calling case.
 */
static inline void ktest_in_child(void (*fn)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		fflush(stdout);
		_exit(ktest_case_failed);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
		KT_FAIL("child case failed (status %#x)", status);
}

/* Addresses no user pointer may be: NULL, the kernel, and an unmapped page. */
#define BAD_NULL ((void *)0)
/*
 * Unmapped, but below every port's TASK_SIZE (riscv64 Sv39: 256 GiB;
 * arm64, 39 bits: 512 GiB; arm: 2 GiB).
 */
#if defined(__riscv)
#define BAD_KERNEL ((void *)0xffffffff80100000UL)
#define BAD_UNMAPPED ((void *)0x3e00000000UL)
#elif defined(__aarch64__)
#define BAD_KERNEL ((void *)0xffffffff80100000UL)
#define BAD_UNMAPPED ((void *)0x7e00000000UL)
#elif defined(__arm__)
#define BAD_KERNEL ((void *)0xc0100000UL)
#define BAD_UNMAPPED ((void *)0x60000000UL)
#else
#define BAD_KERNEL ((void *)0xffffffff80100000UL)
#define BAD_UNMAPPED ((void *)0x7e0000000000UL)
#endif

#include "syscall_names.h"

#endif /* KTEST_H */
