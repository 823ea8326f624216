// SPDX-License-Identifier: GPL-2.0-only
/*
 * Threads (clone(CLONE_THREAD) through the C library's pthreads) and
 * futexes: create and join, a mutex shared by 8 threads, a condition
 * variable ping-pong, detached threads, __thread variables per thread,
 * pthread_kill() reaching its thread and kill() one that does not block
 * the signal, exit_group() and a fatal signal from a thread ending the
 * whole process, execve() from a thread taking the process's pid,
 * waitpid() of one child among many, a robust mutex whose owner died,
 * futex(2)'s errors, timeouts, bitsets and requeues, /proc/<pid>/task
 * listing the threads, Linux's rules for clone flags, barriers, rwlocks,
 * cancellation of a thread asleep in a system call, threads forking
 * and reaping children all at once, and munmap() and mprotect() reaching
 * the translations another thread's CPU holds.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <uapi/linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "ktest.h"

#define NTHREADS 8

static long tid(void)
{
	return syscall(SYS_gettid);
}

static long futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *ts,
		  uint32_t *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void *report_ids(void *arg)
{
	long *ids = arg;

	ids[0] = getpid();
	ids[1] = tid();
	return (void *)42;
}

static void create_join(void)
{
	long ids[2] = { 0, 0 };
	pthread_t t;
	void *ret = NULL;

	EXPECT_EQ(pthread_create(&t, NULL, report_ids, ids), 0);
	EXPECT_EQ(pthread_join(t, &ret), 0);
	EXPECT_EQ((long)ret, 42);
	EXPECT_EQ(ids[0], getpid());	/* getpid() is the process's */
	EXPECT_NE(ids[1], tid());	/* gettid() the thread's */
	EXPECT_TRUE(ids[1] > 0);
	EXPECT_EQ(tid(), getpid());	/* the main thread leads */
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *increment(void *arg)
{
	for (int i = 0; i < 2000; i++) {
		pthread_mutex_lock(&lock);
		long c = counter;

		if (i % 100 == 0)
			sched_yield();	/* with the mutex held: the others must wait */
		counter = c + 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void mutex_counter(void)
{
	pthread_t t[NTHREADS];

	counter = 0;
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, increment, NULL), 0);
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	EXPECT_EQ(counter, NTHREADS * 2000);
}

static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int turn, rounds;

#define ROUNDS 200

/* Plays @arg (0 or 1) in turn with the other player. */
static void *ping(void *arg)
{
	long me = (long)arg;

	pthread_mutex_lock(&lock);
	for (int i = 0; i < ROUNDS; i++) {
		while (turn != me)
			pthread_cond_wait(&cond, &lock);
		rounds++;
		turn = !me;
		pthread_cond_signal(&cond);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void condvar_pingpong(void)
{
	pthread_t a, b;

	turn = 0;
	rounds = 0;
	EXPECT_EQ(pthread_create(&a, NULL, ping, (void *)0L), 0);
	EXPECT_EQ(pthread_create(&b, NULL, ping, (void *)1L), 0);
	EXPECT_EQ(pthread_join(a, NULL), 0);
	EXPECT_EQ(pthread_join(b, NULL), 0);
	EXPECT_EQ(rounds, 2 * ROUNDS);
}

static sem_t done;
static int detached_ran;

static void *detached(void *arg)
{
	__atomic_fetch_add(&detached_ran, 1, __ATOMIC_SEQ_CST);
	sem_post(&done);
	return NULL;
}

static void detached_threads(void)
{
	pthread_attr_t attr;
	pthread_t t;

	detached_ran = 0;
	EXPECT_EQ(sem_init(&done, 0, 0), 0);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_create(&t, &attr, detached, NULL), 0);
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(sem_wait(&done), 0);
	EXPECT_EQ(detached_ran, NTHREADS);
	pthread_attr_destroy(&attr);
}

static __thread long tls_value = -1;
static __thread char tls_block[64];

static void *use_tls(void *arg)
{
	long me = (long)arg;

	if (tls_value != -1)
		return (void *)1L;	/* each thread starts from the initial value */
	tls_value = me;
	memset(tls_block, (int)me, sizeof(tls_block));
	for (int i = 0; i < 20; i++) {
		sched_yield();
		if (tls_value != me || tls_block[63] != (char)me)
			return (void *)2L;
	}
	return (void *)(uintptr_t)&tls_value;
}

static void thread_local_storage(void)
{
	pthread_t t[NTHREADS];
	void *ret[NTHREADS];

	tls_value = 1000;
	for (long i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, use_tls, (void *)i), 0);
	for (int i = 0; i < NTHREADS; i++) {
		EXPECT_EQ(pthread_join(t[i], &ret[i]), 0);
		EXPECT_TRUE((uintptr_t)ret[i] > 2);
		EXPECT_TRUE(ret[i] != (void *)&tls_value);
		for (int j = 0; j < i; j++)
			EXPECT_TRUE(ret[i] != ret[j]);	/* distinct per thread */
	}
	EXPECT_EQ(tls_value, 1000);
}

