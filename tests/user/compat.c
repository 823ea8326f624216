// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux compatibility: behaviour where Ferrite once differed from Linux
 * 6.1 (issue 11). Mappings respect the descriptor's open mode, shared
 * anonymous memory stays shared across fork() whenever it is first
 * touched, breakpoints raise SIGTRAP, sigreturn validates the frame as
 * Linux does and a bad user return address is a SIGSEGV to the process,
 * a "#!" line needs no newline, and a set of system calls return Linux's
 * errno.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* REG_EFL, REG_RIP */
#endif
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <ucontext.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include "ktest.h"

#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#define MAP_UNKNOWN 0x800000	/* no Linux mmap flag */
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

/* The top of user space, as on Linux with Ferrite's page-table depth. */
#if defined(__riscv)
#define USER_TOP 0x4000000000UL
#elif defined(__aarch64__)
#define USER_TOP 0x8000000000UL		/* 39 bits, as Linux's CONFIG_ARM64_VA_BITS_39 */
#elif defined(__arm__)
#define USER_TOP 0x7ffff000UL		/* 2 GiB less the signal page */
#else
#define USER_TOP 0x800000000000UL
#endif

static volatile sig_atomic_t got;

/* A temporary file holding @len bytes of 'a', opened with @flags. */
static int temp_file(const char *path, int flags, size_t len)
{
	char buf[4096];
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);

	memset(buf, 'a', sizeof(buf));
	if (fd < 0 || write(fd, buf, len) != (ssize_t)len)
		return -1;
	close(fd);
	return open(path, flags);
}

/* Wait for @pid; its wait status. */
static int reap(pid_t pid)
{
	int status = -1;

	waitpid(pid, &status, 0);
	return status;
}

/* Store @v through a writable @flags mapping of @fd: the file's first byte after. */
static char store_through_mapping(int fd, int flags, char v)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, flags, fd, 0), c = 0;

	if (p == MAP_FAILED)
		return 0;
	p[0] = v;
	if (pread(fd, &c, 1, 0) != 1)
		c = 0;
	munmap(p, 4096);
	return c;
}

static void mmap_respects_open_mode(void)
{
	const char *path = "/tmp/compat-ro";
	int fd = temp_file(path, O_RDONLY, 4096), afd;
	char *p;

	EXPECT_TRUE(fd >= 0);
	EXPECT_TRUE(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED &&
		    errno == EACCES);
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	EXPECT_TRUE(p != MAP_FAILED);
	EXPECT_ERRNO(mprotect(p, 4096, PROT_READ | PROT_WRITE), EACCES);
	EXPECT_EQ(mprotect(p, 4096, PROT_READ), 0);
	munmap(p, 4096);
	/* A private mapping may be written: the stores stay in memory. */
	EXPECT_EQ(store_through_mapping(fd, MAP_PRIVATE, 'b'), 'a');
	/* MAP_SHARED_VALIDATE shares, and checks its flags. */
	afd = open(path, O_RDWR);
	EXPECT_EQ(store_through_mapping(afd, MAP_SHARED_VALIDATE, 'c'), 'c');
	EXPECT_TRUE(mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_UNKNOWN, afd, 0) ==
		    MAP_FAILED && errno == EOPNOTSUPP);
	close(afd);
	close(fd);
	unlink(path);
}

static void shared_anon_survives_fork(void)
{
	volatile char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	EXPECT_TRUE(p != MAP_FAILED);
	p[0] = 1;		/* touched before the fork; page 1 is not */
	pid = fork();
	if (pid == 0) {
		p[0] = 2;
		p[4096] = 3;
		_exit(0);
	}
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(p[0], 2);
	EXPECT_EQ(p[4096], 3);
	munmap((void *)p, 2 * 4096);
}

