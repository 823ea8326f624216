// SPDX-License-Identifier: GPL-2.0-only
/*
 * Signals: handlers run on Linux's frame and return through sigreturn,
 * masks block and defer, SIGCHLD reports the child, the alternate stack is
 * used, fault handlers see the address and may change the saved context,
 * the FP/SIMD registers survive a handler, ignored SIGPIPE gives EPIPE,
 * and bad pointers give EFAULT. Each signal carries its sender: kill()
 * SI_USER with the sender's pid and uid, tgkill() SI_TKILL, sigqueue()
 * its value; real-time signals queue every instance in order, standard
 * ones once; RLIMIT_SIGPENDING bounds the queue; sigwaitinfo() and
 * sigtimedwait() return the siginfo; a POSIX timer's signal carries
 * SI_TIMER, the timer's id and its value.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* REG_RIP */
#endif
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <ucontext.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "ktest.h"

static volatile sig_atomic_t got, got_sig;
static volatile void *fault_addr;
static volatile pid_t chld_pid;
static volatile int on_alt;
static sigjmp_buf jump;
static char altstack[65536];

static void on_usr1(int sig)
{
	got++;
	got_sig = sig;
}

static void handler_runs(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 }, old;
	double x = 1.5;

	got = 0;
	EXPECT_EQ(sigaction(SIGUSR1, &sa, &old), 0);
	EXPECT_TRUE(old.sa_handler == SIG_DFL);
	EXPECT_EQ(kill(getpid(), SIGUSR1), 0);
	EXPECT_EQ(got, 1);
	EXPECT_EQ(got_sig, SIGUSR1);
	EXPECT_TRUE(x * 2 == 3.0);	/* FPU state survives the handler */
	EXPECT_EQ(raise(SIGUSR1), 0);
	EXPECT_EQ(got, 2);
	signal(SIGUSR1, SIG_DFL);
}

static void mask_defers(void)
{
	sigset_t set, pending;

	got = 0;
	signal(SIGUSR2, on_usr1);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	EXPECT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	kill(getpid(), SIGUSR2);
	EXPECT_EQ(got, 0);
	EXPECT_EQ(sigpending(&pending), 0);
	EXPECT_TRUE(sigismember(&pending, SIGUSR2));
	EXPECT_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	EXPECT_EQ(got, 1);
	signal(SIGUSR2, SIG_DFL);
	EXPECT_ERRNO(sigprocmask(99, &set, NULL), EINVAL);
	EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK, BAD_KERNEL, NULL, 8), EFAULT);
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	chld_pid = si->si_pid;
}

static void sigchld_reports(void)
{
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO };
	pid_t pid;

	chld_pid = 0;
	sigaction(SIGCHLD, &sa, NULL);
	pid = fork();
	if (pid == 0)
		_exit(0);
	while (!chld_pid)
		pause();
	EXPECT_EQ(chld_pid, pid);
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);
	signal(SIGCHLD, SIG_DFL);
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	fault_addr = si->si_addr;
	on_alt = (char *)&sig >= altstack && (char *)&sig < altstack + sizeof(altstack);
	siglongjmp(jump, 1);
}

static void fault_handler_on_altstack(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_ONSTACK };

	EXPECT_EQ(sigaltstack(&ss, NULL), 0);
	sigaction(SIGSEGV, &sa, NULL);
	fault_addr = NULL;
	if (!sigsetjmp(jump, 1))
		*(volatile int *)0x1234 = 1;
	EXPECT_TRUE(fault_addr == (void *)0x1234);
	EXPECT_EQ(on_alt, 1);
	signal(SIGSEGV, SIG_DFL);
	ss.ss_flags = SS_DISABLE;
	EXPECT_EQ(sigaltstack(&ss, NULL), 0);
	EXPECT_ERRNO(syscall(SYS_sigaltstack, BAD_KERNEL, NULL), EFAULT);
}

