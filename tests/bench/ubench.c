// SPDX-License-Identifier: GPL-2.0-only
/*
 * User-space micro-benchmarks (make bench): the same static binary runs on
 * Ferrite and on Linux in the same QEMU. Prints "name value unit" lines.
 * "ubench smp [form]" runs only the parallel forms (smp_bench() below).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
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

/*
 * Scale curves: the cost of one operation with N entries in a directory
 * or N mappings in the address space, for N = 1k, 4k, 16k and 64k
 * (64,000 stays under Linux's default limit of 65,530 mappings). Each
 * figure is the best of ROUNDS rounds of CURVE_OPS operations, so that a
 * stall of the host does not count as a cost of the kernel.
 */
static const int curve_sizes[] = { 1000, 4000, 16000, 64000 };
#define CURVE_OPS 300
#define ROUNDS 3		/* ROUNDS * CURVE_OPS <= the smallest size */
#define SPREAD 7919		/* a prime: i * SPREAD % n visits distinct entries */

/*
 * Under /scale, where bench_user.py mounts a tmpfs without an inode limit
 * when the kernel has mount(2): Linux's rootfs stops at about 16,000
 * inodes in 128 MiB. On Ferrite it is a ramfs directory like any other.
 */
static const char curve_dir[] = "/scale/ubench_dir";

/* Create curve_dir/<kind><i>: 0, or -1 when there is no room. */
static int create_file(char kind, int i)
{
	char name[64];
	int fd;

	snprintf(name, sizeof(name), "%s/%c%d", curve_dir, kind, i);
	fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static void remove_file(char kind, int i)
{
	char name[64];

	snprintf(name, sizeof(name), "%s/%c%d", curve_dir, kind, i);
	if (unlink(name))
		exit(3);
}

static void keep_best(double *best, double t0)
{
	double us = (now_us() - t0) / CURVE_OPS;

	if (*best == 0 || us < *best)
		*best = us;
}

static void dir_curve(int n)
{
	double create = 0, stat_ = 0, unlink_ = 0, t;
	char name[64];
	struct stat st;

	mkdir("/scale", 0755);
	if (mkdir(curve_dir, 0755))
		exit(4);
	for (int i = 0; i < n; i++) {
		if (create_file('f', i)) {
			/* Out of room (Linux in 128 MiB): no figure at this size. */
			while (i--)
				remove_file('f', i);
			rmdir(curve_dir);
			return;
		}
	}
	for (int r = 0; r < ROUNDS; r++) {
		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++)
			if (create_file('x', i))
				exit(2);
		keep_best(&create, t);
		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++) {
			snprintf(name, sizeof(name), "%s/f%d", curve_dir,
				 (int)((long)(r * CURVE_OPS + i) * SPREAD % n));
			if (stat(name, &st))
				exit(5);
		}
		keep_best(&stat_, t);
		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++)
			remove_file('x', i);
		keep_best(&unlink_, t);
	}
	printf("dir_create_%dk %.2f us\n", n / 1000, create);
	printf("dir_stat_%dk %.2f us\n", n / 1000, stat_);
	printf("dir_unlink_%dk %.2f us\n", n / 1000, unlink_);
	for (int i = 0; i < n; i++)
		remove_file('f', i);
	rmdir(curve_dir);
}

/* One page, read-only or read-write by @i, so that neighbours never merge. */
static char *map_page(int i)
{
	char *p = mmap(NULL, 4096, i % 2 ? PROT_READ : PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		exit(6);
	return p;
}

static void map_curve(int n)
{
	char **maps = malloc(n * sizeof(*maps)), *extra[CURVE_OPS];
	double map = 0, fault = 0, unmap = 0, t;
	volatile char sum = 0;

	if (!maps)
		exit(7);
	for (int i = 0; i < n; i++)
		maps[i] = map_page(i);
	for (int r = 0; r < ROUNDS; r++) {
		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++)
			extra[i] = map_page(i);
		keep_best(&map, t);
		/* A first touch each: every round touches other mappings. */
		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++)
			sum += *maps[(long)(r * CURVE_OPS + i) * SPREAD % n];
		keep_best(&fault, t);
		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++)
			munmap(extra[i], 4096);
		keep_best(&unmap, t);
	}
	printf("mmap_%dk %.2f us\n", n / 1000, map);
	printf("fault_%dk %.2f us\n", n / 1000, fault);
	printf("munmap_%dk %.2f us\n", n / 1000, unmap);
	for (int i = 0; i < n; i++)
		munmap(maps[i], 4096);
	free(maps);
}

/*
 * fork() + _exit() + waitpid() of one more child with N processes alive:
 * N children of this process, each blocked reading a pipe whose write end
 * the parent closes to end them all. No figure when N processes do not
 * fit in memory. $UBENCH_MAX_PROCS, when set, skips the sizes above it
 * (bench_user.py sets it where the board's memory cannot hold them, so
 * that the kernel is not driven out of memory on purpose).
 */
static const int proc_sizes[] = { 1000, 4000, 16000 };