/* A breakpoint instruction, and how far the pc must move past it. */
#if defined(__x86_64__)
#define breakpoint() __asm__ __volatile__("int3")
#define BRK_SKIP 0		/* a trap: RIP is already past it */
#elif defined(__aarch64__)
#define breakpoint() __asm__ __volatile__("brk #0")
#define BRK_SKIP 4
#define context_pc(uc) ((uc)->uc_mcontext.pc)
#elif defined(__riscv)
#define breakpoint() __asm__ __volatile__(".option push\n\t.option norvc\n\t" \
					  "ebreak\n\t.option pop")
#define BRK_SKIP 4
#define context_pc(uc) ((uc)->uc_mcontext.__gregs[REG_PC])
#elif defined(__powerpc64__)
#define breakpoint() __asm__ __volatile__("trap")
#define BRK_SKIP 4
#define context_pc(uc) ((uc)->uc_mcontext.gp_regs[32])	/* PT_NIP */
#elif defined(__arm__)
#define breakpoint() __asm__ __volatile__("bkpt #0")
#define BRK_SKIP 4
#define context_pc(uc) ((uc)->uc_mcontext.arm_pc)
#endif

static volatile int trap_code;

static void on_trap(int sig, siginfo_t *si, void *ucv)
{
	trap_code = si->si_code;
#if BRK_SKIP
	context_pc((ucontext_t *)ucv) += BRK_SKIP;
#endif
	got++;
}

/* Run @fn in a child: the signal that killed it, or -1 if it exited. */
static int in_child(void (*fn)(void))
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		fn();
		_exit(0);
	}
	status = reap(pid);
	return WIFSIGNALED(status) ? WTERMSIG(status) : -1;
}

#if defined(__x86_64__)
static void int_4(void) { __asm__ __volatile__("int $4"); }
static void into(void) { __asm__ __volatile__(".byte 0xce"); }	/* #UD in 64-bit mode */
static void int_0x81(void) { __asm__ __volatile__("int $0x81"); }
#endif

static void hit_breakpoint(void)
{
	breakpoint();
}

static void breakpoint_sends_sigtrap(void)
{
	struct sigaction sa = { .sa_sigaction = on_trap, .sa_flags = SA_SIGINFO };

	got = 0;
	EXPECT_EQ(sigaction(SIGTRAP, &sa, NULL), 0);
	breakpoint();
	EXPECT_EQ(got, 1);
#if defined(__x86_64__)
	EXPECT_EQ(trap_code, SI_KERNEL);
	__asm__ __volatile__("int $3");		/* the two-byte form */
	EXPECT_EQ(got, 2);
#endif
	signal(SIGTRAP, SIG_DFL);
	EXPECT_EQ(in_child(hit_breakpoint), SIGTRAP);
#if defined(__x86_64__)
	/* Linux's other user gates and what the rest give. */
	EXPECT_EQ(in_child(int_4), SIGSEGV);
	EXPECT_EQ(in_child(into), SIGILL);
	EXPECT_EQ(in_child(int_0x81), SIGSEGV);
#endif
}

#if defined(__x86_64__)
#define X86_EFLAGS_NT 0x4000UL
#define X86_EFLAGS_IOPL 0x3000UL

static void on_usr1_set_flags(int sig, siginfo_t *si, void *ucv)
{
	((ucontext_t *)ucv)->uc_mcontext.gregs[REG_EFL] |= X86_EFLAGS_NT | X86_EFLAGS_IOPL;
	got++;
}

static unsigned long read_flags(void)
{
	unsigned long f;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(f));
	return f;
}
#endif

static void on_usr1_bad_pc(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

#if defined(__x86_64__)
	uc->uc_mcontext.gregs[REG_RIP] = 0x8000000000000000UL;	/* non-canonical */
#elif defined(__aarch64__)
	uc->uc_mcontext.pstate = 0x5;		/* EL1h: not a user mode */
#elif defined(__riscv)
	uc->uc_mcontext.__gregs[REG_PC] = 0xffffffff80000000UL;	/* the kernel */
#elif defined(__powerpc64__)
	uc->uc_mcontext.gp_regs[32] = 0xc000000000000000UL;	/* the kernel */
#elif defined(__arm__)
	uc->uc_mcontext.arm_cpsr = 0x13;	/* SVC: not user mode */
#endif
}