/* Store to NULL with an instruction of known length (FAULT_INSN_LEN bytes). */
#if defined(__x86_64__)
#define FAULT_INSN_LEN 6		/* movl $1, (%rax) */
#define fault_once() __asm__ __volatile__("movl $1, (%%rax)" :: "a"(0UL) : "memory")
#define context_pc(uc) ((uc)->uc_mcontext.gregs[REG_RIP])
#elif defined(__aarch64__)
#define FAULT_INSN_LEN 4
#define fault_once() __asm__ __volatile__("str wzr, [%0]" :: "r"(0UL) : "memory")
#define context_pc(uc) ((uc)->uc_mcontext.pc)
#elif defined(__riscv)
#define FAULT_INSN_LEN 4		/* sw, never compressed from zero */
#define fault_once() __asm__ __volatile__(".option push\n\t.option norvc\n\t" \
					  "sw zero, 0(%0)\n\t.option pop" :: "r"(0UL) : "memory")
#define context_pc(uc) ((uc)->uc_mcontext.__gregs[REG_PC])
#elif defined(__powerpc64__)
#define FAULT_INSN_LEN 4
#define fault_once() __asm__ __volatile__("stw %0, 0(%0)" :: "b"(0UL) : "memory")
#define context_pc(uc) ((uc)->uc_mcontext.gp_regs[32])	/* PT_NIP */
#elif defined(__arm__) && defined(__thumb__)
#define FAULT_INSN_LEN 2
#define fault_once() __asm__ __volatile__("str %0, [%0]" :: "l"(0UL) : "memory")
#define context_pc(uc) ((uc)->uc_mcontext.arm_pc)
#elif defined(__arm__)
#define FAULT_INSN_LEN 4
#define fault_once() __asm__ __volatile__("str %0, [%0]" :: "r"(0UL) : "memory")
#define context_pc(uc) ((uc)->uc_mcontext.arm_pc)
#endif

static void on_segv_skip(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	fault_addr = si->si_addr;
	context_pc(uc) += FAULT_INSN_LEN;
	got++;
}

/* rt_sigreturn resumes at the pc the handler wrote into the ucontext. */
static void handler_changes_context(void)
{
	struct sigaction sa = { .sa_sigaction = on_segv_skip, .sa_flags = SA_SIGINFO };

	got = 0;
	fault_addr = (void *)1;
	EXPECT_EQ(sigaction(SIGSEGV, &sa, NULL), 0);
	fault_once();
	EXPECT_EQ(got, 1);
	EXPECT_TRUE(fault_addr == NULL);
	signal(SIGSEGV, SIG_DFL);
}

/* A handler that overwrites a vector register the interrupted code uses. */
static void on_usr1_clobber_fp(int sig)
{
#if defined(__x86_64__)
	__asm__ __volatile__("pcmpeqd %%xmm8, %%xmm8" ::: "xmm8");
#elif defined(__aarch64__)
	__asm__ __volatile__("movi v16.16b, #0xff" ::: "v16");
#elif defined(__riscv)
	__asm__ __volatile__("li t0, -1\n\tfmv.d.x fs0, t0" ::: "t0", "fs0");
#elif defined(__powerpc64__)
	/* f20 (in the frame's fp_regs) and v20 (in its VMX area) */
	__asm__ __volatile__("mtvsrd 20, %0\n\tmtvsrd 52, %0" :: "r"(-1L) : "fr20", "v20");
#elif defined(__arm__)
	/* Soft-float: no FP registers; r8 and r9 stand in for them. */
	__asm__ __volatile__("mov r8, %0\n\tmov r9, %0" :: "r"(-1L) : "r8", "r9");
#endif
	got++;
}

/*
 * Set a vector register, send ourselves a signal with a raw system call
 * (delivered on its way back), read the register: the signal frame saved
 * it and sigreturn put it back.
 */
