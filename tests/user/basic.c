// SPDX-License-Identifier: GPL-2.0-only
/*
 * The first user-space test: the program starts (ELF loading, the initial
 * stack and auxiliary vector, TLS), its system calls reach the kernel and
 * return Linux's values and errno, and bad pointers give EFAULT.
 */
#include <elf.h>
#include <link.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "ktest.h"

/* The machine name (uname, AT_PLATFORM) and a feature every CPU has (AT_HWCAP). */
#if defined(__x86_64__)
#define MACHINE "x86_64"
#define HWCAP_ALWAYS (1u << 26)		/* SSE2 */
#elif defined(__aarch64__)
#define MACHINE "aarch64"
#define HWCAP_ALWAYS (1u << 1)		/* Advanced SIMD */
#elif defined(__riscv)
#define MACHINE "riscv64"
#define HWCAP_ALWAYS (1u << ('i' - 'a'))	/* the base integer ISA */
#elif defined(__powerpc64__)
#define MACHINE "ppc64le"
#define PLATFORM "power9"		/* AT_PLATFORM names the CPU */
#define HWCAP_ALWAYS 0x40000000u	/* PPC_FEATURE_64 */
#elif defined(__arm__)
#define MACHINE "armv6l"
#define PLATFORM "v6l"
#define HWCAP_ALWAYS (1u << 15)		/* HWCAP_TLS: the TLS register */
#endif
#ifndef PLATFORM
#define PLATFORM MACHINE
#endif

static void write_stdout(void)
{
	static const char msg[] = "    # hello from user space\n";

	EXPECT_EQ(write(1, msg, sizeof(msg) - 1), sizeof(msg) - 1);
	EXPECT_EQ(write(1, msg, 0), 0);
}

static void write_bad_pointers(void)
{
	EXPECT_ERRNO(write(1, BAD_NULL, 8), EFAULT);
	EXPECT_ERRNO(write(1, BAD_KERNEL, 8), EFAULT);
	EXPECT_ERRNO(write(1, BAD_UNMAPPED, 8), EFAULT);
	EXPECT_ERRNO(syscall(SYS_writev, 1, BAD_NULL, 1), EFAULT);
	EXPECT_ERRNO(syscall(SYS_writev, 1, BAD_KERNEL, 1), EFAULT);
}

static void write_bad_fd(void)
{
	EXPECT_ERRNO(write(99, "x", 1), EBADF);
	EXPECT_ERRNO(write(-1, "x", 1), EBADF);
	EXPECT_ERRNO(close(99), EBADF);
}

static void auxv_values(void)
{
	const ElfW(Phdr) *ph = (const ElfW(Phdr) *)getauxval(AT_PHDR);
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	int nonzero = 0;

	EXPECT_EQ(getauxval(AT_PAGESZ), 4096);
	EXPECT_TRUE(getauxval(AT_PHNUM) >= 2);
	EXPECT_EQ(getauxval(AT_PHENT), sizeof(ElfW(Phdr)));
	EXPECT_TRUE(ph != NULL);
	if (ph) {
		int loads = 0;

		/* riscv64 programs start with PT_RISCV_ATTRIBUTES. */
		for (unsigned long i = 0; i < getauxval(AT_PHNUM); i++)
			loads += ph[i].p_type == PT_LOAD;
		EXPECT_TRUE(loads >= 1);
	}
	EXPECT_TRUE(getauxval(AT_ENTRY) != 0);
	EXPECT_TRUE(rnd != NULL);
	for (int i = 0; rnd && i < 16; i++)
		nonzero |= rnd[i];
	EXPECT_TRUE(nonzero);
	EXPECT_TRUE(getauxval(AT_HWCAP) & HWCAP_ALWAYS);
	EXPECT_TRUE(execfn && !strncmp(execfn, "/tests/", 7));
	EXPECT_TRUE(getauxval(AT_PLATFORM) && !strcmp((char *)getauxval(AT_PLATFORM), PLATFORM));
}

static __thread int tls_var = 42;