static void proc_curve(int n)
{
	const char *max = getenv("UBENCH_MAX_PROCS");
	double best = 0, t;
	int fds[2], alive = 0;

	if (max && n > atoi(max)) {
		printf("# fork_exit_%dk skipped: UBENCH_MAX_PROCS=%s\n", n / 1000, max);
		return;
	}
	if (pipe(fds))
		exit(8);
	while (alive < n) {
		pid_t p = fork();
		char c;

		if (p < 0)
			break;
		if (p == 0) {
			close(fds[1]);
			_exit(read(fds[0], &c, 1) != 0);
		}
		alive++;
	}
	for (int r = 0; r < ROUNDS && alive == n; r++) {
		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++) {
			pid_t p = fork();

			if (p == 0)
				_exit(0);
			if (p < 0 || waitpid(p, NULL, 0) != p)
				exit(9);
		}
		keep_best(&best, t);
	}
	close(fds[0]);
	close(fds[1]);
	while (alive && wait(NULL) > 0)
		alive--;
	if (best)
		printf("fork_exit_%dk %.2f us\n", n / 1000, best);
}

/*
 * POSIX timers: timer_settime() disarming one of N armed timers, and
 * arming it again, with all N pending (an hour out and more, so none
 * fires). They signal SIGUSR1 (ignored): a SIGEV_NONE timer is never put
 * in Linux's hrtimer tree. Through the raw calls, so that both C
 * libraries pass the kernel's ids.
 */
static int timer_set(int id, long sec)
{
#if defined(SYS_timer_settime64) && __SIZEOF_LONG__ == 4
	/*
	 * 32-bit ARM: the call with 64-bit times (struct __kernel_itimerspec:
	 * interval, then value, each seconds and nanoseconds as long long),
	 * which Ferrite's arm has and the 32-bit one it lacks (ENOSYS).
	 */
	long long its[4] = { 0, 0, sec, 0 };

	return syscall(SYS_timer_settime64, id, 0, its, NULL);
#else
	struct itimerspec its = { .it_value = { sec, 0 } };

	return syscall(SYS_timer_settime, id, 0, &its, NULL);
#endif
}

static void timer_curve(int n)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
	/* Linux charges each timer's signal to RLIMIT_SIGPENDING (root may lift it). */
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	int *ids = malloc(n * sizeof(*ids)), made = 0;
	double arm = 0, disarm = 0, t;

	if (!ids)
		exit(10);
	signal(SIGUSR1, SIG_IGN);
	setrlimit(RLIMIT_SIGPENDING, &unlimited);
	while (made < n && !syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &ids[made]) &&
	       !timer_set(ids[made], 3600 + made))
		made++;
	for (int r = 0; r < ROUNDS && made == n; r++) {
		int base = r * CURVE_OPS;

		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++)
			timer_set(ids[(long)(base + i) * SPREAD % n], 0);
		keep_best(&disarm, t);
		t = now_us();
		for (int i = 0; i < CURVE_OPS; i++)
			timer_set(ids[(long)(base + i) * SPREAD % n], 7200 + i);
		keep_best(&arm, t);
	}
	if (made == n) {
		printf("timer_arm_%dk %.2f us\n", n / 1000, arm);
		printf("timer_disarm_%dk %.2f us\n", n / 1000, disarm);
	}
	for (int i = 0; i < made; i++)
		syscall(SYS_timer_delete, ids[i]);
	free(ids);
}

/*
 * Parallel forms, for the scaling curve (bench_user.py --smp): P workers
 * at once, P the CPUs this process may run on, each repeating one
 * operation for SMP_SECONDS; the figure is the total throughput, the
 * operations of all workers per second. Best of ROUNDS runs.
 *
 * - pipe_round_trip_par: P independent pairs of processes, each pair
 *   passing one byte there and back through its own two pipes;
 * - fork_exit_par: P forkers, each a loop of fork(), the child's _exit()
 *   and waitpid() for it.
 *
 * The workers start together: each tells it is ready on one pipe, then
 * blocks reading the end time from another, which the parent writes once
 * all are ready (SMP_SECONDS from then); each counts its operations from
 * the moment it read it until that end and sends back the count and the
 * time it took, and the figure is the sum of the workers' rates.
 */
#define SMP_SECONDS 2.0
#define SMP_CHECK 16		/* operations between two reads of the clock */

struct smp_result {
	long ops;
	double us;
};