static volatile long handled_by;
static volatile int stop_spinning;

static void record_tid(int sig)
{
	handled_by = tid();
}

static void *spin_until_told(void *arg)
{
	long *me = arg;

	*me = tid();
	while (!stop_spinning)
		sched_yield();
	return NULL;
}

static void wait_for(volatile long *v)
{
	for (int i = 0; i < 100000 && !*v; i++)
		sched_yield();
}

static void signals_reach_threads(void)
{
	struct sigaction sa = { .sa_handler = record_tid };
	volatile long worker = 0;
	sigset_t set, old;
	pthread_t t;

	sigaction(SIGUSR1, &sa, NULL);
	stop_spinning = 0;
	EXPECT_EQ(pthread_create(&t, NULL, spin_until_told, (void *)&worker), 0);
	wait_for(&worker);
	/* Thread-directed: that thread runs the handler. */
	handled_by = 0;
	EXPECT_EQ(pthread_kill(t, SIGUSR1), 0);
	wait_for(&handled_by);
	EXPECT_EQ(handled_by, worker);
	/* Process-directed, blocked here: the other thread takes it. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	handled_by = 0;
	EXPECT_EQ(kill(getpid(), SIGUSR1), 0);
	wait_for(&handled_by);
	EXPECT_EQ(handled_by, worker);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	/* tgkill with the wrong process: ESRCH. */
	EXPECT_ERRNO(syscall(SYS_tgkill, getpid() + 100000, worker, SIGUSR1), ESRCH);
	stop_spinning = 1;
	EXPECT_EQ(pthread_join(t, NULL), 0);
	signal(SIGUSR1, SIG_DFL);
}

static void *exit_process(void *arg)
{
	exit(42);
}

static void *crash(void *arg)
{
	*(volatile int *)BAD_NULL = 1;
	return NULL;
}

/* Run @fn in a thread of a child process whose main thread waits forever. */
static int child_status(void *(*fn)(void *))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		pthread_t t;

		pthread_create(&t, NULL, fn, NULL);
		for (;;)
			pause();
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_ERRNO(waitpid(-1, NULL, WNOHANG), ECHILD);	/* one process, no threads */
	return status;
}

static void exit_group_from_thread(void)
{
	int status = child_status(exit_process);

	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 42);
	status = child_status(crash);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGSEGV);
}

static int exec_pipe[2];

static void *exec_helper(void *arg)
{
	char fd[16];

	snprintf(fd, sizeof(fd), "%d", exec_pipe[1]);
	execl("/tests/helper", "helper", "pid", fd, (char *)NULL);
	return NULL;
}

static void execve_from_thread(void)
{
	char buf[64] = "";
	int status = -1, pid_seen = 0;
	long tid_seen = 0;
	pid_t pid;

	EXPECT_EQ(pipe(exec_pipe), 0);
	pid = fork();
	if (pid == 0) {
		pthread_t t;

		pthread_create(&t, NULL, exec_helper, NULL);
		for (;;)
			pause();
	}
	close(exec_pipe[1]);
	EXPECT_TRUE(read(exec_pipe[0], buf, sizeof(buf) - 1) > 0);
	close(exec_pipe[0]);
	EXPECT_EQ(sscanf(buf, "%d %ld", &pid_seen, &tid_seen), 2);
	EXPECT_EQ(pid_seen, pid);	/* the exec'ing thread took the leader's pid */
	EXPECT_EQ(tid_seen, pid);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
}

static int hold_pipe[2];

/* A child's life: block until the parent closes hold_pipe. */
static void hold(void)
{
	char c;

	close(hold_pipe[1]);
	_exit(read(hold_pipe[0], &c, 1) != 0);
}

static void *hold_thread(void *arg)
{
	char c;

	*(long *)arg = tid();
	return (void *)(long)read(hold_pipe[0], &c, 1);
}

/*
 * waitpid() of one pid among many children (looked up by pid, not found
 * by walking them) reports that child only, once; a thread, a grandchild,
 * the caller and its parent are not children.
 */
