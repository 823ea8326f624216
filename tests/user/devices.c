// SPDX-License-Identifier: GPL-2.0-only
/*
 * The C/Rust twin devices through real system calls (open, read, write,
 * lseek, ioctl, close): /dev/c_echo and /dev/rust_echo, /dev/c_random and
 * /dev/rust_random must give the same results, including the errors for
 * bad user pointers; /dev/rust_scull blocks a reader until a writer in
 * another process comes. The ioctl numbers and ECHO_MAX come from the
 * drivers' own headers, include/uapi/linux/echo_dev.h and random_dev.h.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <uapi/linux/echo_dev.h>
#include <uapi/linux/random_dev.h>
#include "ktest.h"

#define SCULL_SIZE	4096

static const char *const echo_devs[2] = { "/dev/c_echo", "/dev/rust_echo" };
static const char *const random_devs[2] = { "/dev/c_random", "/dev/rust_random" };

static void echo_twins(void)
{
	char *big = malloc(ECHO_MAX + 1);

	EXPECT_TRUE(big != NULL);
	for (int d = 0; d < 2; d++) {
		int fd = open(echo_devs[d], O_RDWR);
		uint64_t len = 99;
		char buf[16] = { 0 };

		EXPECT_TRUE(fd >= 0);
		EXPECT_EQ(ioctl(fd, ECHO_CLEAR), 0);
		EXPECT_EQ(write(fd, "hello", 5), 5);
		EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 5);
		EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);
		EXPECT_EQ(lseek(fd, 1, SEEK_SET), 1);
		EXPECT_EQ(read(fd, buf, sizeof(buf)), 4);
		EXPECT_EQ(memcmp(buf, "ello", 4), 0);
		EXPECT_EQ(lseek(fd, -2, SEEK_END), 3);
		EXPECT_EQ(ioctl(fd, ECHO_GET_LEN, &len), 0);
		EXPECT_EQ(len, 5);
		EXPECT_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
		EXPECT_ERRNO(lseek(fd, ECHO_MAX + 1, SEEK_SET), EINVAL);

		EXPECT_ERRNO(ioctl(fd, ECHO_GET_LEN, BAD_NULL), EFAULT);
		EXPECT_ERRNO(ioctl(fd, ECHO_GET_LEN, BAD_KERNEL), EFAULT);
		EXPECT_ERRNO(ioctl(fd, ECHO_GET_LEN, BAD_UNMAPPED), EFAULT);
		EXPECT_ERRNO(ioctl(fd, _IO('e', 9)), ENOTTY);
		EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
		EXPECT_ERRNO(read(fd, BAD_UNMAPPED, 4), EFAULT);
		EXPECT_ERRNO(read(fd, BAD_KERNEL, 4), EFAULT);
		EXPECT_ERRNO(write(fd, big, ECHO_MAX + 1), EFBIG);
		EXPECT_EQ(ioctl(fd, ECHO_GET_LEN, &len), 0);
		EXPECT_EQ(len, 5);
		EXPECT_ERRNO(write(fd, BAD_UNMAPPED, 4), EFAULT);
		EXPECT_EQ(ioctl(fd, ECHO_GET_LEN, &len), 0);
		EXPECT_EQ(len, 0);

		/* The largest write, then a read of all of it. */
		for (int i = 0; i < ECHO_MAX; i++)
			big[i] = (char)(i * 13 + d);
		EXPECT_EQ(write(fd, big, ECHO_MAX), ECHO_MAX);
		EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
		memset(big, 0, ECHO_MAX);
		EXPECT_EQ(read(fd, big, ECHO_MAX + 1), ECHO_MAX);
		EXPECT_TRUE(big[ECHO_MAX - 1] == (char)((ECHO_MAX - 1) * 13 + d));
		EXPECT_EQ(ioctl(fd, ECHO_CLEAR), 0);
		EXPECT_EQ(close(fd), 0);
	}
	free(big);
}

