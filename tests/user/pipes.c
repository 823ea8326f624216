// SPDX-License-Identifier: GPL-2.0-only
/* Pipes: data, end of file, EPIPE/SIGPIPE, large transfers, O_NONBLOCK, EFAULT. */
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "ktest.h"

static void pipe_basics(void)
{
	int fds[2], n = -1;
	char buf[16] = { 0 };

	EXPECT_EQ(pipe(fds), 0);
	EXPECT_EQ(write(fds[1], "ping", 4), 4);
	EXPECT_EQ(ioctl(fds[0], FIONREAD, &n), 0);
	EXPECT_EQ(n, 4);
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 4);
	EXPECT_EQ(memcmp(buf, "ping", 4), 0);
	EXPECT_ERRNO(write(fds[0], "x", 1), EBADF);
	EXPECT_ERRNO(read(fds[1], buf, 1), EBADF);
	EXPECT_ERRNO(lseek(fds[0], 0, SEEK_SET), ESPIPE);
	EXPECT_EQ(close(fds[1]), 0);
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 0);	/* no writer: end of file */
	EXPECT_EQ(close(fds[0]), 0);
}

static void pipe_errors(void)
{
	int fds[2];

	EXPECT_ERRNO(pipe(BAD_NULL), EFAULT);
	EXPECT_ERRNO(pipe(BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(pipe(BAD_UNMAPPED), EFAULT);
	EXPECT_ERRNO(pipe2(fds, 0x12345), EINVAL);
	EXPECT_EQ(pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0);
	EXPECT_EQ(fcntl(fds[0], F_GETFD), FD_CLOEXEC);
	EXPECT_ERRNO(read(fds[0], &fds, 1), EAGAIN);
	EXPECT_ERRNO(write(fds[1], BAD_UNMAPPED, 10), EFAULT);
	close(fds[0]);
	close(fds[1]);
}

static void broken_pipe(void)
{
	int fds[2], status = 0;
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	close(fds[0]);
	pid = fork();
	if (pid == 0) {
		write(fds[1], "x", 1);	/* no reader: SIGPIPE kills us */
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
	close(fds[1]);
}

/* 4 MiB through a pipe between two processes, checked byte for byte. */
static void large_transfer(void)
{
	enum { TOTAL = 4 << 20 };
	int fds[2], status;
	unsigned long sum = 0, got = 0;
	static unsigned char buf[65536];
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (unsigned long off = 0; off < TOTAL; off += sizeof(buf)) {
			for (unsigned long i = 0; i < sizeof(buf); i++)
				buf[i] = (unsigned char)((off + i) * 7);
			if (write(fds[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	for (;;) {
		ssize_t n = read(fds[0], buf, 1000 + got % 3000);

		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++)
			sum += buf[i] == (unsigned char)((got + i) * 7);
		got += n;
	}
	close(fds[0]);
	EXPECT_EQ(got, TOTAL);
	EXPECT_EQ(sum, TOTAL);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

static void nonblocking_full(void)
{
	int fds[2];
	char chunk[4096] = { 0 };
	long total = 0;

	EXPECT_EQ(pipe2(fds, O_NONBLOCK), 0);
	for (;;) {
		ssize_t n = write(fds[1], chunk, sizeof(chunk));

		if (n < 0) {
			EXPECT_EQ(errno, EAGAIN);
			break;
		}
		total += n;
		if (total > (1 << 20))
			break;
	}
	EXPECT_EQ(total, 65536);
	close(fds[0]);
	close(fds[1]);
}

KTEST_MAIN("user_pipes",
	   KTEST(pipe_basics), KTEST(pipe_errors), KTEST(broken_pipe), KTEST(large_transfer),
	   KTEST(nonblocking_full))