static void waitpid_one_of_many(void)
{
	int status = -1, reaped = 0, grand = 0;
	pid_t kids[20], last;
	long thread_tid = 0;
	int grand_pipe[2];
	pthread_t t;

	EXPECT_EQ(pipe(hold_pipe), 0);
	EXPECT_EQ(pipe(grand_pipe), 0);
	for (int i = 0; i < 20; i++) {
		kids[i] = fork();
		if (kids[i] == 0 && i == 0) {
			pid_t g = fork();

			if (g == 0)
				hold();
			write(grand_pipe[1], &g, sizeof(g));
		}
		if (kids[i] == 0)
			hold();
	}
	last = fork();
	if (last == 0)
		_exit(7);
	EXPECT_EQ(read(grand_pipe[0], &grand, sizeof(grand)), sizeof(grand));
	EXPECT_EQ(pthread_create(&t, NULL, hold_thread, &thread_tid), 0);
	while (!__atomic_load_n(&thread_tid, __ATOMIC_SEQ_CST))
		sched_yield();
	EXPECT_EQ(waitpid(kids[10], NULL, WNOHANG), 0);
	EXPECT_EQ(waitpid(last, &status, 0), last);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	EXPECT_ERRNO(waitpid(last, NULL, WNOHANG), ECHILD);
	EXPECT_ERRNO(waitpid(thread_tid, NULL, WNOHANG), ECHILD);
	EXPECT_ERRNO(waitpid(grand, NULL, WNOHANG), ECHILD);
	EXPECT_ERRNO(waitpid(getpid(), NULL, WNOHANG), ECHILD);
	EXPECT_ERRNO(waitpid(getppid(), NULL, WNOHANG), ECHILD);
	close(hold_pipe[1]);
	EXPECT_EQ(pthread_join(t, NULL), 0);
	close(hold_pipe[0]);
	close(grand_pipe[0]);
	close(grand_pipe[1]);
	for (int i = 19; i >= 0; i--)
		reaped += waitpid(kids[i], &status, 0) == kids[i] && WIFEXITED(status) &&
			  WEXITSTATUS(status) == 0;
	EXPECT_EQ(reaped, 20);
	EXPECT_ERRNO(waitpid(-1, NULL, WNOHANG), ECHILD);
}

static pthread_mutex_t robust;

static void *lock_and_die(void *arg)
{
	pthread_mutex_lock(&robust);
	return NULL;		/* exits holding it */
}

static void robust_mutex_owner_died(void)
{
	pthread_mutexattr_t attr;
	pthread_t t;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	EXPECT_EQ(pthread_mutex_init(&robust, &attr), 0);
	EXPECT_EQ(pthread_create(&t, NULL, lock_and_die, NULL), 0);
	EXPECT_EQ(pthread_join(t, NULL), 0);
	EXPECT_EQ(pthread_mutex_lock(&robust), EOWNERDEAD);
	EXPECT_EQ(pthread_mutex_consistent(&robust), 0);
	EXPECT_EQ(pthread_mutex_unlock(&robust), 0);
	EXPECT_EQ(pthread_mutex_lock(&robust), 0);
	EXPECT_EQ(pthread_mutex_unlock(&robust), 0);
}

static void futex_errors_and_timeouts(void)
{
	static uint32_t word __attribute__((aligned(8)));
	struct timespec rel = { 0, 50 * 1000000 }, t0, abs;
	uint32_t other = 0;

	EXPECT_ERRNO(futex(&word, FUTEX_WAIT, 1, NULL, NULL, 0), EAGAIN);
	EXPECT_ERRNO(futex((uint32_t *)((char *)&word + 1), FUTEX_WAIT, 0, NULL, NULL, 0),
		     EINVAL);
	EXPECT_ERRNO(futex(BAD_KERNEL, FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT);
	EXPECT_ERRNO(futex(BAD_UNMAPPED, FUTEX_WAKE, 1, NULL, NULL, 0), EFAULT);
	EXPECT_ERRNO(futex(&word, FUTEX_WAIT_BITSET, 0, NULL, NULL, 0), EINVAL);
	EXPECT_ERRNO(futex(&word, 99, 0, NULL, NULL, 0), ENOSYS);
	EXPECT_EQ(futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0), 0);
	EXPECT_ERRNO(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)1L, &other, 7), EAGAIN);
	/* FUTEX_WAKE_OP: other += 5 (its old value 0 is == 0), nobody to wake. */
	EXPECT_EQ(futex(&word, FUTEX_WAKE_OP, 1, (void *)1L, &other,
			FUTEX_OP(FUTEX_OP_ADD, 5, FUTEX_OP_CMP_EQ, 0)), 0);
	EXPECT_EQ(other, 5);
	/* Relative timeout. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	EXPECT_ERRNO(futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), ETIMEDOUT);
	EXPECT_TRUE(ms_since(&t0) >= 50);
	/* Absolute CLOCK_MONOTONIC deadline. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	abs = t0;
	abs.tv_nsec += 30 * 1000000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	EXPECT_ERRNO(futex(&word, FUTEX_WAIT_BITSET, 0, &abs, NULL, FUTEX_BITSET_MATCH_ANY),
		     ETIMEDOUT);
	EXPECT_TRUE(ms_since(&t0) >= 30);
	/* Absolute CLOCK_REALTIME deadline, already past. */
	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_sec--;
	EXPECT_ERRNO(futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &abs, NULL,
			   FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
	rel.tv_nsec = 1000000000;
	EXPECT_ERRNO(futex(&word, FUTEX_WAIT, 0, &rel, NULL, 0), EINVAL);
}

