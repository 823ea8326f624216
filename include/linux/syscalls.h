/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * System calls. Each is written once, in generic code, with
 *
 *	SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf,
 *			size_t, count)
 *	{
 *		...
 *	}
 *
 * which defines the typed body (__do_sys_write) and the entry the
 * architecture's table points to: long sys_write(const unsigned long *args),
 * taking the raw argument registers in order. The architecture owns the
 * table (the numbers are its ABI) and the entry code; syscall_get_nr()
 * gives the number of the call being made, or -1 outside system calls.
 *
 * System calls run in process context with interrupts on, may sleep, and
 * return a value or -errno.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/compiler_types.h>

struct pt_regs;

typedef long (*syscall_fn_t)(const unsigned long *args);

#define __SC_DECL1(t1, a1) t1 a1
#define __SC_DECL2(t1, a1, ...) t1 a1, __SC_DECL1(__VA_ARGS__)
#define __SC_DECL3(t1, a1, ...) t1 a1, __SC_DECL2(__VA_ARGS__)
#define __SC_DECL4(t1, a1, ...) t1 a1, __SC_DECL3(__VA_ARGS__)
#define __SC_DECL5(t1, a1, ...) t1 a1, __SC_DECL4(__VA_ARGS__)
#define __SC_DECL6(t1, a1, ...) t1 a1, __SC_DECL5(__VA_ARGS__)

/* Argument k of n comes from args[n - k'] where k' counts from the end. */
#define __SC_ARG1(n, t1, a1) (t1)__args[(n) - 1]
#define __SC_ARG2(n, t1, a1, ...) (t1)__args[(n) - 2], __SC_ARG1(n, __VA_ARGS__)
#define __SC_ARG3(n, t1, a1, ...) (t1)__args[(n) - 3], __SC_ARG2(n, __VA_ARGS__)
#define __SC_ARG4(n, t1, a1, ...) (t1)__args[(n) - 4], __SC_ARG3(n, __VA_ARGS__)
#define __SC_ARG5(n, t1, a1, ...) (t1)__args[(n) - 5], __SC_ARG4(n, __VA_ARGS__)
#define __SC_ARG6(n, t1, a1, ...) (t1)__args[(n) - 6], __SC_ARG5(n, __VA_ARGS__)

#define SYSCALL_DEFINE0(name)						\
	long sys_##name(const unsigned long *__args);			\
	static long __do_sys_##name(void);				\
	long sys_##name(const unsigned long *__args)			\
	{								\
		return __do_sys_##name();				\
	}								\
	static long __do_sys_##name(void)

#define __SYSCALL_DEFINEx(x, name, ...)					\
	long sys##name(const unsigned long *__args);			\
	static long __do_sys##name(__SC_DECL##x(__VA_ARGS__));		\
	long sys##name(const unsigned long *__args)			\
	{								\
		return __do_sys##name(__SC_ARG##x(x, __VA_ARGS__));	\
	}								\
	static long __do_sys##name(__SC_DECL##x(__VA_ARGS__))

#define SYSCALL_DEFINE1(name, ...) __SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) __SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) __SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) __SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) __SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) __SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

/* The architecture's table, indexed by its system call numbers. */
extern const syscall_fn_t sys_call_table[];
extern const unsigned int NR_syscalls;

/*
 * sys_ni_syscall() - the result of an unknown or unimplemented system call
 * @nr: -ENOSYS, logging the number the first time it is seen.
 */
long sys_ni_syscall(unsigned long nr);

/*
 * invoke_syscall() - run system call @nr of the architecture's table with
 * the six raw argument registers @args; its result, or sys_ni_syscall()'s.
 * Process context, interrupts on; may sleep.
 */
long invoke_syscall(unsigned long nr, const unsigned long *args);

/* The number of the system call @regs entered with, or -1 (arch). */
int syscall_get_nr(const struct pt_regs *regs);

/*
 * exit_to_user_mode() - the work due before any return to user mode:
 * reschedule when asked, deliver pending signals (which may end the task).
 * Called with @regs the task's user registers; returns with interrupts off.
 */
void exit_to_user_mode(struct pt_regs *regs);

/*
 * The bodies of system calls whose arguments an architecture passes in
 * another form (a 64-bit value in a register pair, an offset in pages),
 * for its own entries (Linux's names): the same results and errors as
 * pread64, pwrite64, truncate, ftruncate and mmap (@pgoff in pages).
 * Process context; may sleep.
 */
ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos);
ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos);
long do_sys_truncate(const char __user *path, loff_t length);
long do_sys_ftruncate(unsigned int fd, loff_t length);
unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
			      unsigned long flags, unsigned long fd, unsigned long pgoff);

#define SYSCALL_DECL(name) long sys_##name(const unsigned long *args)

#endif /* _LINUX_SYSCALLS_H */