static void fp_survives_handler(void)
{
	struct sigaction sa = { .sa_handler = on_usr1_clobber_fp };
	uint64_t pattern = 0x1122334455667788ULL, after = 0;
	long pid = getpid();

	got = 0;
	EXPECT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
#if defined(__x86_64__)
	__asm__ __volatile__("movq %[p], %%xmm8\n\t"
			     "syscall\n\t"
			     "movq %%xmm8, %[a]"
			     : [a] "=r"(after)
			     : [p] "r"(pattern), "a"((long)SYS_kill), "D"(pid), "S"((long)SIGUSR1)
			     : "rcx", "r11", "xmm8", "memory");
#elif defined(__aarch64__)
	register long x8 __asm__("x8") = SYS_kill;
	register long x0 __asm__("x0") = pid;
	register long x1 __asm__("x1") = SIGUSR1;

	__asm__ __volatile__("fmov d16, %[p]\n\t"
			     "svc #0\n\t"
			     "fmov %[a], d16"
			     : [a] "=r"(after), "+r"(x0)
			     : [p] "r"(pattern), "r"(x8), "r"(x1)
			     : "v16", "memory");
#elif defined(__riscv)
	register long a7 __asm__("a7") = SYS_kill;
	register long a0 __asm__("a0") = pid;
	register long a1 __asm__("a1") = SIGUSR1;

	__asm__ __volatile__("fmv.d.x fs0, %[p]\n\t"
			     "ecall\n\t"
			     "fmv.x.d %[a], fs0"
			     : [a] "=r"(after), "+r"(a0)
			     : [p] "r"(pattern), "r"(a7), "r"(a1)
			     : "fs0", "memory");
#elif defined(__powerpc64__)
	register long r0 __asm__("r0") = SYS_kill;
	register long r3 __asm__("r3") = pid;
	register long r4 __asm__("r4") = SIGUSR1;
	uint64_t after_vr;

	__asm__ __volatile__("mtvsrd 20, %[p]\n\t"
			     "mtvsrd 52, %[p]\n\t"
			     "sc\n\t"
			     "mfvsrd %[a], 20\n\t"
			     "mfvsrd %[v], 52"
			     : [a] "=r"(after), [v] "=r"(after_vr), "+r"(r3), "+r"(r4), "+r"(r0)
			     : [p] "r"(pattern)
			     : "fr20", "v20", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12",
			       "cr0", "ctr", "memory");
	EXPECT_EQ(after_vr, pattern);
#elif defined(__arm__)
	register long r7 __asm__("r7") = SYS_kill;
	register long r0 __asm__("r0") = pid;
	register long r1 __asm__("r1") = SIGUSR1;
	uint32_t lo, hi;

	__asm__ __volatile__("mov r8, %[pl]\n\t"
			     "mov r9, %[ph]\n\t"
			     "svc #0\n\t"
			     "mov %[l], r8\n\t"
			     "mov %[h], r9"
			     : [l] "=&r"(lo), [h] "=&r"(hi), "+r"(r0)
			     : [pl] "r"((uint32_t)pattern), [ph] "r"((uint32_t)(pattern >> 32)),
			       "r"(r7), "r"(r1)
			     : "r8", "r9", "memory");
	after = ((uint64_t)hi << 32) | lo;
#endif
	EXPECT_EQ(got, 1);
	EXPECT_EQ(after, pattern);
	signal(SIGUSR1, SIG_DFL);
}

static void ignored_sigpipe_gives_epipe(void)
{
	int fds[2];

	signal(SIGPIPE, SIG_IGN);
	EXPECT_EQ(pipe(fds), 0);
	close(fds[0]);
	EXPECT_ERRNO(write(fds[1], "x", 1), EPIPE);
	close(fds[1]);
	signal(SIGPIPE, SIG_DFL);
}

static void on_alarm(int sig)
{
	got = 1;
}