static uint32_t fword;
static volatile long woke;

struct futex_waiter {
	uint32_t bitset;
	volatile long tid;
};

static void *futex_waiter(void *arg)
{
	struct futex_waiter *w = arg;

	w->tid = tid();
	if (futex(&fword, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, w->bitset) == 0)
		__atomic_fetch_add(&woke, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* The state letter of thread @t of this process in /proc (0 if unreadable). */
static char thread_state(long t)
{
	char path[64], buf[256], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/task/%ld/stat", getpid(), t);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/*
 * Wait until @w's thread sleeps ('S'): past its tid, its only sleep is the
 * futex wait (on several CPUs, yielding here would not let it get there).
 */
static void wait_until_sleeping(struct futex_waiter *w)
{
	wait_for(&w->tid);
	for (int i = 0; i < 100000 && thread_state(w->tid) != 'S'; i++)
		sched_yield();
	EXPECT_EQ(thread_state(w->tid), 'S');
}

static void futex_wake_and_requeue(void)
{
	static struct futex_waiter w[3] = { { 1, 0 }, { 2, 0 }, { 2, 0 } };
	static uint32_t target;
	pthread_t t[3];
	long n;

	fword = 0;
	woke = 0;
	for (int i = 0; i < 3; i++) {
		w[i].tid = 0;
		pthread_create(&t[i], NULL, futex_waiter, &w[i]);
	}
	for (int i = 0; i < 3; i++)
		wait_until_sleeping(&w[i]);
	/* Only the waiter whose bitset meets 1 wakes. */
	EXPECT_EQ(futex(&fword, FUTEX_WAKE_BITSET_PRIVATE, 10, NULL, NULL, 1), 1);
	EXPECT_EQ(pthread_join(t[0], NULL), 0);
	/* Wake none, move both to target; waking fword then finds nobody. */
	EXPECT_EQ(futex(&fword, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void *)10L, &target, 0), 2);
	EXPECT_EQ(futex(&fword, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 0);
	n = futex(&target, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0);
	EXPECT_EQ(n, 2);
	EXPECT_EQ(pthread_join(t[1], NULL), 0);
	EXPECT_EQ(pthread_join(t[2], NULL), 0);
	EXPECT_EQ(woke, 3);
}

static void proc_task_lists_threads(void)
{
	volatile long worker = 0;
	char path[64], buf[256];
	int found_main = 0, found_worker = 0, fd;
	struct dirent *de;
	pthread_t t;
	DIR *dir;

	stop_spinning = 0;
	EXPECT_EQ(pthread_create(&t, NULL, spin_until_told, (void *)&worker), 0);
	wait_for(&worker);
	snprintf(path, sizeof(path), "/proc/%d/task", getpid());
	dir = opendir(path);
	EXPECT_TRUE(dir != NULL);
	while (dir && (de = readdir(dir))) {
		found_main += atol(de->d_name) == getpid();
		found_worker += atol(de->d_name) == worker;
	}
	if (dir)
		closedir(dir);
	EXPECT_EQ(found_main, 1);
	EXPECT_EQ(found_worker, 1);
	snprintf(path, sizeof(path), "/proc/%d/task/%ld/stat", getpid(), worker);
	fd = open(path, O_RDONLY);
	EXPECT_TRUE(fd >= 0);
	memset(buf, 0, sizeof(buf));
	EXPECT_TRUE(read(fd, buf, sizeof(buf) - 1) > 0);
	EXPECT_EQ(atol(buf), worker);	/* the thread's own stat */
	close(fd);
	/*
	 * Two threads: this one and the worker. An earlier case's joined
	 * thread may still be ending on another CPU (see below): give it a
	 * second to leave the count.
	 */
	snprintf(path, sizeof(path), "/proc/%d/status", getpid());
	for (int i = 0; i < 100; i++) {
		memset(buf, 0, sizeof(buf));
		fd = open(path, O_RDONLY);
		EXPECT_TRUE(fd >= 0 && read(fd, buf, sizeof(buf) - 1) > 0);
		if (fd >= 0)
			close(fd);
		if (strstr(buf, "Threads:\t2\n"))
			break;
		usleep(10000);
	}
	EXPECT_TRUE(strstr(buf, "Threads:\t2\n") != NULL);
	stop_spinning = 1;
	EXPECT_EQ(pthread_join(t, NULL), 0);
	/*
	 * A thread gone is no longer there. pthread_join() returns once the
	 * kernel has cleared the thread's tid (CLONE_CHILD_CLEARTID), which
	 * comes before the thread is released, as on Linux: on another CPU
	 * it may still be ending. Give it a second.
	 */
	snprintf(path, sizeof(path), "/proc/%d/task/%ld", getpid(), worker);
	for (int i = 0; i < 100 && (fd = open(path, O_RDONLY)) >= 0; i++) {
		close(fd);
		usleep(10000);
	}
	EXPECT_ERRNO(open(path, O_RDONLY), ENOENT);
}

#define BARRIER_ROUNDS 50

static pthread_barrier_t barrier;
static int arrived[BARRIER_ROUNDS], serial[BARRIER_ROUNDS];

/* Every round: count in, wait, check that all came, wait again. */
static void *barrier_rounds(void *arg)
{
	long bad = 0;

	for (int r = 0; r < BARRIER_ROUNDS; r++) {
		__atomic_fetch_add(&arrived[r], 1, __ATOMIC_SEQ_CST);
		int ret = pthread_barrier_wait(&barrier);

		if (ret == PTHREAD_BARRIER_SERIAL_THREAD)
			__atomic_fetch_add(&serial[r], 1, __ATOMIC_SEQ_CST);
		else if (ret != 0)
			bad++;
		if (__atomic_load_n(&arrived[r], __ATOMIC_SEQ_CST) != NTHREADS)
			bad++;	/* someone passed the barrier before all arrived */
		pthread_barrier_wait(&barrier);
	}
	return (void *)bad;
}

static void barrier_rounds_all_arrive(void)
{
	pthread_t t[NTHREADS];
	void *bad;

	memset(arrived, 0, sizeof(arrived));
	memset(serial, 0, sizeof(serial));
	EXPECT_EQ(pthread_barrier_init(&barrier, NULL, NTHREADS), 0);
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, barrier_rounds, NULL), 0);
	for (int i = 0; i < NTHREADS; i++) {
		EXPECT_EQ(pthread_join(t[i], &bad), 0);
		EXPECT_EQ((long)bad, 0);
	}
	for (int r = 0; r < BARRIER_ROUNDS; r++)
		EXPECT_EQ(serial[r], 1);	/* one serial thread per round */
	EXPECT_EQ(pthread_barrier_destroy(&barrier), 0);
}

static pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
static int readers_in, writers_in, max_readers;

/* Readers may overlap (wait up to a bound to see another); a writer is alone. */
static void *rw_worker(void *arg)
{
	long writer = (long)arg & 1, bad = 0;

	for (int i = 0; i < 100; i++) {
		if (writer) {
			pthread_rwlock_wrlock(&rwlock);
			if (__atomic_add_fetch(&writers_in, 1, __ATOMIC_SEQ_CST) != 1 ||
			    __atomic_load_n(&readers_in, __ATOMIC_SEQ_CST) != 0)
				bad++;
			sched_yield();
			__atomic_sub_fetch(&writers_in, 1, __ATOMIC_SEQ_CST);
			pthread_rwlock_unlock(&rwlock);
		} else {
			pthread_rwlock_rdlock(&rwlock);
			int n = __atomic_add_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);

			if (__atomic_load_n(&writers_in, __ATOMIC_SEQ_CST) != 0)
				bad++;
			for (int y = 0; y < 50 && n < 2; y++) {
				sched_yield();
				n = __atomic_load_n(&readers_in, __ATOMIC_SEQ_CST);
			}
			if (n > __atomic_load_n(&max_readers, __ATOMIC_SEQ_CST))
				__atomic_store_n(&max_readers, n, __ATOMIC_SEQ_CST);
			__atomic_sub_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
			pthread_rwlock_unlock(&rwlock);
		}
		sched_yield();
	}
	return (void *)bad;
}

