// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every system call that takes a user pointer, given NULL, a kernel
 * address and an unmapped address in that argument, fails with EFAULT
 * (and the kernel survives: the test goes on).
 */
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "ktest.h"

#define P 0x5a5a5a5aL	/* stands for the bad pointer */

static unsigned int id_out;	/* where the other ids of getres[ug]id go */
static struct { unsigned int version; int pid; } cap_hdr = { 0x20080522, 0 };
static unsigned int cap_data[6];

/* Calls only x86-64 and powerpc have, compared with below: never a generic number. */
#ifndef SYS_poll
#define SYS_poll (-1L)
#define SYS_select (-2L)
#endif
/* powerpc's five-argument select is _newselect (its SYS_select is the old form). */
#ifdef SYS__newselect
#define SYS_select5 SYS__newselect
#else
#define SYS_select5 SYS_select
#endif
/* The kernel's TCGETS and FIONREAD (glibc's powerpc TCGETS names its own struct termios). */
#if defined(__powerpc64__)
#define K_TCGETS 0x402c7413
#define K_FIONREAD 0x4004667f
#else
#define K_TCGETS 0x5401
#define K_FIONREAD 0x541B
#endif
/* powerpc's getrlimit is ugetrlimit (its SYS_getrlimit is the 32-bit one). */
#ifdef SYS_ugetrlimit
#define SYS_getrlimit64 SYS_ugetrlimit
#else
#define SYS_getrlimit64 SYS_getrlimit
#endif

