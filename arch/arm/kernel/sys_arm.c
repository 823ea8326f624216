// SPDX-License-Identifier: GPL-2.0-only
/*
 * The 32-bit ARM EABI forms of system calls whose arguments do not fit
 * the generic ones: a 64-bit offset or length comes in an even-odd
 * register pair (low word first, a padding register before it when
 * needed), and mmap2's offset is in 4096-byte units. Each calls the
 * generic body (include/linux/syscalls.h).
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>

static loff_t pair(u32 lo, u32 hi)
{
	return (loff_t)(((u64)hi << 32) | lo);
}

SYSCALL_DEFINE6(arm_pread64, unsigned int, fd, char __user *, buf, size_t, count,
		unsigned long, pad, u32, pos_lo, u32, pos_hi)
{
	return ksys_pread64(fd, buf, count, pair(pos_lo, pos_hi));
}

SYSCALL_DEFINE6(arm_pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		unsigned long, pad, u32, pos_lo, u32, pos_hi)
{
	return ksys_pwrite64(fd, buf, count, pair(pos_lo, pos_hi));
}

SYSCALL_DEFINE4(truncate64, const char __user *, path, unsigned long, pad, u32, len_lo,
		u32, len_hi)
{
	return do_sys_truncate(path, pair(len_lo, len_hi));
}

SYSCALL_DEFINE4(ftruncate64, unsigned int, fd, unsigned long, pad, u32, len_lo, u32, len_hi)
{
	return do_sys_ftruncate(fd, pair(len_lo, len_hi));
}

/* mmap2: the offset in 4096-byte units (PAGE_SIZE here), so a file may be 16 TiB. */
SYSCALL_DEFINE6(mmap2, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, pgoff)
{
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, pgoff);
}