static void rwlock_readers_share_writers_exclude(void)
{
	pthread_t t[NTHREADS];
	void *bad;

	readers_in = writers_in = max_readers = 0;
	for (long i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, rw_worker, (void *)(long)(i % 4 == 3)), 0);
	for (int i = 0; i < NTHREADS; i++) {
		EXPECT_EQ(pthread_join(t[i], &bad), 0);
		EXPECT_EQ((long)bad, 0);
	}
	EXPECT_TRUE(max_readers >= 2);	/* read locks were held at once */
	EXPECT_EQ(pthread_rwlock_trywrlock(&rwlock), 0);	/* and all were released */
	EXPECT_EQ(pthread_rwlock_unlock(&rwlock), 0);
}

static int cancel_pipe[2], cleanups;
static volatile int cancel_waiting;

static void count_cleanup(void *arg)
{
	__atomic_fetch_add(&cleanups, 1, __ATOMIC_SEQ_CST);
	if (arg)
		pthread_mutex_unlock(arg);	/* cancelled in cond_wait: it holds the mutex */
}

/* Blocks in read(2), a cancellation point, until cancelled. */
static void *block_in_read(void *arg)
{
	char c;

	pthread_cleanup_push(count_cleanup, NULL);
	cancel_waiting = 1;
	read(cancel_pipe[0], &c, 1);
	pthread_cleanup_pop(0);
	return (void *)1L;	/* not reached when cancelled */
}

