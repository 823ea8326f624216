// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system calls busybox's dmesg, df, taskset, top and friends reach:
 * resource limits, CPU time, waitid, interval and POSIX timers, statfs,
 * syslog, CPU affinity, preadv/pwritev, clone3, and /proc/<pid>/cmdline
 * after execve.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include "ktest.h"

struct rlim64 {
	uint64_t cur, max;
};

static void rlimits_follow_linux_rules(void)
{
	struct rlim64 r, old, big = { 2000000, 2000000 };
	struct rlimit rl;
	pid_t pid;
	int status;

	EXPECT_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
	/* soft > hard */
	rl.rlim_cur = rl.rlim_max + 1;
	EXPECT_ERRNO(setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
	r.cur = 100, r.max = 50;
	EXPECT_ERRNO(syscall(SYS_prlimit64, 0, RLIMIT_STACK, &r, NULL), EINVAL);
	EXPECT_ERRNO(syscall(SYS_prlimit64, 0, 99, NULL, &old), EINVAL);
	EXPECT_ERRNO(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &big, NULL), EPERM);
	EXPECT_ERRNO(syscall(SYS_prlimit64, 999999, RLIMIT_CORE, NULL, &old), ESRCH);
	/* A limit is kept, given back as the old value, and inherited. */
	r.cur = 4096, r.max = 8192;
	EXPECT_EQ(syscall(SYS_prlimit64, 0, RLIMIT_CORE, &r, NULL), 0);
	r.cur = 1024;
	EXPECT_EQ(syscall(SYS_prlimit64, getpid(), RLIMIT_CORE, &r, &old), 0);
	EXPECT_EQ(old.cur, 4096);
	EXPECT_EQ(old.max, 8192);
	pid = fork();
	if (pid == 0) {
		EXPECT_EQ(getrlimit(RLIMIT_CORE, &rl), 0);
		_exit(rl.rlim_cur == 1024 && rl.rlim_max == 8192 ? 0 : 1);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	r.cur = 0;
	EXPECT_EQ(syscall(SYS_prlimit64, 0, RLIMIT_CORE, &r, NULL), 0);
}

static void burn_user(long ms)
{
	struct timespec a, b;
	volatile unsigned long x = 0;

	clock_gettime(CLOCK_MONOTONIC, &a);
	do {
		for (int i = 0; i < 100000; i++)
			x += i;
		clock_gettime(CLOCK_MONOTONIC, &b);
	} while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
}

static void burn_system(long ms)
{
	struct timespec a, b;
	static char buf[65536];
	int fd = open("/dev/zero", O_RDONLY);

	clock_gettime(CLOCK_MONOTONIC, &a);
	do {
		for (int i = 0; i < 16; i++)
			read(fd, buf, sizeof(buf));
		clock_gettime(CLOCK_MONOTONIC, &b);
	} while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
	close(fd);
}

static long tv_ms(struct timeval tv)
{
	return tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* User and system time are told apart, for the process and its children. */
static void cpu_time_is_split(void)
{
	struct rusage r0, r1, rc;
	struct tms t;
	pid_t pid;
	int status;

	EXPECT_EQ(getrusage(RUSAGE_SELF, &r0), 0);
	burn_user(300);
	EXPECT_EQ(getrusage(RUSAGE_SELF, &r1), 0);
	EXPECT_TRUE(tv_ms(r1.ru_utime) - tv_ms(r0.ru_utime) >= 150);
	EXPECT_TRUE(tv_ms(r1.ru_stime) - tv_ms(r0.ru_stime) < 100);
	r0 = r1;
	burn_system(300);
	EXPECT_EQ(getrusage(RUSAGE_SELF, &r1), 0);
	EXPECT_TRUE(tv_ms(r1.ru_stime) - tv_ms(r0.ru_stime) >= 150);
	EXPECT_TRUE(tv_ms(r1.ru_utime) - tv_ms(r0.ru_utime) < 150);
	EXPECT_ERRNO(getrusage(5, &r1), EINVAL);

	pid = fork();
	if (pid == 0) {
		burn_system(200);
		_exit(0);
	}
	EXPECT_EQ(wait4(pid, &status, 0, &rc), pid);
	EXPECT_TRUE(tv_ms(rc.ru_stime) >= 100);
	EXPECT_TRUE(times(&t) > 0);
	EXPECT_TRUE(t.tms_stime >= 15);		/* 150 ms in USER_HZ ticks */
	EXPECT_TRUE(t.tms_utime >= 15);
	EXPECT_TRUE(t.tms_cstime >= 10);
}

static void waitid_reports_children(void)
{
	siginfo_t si;
	int go[2];
	pid_t pid;
	char c;

	EXPECT_ERRNO(waitid(P_ALL, 0, &si, WEXITED), ECHILD);
	EXPECT_ERRNO(waitid(P_ALL, 0, &si, 0), EINVAL);
	EXPECT_ERRNO(waitid(P_PID, 0, &si, WEXITED), EINVAL);
	EXPECT_ERRNO(waitid(7, 0, &si, WEXITED), EINVAL);
	/*
	 * The child exits only once the parent has looked with WNOHANG (a
	 * sleep of 100 ms was not always enough at 4 CPUs on a loaded host).
	 */
	EXPECT_EQ(pipe(go), 0);
	pid = fork();
	if (pid == 0) {
		close(go[1]);
		if (read(go[0], &c, 1) < 0)
			_exit(1);
		_exit(42);
	}
	close(go[0]);
	memset(&si, 0xff, sizeof(si));
	EXPECT_EQ(waitid(P_PID, pid, &si, WEXITED | WNOHANG), 0);
	EXPECT_EQ(si.si_pid, 0);		/* nothing yet: zeroed */
	close(go[1]);				/* now it may exit */
	EXPECT_EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	EXPECT_EQ(si.si_pid, pid);
	EXPECT_EQ(waitid(P_ALL, 0, &si, WEXITED), 0);	/* WNOWAIT left it */
	EXPECT_EQ(si.si_signo, SIGCHLD);
	EXPECT_EQ(si.si_code, CLD_EXITED);
	EXPECT_EQ(si.si_status, 42);
	EXPECT_EQ(si.si_pid, pid);
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGTERM);
	EXPECT_EQ(waitid(P_PGID, 0, &si, WEXITED), 0);
	EXPECT_EQ(si.si_code, CLD_KILLED);
	EXPECT_EQ(si.si_status, SIGTERM);
	EXPECT_ERRNO(syscall(SYS_waitid, P_ALL, 0, BAD_KERNEL, WEXITED, NULL), ECHILD);
}

static volatile int got_sig[65];

static void count_sig(int sig)
{
	got_sig[sig]++;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void interval_timers(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 200000 } }, old;
	long t0;

	signal(SIGALRM, count_sig);
	signal(SIGVTALRM, count_sig);
	got_sig[SIGALRM] = got_sig[SIGVTALRM] = 0;
	EXPECT_ERRNO(setitimer(5, &v, NULL), EINVAL);
	v.it_value.tv_usec = 1000000;
	EXPECT_ERRNO(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	v.it_value.tv_usec = 200000;
	t0 = now_ms();
	EXPECT_EQ(setitimer(ITIMER_REAL, &v, NULL), 0);
	EXPECT_EQ(getitimer(ITIMER_REAL, &old), 0);
	EXPECT_TRUE(old.it_value.tv_usec > 0 && old.it_value.tv_usec <= 200000);
	while (!got_sig[SIGALRM] && now_ms() - t0 < 2000)
		usleep(10000);	/* a bounded wait: a missing timer fails, not hangs */
	EXPECT_EQ(got_sig[SIGALRM], 1);
	EXPECT_TRUE(now_ms() - t0 >= 200);		/* never early */
	EXPECT_EQ(getitimer(ITIMER_REAL, &old), 0);
	EXPECT_EQ(old.it_value.tv_sec + old.it_value.tv_usec, 0);	/* one-shot: disarmed */
	/* alarm() gives back what was left, rounded. */
	EXPECT_EQ(alarm(5), 0);
	EXPECT_EQ(alarm(0), 5);
	/* ITIMER_VIRTUAL counts user CPU time. */
	v.it_value.tv_usec = 100000;
	EXPECT_EQ(setitimer(ITIMER_VIRTUAL, &v, NULL), 0);
	burn_user(100);
	usleep(300000);			/* sleeping does not count */
	burn_user(400);
	EXPECT_EQ(got_sig[SIGVTALRM], 1);
	signal(SIGALRM, SIG_DFL);
	signal(SIGVTALRM, SIG_DFL);
}

static void posix_timers(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
	struct itimerspec its = { { 0, 50000000 }, { 0, 50000000 } }, cur;
	int id = -1, id2 = -1;
	long t0;

	signal(SIGUSR1, count_sig);
	got_sig[SIGUSR1] = 0;
	EXPECT_ERRNO(syscall(SYS_timer_create, 99, &ev, &id), EINVAL);
	ev.sigev_notify = 77;
	EXPECT_ERRNO(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id), EINVAL);
	ev.sigev_notify = SIGEV_SIGNAL;
	EXPECT_EQ(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id), 0);
	EXPECT_EQ(syscall(SYS_timer_create, CLOCK_REALTIME, NULL, &id2), 0);
	EXPECT_NE(id, id2);
	EXPECT_ERRNO(syscall(SYS_timer_settime, 1234, 0, &its, NULL), EINVAL);
	its.it_value.tv_nsec = -1;
	EXPECT_ERRNO(syscall(SYS_timer_settime, id, 0, &its, NULL), EINVAL);
	its.it_value.tv_nsec = 50000000;
	t0 = now_ms();
	EXPECT_EQ(syscall(SYS_timer_settime, id, 0, &its, NULL), 0);
	EXPECT_EQ(syscall(SYS_timer_gettime, id, &cur), 0);
	EXPECT_EQ(cur.it_interval.tv_nsec, 50000000);
	EXPECT_TRUE(cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec <= 50000000);
	while (got_sig[SIGUSR1] < 3 && now_ms() - t0 < 3000)
		usleep(10000);	/* a bounded wait: a missing timer fails, not hangs */
	EXPECT_TRUE(got_sig[SIGUSR1] >= 3);
	EXPECT_TRUE(now_ms() - t0 >= 150);
	/* With the signal blocked, expiries become overruns. */
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	usleep(400000);
	EXPECT_TRUE(syscall(SYS_timer_getoverrun, id) >= 2);
	EXPECT_EQ(syscall(SYS_timer_delete, id), 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT_ERRNO(syscall(SYS_timer_delete, id), EINVAL);
	EXPECT_ERRNO(syscall(SYS_timer_gettime, id, &cur), EINVAL);
	EXPECT_ERRNO(syscall(SYS_timer_getoverrun, id), EINVAL);
	/* A disarmed timer reads zero. */
	EXPECT_EQ(syscall(SYS_timer_gettime, id2, &cur), 0);
	EXPECT_EQ(cur.it_value.tv_sec + cur.it_value.tv_nsec, 0);
	EXPECT_EQ(syscall(SYS_timer_delete, id2), 0);
	signal(SIGUSR1, SIG_DFL);
}