/* A signal interrupts a blocking read: EINTR without SA_RESTART. */
/* Waits until pid sleeps (state S in /proc/pid/stat). */
static void wait_until_sleeping(pid_t pid)
{
	char path[32], buf[128], *state;
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (;;) {
		fd = open(path, O_RDONLY);
		n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
		if (fd >= 0)
			close(fd);
		if (n <= 0)
			return;
		buf[n] = 0;
		state = strrchr(buf, ')');
		if (state && state[1] == ' ' && state[2] == 'S')
			return;
		usleep(1000);
	}
}

static void interrupts_blocking_calls(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	int fds[2];
	char c;
	pid_t parent = getpid(), pid;

	got = 0;
	sigaction(SIGUSR1, &sa, NULL);
	EXPECT_EQ(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		/*
		 * Not before the parent sleeps in read(): a signal handled
		 * earlier would leave read() blocked for good (at 4 CPUs,
		 * under load, 20 ms were not always enough to get there).
		 */
		wait_until_sleeping(parent);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	EXPECT_ERRNO(read(fds[0], &c, 1), EINTR);
	EXPECT_EQ(got, 1);
	waitpid(pid, NULL, 0);
	close(fds[0]);
	close(fds[1]);
	signal(SIGUSR1, SIG_DFL);
}

#if defined(__arm__)
/*
 * read(fd, buf, 1) by an SVC of our own, in the instruction set this file
 * is built for (Thumb in signals-thumb, arch/arm/Makefile), after an
 * instruction that counts how often it ran: a restarted call must resume
 * at the SVC itself, 2 bytes back in Thumb state and 4 in ARM state, so
 * the count stays 1.
 */
static long counted_read(int fd, char *buf, int *ran)
{
	register long r7 __asm__("r7") = SYS_read;
	register long r0 __asm__("r0") = fd;
	register long r1 __asm__("r1") = (long)buf;
	register long r2 __asm__("r2") = 1;
	register long r4 __asm__("r4") = 0;

	__asm__ __volatile__("add r4, r4, #1\n\t"
			     "svc #0"
			     : "+r"(r0), "+r"(r4)
			     : "r"(r7), "r"(r1), "r"(r2)
			     : "memory");
	*ran = r4;
	return r0;
}
#define SVC_INSN_MATCHES(pc, thumb) \
	((thumb) ? *(const uint16_t *)(pc) == 0xdf00 : *(const uint32_t *)(pc) == 0xef000000)

static volatile int handler_saw_svc;

/* The pc of the interrupted call after the restart: the SVC again. */
static void on_usr1_at_svc(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	got++;
	handler_saw_svc = SVC_INSN_MATCHES(uc->uc_mcontext.arm_pc,
					   uc->uc_mcontext.arm_cpsr & 0x20);	/* T: Thumb */
}
#endif

/*
 * With SA_RESTART a signal that interrupts a blocking read restarts it:
 * the read returns what is written after the handler ran.
 */
static void restarts_blocking_calls(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	int fds[2], ran = 1;
	char c = 0;
	pid_t parent = getpid(), pid;

	got = 0;
#if defined(__arm__)
	sa.sa_sigaction = on_usr1_at_svc;
	sa.sa_flags |= SA_SIGINFO;
	handler_saw_svc = 0;
#endif
	sigaction(SIGUSR1, &sa, NULL);
	EXPECT_EQ(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		wait_until_sleeping(parent);
		kill(parent, SIGUSR1);
		usleep(20000);
		write(fds[1], "y", 1);
		_exit(0);
	}
#if defined(__arm__)
	EXPECT_EQ(counted_read(fds[0], &c, &ran), 1);
	EXPECT_EQ(handler_saw_svc, 1);
#else
	EXPECT_EQ(read(fds[0], &c, 1), 1);
#endif
	EXPECT_EQ(c, 'y');
	EXPECT_EQ(got, 1);
	EXPECT_EQ(ran, 1);
	waitpid(pid, NULL, 0);
	close(fds[0]);
	close(fds[1]);
	signal(SIGUSR1, SIG_DFL);
}

/* What an SA_SIGINFO handler saw, in the order the signals came. */
#define MAX_SEEN 16
static struct seen {
	int signo, code, value;
	pid_t pid;
	uid_t uid;
} seen[MAX_SEEN];
static volatile int nseen;

static void record_info(int sig, siginfo_t *si, void *uc)
{
	if (nseen < MAX_SEEN)
		seen[nseen] = (struct seen){ sig, si->si_code, si->si_value.sival_int,
					     si->si_pid, si->si_uid };
	nseen++;
}

/* Catch @sigs (0-ended) with record_info, each blocking all of them while it runs. */
static void catch_info(const int *sigs)
{
	struct sigaction sa = { .sa_sigaction = record_info, .sa_flags = SA_SIGINFO };

	sigemptyset(&sa.sa_mask);
	for (const int *s = sigs; *s; s++)
		sigaddset(&sa.sa_mask, *s);
	for (const int *s = sigs; *s; s++)
		sigaction(*s, &sa, NULL);
	nseen = 0;
	memset(seen, 0, sizeof(seen));
}

static void uncatch(const int *sigs)
{
	for (const int *s = sigs; *s; s++)
		signal(*s, SIG_DFL);
}

/* kill() from another process, tgkill() and sigqueue() name their sender. */
static void siginfo_names_sender(void)
{
	static const int sigs[] = { SIGUSR1, 0 };
	union sigval v = { .sival_int = 42 };
	sigset_t set;
	pid_t parent = getpid(), pid;

	catch_info(sigs);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid = fork();
	if (pid == 0)
		_exit(kill(parent, SIGUSR1) ? 1 : 0);
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT_EQ(nseen, 1);
	EXPECT_EQ(seen[0].code, SI_USER);
	EXPECT_EQ(seen[0].pid, pid);
	EXPECT_EQ(seen[0].uid, getuid());

	EXPECT_EQ(syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1), 0);
	EXPECT_EQ(nseen, 2);
	EXPECT_EQ(seen[1].code, SI_TKILL);
	EXPECT_EQ(seen[1].pid, getpid());
	EXPECT_EQ(seen[1].uid, getuid());

	EXPECT_EQ(sigqueue(getpid(), SIGUSR1, v), 0);
	EXPECT_EQ(nseen, 3);
	EXPECT_EQ(seen[2].code, SI_QUEUE);
	EXPECT_EQ(seen[2].value, 42);
	EXPECT_EQ(seen[2].pid, getpid());
	uncatch(sigs);
}