/* Waits on a condition no one signals, until cancelled. */
static void *block_in_cond_wait(void *arg)
{
	pthread_mutex_lock(&lock);
	pthread_cleanup_push(count_cleanup, &lock);
	cancel_waiting = 1;
	for (;;)
		pthread_cond_wait(&cond, &lock);
	pthread_cleanup_pop(0);
	return NULL;
}

/*
 * Deferred cancellation of a thread asleep in the kernel: the C library's
 * cancel signal must interrupt the system call and its handler find the
 * interrupted context where the signal frame says (musl rewrites the
 * saved PC, glibc unwinds through the frame).
 */
static void cancel_blocked_threads(void)
{
	void *(*fns[])(void *) = { block_in_read, block_in_cond_wait };
	void *ret;

	EXPECT_EQ(pipe(cancel_pipe), 0);
	cleanups = 0;
	for (int i = 0; i < 2; i++) {
		pthread_t t;

		cancel_waiting = 0;
		EXPECT_EQ(pthread_create(&t, NULL, fns[i], NULL), 0);
		while (!cancel_waiting)
			sched_yield();
		for (int y = 0; y < 20; y++)
			sched_yield();	/* let it reach the system call */
		EXPECT_EQ(pthread_cancel(t), 0);
		EXPECT_EQ(pthread_join(t, &ret), 0);
		EXPECT_TRUE(ret == PTHREAD_CANCELED);
		EXPECT_EQ(cleanups, i + 1);
	}
	EXPECT_EQ(pthread_mutex_trylock(&lock), 0);	/* the cleanup released it */
	pthread_mutex_unlock(&lock);
	close(cancel_pipe[0]);
	close(cancel_pipe[1]);
}

#define FORKS_PER_THREAD 10

/* fork() a child that exits with a code of its own, and reap exactly it. */
static void *fork_and_reap(void *arg)
{
	long me = (long)arg, bad = 0;

	for (int i = 0; i < FORKS_PER_THREAD; i++) {
		int code = (int)(me * FORKS_PER_THREAD + i) & 0x7f, status = -1;
		pid_t pid = fork();

		if (pid == 0)
			_exit(code);
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != code)
			bad++;
	}
	return (void *)bad;
}

/* Many threads of one process forking and reaping at once, some exiting early. */
static void threads_fork_and_exit_at_once(void)
{
	pthread_t t[NTHREADS];
	void *bad;

	for (long i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, fork_and_reap, (void *)i), 0);
	for (int i = 0; i < NTHREADS; i++) {
		EXPECT_EQ(pthread_join(t[i], &bad), 0);
		EXPECT_EQ((long)bad, 0);
	}
	EXPECT_ERRNO(waitpid(-1, NULL, WNOHANG), ECHILD);	/* nothing left over */
}

/*
 * proc_reads_race_exit_and_exec: threads read /proc/<pid>/{stat,status,
 * cmdline,comm,exe} of children that exec, exit and are reaped meanwhile,
 * and the parent signals each pid once reaped. Each read gives a whole
 * answer or ESRCH/ENOENT, and the kernel survives: other tasks' mm, comm,
 * parent and signal actions are read under their locks, and a lookup of
 * a task being freed takes no reference (it was freed twice: kill(2) of
 * a child just reaped, at 4 CPUs).
 */
#define PROC_RACE_CHILDREN 100
#define PROC_RACE_READERS 3

static volatile pid_t proc_race_pid;
static volatile int proc_race_stop;