#if defined(__x86_64__)
/* Linux reports a bad return address as a fault of the kernel's making. */
static void on_segv_exit_code(int sig, siginfo_t *si, void *ucv)
{
	_exit(si->si_code == SI_KERNEL ? 42 : 43);
}
#endif

static void sigreturn_to_bad_state(void)
{
	struct sigaction sa = { .sa_sigaction = on_usr1_bad_pc, .sa_flags = SA_SIGINFO };

	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	_exit(0);		/* not reached: sigreturn must fail */
}

#if defined(__x86_64__)
static void sigreturn_to_bad_state_caught(void)
{
	struct sigaction segv = { .sa_sigaction = on_segv_exit_code, .sa_flags = SA_SIGINFO };

	sigaction(SIGSEGV, &segv, NULL);
	sigreturn_to_bad_state();
}
#endif

static void sigreturn_validates_frame(void)
{
#if defined(__x86_64__)
	struct sigaction sa = { .sa_sigaction = on_usr1_set_flags, .sa_flags = SA_SIGINFO };

	got = 0;
	EXPECT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	EXPECT_EQ(raise(SIGUSR1), 0);
	EXPECT_EQ(got, 1);
	EXPECT_EQ(read_flags() & (X86_EFLAGS_NT | X86_EFLAGS_IOPL), 0);
	signal(SIGUSR1, SIG_DFL);
#endif
	EXPECT_EQ(in_child(sigreturn_to_bad_state), SIGSEGV);
#if defined(__x86_64__)
	pid_t pid = fork();

	if (pid == 0) {
		sigreturn_to_bad_state_caught();
		_exit(0);
	}
	EXPECT_EQ(reap(pid), 42 << 8);
#endif
}

/* execve of a copy of /tests/helper whose ELF entry point is @entry. */
static void exec_with_entry(unsigned long entry)
{
	static char buf[1 << 20];
	int in = open("/tests/helper", O_RDONLY), out;
	ssize_t n = read(in, buf, sizeof(buf));
	char *const argv[] = { "/tmp/compat-entry", "exit", "0", NULL };

	memcpy(buf + 24, &entry, sizeof(entry));	/* e_entry */
	out = open("/tmp/compat-entry", O_CREAT | O_TRUNC | O_WRONLY, 0755);
	if (n <= 0 || write(out, buf, n) != n)
		_exit(1);
	close(out);
	execve(argv[0], argv, NULL);
	_exit(2);
}

static void bad_entry(void)
{
#if defined(__riscv)
	exec_with_entry(0xffffffff80000000UL);
#elif defined(__arm__)
	exec_with_entry(0xc0000000UL);		/* the kernel */
#else
	exec_with_entry(0x8000000000000000UL);	/* non-canonical on x86-64 */
#endif
}

static void bad_entry_point_is_sigsegv(void)
{
	EXPECT_EQ(in_child(bad_entry), SIGSEGV);
	unlink("/tmp/compat-entry");
}

static void mmap_offsets_and_ranges(void)
{
	const char *path = "/tmp/compat-off";
	int fd = temp_file(path, O_RDONLY, 4096);
	long r;

	/* A negative file offset (mmap2: one whose end wraps): no file bytes there. */
#ifdef SYS_mmap2
	r = syscall(SYS_mmap2, 0, 2 * 4096, PROT_READ, MAP_PRIVATE, fd, -1L);
#else
	r = syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, fd, -4096L);
#endif
	EXPECT_EQ(r, -1);
	EXPECT_EQ(errno, EOVERFLOW);
	/* MAP_FIXED outside user space, or across its end. */
	EXPECT_TRUE(mmap(BAD_KERNEL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			 -1, 0) == MAP_FAILED && errno == ENOMEM);
	EXPECT_TRUE(mmap((void *)(USER_TOP - 4096), 2 * 4096, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED &&
		    errno == ENOMEM);
	/* MAP_SHARED_VALIDATE is for files. */
	EXPECT_TRUE(mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | MAP_UNKNOWN,
			 -1, 0) == MAP_FAILED && errno == EINVAL);
	close(fd);
	unlink(path);
}