/*
 * Blocked, three SIGRTMIN+1 by sigqueue() come three times in order, three
 * SIGUSR1 once, and SIGRTMIN before SIGRTMIN+1.
 */
static void rt_signals_queue_in_order(void)
{
	const int sigs[] = { SIGUSR1, SIGRTMIN, SIGRTMIN + 1, 0 };
	sigset_t set, pending;

	catch_info(sigs);
	sigemptyset(&set);
	for (const int *s = sigs; *s; s++)
		sigaddset(&set, *s);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int i = 1; i <= 3; i++) {
		EXPECT_EQ(sigqueue(getpid(), SIGRTMIN + 1, (union sigval){ .sival_int = i }), 0);
		EXPECT_EQ(kill(getpid(), SIGUSR1), 0);
	}
	EXPECT_EQ(sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 9 }), 0);
	EXPECT_EQ(sigpending(&pending), 0);
	for (const int *s = sigs; *s; s++)
		EXPECT_TRUE(sigismember(&pending, *s));
	EXPECT_EQ(nseen, 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT_EQ(nseen, 5);
	EXPECT_EQ(seen[0].signo, SIGUSR1);
	EXPECT_EQ(seen[1].signo, SIGRTMIN);
	EXPECT_EQ(seen[1].value, 9);
	for (int i = 1; i <= 3; i++) {
		EXPECT_EQ(seen[1 + i].signo, SIGRTMIN + 1);
		EXPECT_EQ(seen[1 + i].code, SI_QUEUE);
		EXPECT_EQ(seen[1 + i].value, i);
	}
	EXPECT_EQ(sigpending(&pending), 0);
	EXPECT_TRUE(!sigismember(&pending, SIGRTMIN + 1));
	uncatch(sigs);
}