static void random_twins(void)
{
	static unsigned char out[2][8192];
	uint64_t first[2] = { 0, 0 }, seed = 42;

	for (int d = 0; d < 2; d++) {
		int fd = open(random_devs[d], O_RDONLY);

		EXPECT_TRUE(fd >= 0);
		EXPECT_EQ(ioctl(fd, RANDOM_SEED, &seed), 0);
		EXPECT_EQ(read(fd, &first[d], 8), 8);
		EXPECT_EQ(read(fd, out[d], 3), 3);
		EXPECT_EQ(read(fd, out[d] + 3, sizeof(out[d]) - 3), (long)sizeof(out[d]) - 3);
		EXPECT_ERRNO(ioctl(fd, RANDOM_SEED, BAD_NULL), EFAULT);
		EXPECT_ERRNO(ioctl(fd, RANDOM_SEED, BAD_UNMAPPED), EFAULT);
		EXPECT_ERRNO(ioctl(fd, _IO('r', 7)), ENOTTY);
		EXPECT_ERRNO(read(fd, BAD_UNMAPPED, 8), EFAULT);
		EXPECT_ERRNO(lseek(fd, 0, SEEK_SET), ESPIPE);
		EXPECT_ERRNO(write(fd, "x", 1), EBADF);
		EXPECT_EQ(close(fd), 0);
		fd = open(random_devs[d], O_WRONLY);
		EXPECT_ERRNO(write(fd, "x", 1), EINVAL);
		close(fd);
	}
	/* xoshiro256** from splitmix64(42): the first result, on both. */
	EXPECT_EQ(first[0], 0x15780b2e0c2ec716ULL);
	EXPECT_EQ(first[1], 0x15780b2e0c2ec716ULL);
	EXPECT_EQ(memcmp(out[0], out[1], sizeof(out[0])), 0);
}

static void scull_across_processes(void)
{
	static char buf[SCULL_SIZE + 100];
	int fd = open("/dev/rust_scull", O_RDWR | O_NONBLOCK), status = -1;
	pid_t pid;

	EXPECT_TRUE(fd >= 0);
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	EXPECT_ERRNO(read(fd, buf, 1), EAGAIN);
	for (int i = 0; i < (int)sizeof(buf); i++)
		buf[i] = (char)i;
	EXPECT_EQ(write(fd, buf, sizeof(buf)), SCULL_SIZE);	/* full */
	EXPECT_ERRNO(write(fd, buf, 1), EAGAIN);
	EXPECT_ERRNO(write(fd, BAD_UNMAPPED, 1), EAGAIN);	/* full before the copy */

	pid = fork();
	if (pid == 0) {
		/* A blocking reader: everything, then waits for 10 more bytes. */
		static char got[SCULL_SIZE + 10];
		int r = open("/dev/rust_scull", O_RDONLY);
		size_t have = 0;

		while (have < sizeof(got)) {
			ssize_t n = read(r, got + have, sizeof(got) - have);

			if (n <= 0)
				_exit(2);
			have += n;
		}
		for (size_t i = 0; i < sizeof(got); i++)
			if (got[i] != (char)(i < SCULL_SIZE ? i : 100 + i - SCULL_SIZE))
				_exit(3);
		_exit(0);
	}
	usleep(20000);
	for (int i = 0; i < 10; i++)
		buf[i] = (char)(100 + i);
	/* Blocking write: waits for the child to make room if it must. */
	EXPECT_EQ(fcntl(fd, F_SETFL, 0), 0);
	EXPECT_EQ(write(fd, buf, 10), 10);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
	EXPECT_EQ(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
	EXPECT_ERRNO(read(fd, buf, 1), EAGAIN);
	EXPECT_EQ(close(fd), 0);
}

KTEST_MAIN("user_devices", KTEST(echo_twins), KTEST(random_twins), KTEST(scull_across_processes))