/*
 * Nothing maps at the top of user space or above; a hint there is passed
 * over; the stack lies below it.
 */
static void mmap_above_user_top(void)
{
	const int anon = MAP_PRIVATE | MAP_ANONYMOUS;
	void *top = (void *)USER_TOP, *p;

	EXPECT_TRUE((unsigned long)&p < USER_TOP);
	EXPECT_TRUE(mmap(top, 4096, PROT_READ, anon | MAP_FIXED, -1, 0) == MAP_FAILED &&
		    errno == ENOMEM);
	EXPECT_TRUE(mmap(top, 4096, PROT_READ, anon | MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED &&
		    errno == ENOMEM);
	p = mmap(top, 4096, PROT_READ | PROT_WRITE, anon, -1, 0);
	EXPECT_TRUE(p != MAP_FAILED && (unsigned long)p < USER_TOP);
	if (p != MAP_FAILED) {
		*(volatile char *)p = 1;
		EXPECT_EQ(munmap(p, 4096), 0);
	}
}

static void errno_as_linux(void)
{
	const char *path = "/tmp/compat-errno", *path2 = "/tmp/compat-errno2";
	int fd = temp_file(path, O_RDWR, 100), afd;
	char buf[16] = "x";
	struct iovec iov[2] = { { buf, 1 }, { buf, SSIZE_MAX } };
	uint32_t small_set = 0xffffffff;
	struct stat st;

	EXPECT_ERRNO(pwrite(fd, buf, 1, LLONG_MAX), EINVAL);
	/* The RAM filesystem holds large sparse files, as Linux's tmpfs. */
	EXPECT_EQ(ftruncate(fd, 1LL << 40), 0);
	EXPECT_EQ(pread(fd, buf, 1, (1LL << 40) - 1), 1);
	EXPECT_EQ(buf[0], 0);
	EXPECT_EQ(ftruncate(fd, 100), 0);
	buf[0] = 'x';
	EXPECT_EQ(syscall(SYS_rt_sigpending, &small_set, 4), 0);
	EXPECT_EQ(small_set, 0);
	EXPECT_ERRNO(rename(".", path2), EBUSY);
	EXPECT_ERRNO(rename("..", path2), EBUSY);
	/* writev checks every segment before it writes anything. */
	EXPECT_ERRNO(writev(fd, iov, 2), EFAULT);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 100);
	EXPECT_ERRNO(sendfile(fd, fd, NULL, (size_t)-1), EINVAL);
	afd = open(path2, O_CREAT | O_WRONLY | O_APPEND, 0644);
	lseek(fd, 0, SEEK_SET);
	EXPECT_ERRNO(sendfile(afd, fd, NULL, 10), EINVAL);
	close(afd);
	close(fd);
	unlink(path);
	unlink(path2);
}

/* A "#!" line that ends the file without a newline still names the interpreter. */
static void script_without_newline(void)
{
	const char *path = "/tmp/compat-script";
	const char line[] = "#!/tests/helper args";
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0755);
	pid_t pid;

	EXPECT_EQ(write(fd, line, strlen(line)), (ssize_t)strlen(line));
	close(fd);
	pid = fork();
	if (pid == 0) {
		char *const argv[] = { (char *)path, NULL };

		execve(path, argv, NULL);
		_exit(127);
	}
	/* helper args: argc (3) + 10 * the length of its arguments after argv[1]. */
	EXPECT_EQ(reap(pid), ((3 + 10 * strlen(path)) & 0xff) << 8);
	unlink(path);
}

KTEST_MAIN("user_compat",
	   KTEST(mmap_respects_open_mode), KTEST(shared_anon_survives_fork),
	   KTEST(breakpoint_sends_sigtrap), KTEST(sigreturn_validates_frame),
	   KTEST(bad_entry_point_is_sigsegv), KTEST(mmap_offsets_and_ranges),
	   KTEST(mmap_above_user_top),
	   KTEST(errno_as_linux), KTEST(script_without_newline))