static void statfs_reports_sizes(void)
{
	struct statfs st;
	int fd;

	EXPECT_EQ(statfs("/", &st), 0);
	EXPECT_EQ((unsigned int)st.f_type, 0x858458f6);	/* RAMFS_MAGIC (an int where long is 32 bits) */
	EXPECT_TRUE(st.f_blocks > 0 && st.f_bfree > 0 && st.f_bfree <= st.f_blocks);
	EXPECT_TRUE(st.f_files > st.f_ffree);
	EXPECT_EQ(st.f_bsize, 4096);
	EXPECT_EQ(st.f_namelen, 255);
	fd = open("/proc", O_RDONLY | O_DIRECTORY);
	EXPECT_EQ(fstatfs(fd, &st), 0);
	EXPECT_EQ(st.f_type, 0x9fa0);	/* PROC_SUPER_MAGIC */
	close(fd);
	EXPECT_ERRNO(statfs("/nonexistent", &st), ENOENT);
	EXPECT_ERRNO(fstatfs(-1, &st), EBADF);
}

static void syslog_reads_the_log(void)
{
	static char buf[65536];
	long size = syscall(SYS_syslog, 10, NULL, 0);
	long n;

	EXPECT_TRUE(size >= 4096);
	n = syscall(SYS_syslog, 3, buf, sizeof(buf) - 1);
	EXPECT_TRUE(n > 0);
	buf[n > 0 ? n : 0] = '\0';
	EXPECT_TRUE(strstr(buf, "<") == buf);		/* each record starts "<level>" */
	EXPECT_TRUE(strstr(buf, "booting") != NULL);
	/* A short read gives the newest whole lines. */
	n = syscall(SYS_syslog, 3, buf, 1024);
	EXPECT_TRUE(n > 0 && n <= 1024);
	EXPECT_EQ(buf[0], '<');
	EXPECT_EQ(buf[n > 0 ? n - 1 : 0], '\n');
	EXPECT_ERRNO(syscall(SYS_syslog, 3, NULL, 10), EINVAL);
	EXPECT_ERRNO(syscall(SYS_syslog, 3, buf, -1), EINVAL);
	EXPECT_ERRNO(syscall(SYS_syslog, 99, buf, 10), EINVAL);
	EXPECT_ERRNO(syscall(SYS_syslog, 8, NULL, 0), EINVAL);
	EXPECT_EQ(syscall(SYS_syslog, 3, buf, 0), 0);
}

