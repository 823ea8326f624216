/* SPDX-License-Identifier: GPL-2.0-only */
/* What the ELF loader (fs/binfmt_elf.c) needs to know about 32-bit ARM. */
#ifndef _ASM_ARM_ELF_H
#define _ASM_ARM_ELF_H

#include <uapi/linux/elf.h>
#include <asm/uaccess.h>

#define ELF_CLASS ELFCLASS32
#define ELF_ARCH EM_ARM
#define ELF_PLATFORM "v6l"
#define UTS_MACHINE "armv6l"		/* uname -m: the CPU's architecture, as Linux says */

/*
 * Top of a new program's stack: the page above it is kept for the signal
 * return trampoline. ET_DYN programs are placed at ELF_ET_DYN_BASE.
 */
#define SIGPAGE_ADDR (TASK_SIZE_MAX - PAGE_SIZE)
#define STACK_TOP SIGPAGE_ADDR
#define ELF_ET_DYN_BASE 0x400000UL

/* AT_HWCAP: swp, half, thumb, fast multiply, EDSP, TLS (Linux's HWCAP_*). */
#define ELF_HWCAP ((1UL << 0) | (1UL << 1) | (1UL << 2) | (1UL << 4) | (1UL << 7) | \
		   (1UL << 15))

/* Smallest signal stack that holds a signal frame (AT_MINSIGSTKSZ). */
#define ELF_MINSIGSTKSZ 2048

#endif /* _ASM_ARM_ELF_H */