/* With RLIMIT_SIGPENDING 1, a second queued real-time signal is EAGAIN. */
static void rlimit_sigpending_child(void)
{
	struct rlimit rl = { 1, 1 };
	siginfo_t si;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	EXPECT_EQ(setrlimit(RLIMIT_SIGPENDING, &rl), 0);
	EXPECT_EQ(sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 1 }), 0);
	EXPECT_ERRNO(sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 2 }), EAGAIN);
	/* A standard signal is still sent, its siginfo beyond the limit. */
	EXPECT_EQ(kill(getpid(), SIGUSR1), 0);
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGUSR1);
	EXPECT_EQ(si.si_code, SI_USER);
	EXPECT_EQ(si.si_pid, getpid());
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGRTMIN);
	EXPECT_EQ(si.si_value.sival_int, 1);
	/* Taken, it no longer counts. */
	EXPECT_EQ(sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 3 }), 0);
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGRTMIN);
	EXPECT_EQ(si.si_value.sival_int, 3);
}

static void rlimit_sigpending_bounds_queue(void)
{
	ktest_in_child(rlimit_sigpending_child);
}

/*
 * rt_sigqueueinfo() may not pass for kill() or tgkill() (si_code >= 0 or
 * SI_TKILL) to another process; SI_QUEUE reaches it, value and all.
 */
static void sigqueueinfo_forged_code_eperm(void)
{
	siginfo_t si;
	sigset_t set, old;
	int status = -1;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	pid = fork();
	if (pid == 0) {
		int ok = sigwaitinfo(&set, &si) == SIGUSR1 && si.si_code == SI_QUEUE &&
			 si.si_value.sival_int == 7 && si.si_pid == getppid();

		_exit(ok ? 0 : 1);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = 7;
	si.si_code = SI_TKILL;
	EXPECT_ERRNO(syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si), EPERM);
	si.si_code = SI_USER;
	EXPECT_ERRNO(syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si), EPERM);
	si.si_code = SI_KERNEL;
	EXPECT_ERRNO(syscall(SYS_rt_tgsigqueueinfo, pid, pid, SIGUSR1, &si), EPERM);
	EXPECT_ERRNO(syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, BAD_KERNEL), EFAULT);
	si.si_code = SI_QUEUE;
	EXPECT_EQ(syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

/*
 * sigwaitinfo() takes a blocked signal with its sender; sigtimedwait()
 * gives EAGAIN when the time runs out; SIGALRM from a timer is SI_KERNEL.
 */
static void sigwaitinfo_returns_sender(void)
{
	struct itimerval it = { .it_value = { .tv_usec = 10000 } };
	struct timespec zero = { 0, 0 }, ms20 = { 0, 20000000 }, t0, t1;
	siginfo_t si;
	sigset_t set, old;
	pid_t parent = getpid(), pid;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, &old);
	pid = fork();
	if (pid == 0)
		_exit(kill(parent, SIGUSR2) ? 1 : 0);
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGUSR2);
	EXPECT_EQ(si.si_signo, SIGUSR2);
	EXPECT_EQ(si.si_code, SI_USER);
	EXPECT_EQ(si.si_pid, pid);
	EXPECT_EQ(si.si_uid, getuid());
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);

	EXPECT_ERRNO(sigtimedwait(&set, &si, &zero), EAGAIN);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	EXPECT_ERRNO(sigtimedwait(&set, &si, &ms20), EAGAIN);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	EXPECT_TRUE((t1.tv_sec - t0.tv_sec) * 1000000000L + t1.tv_nsec - t0.tv_nsec >= 20000000L);

	EXPECT_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGALRM);
	EXPECT_EQ(si.si_code, SI_KERNEL);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* A POSIX timer's signal: SI_TIMER with the timer's id and sigev_value. */
