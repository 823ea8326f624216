/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 provides its own memcpy() and memset() (arch/x86_64/lib/string.c). */
#ifndef _ASM_X86_STRING_H
#define _ASM_X86_STRING_H

#define __HAVE_ARCH_MEMCPY
#define __HAVE_ARCH_MEMSET

#endif /* _ASM_X86_STRING_H */