static const struct {
	const char *name;
	long nr;
	long args[6];
} calls[] = {
	{ "read", SYS_read, { 0, P, 16 } },		/* fd 0 replaced below */
	{ "write", SYS_write, { 1, P, 16 } },
	{ "pread64", SYS_pread64, { 0, P, 16, 0 } },
	{ "pwrite64", SYS_pwrite64, { 0, P, 16, 0 } },
	{ "readv", SYS_readv, { 0, P, 1 } },
	{ "writev", SYS_writev, { 1, P, 1 } },
	{ "openat", SYS_openat, { AT_FDCWD, P, O_RDONLY } },
	{ "fstat", SYS_fstat, { 0, P } },
	{ "newfstatat", SYS_newfstatat, { AT_FDCWD, (long)"/", P, 0 } },
	{ "statx", SYS_statx, { AT_FDCWD, (long)"/", 0, 0x7ff, P } },
	{ "faccessat", SYS_faccessat, { AT_FDCWD, P, 0 } },
	{ "pipe2", SYS_pipe2, { P, 0 } },
	{ "getdents64", SYS_getdents64, { 0, P, 1024 } },
	{ "mkdirat", SYS_mkdirat, { AT_FDCWD, P, 0755 } },
	{ "unlinkat", SYS_unlinkat, { AT_FDCWD, P, 0 } },
	{ "chdir", SYS_chdir, { P } },
	{ "getcwd", SYS_getcwd, { P, 128 } },
	{ "truncate", SYS_truncate, { P, 0 } },
	{ "execve", SYS_execve, { P, 0, 0 } },
	{ "wait4", SYS_wait4, { -1, P, 1 /* WNOHANG; a child is made first */, 0 } },
	{ "uname", SYS_uname, { P } },
	{ "sysinfo", SYS_sysinfo, { P } },
	{ "getrandom", SYS_getrandom, { P, 16, 0 } },
	{ "clock_gettime", SYS_clock_gettime, { 1, P } },
	{ "clock_getres", SYS_clock_getres, { 1, P } },
	{ "gettimeofday", SYS_gettimeofday, { P, 0 } },
	{ "nanosleep", SYS_nanosleep, { P, 0 } },
	{ "clock_nanosleep", SYS_clock_nanosleep, { 1, 0, P, 0 } },
	{ "rt_sigaction", SYS_rt_sigaction, { 10, P, 0, 8 } },
	{ "rt_sigaction old", SYS_rt_sigaction, { 10, 0, P, 8 } },
	{ "rt_sigprocmask", SYS_rt_sigprocmask, { 0, P, 0, 8 } },
	{ "rt_sigpending", SYS_rt_sigpending, { P, 8 } },
	{ "sigaltstack", SYS_sigaltstack, { P, 0 } },
	{ "ppoll", SYS_ppoll, { P, 1, 0, 0, 8 } },
	{ "prlimit64", SYS_prlimit64, { 0, 7, 0, P } },
	{ "getrlimit", SYS_getrlimit64, { 7, P } },
	{ "ioctl TCGETS", SYS_ioctl, { 0, K_TCGETS, P } },
	{ "ioctl FIONREAD", SYS_ioctl, { 0, K_FIONREAD, P } },
	{ "sendfile off", SYS_sendfile, { 1, 0, P, 1 } },
	{ "utimensat", SYS_utimensat, { AT_FDCWD, P, 0, 0 } },
	{ "prctl", SYS_prctl, { 16, P } },
	{ "statfs path", SYS_statfs, { P, 0 } },
	{ "statfs buf", SYS_statfs, { (long)"/", P } },
	{ "fstatfs", SYS_fstatfs, { 0, P } },
	{ "preadv", SYS_preadv, { 0, P, 1, 0 } },
	{ "pwritev", SYS_pwritev, { 0, P, 1, 0 } },
	{ "getrusage", SYS_getrusage, { 0, P } },
	{ "times", SYS_times, { P } },
	{ "getitimer", SYS_getitimer, { 0, P } },
	{ "setitimer", SYS_setitimer, { 0, P, 0 } },
	{ "setitimer old", SYS_setitimer, { 0, 0, P } },
	{ "timer_create", SYS_timer_create, { 1, P, 0 } },
	{ "syslog", SYS_syslog, { 3, P, 4096 } },
	{ "sched_getaffinity", SYS_sched_getaffinity, { 0, 128, P } },
	{ "sched_setaffinity", SYS_sched_setaffinity, { 0, 128, P } },
	{ "clone3", SYS_clone3, { P, 64 } },
	{ "getresuid", SYS_getresuid, { P, (long)&id_out, (long)&id_out } },
	{ "getresuid euid", SYS_getresuid, { (long)&id_out, P, (long)&id_out } },
	{ "getresuid suid", SYS_getresuid, { (long)&id_out, (long)&id_out, P } },
	{ "getresgid", SYS_getresgid, { P, (long)&id_out, (long)&id_out } },
	{ "getresgid egid", SYS_getresgid, { (long)&id_out, P, (long)&id_out } },
	{ "getresgid sgid", SYS_getresgid, { (long)&id_out, (long)&id_out, P } },
	{ "setgroups", SYS_setgroups, { 1, P } },
	{ "capget", SYS_capget, { P, (long)cap_data } },
	{ "capset", SYS_capset, { P, (long)cap_data } },
	{ "capset data", SYS_capset, { (long)&cap_hdr, P } },
#ifdef SYS_renameat	/* riscv64 has renameat2 only */
	{ "renameat", SYS_renameat, { AT_FDCWD, P, AT_FDCWD, (long)"/tmp/x" } },
#endif
	{ "renameat2", SYS_renameat2, { AT_FDCWD, P, AT_FDCWD, (long)"/tmp/x", 0 } },
	{ "linkat", SYS_linkat, { AT_FDCWD, P, AT_FDCWD, (long)"/tmp/x", 0 } },
	{ "symlinkat", SYS_symlinkat, { P, AT_FDCWD, (long)"/tmp/x" } },
	{ "readlinkat buf", SYS_readlinkat, { AT_FDCWD, (long)"/proc/self/exe", P, 64 } },
	{ "fchmodat", SYS_fchmodat, { AT_FDCWD, P, 0644 } },
#ifdef SYS_open	/* x86-64, powerpc: the calls the generic table (arm64) has in *at form only */
	{ "open", SYS_open, { P, O_RDONLY } },
	{ "stat", SYS_stat, { P, 0 } },
	{ "stat buf", SYS_stat, { (long)"/", P } },
	{ "lstat buf", SYS_lstat, { (long)"/", P } },
	{ "access", SYS_access, { P, 0 } },
	{ "pipe", SYS_pipe, { P } },
	{ "mkdir", SYS_mkdir, { P, 0755 } },
	{ "rmdir", SYS_rmdir, { P } },
	{ "unlink", SYS_unlink, { P } },
	{ "rename old", SYS_rename, { P, (long)"/tmp/x" } },
	{ "rename new", SYS_rename, { (long)"/tmp/efault", P } },
	{ "link", SYS_link, { P, (long)"/tmp/x" } },
	{ "symlink", SYS_symlink, { P, (long)"/tmp/x" } },
	{ "symlink new", SYS_symlink, { (long)"t", P } },
	{ "readlink", SYS_readlink, { P, (long)&calls, 8 } },
	{ "readlink buf", SYS_readlink, { (long)"/proc/self/exe", P, 64 } },
	{ "chmod", SYS_chmod, { P, 0644 } },
	{ "poll", SYS_poll, { P, 1, 0 } },
	{ "select", SYS_select5, { 1, P, 0, 0, 0 } },
#endif
#ifdef SYS_arch_prctl
	{ "arch_prctl", SYS_arch_prctl, { 0x1003, P } },
#endif
};

