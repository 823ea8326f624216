// SPDX-License-Identifier: GPL-2.0-only
/*
 * Random system calls with random arguments (a fixed seed: the same calls
 * every run), each batch in a child process that is killed if it hangs.
 * The kernel must survive: afterwards files, processes and exec still
 * work. Run as init in its own boot (run_tests.py "fuzz"): the children
 * may leave any mess in the file system.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include "ktest.h"

#define ROUNDS 150
#define CALLS_PER_ROUND 200

static unsigned long long state = 0x2545f4914f6cdd1dULL;

static unsigned long long rnd(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

/* The last page below the top of user space. */
#if defined(__arm__)
#define USER_TOP_PAGE 0x7ffff000L
#elif defined(__aarch64__)
#define USER_TOP_PAGE 0x7ffffff000L
#else
#define USER_TOP_PAGE 0x7ffffffff000L
#endif

static long pick(void)
{
	static const long vals[] = {
		0, 1, -1, 2, 3, 4096, 0x7fffffff, -4096, (long)BAD_KERNEL, (long)BAD_UNMAPPED,
		USER_TOP_PAGE, 0x400000, 100, 0x1000000, 16, 255, 256, 1024, -100,
	};

	switch (rnd() % 4) {
	case 0:
		return vals[rnd() % (sizeof(vals) / sizeof(vals[0]))];
	case 1:
		return (long)rnd();
	case 2:
		return (long)(rnd() % 64);
	default:
		return (long)(rnd() & 0x7fffffffffffUL);
	}
}

/* Calls that would end the test rather than exercise the kernel. */
static int skipped(long nr)
{
	switch (nr) {
	case SYS_reboot: case SYS_kill: case SYS_tkill: case SYS_tgkill: case SYS_exit:
	case SYS_exit_group: case SYS_clone: case SYS_execve:
	case SYS_rt_sigsuspend: case SYS_rt_sigreturn: case SYS_setsid:
#ifdef SYS_fork
	case SYS_fork: case SYS_vfork: case SYS_pause:
#endif
		return 1;
	default:
		return 0;
	}
}

static void random_syscalls_do_not_hurt_the_kernel(void)
{
	struct timespec tick = { 0, 2000000 };
	int killed = 0, status;
	char buf[8];

	mkdir("/tmp/fuzz", 0777);
	EXPECT_EQ(chdir("/tmp/fuzz"), 0);
	for (int r = 0; r < ROUNDS; r++) {
		pid_t pid = fork();

		if (pid == 0) {
			state += r * 7919ULL;
			for (int i = 0; i < CALLS_PER_ROUND; i++) {
				long nr = rnd() % 450, a[6];

				if (skipped(nr))
					continue;
				for (int k = 0; k < 6; k++)
					a[k] = pick();
				/* Not the console: a read there would wait for typing. */
				if ((nr == SYS_read || nr == SYS_readv || nr == SYS_pread64) && a[0] < 3)
					a[0] = 99;
				syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
			}
			_exit(0);
		}
		EXPECT_TRUE(pid > 0);
		for (int waited = 0; waitpid(pid, &status, WNOHANG) == 0; waited++) {
			nanosleep(&tick, NULL);
			if (waited == 250) {
				kill(pid, SIGKILL);
				killed++;
			}
		}
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
	}
	printf("    # %d rounds of %d calls, %d children killed after hanging\n", ROUNDS,
	       CALLS_PER_ROUND, killed);
	/* The kernel still works. */
	int fd = open("/tests/helper", O_RDONLY);

	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(read(fd, buf, 4), 4);
	EXPECT_EQ(memcmp(buf, "\177ELF", 4), 0);
	close(fd);
	pid_t pid = fork();

	if (pid == 0) {
		execl("/tests/helper", "helper", "exit", "6", (char *)NULL);
		_exit(127);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 6 << 8);
}

KTEST_MAIN("user_fuzz", KTEST(random_syscalls_do_not_hurt_the_kernel))
