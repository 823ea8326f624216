/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The system call numbers the test programs name (<sys/syscall.h>'s), where
 * an architecture's C library names another call than the one the tests mean.
 */
#ifndef SYSCALL_NAMES_H
#define SYSCALL_NAMES_H

#include <sys/syscall.h>

/*
 * 32-bit ARM: the raw calls the tests make are the ones its glibc makes,
 * with the tests' 64-bit off_t and time_t (arch/arm/Makefile): fstatat is
 * fstatat64 and stat stat64 (the kernel's struct stat is ARM's stat64),
 * sendfile sendfile64 (a 64-bit offset), the id calls are
 * the 32-bit ones (the plain names are Linux's old 16-bit calls, which
 * Ferrite does not have), and the time calls the *_time64 ones.
 */
#if defined(__arm__)
#define SYS_newfstatat SYS_fstatat64
#undef SYS_getuid
#define SYS_getuid SYS_getuid32
#undef SYS_geteuid
#define SYS_geteuid SYS_geteuid32
#undef SYS_getgid
#define SYS_getgid SYS_getgid32
#undef SYS_getegid
#define SYS_getegid SYS_getegid32
#undef SYS_setuid
#define SYS_setuid SYS_setuid32
#undef SYS_setgid
#define SYS_setgid SYS_setgid32
#undef SYS_setreuid
#define SYS_setreuid SYS_setreuid32
#undef SYS_setregid
#define SYS_setregid SYS_setregid32
#undef SYS_setresuid
#define SYS_setresuid SYS_setresuid32
#undef SYS_setresgid
#define SYS_setresgid SYS_setresgid32
#undef SYS_getresuid
#define SYS_getresuid SYS_getresuid32
#undef SYS_getresgid
#define SYS_getresgid SYS_getresgid32
#undef SYS_getgroups
#define SYS_getgroups SYS_getgroups32
#undef SYS_setgroups
#define SYS_setgroups SYS_setgroups32
#undef SYS_setfsuid
#define SYS_setfsuid SYS_setfsuid32
#undef SYS_setfsgid
#define SYS_setfsgid SYS_setfsgid32
#undef SYS_chown
#define SYS_chown SYS_chown32
#undef SYS_fchown
#define SYS_fchown SYS_fchown32
#undef SYS_lchown
#define SYS_lchown SYS_lchown32
#undef SYS_clock_gettime
#define SYS_clock_gettime SYS_clock_gettime64
#undef SYS_clock_getres
#define SYS_clock_getres SYS_clock_getres_time64
#undef SYS_clock_nanosleep
#define SYS_clock_nanosleep SYS_clock_nanosleep_time64
#undef SYS_timer_settime
#define SYS_timer_settime SYS_timer_settime64
#undef SYS_timer_gettime
#define SYS_timer_gettime SYS_timer_gettime64
#undef SYS_futex
#define SYS_futex SYS_futex_time64
#undef SYS_utimensat
#define SYS_utimensat SYS_utimensat_time64
#undef SYS_ppoll
#define SYS_ppoll SYS_ppoll_time64
#undef SYS_pselect6
#define SYS_pselect6 SYS_pselect6_time64
#undef SYS_stat
#define SYS_stat SYS_stat64
#undef SYS_lstat
#define SYS_lstat SYS_lstat64
#undef SYS_fstat
#define SYS_fstat SYS_fstat64
#undef SYS_sendfile
#define SYS_sendfile SYS_sendfile64
#endif

#endif /* SYSCALL_NAMES_H */