static int nr_cpus(void)
{
	cpu_set_t set;
	long n;

	if (!sched_getaffinity(0, sizeof(set), &set) && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

/* @kind 'p': round trips with an echoing child; 'f': fork+exit+wait. */
static long smp_work(char kind, double end)
{
	int to[2], from[2];
	long ops = 0;
	char c = 'x';

	if (kind == 'p') {
		if (pipe(to) || pipe(from))
			_exit(20);
		if (fork() == 0) {
			close(to[1]);
			close(from[0]);
			while (read(to[0], &c, 1) == 1)
				if (write(from[1], &c, 1) != 1)
					_exit(21);
			_exit(0);
		}
		close(to[0]);
		close(from[1]);
	}
	do {
		for (int i = 0; i < SMP_CHECK; i++) {
			if (kind == 'p') {
				if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1)
					_exit(22);
			} else {
				pid_t p = fork();

				if (p == 0)
					_exit(0);
				if (p < 0 || waitpid(p, NULL, 0) != p)
					_exit(23);
			}
		}
		ops += SMP_CHECK;
	} while (now_us() < end);
	if (kind == 'p') {
		close(to[1]);	/* the echoing child reads EOF and exits */
		wait(NULL);
	}
	return ops;
}

/* Operations per second of @p workers of @kind together, or 0 on failure. */
static double smp_round(char kind, int p)
{
	int ready[2], start[2], done[2], got = 0;
	struct smp_result r;
	double end, total = 0;
	char c;

	if (pipe(ready) || pipe(start) || pipe(done))
		exit(24);
	for (int i = 0; i < p; i++) {
		if (fork() == 0) {
			double t0;

			close(ready[0]);
			close(start[1]);
			close(done[0]);
			if (write(ready[1], "r", 1) != 1 || read(start[0], &end, sizeof(end)) != sizeof(end))
				_exit(25);
			t0 = now_us();
			r.ops = smp_work(kind, end);
			r.us = now_us() - t0;
			_exit(write(done[1], &r, sizeof(r)) != sizeof(r));
		}
	}
	close(ready[1]);
	close(start[0]);
	close(done[1]);
	for (int i = 0; i < p; i++)
		if (read(ready[0], &c, 1) != 1)
			exit(26);
	end = now_us() + SMP_SECONDS * 1e6;
	for (int i = 0; i < p; i++)
		if (write(start[1], &end, sizeof(end)) != sizeof(end))
			exit(27);
	while (read(done[0], &r, sizeof(r)) == sizeof(r)) {
		total += r.ops / (r.us / 1e6);
		got++;
	}
	while (wait(NULL) > 0)
		;
	close(ready[0]);
	close(start[1]);
	close(done[0]);
	return got == p ? total : 0;
}

/* @only: a form's name to run alone (bench_profile.py), or NULL for all. */
static void smp_bench(const char *only)
{
	static const struct {
		char kind;
		const char *name;
	} forms[] = { { 'p', "pipe_round_trip_par" }, { 'f', "fork_exit_par" } };
	int p = nr_cpus();

	printf("smp_cpus %d cpus\n", p);
	fflush(stdout);
	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		double best = 0;

		if (only && strcmp(only, forms[f].name))
			continue;
		for (int r = 0; r < ROUNDS; r++) {
			double ops = smp_round(forms[f].kind, p);

			if (ops > best)
				best = ops;
		}
		if (best)
			printf("%s %.0f ops/s (%d workers)\n", forms[f].name, best, p);
	}
}

int main(int argc, char **argv)
{
	static char buf[65536];
	int n, fds[2], back[2];
	double t;

	if (argc > 1 && !strcmp(argv[1], "smp")) {
		smp_bench(argc > 2 ? argv[2] : NULL);
		return 0;
	}

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
		struct stat st;
		/* 400 pages, or fewer in a smaller file (Linux: SIGBUS past its end). */
		int pages = fstat(bfd, &st) || st.st_size / 4096 > 400 ? 400 : st.st_size / 4096;
		volatile char *m = mmap(NULL, pages * 4096, PROT_READ, MAP_PRIVATE, bfd, 0);
		char sum = 0;

		if (m == MAP_FAILED || !pages)
			return 1;
		t = now_us();
		for (int i = 0; i < pages; i++)
			sum += m[i * 4096];
		printf("file_fault %.2f us (%d)\n", (now_us() - t) / pages, sum);
		munmap((void *)m, pages * 4096);
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

	/* 64 KiB of a file in the page cache (the copy to user space). */
	int f = open("/tmp/ubench_file", O_RDWR | O_CREAT | O_TRUNC, 0600);

	for (int i = 0; i < 16; i++)
		if (f < 0 || write(f, buf, sizeof(buf)) != sizeof(buf))
			return 1;
	t = now_us();
	for (int i = 0; i < n; i++)
		if (pread(f, buf, sizeof(buf), (off_t)(i % 16) * sizeof(buf)) != sizeof(buf))
			return 1;
	printf("read_file_64k %.2f us\n", (now_us() - t) / n);
	close(f);
	unlink("/tmp/ubench_file");

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

	/* First, while this process's address space is small: fork copies it. */
	for (size_t i = 0; i < sizeof(proc_sizes) / sizeof(proc_sizes[0]); i++)
		proc_curve(proc_sizes[i]);
	for (size_t i = 0; i < sizeof(curve_sizes) / sizeof(curve_sizes[0]); i++)
		dir_curve(curve_sizes[i]);
	for (size_t i = 0; i < sizeof(curve_sizes) / sizeof(curve_sizes[0]); i++)
		map_curve(curve_sizes[i]);
	for (size_t i = 0; i < sizeof(curve_sizes) / sizeof(curve_sizes[0]); i++)
		timer_curve(curve_sizes[i]);
	return 0;
}
