/* SPDX-License-Identifier: GPL-2.0-only */
/* What the ELF loader (fs/binfmt_elf.c) needs to know about riscv64. */
#ifndef _ASM_RISCV_ELF_H
#define _ASM_RISCV_ELF_H

#include <uapi/linux/elf.h>
#include <asm/uaccess.h>

#define ELF_ARCH EM_RISCV
#define ELF_PLATFORM "riscv64"

/*
 * Top of a new program's stack: the page above it holds the signal return
 * trampoline (SIGPAGE_ADDR, arch/riscv64/kernel/signal.c; there is no
 * vDSO). ET_DYN programs are placed at ELF_ET_DYN_BASE, two thirds of the
 * way up Sv39's 256 GiB of user space.
 */
#define SIGPAGE_ADDR (TASK_SIZE_MAX - PAGE_SIZE)
#define STACK_TOP SIGPAGE_ADDR
#define ELF_ET_DYN_BASE 0x2aaaaaa000UL

/* AT_HWCAP: one bit per base extension letter, RV64IMAFDC ('a' is bit 0). */
#define RISCV_HWCAP(c) (1UL << ((c) - 'a'))
#define ELF_HWCAP (RISCV_HWCAP('i') | RISCV_HWCAP('m') | RISCV_HWCAP('a') | \
		   RISCV_HWCAP('f') | RISCV_HWCAP('d') | RISCV_HWCAP('c'))

/* Smallest signal stack that holds a signal frame (AT_MINSIGSTKSZ). */
#define ELF_MINSIGSTKSZ 2048

#endif /* _ASM_RISCV_ELF_H */
