/* SPDX-License-Identifier: GPL-2.0-only */
/* What the ELF loader (fs/binfmt_elf.c) will need to know about powerpc64. */
#ifndef _ASM_POWERPC_ELF_H
#define _ASM_POWERPC_ELF_H

#include <uapi/linux/elf.h>
#include <asm/uaccess.h>

#define ELF_ARCH 21			/* EM_PPC64 */
#define ELF_PLATFORM "power9"
#define STACK_TOP TASK_SIZE_MAX
#define ELF_ET_DYN_BASE 0x10000000UL
#define ELF_HWCAP 0
#define ELF_MINSIGSTKSZ 8192

#endif /* _ASM_POWERPC_ELF_H */