static void *proc_race_reader(void *arg)
{
	static const char *const files[] = { "stat", "status", "cmdline", "comm", "exe" };
	long bad = 0;

	(void)arg;
	while (!proc_race_stop) {
		pid_t pid = proc_race_pid;
		char path[64], buf[1024], want[32];

		if (pid <= 0) {
			sched_yield();
			continue;
		}
		for (unsigned int i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
			ssize_t n;
			int fd;

			snprintf(path, sizeof(path), "/proc/%d/%s", pid, files[i]);
			if (i == 4) {
				n = readlink(path, buf, sizeof(buf) - 1);
				if (n < 0 && errno != ENOENT && errno != ESRCH && errno != EACCES)
					bad++;
				continue;
			}
			fd = open(path, O_RDONLY);
			if (fd < 0) {
				if (errno != ENOENT && errno != ESRCH)
					bad++;
				continue;
			}
			n = read(fd, buf, sizeof(buf) - 1);
			close(fd);
			if (n < 0) {
				if (errno != ESRCH && errno != ENOENT)
					bad++;
				continue;
			}
			buf[n] = 0;
			snprintf(want, sizeof(want), "%d (", pid);
			if (i == 0 && n > 0 && strncmp(buf, want, strlen(want)))
				bad++;
			if (i == 1 && n > 0 && strncmp(buf, "Name:\t", 6))
				bad++;
		}
	}
	return (void *)bad;
}

static void proc_reads_race_exit_and_exec(void)
{
	pthread_t t[PROC_RACE_READERS];
	int wrong = 0;
	void *bad;

	proc_race_stop = 0;
	proc_race_pid = 0;
	for (long i = 0; i < PROC_RACE_READERS; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, proc_race_reader, NULL), 0);
	for (int i = 0; i < PROC_RACE_CHILDREN; i++) {
		int status = -1;
		pid_t pid = fork();

		if (pid == 0) {
			if (i & 1)
				execl("/tests/helper", "helper", "exit", "7", (char *)NULL);
			_exit(7);
		}
		if (pid < 0) {
			wrong++;
			continue;
		}
		proc_race_pid = pid;
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 7)
			wrong++;
		/* Reaped: its pid names nothing, even while its last switch ends elsewhere. */
		if (kill(pid, SIGKILL) != -1 || errno != ESRCH)
			wrong++;
	}
	proc_race_stop = 1;
	for (int i = 0; i < PROC_RACE_READERS; i++) {
		EXPECT_EQ(pthread_join(t[i], &bad), 0);
		EXPECT_EQ((long)bad, 0);
	}
	EXPECT_EQ(wrong, 0);
}

#ifndef CLONE_THREAD
#define CLONE_THREAD 0x00010000
#endif

static void clone_flag_rules(void)
{
	/* CLONE_THREAD needs CLONE_SIGHAND, which needs CLONE_VM. */
	EXPECT_ERRNO(syscall(SYS_clone, CLONE_THREAD | CLONE_VM, 0, NULL, NULL, 0), EINVAL);
	EXPECT_ERRNO(syscall(SYS_clone, CLONE_SIGHAND, 0, NULL, NULL, 0), EINVAL);
}

/*
 * munmap_reaches_other_cpus: a thread pinned to a second CPU writes and
 * reads a page (so that CPU holds its translation, writable) and spins;
 * the main thread, pinned to the first, unmaps the page, makes it
 * read-only or makes it PROT_NONE, and only then lets the thread read it
 * again (write it, if read-only), which must fault: if the TLB shootdown
 * (mm/tlbflush.c) did not reach the thread's CPU, the stale translation
 * would let it reach the old page. The faulting process is a forked
 * child, with SIGSEGV's default action: its death by SIGSEGV is the pass.
 * At one CPU both threads share it, and the test checks the local flush.
 */
#define TLB_MAGIC 0x5eed7eb1
#define TLB_NOT_PLACED 10	/* child exit codes */
#define TLB_STALE 11
#define TLB_SETUP 12

struct tlb_probe {
	volatile int *page;
	int cpu;		/* the reader's CPU */
	int shared;		/* both threads on one CPU: yield while waiting */
	int write;		/* the second access writes (after mprotect) */
	int stage;		/* 1: the reader has used the page; 2: use it again */
};