static void affinity_is_one_cpu(void)
{
	cpu_set_t set;
	unsigned long mask[16] = { 0 };

	CPU_ZERO(&set);
	EXPECT_EQ(sched_getaffinity(0, sizeof(set), &set), 0);
	EXPECT_TRUE(CPU_ISSET(0, &set));
	EXPECT_TRUE(CPU_COUNT(&set) >= 1);
	/* The raw call returns the kernel's mask size: NR_CPUS (64) bits. */
	EXPECT_EQ(syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask), 8);
	EXPECT_ERRNO(syscall(SYS_sched_getaffinity, 0, 3, mask), EINVAL);
	EXPECT_ERRNO(syscall(SYS_sched_getaffinity, 999999, sizeof(mask), mask), ESRCH);
	CPU_ZERO(&set);
	CPU_SET(0, &set);
	EXPECT_EQ(sched_setaffinity(getpid(), sizeof(set), &set), 0);
	CPU_ZERO(&set);
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(set), &set), EINVAL);
	CPU_SET(1000, &set);			/* no such CPU: nothing left */
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(set), &set), EINVAL);
}

#ifndef RWF_APPEND	/* glibc has them, musl not */
#define RWF_DSYNC	0x02
#define RWF_APPEND	0x10
#endif

/* The position in two longs, low and high halves (glibc's LO_HI_LONG()). */
#define POS_LO_HI(pos) (long)(pos), (long)(((unsigned long long)(pos) >> 31) >> 1)

