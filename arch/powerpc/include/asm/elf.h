/* SPDX-License-Identifier: GPL-2.0-only */
/* What the ELF loader (fs/binfmt_elf.c) needs to know about powerpc64. */
#ifndef _ASM_POWERPC_ELF_H
#define _ASM_POWERPC_ELF_H

#include <uapi/linux/elf.h>
#include <asm/uaccess.h>

#define ELF_ARCH 21			/* EM_PPC64 (ELFv2 ABI) */
#define ELF_PLATFORM "power9"		/* AT_PLATFORM: the CPU */
#define UTS_MACHINE "ppc64le"		/* uname -m: the architecture */

/*
 * Top of a new program's stack: the page above it holds the signal return
 * trampoline (SIGPAGE_ADDR, arch/powerpc/kernel/signal.c; there is no
 * vDSO). ET_DYN programs are placed at ELF_ET_DYN_BASE.
 */
#define SIGPAGE_ADDR (TASK_SIZE_MAX - PAGE_SIZE)
#define STACK_TOP SIGPAGE_ADDR
#define ELF_ET_DYN_BASE 0x10000000UL

/*
 * AT_HWCAP and AT_HWCAP2 (Linux's PPC_FEATURE_* bits) of a POWER9: 64-bit,
 * FPU, AltiVec, VSX, true little-endian, ISA 2.05 to 3.00. glibc refuses
 * to start on a CPU whose AT_HWCAP2 lacks ISA 2.07.
 */
#define ELF_HWCAP (0x40000000 | 0x10000000 | 0x08000000 | 0x04000000 | \
		   0x00001000 | 0x00000100 | 0x00000080 | 0x00000002)
#define ELF_HWCAP2 (0x80000000 | 0x08000000 | 0x04000000 | 0x00800000)

/*
 * ARCH_DLINFO(AUX) - the powerpc entries of the auxiliary vector: the
 * cache block sizes (glibc's memset zeroes whole blocks with dcbz).
 */
#define AT_DCACHEBSIZE 19
#define AT_ICACHEBSIZE 20
#define AT_UCACHEBSIZE 21
#define ARCH_DLINFO(AUX) do {			\
	AUX(AT_DCACHEBSIZE, 128);		\
	AUX(AT_ICACHEBSIZE, 128);		\
	AUX(AT_UCACHEBSIZE, 0);			\
} while (0)

/* Smallest signal stack that holds a signal frame (AT_MINSIGSTKSZ). */
#define ELF_MINSIGSTKSZ 8192

#endif /* _ASM_POWERPC_ELF_H */
