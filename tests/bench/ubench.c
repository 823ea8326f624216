// SPDX-License-Identifier: GPL-2.0-only
/*
 * User-space micro-benchmarks (make bench): the same static binary runs on
 * Ferrite and on Linux in the same QEMU. Prints "name value unit" lines.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
	static char buf[65536];
	int n, fds[2], back[2];
	double t;

	n = 100000;
	t = now_us();
	for (int i = 0; i < n; i++)
		syscall(SYS_getppid);
	printf("null_syscall %.3f us\n", (now_us() - t) / n);

	{
		char *m = mmap(NULL, 1000 * 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		t = now_us();
		for (int i = 0; i < 1000; i++)
			m[i * 4096] = 1;
		printf("anon_fault %.2f us\n", (now_us() - t) / 1000);
		munmap(m, 1000 * 4096);
	}
	{
		int bfd = open(argc > 2 ? argv[2] : "/bin/busybox", O_RDONLY);
		volatile char *m = mmap(NULL, 400 * 4096, PROT_READ, MAP_PRIVATE, bfd, 0);
		char sum = 0;

		t = now_us();
		for (int i = 0; i < 400; i++)
			sum += m[i * 4096];
		printf("file_fault %.2f us (%d)\n", (now_us() - t) / 400, sum);
		munmap((void *)m, 400 * 4096);
		close(bfd);
	}
	n = 200;
	t = now_us();
	for (int i = 0; i < n; i++) {
		pid_t p = fork();

		if (p == 0)
			_exit(0);
		waitpid(p, NULL, 0);
	}
	printf("fork_exit_wait %.1f us\n", (now_us() - t) / n);

	n = 50;
	t = now_us();
	for (int i = 0; i < n; i++) {
		pid_t p = fork();

		if (p == 0) {
			execl(argc > 1 ? argv[1] : "/bin/true", "true", (char *)NULL);
			_exit(127);
		}
		waitpid(p, NULL, 0);
	}
	printf("fork_exec_wait %.1f us\n", (now_us() - t) / n);

	if (pipe(fds) || pipe(back))
		return 1;
	n = 10000;
	if (fork() == 0) {
		char c;

		for (int i = 0; i < n; i++)
			if (read(fds[0], &c, 1) != 1 || write(back[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	t = now_us();
	for (int i = 0; i < n; i++) {
		char c = 'x';

		if (write(fds[1], &c, 1) != 1 || read(back[0], &c, 1) != 1)
			return 1;
	}
	printf("pipe_round_trip %.2f us\n", (now_us() - t) / n);
	wait(NULL);

	n = 2000;
	int z = open("/dev/zero", O_RDONLY);

	t = now_us();
	for (int i = 0; i < n; i++)
		if (read(z, buf, sizeof(buf)) != sizeof(buf))
			return 1;
	printf("read_64k %.2f us\n", (now_us() - t) / n);

	/* The Rust driver, where there is one (Ferrite, not Linux). */
	int r = open("/dev/rust_random", O_RDONLY);

	if (r >= 0) {
		n = 500;
		t = now_us();
		for (int i = 0; i < n; i++)
			if (read(r, buf, sizeof(buf)) != sizeof(buf))
				return 1;
		printf("read_64k_rust_random %.2f us\n", (now_us() - t) / n);
	}
	return 0;
}