static long preadv2_(int fd, struct iovec *iov, int n, long long pos, int flags)
{
	return syscall(SYS_preadv2, fd, iov, n, POS_LO_HI(pos), flags);
}

static long pwritev2_(int fd, struct iovec *iov, int n, long long pos, int flags)
{
	return syscall(SYS_pwritev2, fd, iov, n, POS_LO_HI(pos), flags);
}

static void vectored_positional_io(void)
{
	int fd = open("/tmp/sys-preadv", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char a[4] = "abcd", b[3] = "xyz", r1[3], r2[4];
	struct iovec w[2] = { { a, 4 }, { b, 3 } }, r[2] = { { r1, 3 }, { r2, 4 } };
	int p[2];

	EXPECT_EQ(pwritev(fd, w, 2, 10), 7);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 0);		/* the position is left alone */
	EXPECT_EQ(preadv(fd, r, 2, 10), 7);
	EXPECT_EQ(memcmp(r1, "abc", 3), 0);
	EXPECT_EQ(memcmp(r2, "dxyz", 4), 0);
	EXPECT_ERRNO(preadv(fd, r, 2, -5), EINVAL);
	/* preadv2 at -1 uses and moves the file position. */
	EXPECT_EQ(lseek(fd, 11, SEEK_SET), 11);
	EXPECT_EQ(preadv2_(fd, r, 1, -1, 0), 3);
	EXPECT_EQ(memcmp(r1, "bcd", 3), 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 14);
	EXPECT_ERRNO(preadv2_(fd, r, 1, 0, 0x1000), EOPNOTSUPP);
	EXPECT_EQ(pwritev2_(fd, w, 1, 0, RWF_APPEND), 4);	/* at the end, not at 0 */
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 21);
	EXPECT_EQ(pwritev2_(fd, w, 1, 0, RWF_DSYNC), 4);
	EXPECT_EQ(pread(fd, r2, 4, 0), 4);
	EXPECT_EQ(memcmp(r2, "abcd", 4), 0);
	close(fd);
	unlink("/tmp/sys-preadv");
	EXPECT_EQ(pipe(p), 0);
	EXPECT_ERRNO(pwritev(p[1], w, 1, 0), ESPIPE);
	EXPECT_ERRNO(preadv(-1, r, 1, 0), EBADF);
	close(p[0]);
	close(p[1]);
}

