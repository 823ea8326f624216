/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 system calls: the number is in syscallno (x8 on entry), the first
 * argument in orig_x0, the result in x0; SVC is 4 bytes long.
 */
#ifndef _ASM_ARM64_SYSCALL_H
#define _ASM_ARM64_SYSCALL_H

#define SYSCALL_ORIG_ARG0 orig_x0
#include <asm-generic/syscall.h>

#endif /* _ASM_ARM64_SYSCALL_H */