#if defined(__powerpc64__)
/* The thread pointer is r13 (gcc has no __builtin_thread_pointer() here). */
static void *thread_pointer(void)
{
	void *tp;

	__asm__ __volatile__("mr %0, 13" : "=r"(tp));
	return tp;
}
#else
#define thread_pointer() __builtin_thread_pointer()
#endif

static void tls_works(void)
{
	EXPECT_EQ(tls_var, 42);
	tls_var = 7;
	EXPECT_EQ(tls_var, 7);
#ifdef __x86_64__
	unsigned long fs = 0;

	EXPECT_EQ(syscall(SYS_arch_prctl, 0x1003 /* ARCH_GET_FS */, &fs), 0);
	/* musl's thread pointer points at itself. */
	EXPECT_TRUE(fs != 0 && *(unsigned long *)fs == fs);
	EXPECT_ERRNO(syscall(SYS_arch_prctl, 0x9999, 0), EINVAL);
	EXPECT_ERRNO(syscall(SYS_arch_prctl, 0x1003, BAD_KERNEL), EFAULT);
#else
	/* The thread pointer (TPIDR_EL0, tp, r13) survives system calls and a fork. */
	void *tp = thread_pointer();
	pid_t pid;
	int status = -1;

	EXPECT_TRUE(tp != NULL);
	pid = fork();
	if (pid == 0)
		_exit(thread_pointer() == tp && tls_var == 7 ? 0 : 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_TRUE(thread_pointer() == tp);
#endif
}

static void unknown_syscall(void)
{
	EXPECT_ERRNO(syscall(1000), ENOSYS);
	EXPECT_ERRNO(syscall(400), ENOSYS);
}

static void ids(void)
{
	EXPECT_TRUE(getpid() > 0);
	EXPECT_EQ(syscall(SYS_gettid), getpid());
	EXPECT_EQ(getuid(), 0);
	EXPECT_EQ(geteuid(), 0);
	EXPECT_EQ(getgid(), 0);
}

static void brk_grows(void)
{
	char *cur = (char *)syscall(SYS_brk, 0);
	char *want = cur + 3 * 4096 + 100;

	EXPECT_TRUE(cur != NULL);
	EXPECT_EQ(syscall(SYS_brk, want), (long)want);
	memset(cur, 0x5a, want - cur);
	EXPECT_EQ(cur[3 * 4096 + 99], 0x5a);
	EXPECT_EQ(syscall(SYS_brk, cur), (long)cur);
	/* Below the start of the heap: refused, the old break is returned. */
	EXPECT_EQ(syscall(SYS_brk, 4096), (long)cur);
}

static void mmap_anonymous(void)
{
	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	EXPECT_TRUE(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	EXPECT_EQ(p[0] | p[4096] | p[8191 + 4096], 0);	/* demand-zero */
	p[5000] = 3;
	EXPECT_EQ(p[5000], 3);
	EXPECT_EQ(mprotect(p, 4096, PROT_READ), 0);
	EXPECT_EQ(p[1], 0);
	EXPECT_EQ(munmap(p + 4096, 4096), 0);	/* a hole in the middle */
	EXPECT_EQ(munmap(p, 3 * 4096), 0);
	EXPECT_ERRNO(munmap(p + 1, 4096), EINVAL);
	EXPECT_TRUE(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED);
	EXPECT_ERRNO(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0), EBADF);
	EXPECT_ERRNO(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
	EXPECT_ERRNO(mprotect(BAD_UNMAPPED, 4096, PROT_READ), ENOMEM);
}

static volatile double fpu_in[4] = { 1.5, 2.25, -0.75, 1e10 };

static void fpu_sse(void)
{
	double sum = 0;

	for (int i = 0; i < 4; i++)
		sum += fpu_in[i] * 2;
	EXPECT_TRUE(sum == 2e10 + 6.0);
}

/*
 * Keep @pattern in a vector register across sched_yield() calls (raw
 * system calls, so libc cannot touch the register): true if it survived
 * every switch to the other process doing the same with its own pattern.
 */
static int vector_register_survives_yields(uint64_t pattern)
{
	for (int i = 0; i < 200; i++) {
		uint64_t after;

#if defined(__x86_64__)
		__asm__ __volatile__("movq %[p], %%xmm8\n\t"
				     "syscall\n\t"
				     "movq %%xmm8, %[a]"
				     : [a] "=r"(after)
				     : [p] "r"(pattern), "a"((long)SYS_sched_yield)
				     : "rcx", "r11", "xmm8", "memory");
#elif defined(__aarch64__)
		register long x8 __asm__("x8") = SYS_sched_yield;
		register long x0 __asm__("x0");

		__asm__ __volatile__("fmov d16, %[p]\n\t"
				     "svc #0\n\t"
				     "fmov %[a], d16"
				     : [a] "=r"(after), "=r"(x0)
				     : [p] "r"(pattern), "r"(x8)
				     : "v16", "memory");
#elif defined(__riscv)
		register long a7 __asm__("a7") = SYS_sched_yield;
		register long a0 __asm__("a0");

		__asm__ __volatile__("fmv.d.x fs0, %[p]\n\t"
				     "ecall\n\t"
				     "fmv.x.d %[a], fs0"
				     : [a] "=r"(after), "=r"(a0)
				     : [p] "r"(pattern), "r"(a7)
				     : "fs0", "memory");
#elif defined(__arm__)
		/* Soft-float: no FP registers; r8 and r9 must survive instead. */
		register long r7 __asm__("r7") = SYS_sched_yield;
		register long r0 __asm__("r0");
		uint32_t lo, hi;

		__asm__ __volatile__("mov r8, %[pl]\n\t"
				     "mov r9, %[ph]\n\t"
				     "svc #0\n\t"
				     "mov %[l], r8\n\t"
				     "mov %[h], r9"
				     : [l] "=&r"(lo), [h] "=&r"(hi), "=r"(r0)
				     : [pl] "r"((uint32_t)pattern), [ph] "r"((uint32_t)(pattern >> 32)),
				       "r"(r7)
				     : "r8", "r9", "memory");
		after = ((uint64_t)hi << 32) | lo;
#elif defined(__powerpc64__)
		register long r0 __asm__("r0") = SYS_sched_yield;
		register long r3 __asm__("r3");

		__asm__ __volatile__("mtvsrd 52, %[p]\n\t"	/* v20 */
				     "sc\n\t"
				     "mfvsrd %[a], 52"
				     : [a] "=r"(after), "=r"(r3), "+r"(r0)
				     : [p] "r"(pattern)
				     : "v20", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11",
				       "r12", "cr0", "ctr", "memory");
#endif
		if (after != pattern)
			return 0;
	}
	return 1;
}

/* Each process has its own FP/SIMD registers: context switches keep them. */
static void fpu_per_process(void)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(vector_register_survives_yields(0x0123456789abcdefULL) ? 0 : 1);
	EXPECT_TRUE(pid > 0);
	EXPECT_TRUE(vector_register_survives_yields(0xfedcba9876543210ULL));
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

static void uname_linux(void)
{
	struct utsname u;

	EXPECT_EQ(uname(&u), 0);
	EXPECT_EQ(strcmp(u.sysname, "Linux"), 0);
	EXPECT_EQ(strcmp(u.machine, MACHINE), 0);
	EXPECT_ERRNO(uname(BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(uname(BAD_NULL), EFAULT);
}

static void getrandom_fills(void)
{
	unsigned char a[32] = { 0 }, b[32] = { 0 };

	EXPECT_EQ(getrandom(a, sizeof(a), 0), sizeof(a));
	EXPECT_EQ(getrandom(b, sizeof(b), 0), sizeof(b));
	EXPECT_TRUE(memcmp(a, b, sizeof(a)) != 0);
	EXPECT_ERRNO(getrandom(BAD_UNMAPPED, 16, 0), EFAULT);
	EXPECT_ERRNO(getrandom(a, 16, 0x100), EINVAL);
}

KTEST_MAIN("user_basic",
	   KTEST(write_stdout), KTEST(write_bad_pointers), KTEST(write_bad_fd),
	   KTEST(auxv_values), KTEST(tls_works), KTEST(unknown_syscall), KTEST(ids),
	   KTEST(brk_grows), KTEST(mmap_anonymous), KTEST(fpu_sse), KTEST(fpu_per_process),
	   KTEST(uname_linux),
	   KTEST(getrandom_fills))