struct clone_args_v0 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

static void clone3_forks(void)
{
	struct clone_args_v0 ca = { .exit_signal = SIGCHLD };
	char big[128] = { 0 };
	int ptid = 0, status;
	long pid;

	ca.flags = CLONE_PARENT_SETTID;
	ca.parent_tid = (uintptr_t)&ptid;
	pid = syscall(SYS_clone3, &ca, sizeof(ca));
	if (pid == 0)
		_exit(9);
	EXPECT_TRUE(pid > 0);
	EXPECT_EQ(ptid, pid);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 9 << 8);
	EXPECT_ERRNO(syscall(SYS_clone3, &ca, 32), EINVAL);
	ca.flags = SIGCHLD;			/* the signal goes in exit_signal */
	EXPECT_ERRNO(syscall(SYS_clone3, &ca, sizeof(ca)), EINVAL);
	ca.flags = 0;
	ca.stack_size = 4096;			/* a size without a stack */
	EXPECT_ERRNO(syscall(SYS_clone3, &ca, sizeof(ca)), EINVAL);
	memcpy(big, &ca, sizeof(ca));
	big[100] = 1;				/* a non-zero byte we do not know */
	EXPECT_ERRNO(syscall(SYS_clone3, big, sizeof(big)), E2BIG);
	EXPECT_ERRNO(syscall(SYS_clone3, BAD_UNMAPPED, sizeof(ca)), EFAULT);
}

/* /proc/<pid>/cmdline is the argv of the program the process runs now. */
static void cmdline_follows_exec(void)
{
	int p[2];
	char fdarg[16], path[64], buf[256];
	pid_t pid;
	int n = 0, status;

	EXPECT_EQ(pipe(p), 0);
	snprintf(fdarg, sizeof(fdarg), "%d", p[0]);
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		execl("/tests/helper", "helper", "wait", fdarg, "marker", (char *)NULL);
		_exit(127);
	}
	close(p[0]);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	for (int tries = 0; tries < 200; tries++) {
		int fd = open(path, O_RDONLY);

		n = fd >= 0 ? read(fd, buf, sizeof(buf)) : -1;
		close(fd);
		if (n > 6 && !memcmp(buf, "helper", 7))
			break;
		usleep(10000);
	}
	EXPECT_EQ(n, 7 + 5 + (int)strlen(fdarg) + 1 + 7);
	EXPECT_EQ(memcmp(buf, "helper\0wait\0", 12), 0);
	EXPECT_EQ(memcmp(buf + n - 7, "marker\0", 7), 0);
	close(p[1]);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

KTEST_MAIN("user_sys",
	   KTEST(rlimits_follow_linux_rules), KTEST(cpu_time_is_split),
	   KTEST(waitid_reports_children), KTEST(interval_timers), KTEST(posix_timers),
	   KTEST(statfs_reports_sizes), KTEST(syslog_reads_the_log),
	   KTEST(affinity_is_one_cpu), KTEST(vectored_positional_io), KTEST(clone3_forks),
	   KTEST(cmdline_follows_exec))