static void bad_pointers_give_efault(void)
{
	static void *const bad[] = { BAD_NULL, BAD_KERNEL, BAD_UNMAPPED };
	int file = open("/tests/helper", O_RDONLY);
	int wfile = open("/tmp/efault-file", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int pipefd[2];

	EXPECT_EQ(pipe(pipefd), 0);
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		for (int b = 0; b < 3; b++) {
			long a[6];

			for (int k = 0; k < 6; k++)
				a[k] = calls[i].args[k] == P ? (long)bad[b] : calls[i].args[k];
			/* Descriptors 0 of the table: a readable regular file, or a tty. */
			if (calls[i].nr == SYS_read || calls[i].nr == SYS_pread64 ||
			    calls[i].nr == SYS_readv || calls[i].nr == SYS_fstat)
				a[0] = file;
			if (calls[i].nr == SYS_pwrite64 || calls[i].nr == SYS_pwritev)
				a[0] = wfile;
			if (calls[i].nr == SYS_preadv || calls[i].nr == SYS_fstatfs)
				a[0] = file;
			if (calls[i].nr == SYS_sendfile)
				a[1] = file;
			if (calls[i].nr == SYS_getdents64)
				a[0] = open("/", O_RDONLY | O_DIRECTORY);
			if (calls[i].nr == SYS_wait4) {
				if (b == 0)
					continue;	/* a NULL status pointer is allowed */
				/*
				 * Linux reaps, then fails to store: one child per
				 * try, waited for until it has exited (WNOWAIT
				 * leaves it to wait4()): a sleep of 20 ms was not
				 * always enough at 4 CPUs under load, and wait4()'s
				 * WNOHANG then found no child to report.
				 */
				pid_t child = fork();
				siginfo_t si;

				if (child == 0)
					_exit(0);
				if (waitid(P_PID, child, &si, WEXITED | WNOWAIT))
					KT_FAIL("waitid: errno %d", errno);
			}
			if ((calls[i].nr == SYS_gettimeofday || calls[i].nr == SYS_poll ||
			     calls[i].nr == SYS_ppoll || calls[i].nr == SYS_select5 ||
			     calls[i].nr == SYS_rt_sigaction || calls[i].nr == SYS_rt_sigprocmask ||
			     calls[i].nr == SYS_sigaltstack || calls[i].nr == SYS_prlimit64 ||
			     calls[i].nr == SYS_clock_getres || calls[i].nr == SYS_sendfile ||
			     calls[i].nr == SYS_utimensat || calls[i].nr == SYS_execve ||
			     calls[i].nr == SYS_times || calls[i].nr == SYS_setitimer ||
			     calls[i].nr == SYS_timer_create || calls[i].nr == SYS_syslog) &&
			    b == 0 && calls[i].nr != SYS_execve && calls[i].nr != SYS_poll)
				continue;	/* NULL means "none" for these */
			if (calls[i].nr == SYS_poll && b == 0)
				a[1] = 1;
			if (calls[i].nr == SYS_ioctl)
				a[0] = 0;
			errno = 0;
			long r = syscall(calls[i].nr, a[0], a[1], a[2], a[3], a[4], a[5]);

			if (r != -1 || errno != EFAULT)
				KT_FAIL("%s with pointer %p: %ld errno %d, want EFAULT", calls[i].name,
					bad[b], r, errno);
			if (calls[i].nr == SYS_getdents64)
				close(a[0]);
		}
	}
	close(file);
	close(wfile);
	unlink("/tmp/efault-file");
	close(pipefd[0]);
	close(pipefd[1]);
}

KTEST_MAIN("user_efault", KTEST(bad_pointers_give_efault))
