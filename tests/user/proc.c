// SPDX-License-Identifier: GPL-2.0-only
/* Processes: fork, vfork, clone, execve, wait4, exit status, zombies, reparenting, kill. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* CLONE_* */
#endif
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <fcntl.h>
#include "ktest.h"

static int wait_status(pid_t pid)
{
	int status = -1;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void fork_returns_twice(void)
{
	int marker = 1;
	pid_t pid = fork();

	if (pid == 0) {
		marker = 2;		/* copy on write: the parent must not see it */
		_exit(marker == 2 && getppid() > 0 ? 7 : 0);
	}
	EXPECT_TRUE(pid > 0);
	EXPECT_EQ(wait_status(pid), 7 << 8);
	EXPECT_EQ(marker, 1);
}

static void wait_errors(void)
{
	int status;
	pid_t pid;

	EXPECT_ERRNO(waitpid(-1, &status, 0), ECHILD);
	EXPECT_ERRNO(waitpid(12345, &status, WNOHANG), ECHILD);
	EXPECT_ERRNO(waitpid(-1, &status, 0x4000000), EINVAL);
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		_exit(3);
	}
	EXPECT_EQ(waitpid(pid, &status, WNOHANG), 0);	/* still running */
	EXPECT_ERRNO(syscall(SYS_wait4, pid, BAD_KERNEL, 0, NULL), EFAULT);
	/* The child was reaped by the failed call? No: EFAULT comes after reaping
	 * in Linux too, so it is gone now. */
	EXPECT_ERRNO(waitpid(pid, &status, 0), ECHILD);
}

static void exec_passes_args_and_env(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		execl("/tests/helper", "helper", "args", "ab", "cde", (char *)NULL);
		_exit(127);
	}
	EXPECT_EQ(wait_status(pid), ((4 + 10 * 5) & 0xff) << 8);
	pid = fork();
	if (pid == 0) {
		char *const argv[] = { "helper", "env", "FERRITE", NULL };
		char *const envp[] = { "A=1", "FERRITE=yes", NULL };

		execve("/tests/helper", argv, envp);
		_exit(127);
	}
	EXPECT_EQ(wait_status(pid), 0);
}

static void exec_errors(void)
{
	char *const argv[] = { "x", NULL };
	int fd;

	EXPECT_ERRNO(execve("/tests/nonexistent", argv, NULL), ENOENT);
	EXPECT_ERRNO(execve(BAD_NULL, argv, NULL), EFAULT);
	EXPECT_ERRNO(execve(BAD_KERNEL, argv, NULL), EFAULT);
	EXPECT_ERRNO(execve("/tests/helper", BAD_UNMAPPED, NULL), EFAULT);
	EXPECT_ERRNO(execve("/tests/helper", argv, BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(execve("/tests", argv, NULL), EACCES);
	/* A file that is executable but not a program. */
	fd = open("/tmp/notaprogram", O_CREAT | O_WRONLY | O_TRUNC, 0755);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(write(fd, "garbage garbage garbage\n", 24), 24);
	close(fd);
	EXPECT_ERRNO(execve("/tmp/notaprogram", argv, NULL), ENOEXEC);
	chmod("/tmp/notaprogram", 0644);
	EXPECT_ERRNO(execve("/tmp/notaprogram", argv, NULL), EACCES);
	unlink("/tmp/notaprogram");
}

static void vfork_shares_until_exec(void)
{
	pid_t pid = vfork();

	if (pid == 0) {
		execl("/tests/helper", "helper", "exit", "5", (char *)NULL);
		_exit(127);
	}
	EXPECT_TRUE(pid > 0);
	EXPECT_EQ(wait_status(pid), 5 << 8);
}

static void orphans_go_to_init(void)
{
	int fds[2], status;
	char buf[32] = { 0 };
	pid_t child;

	EXPECT_EQ(pipe(fds), 0);
	child = fork();
	if (child == 0) {
		pid_t grandchild = fork();

		if (grandchild == 0) {
			/* Wait until the parent is gone, then report our new parent. */
			for (int i = 0; i < 200 && getppid() != 1; i++)
				usleep(1000);
			char out[16];
			int n = snprintf(out, sizeof(out), "%d", (int)getppid());

			write(fds[1], out, n);
			_exit(0);
		}
		_exit(0);
	}
	close(fds[1]);
	EXPECT_EQ(waitpid(child, &status, 0), child);
	EXPECT_TRUE(read(fds[0], buf, sizeof(buf) - 1) > 0);
	EXPECT_EQ(atoi(buf), 1);
	close(fds[0]);
}

static void zombie_keeps_status(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(9);
	usleep(20000);		/* it is a zombie now */
	EXPECT_EQ(kill(pid, 0), 0);	/* zombies still exist */
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 9 << 8);
	EXPECT_ERRNO(kill(pid, 0), ESRCH);
}

static void kill_terminates(void)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		for (;;)
			pause();
	}
	usleep(10000);
	EXPECT_EQ(kill(pid, SIGKILL), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	EXPECT_ERRNO(kill(pid, SIGKILL), ESRCH);
	EXPECT_ERRNO(kill(getpid(), 99), EINVAL);
}

static void many_processes(void)
{
	int ok = 0;

	for (int i = 0; i < 60; i++) {
		pid_t pid = fork();
		int status;

		if (pid == 0)
			_exit(i & 0x7f);
		if (pid > 0 && waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == (i & 0x7f))
			ok++;
	}
	EXPECT_EQ(ok, 60);
	/* Several alive at once, reaped in any order. */
	for (int i = 0; i < 20; i++)
		if (fork() == 0)
			_exit(0);
	ok = 0;
	while (wait(NULL) > 0)
		ok++;
	EXPECT_EQ(ok, 20);
}

static void process_groups(void)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		/* Not a group leader yet: setsid() works, then setpgid() may not. */
		if (setsid() != getpid() || getsid(0) != getpid() || getpgrp() != getpid())
			_exit(2);
		if (setsid() != -1 || errno != EPERM)
			_exit(3);
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(getpgid(0), getpgrp());
	pid = fork();
	if (pid == 0)
		_exit(setpgid(0, 0) || getpgrp() != getpid());
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_ERRNO(getpgid(99999), ESRCH);
}

/* clone(2) as the kernel takes it: arm64 puts the TLS before child_tid. */
static long raw_clone(unsigned long flags, int *parent_tid, int *child_tid)
{
#if defined(__x86_64__)
	return syscall(SYS_clone, flags, 0, parent_tid, child_tid, 0);
#else
	return syscall(SYS_clone, flags, 0, parent_tid, 0, child_tid);
#endif
}

/* CLONE_PARENT_SETTID stores in the parent, CLONE_CHILD_SETTID in the child's copy. */
static void clone_sets_tids(void)
{
	int ptid = 0, ctid = 0;
	long pid = raw_clone(SIGCHLD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID, &ptid, &ctid);

	if (pid == 0)
		_exit(ctid == getpid() ? 0 : 1);
	EXPECT_TRUE(pid > 0);
	EXPECT_EQ(ptid, pid);
	EXPECT_EQ(ctid, 0);
	EXPECT_EQ(wait_status(pid), 0);
}

KTEST_MAIN("user_proc",
	   KTEST(fork_returns_twice), KTEST(wait_errors), KTEST(exec_passes_args_and_env),
	   KTEST(exec_errors), KTEST(vfork_shares_until_exec), KTEST(orphans_go_to_init),
	   KTEST(zombie_keeps_status), KTEST(kill_terminates), KTEST(many_processes),
	   KTEST(process_groups), KTEST(clone_sets_tids))