static int pin_to(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

/* The CPUs /proc/cpuinfo lists (the boot's, whatever the affinity mask says). */
static int cpus_in_cpuinfo(void)
{
	char line[256];
	int n = 0;
	FILE *f = fopen("/proc/cpuinfo", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		n += !strncmp(line, "processor", 9);
	fclose(f);
	return n;
}

static void *tlb_reader(void *arg)
{
	struct tlb_probe *p = arg;
	int v;

	if (pin_to(p->cpu))
		_exit(TLB_NOT_PLACED);
	p->page[1] = TLB_MAGIC;	/* a writable translation, dirty */
	if (p->page[0] != TLB_MAGIC)
		_exit(TLB_SETUP);
	__atomic_store_n(&p->stage, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&p->stage, __ATOMIC_ACQUIRE) != 2)
		if (p->shared)
			sched_yield();
	if (p->write) {
		p->page[1] = 0;	/* must fault */
		v = p->page[1];
	} else {
		v = p->page[0];	/* must fault */
	}
	printf("    # reader: %s the page after it was taken away (%#x)\n",
	       p->write ? "wrote" : "read", v);
	fflush(stdout);
	_exit(TLB_STALE);
}

enum tlb_take { TAKE_MUNMAP, TAKE_READ_ONLY, TAKE_PROT_NONE };

static const char *const tlb_take_name[] = { "munmap", "mprotect(PROT_READ)",
					     "mprotect(PROT_NONE)" };

/* In the child: runs until the reader's fault kills it. */
static void tlb_probe_child(enum tlb_take take)
{
	struct tlb_probe p = { 0 };
	cpu_set_t mask;
	int first = -1, second = -1;
	pthread_t t;

	signal(SIGSEGV, SIG_DFL);
	if (sched_getaffinity(0, sizeof(mask), &mask))
		_exit(TLB_SETUP);
	for (int c = 0; c < CPU_SETSIZE; c++) {
		if (!CPU_ISSET(c, &mask))
			continue;
		if (first < 0)
			first = c;
		else if (second < 0)
			second = c;
	}
	/* A boot of several CPUs must give the reader one of its own. */
	if (second < 0 && cpus_in_cpuinfo() != 1)
		_exit(TLB_NOT_PLACED);
	p.shared = second < 0;
	p.cpu = p.shared ? first : second;
	if (first < 0 || pin_to(first))
		_exit(TLB_NOT_PLACED);
	p.page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p.page == MAP_FAILED)
		_exit(TLB_SETUP);
	p.page[0] = TLB_MAGIC;
	p.write = take == TAKE_READ_ONLY;
	if (pthread_create(&t, NULL, tlb_reader, &p))
		_exit(TLB_SETUP);
	while (__atomic_load_n(&p.stage, __ATOMIC_ACQUIRE) != 1)
		if (p.shared)
			sched_yield();
	if (take == TAKE_MUNMAP ? munmap((void *)p.page, 4096)
				: mprotect((void *)p.page, 4096,
					   take == TAKE_READ_ONLY ? PROT_READ : PROT_NONE))
		_exit(TLB_SETUP);
	__atomic_store_n(&p.stage, 2, __ATOMIC_RELEASE);
	pthread_join(t, NULL);	/* the reader ends the process either way */
	_exit(TLB_SETUP);
}

static void expect_reader_faults(enum tlb_take take)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0)
		tlb_probe_child(take);
	EXPECT_TRUE(pid > 0);
	if (pid <= 0)
		return;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV)
		return;
	if (WIFEXITED(status) && WEXITSTATUS(status) == TLB_STALE)
		KT_FAIL("%s: the other CPU still reached the old page", tlb_take_name[take]);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == TLB_NOT_PLACED)
		KT_FAIL("sched_setaffinity could not place the threads on their CPUs");
	else
		KT_FAIL("%s: child ended with status %#x, not SIGSEGV", tlb_take_name[take],
			status);
}

static void munmap_reaches_other_cpus(void)
{
	expect_reader_faults(TAKE_MUNMAP);
	expect_reader_faults(TAKE_READ_ONLY);
	expect_reader_faults(TAKE_PROT_NONE);
}

/* The glibc build beside musl's (usr/Makefile) is a suite of its own. */
#ifndef KTEST_SUITE_SUFFIX
#define KTEST_SUITE_SUFFIX ""
#endif

KTEST_MAIN("user_threads" KTEST_SUITE_SUFFIX, KTEST(create_join), KTEST(mutex_counter), KTEST(condvar_pingpong),
	   KTEST(detached_threads), KTEST(thread_local_storage), KTEST(signals_reach_threads),
	   KTEST(exit_group_from_thread), KTEST(execve_from_thread), KTEST(waitpid_one_of_many),
	   KTEST(robust_mutex_owner_died), KTEST(futex_errors_and_timeouts),
	   KTEST(futex_wake_and_requeue), KTEST(proc_task_lists_threads), KTEST(clone_flag_rules),
	   KTEST(barrier_rounds_all_arrive), KTEST(rwlock_readers_share_writers_exclude),
	   KTEST(cancel_blocked_threads), KTEST(threads_fork_and_exit_at_once),
	   KTEST(proc_reads_race_exit_and_exec),
	   KTEST(munmap_reaches_other_cpus))
