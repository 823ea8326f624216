/* SPDX-License-Identifier: GPL-2.0-only */
/* What the ELF loader (fs/binfmt_elf.c) needs to know about x86-64. */
#ifndef _ASM_X86_ELF_H
#define _ASM_X86_ELF_H

#include <uapi/linux/elf.h>
#include <asm/uaccess.h>

#define ELF_ARCH EM_X86_64
#define ELF_PLATFORM "x86_64"

/* Top of a new program's stack; ET_DYN programs are placed at this base. */
#define STACK_TOP TASK_SIZE_MAX
#define ELF_ET_DYN_BASE 0x555555554000UL

/* The CPU features user space may use (AT_HWCAP: CPUID leaf 1 EDX). */
unsigned long elf_hwcap(void);
#define ELF_HWCAP elf_hwcap()

/* Smallest signal stack that holds a signal frame (AT_MINSIGSTKSZ). */
#define ELF_MINSIGSTKSZ 2048

#endif /* _ASM_X86_ELF_H */