static void timer_signal_carries_value(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGRTMIN,
			       .sigev_value.sival_int = 1234 };
	struct itimerspec its = { .it_value = { 0, 10000000 } };
	siginfo_t si;
	sigset_t set, old;
	int id = -1;

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, &old);
	EXPECT_EQ(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id), 0);
	EXPECT_EQ(syscall(SYS_timer_settime, id, 0, &its, NULL), 0);
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGRTMIN);
	EXPECT_EQ(si.si_code, SI_TIMER);
	EXPECT_EQ(si.si_timerid, id);
	EXPECT_EQ(si.si_value.sival_int, 1234);
	EXPECT_EQ(syscall(SYS_timer_delete, id), 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void sigaction_errors(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };

	EXPECT_ERRNO(sigaction(SIGKILL, &sa, NULL), EINVAL);
	EXPECT_ERRNO(sigaction(0, &sa, NULL), EINVAL);
	EXPECT_ERRNO(syscall(SYS_rt_sigaction, SIGUSR1, BAD_KERNEL, NULL, 8), EFAULT);
	EXPECT_ERRNO(syscall(SYS_rt_sigaction, SIGUSR1, NULL, BAD_UNMAPPED, 8), EFAULT);
	EXPECT_ERRNO(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4), EINVAL);
}

static void default_term_kills_child(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		pause();
		_exit(0);
	}
	usleep(5000);
	kill(pid, SIGTERM);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
}

/* SIGSTOP stops, wait4 reports it (WUNTRACED), SIGCONT continues (WCONTINUED). */
static void job_control_stops(void)
{
	int status = 0, fds[2];
	char c = 0;
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		char x;

		read(fds[0], &x, 1);		/* stopped while blocked here */
		_exit(x == 'g' ? 7 : 1);
	}
	usleep(10000);
	EXPECT_EQ(kill(pid, SIGSTOP), 0);
	EXPECT_EQ(waitpid(pid, &status, WUNTRACED), pid);
	EXPECT_TRUE(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	EXPECT_EQ(waitpid(pid, &status, WNOHANG | WUNTRACED), 0);	/* reported once */
	EXPECT_EQ(kill(pid, SIGCONT), 0);
	EXPECT_EQ(waitpid(pid, &status, WCONTINUED), pid);
	EXPECT_TRUE(WIFCONTINUED(status));
	EXPECT_EQ(write(fds[1], "g", 1), 1);	/* it runs again and reads */
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 7 << 8);
	/* SIGKILL ends a stopped process. */
	pid = fork();
	if (pid == 0) {
		read(fds[0], &c, 1);
		_exit(0);
	}
	usleep(10000);
	kill(pid, SIGTSTP);
	EXPECT_EQ(waitpid(pid, &status, WUNTRACED), pid);
	EXPECT_TRUE(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTSTP);
	kill(pid, SIGKILL);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	close(fds[0]);
	close(fds[1]);
}

#if defined(__x86_64__) || defined(__powerpc64__)
/*
 * long red_zone_spin(long rounds): fill the red zone below the stack
 * pointer (the bytes the ABI lets a function use there without a frame:
 * 128 on x86-64, ELFv2's 288 on powerpc64) with a pattern, then check it
 * @rounds times; returns how many words were found changed (and put back).
 * A leaf in assembly, so that no compiled code uses that zone meanwhile.
 */
