/* SPDX-License-Identifier: GPL-2.0-only */
/* What the ELF loader (fs/binfmt_elf.c) needs to know about arm64. */
#ifndef _ASM_ARM64_ELF_H
#define _ASM_ARM64_ELF_H

#include <uapi/linux/elf.h>
#include <asm/uaccess.h>

#define ELF_ARCH EM_AARCH64
#define ELF_PLATFORM "aarch64"

/*
 * Top of a new program's stack: the page above it holds the signal return
 * trampoline (SIGPAGE_ADDR, arch/arm64/kernel/signal.c; there is no vDSO).
 * ET_DYN programs are placed at ELF_ET_DYN_BASE.
 */
#define SIGPAGE_ADDR (TASK_SIZE_MAX - PAGE_SIZE)
#define STACK_TOP SIGPAGE_ADDR
#define ELF_ET_DYN_BASE 0x5555555000UL

/* AT_HWCAP: FP and Advanced SIMD, which every ARMv8-A CPU has. */
#define ELF_HWCAP ((1UL << 0) | (1UL << 1))

/* Smallest signal stack that holds a signal frame (AT_MINSIGSTKSZ). */
#define ELF_MINSIGSTKSZ 5120

#endif /* _ASM_ARM64_ELF_H */
