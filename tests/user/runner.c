// SPDX-License-Identifier: GPL-2.0-only
/*
 * The user-space test runner: run as init (rdinit=/tests/runner), it runs
 * every test program in turn, each as one KTAP suite of the top-level plan
 * (their index in KTAP_INDEX), then checks that processes that crash die
 * alone and that memory is back where it was, and powers off.
 */
#include <signal.h>
#include <unistd.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include "ktest.h"

static const char *const programs[] = {
	"/tests/basic", "/tests/basic-pie", "/tests/proc", "/tests/files", "/tests/pipes",
	"/tests/mem", "/tests/time", "/tests/signals", "/tests/efault", "/tests/devices",
	"/tests/sys", "/tests/creds", "/tests/perms", "/tests/compat", "/tests/threads",
	"/tests/mount", "/tests/timers",
#ifndef __GLIBC__
	/* where the rest use musl: glibc's threads, signals and timers too (usr/Makefile) */
	"/tests/threads-glibc", "/tests/signals-glibc", "/tests/timers-glibc",
#endif
#ifdef __arm__
	"/tests/signals-thumb",	/* signals.c as Thumb code (arch/arm/Makefile) */
#endif
};
#define NPROG (int)(sizeof(programs) / sizeof(programs[0]))

static int run(const char *path, int index)
{
	char idx[16];
	pid_t pid;
	int status;

	snprintf(idx, sizeof(idx), "%d", index);
	pid = fork();
	if (pid == 0) {
		char env[32];
		char *const argv[] = { (char *)path, NULL };
		char *const envp[] = { env, NULL };

		snprintf(env, sizeof(env), "KTAP_INDEX=%s", idx);
		execve(path, argv, envp);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static unsigned long free_ram(void)
{
	struct sysinfo si;

	return sysinfo(&si) ? 0 : si.freeram;
}

static unsigned long free_before;

static void crash_kills_only_the_child(void)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		execl("/tests/helper", "helper", "segv", (char *)NULL);
		_exit(127);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGSEGV);
}

static void exit_status_reaches_parent(void)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0)
		_exit(42);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 42);
}

static void memory_is_back(void)
{
	unsigned long after;

	usleep(20000);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	after = free_ram();

	if (after != free_before)
		printf("    # free pages: %lu before the tests, %lu after\n", free_before, after);
	EXPECT_EQ(after, free_before);
}

int main(void)
{
	static const struct ktest_case cases[] = {
		KTEST(crash_kills_only_the_child), KTEST(exit_status_reaches_parent),
		KTEST(memory_is_back),
	};
	int status;

	char idx[16];

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("KTAP version 1\n1..%d\n", NPROG + 1);
	/* Allocate what the runner needs before measuring memory. */
	snprintf(idx, sizeof(idx), "%d", NPROG + 1);
	setenv("KTAP_INDEX", idx, 1);
	/* Warm up the kernel's caches (stacks, page tables) before measuring. */
	run("/tests/helper", 0);
	usleep(20000);		/* a reaped child may still be switching out */
	free_before = free_ram();
	for (int i = 0; i < NPROG; i++) {
		/*
		 * basic-pie is missing where the C library has no static-pie,
		 * and a program not ported to the architecture yet
		 * (USER_TESTS_NOT_PORTED, usr/Makefile).
		 */
		if (access(programs[i], X_OK)) {
			printf("ok %d %s # SKIP not built for this architecture\n", i + 1,
			       strrchr(programs[i], '/') + 1);
			continue;
		}
		status = run(programs[i], i + 1);
		/* Orphans the tests left to init (us). */
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (status != 0 && status != (1 << 8)) {
			const char *name = strrchr(programs[i], '/') + 1;

			printf("    # %s ended with wait status %#x\n", name, status);
			printf("not ok %d %s\n", i + 1, name);
		}
	}
	ktest_run("user_runner", cases, sizeof(cases) / sizeof(cases[0]));
	reboot(RB_POWER_OFF);
	return 0;
}