long red_zone_spin(long rounds);
#if defined(__x86_64__)
__asm__(".text\n.globl red_zone_spin\n.type red_zone_spin, @function\n"
	"red_zone_spin:\n"
	"	xorl %eax, %eax\n"
	"	leaq -128(%rsp), %rsi\n"
	"1:	movq %rsi, %rdx\n"
	"	notq %rdx\n"
	"	movq %rdx, (%rsi)\n"
	"	addq $8, %rsi\n"
	"	cmpq %rsp, %rsi\n"
	"	jb 1b\n"
	"2:	leaq -128(%rsp), %rsi\n"
	"3:	movq %rsi, %rdx\n"
	"	notq %rdx\n"
	"	cmpq %rdx, (%rsi)\n"
	"	je 4f\n"
	"	incq %rax\n"
	"	movq %rdx, (%rsi)\n"
	"4:	addq $8, %rsi\n"
	"	cmpq %rsp, %rsi\n"
	"	jb 3b\n"
	"	decq %rdi\n"
	"	jnz 2b\n"
	"	ret\n");
#else
__asm__(".text\n.globl red_zone_spin\n.type red_zone_spin, @function\n"
	"red_zone_spin:\n"
	"	li 5, 0\n"
	"	addi 7, 1, -288\n"
	"	mr 9, 7\n"
	"1:	not 10, 9\n"
	"	std 10, 0(9)\n"
	"	addi 9, 9, 8\n"
	"	cmpld 9, 1\n"
	"	blt 1b\n"
	"2:	mr 9, 7\n"
	"3:	ld 10, 0(9)\n"
	"	not 11, 9\n"
	"	cmpd 10, 11\n"
	"	beq 4f\n"
	"	addi 5, 5, 1\n"
	"	std 11, 0(9)\n"
	"4:	addi 9, 9, 8\n"
	"	cmpld 9, 1\n"
	"	blt 3b\n"
	"	addic. 3, 3, -1\n"
	"	bne 2b\n"
	"	mr 3, 5\n"
	"	blr\n");
#endif

static volatile int alarms;

static void on_alarm_count(int sig)
{
	alarms++;
}

/*
 * Signals that interrupt code with live data in its red zone leave that
 * data alone: the frame goes below it, and the kernel writes nothing
 * there (ELFv2 code keeps saved registers there around the push and pop
 * of its frame).
 */
static void red_zone_survives_handler(void)
{
	struct itimerval it = { { 0, 1000 }, { 0, 1000 } }, off = { 0 };
	long changed = 0;
	int rounds = 0;

	alarms = 0;
	signal(SIGALRM, on_alarm_count);
	EXPECT_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	/* Nearly all the time in the loop: the alarms interrupt it there. */
	while (alarms < 20 && rounds++ < 100000)
		changed += red_zone_spin(20000);
	EXPECT_EQ(setitimer(ITIMER_REAL, &off, NULL), 0);
	signal(SIGALRM, SIG_DFL);
	EXPECT_TRUE(alarms >= 20);
	EXPECT_EQ(changed, 0);
}
#define RED_ZONE_CASE KTEST(red_zone_survives_handler),
#else
#define RED_ZONE_CASE
#endif

#ifndef KTEST_SUITE_SUFFIX
#define KTEST_SUITE_SUFFIX ""
#endif
KTEST_MAIN("user_signals" KTEST_SUITE_SUFFIX,
	   KTEST(handler_runs), KTEST(mask_defers), KTEST(sigchld_reports),
	   KTEST(fault_handler_on_altstack), KTEST(handler_changes_context),
	   KTEST(fp_survives_handler), KTEST(ignored_sigpipe_gives_epipe),
	   KTEST(interrupts_blocking_calls), KTEST(restarts_blocking_calls),
	   KTEST(sigaction_errors),
	   KTEST(default_term_kills_child), RED_ZONE_CASE KTEST(job_control_stops),
	   KTEST(siginfo_names_sender), KTEST(rt_signals_queue_in_order),
	   KTEST(rlimit_sigpending_bounds_queue), KTEST(sigqueueinfo_forged_code_eperm),
	   KTEST(sigwaitinfo_returns_sender), KTEST(timer_signal_carries_value))
