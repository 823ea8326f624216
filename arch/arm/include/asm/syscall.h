/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ARM EABI system calls: the number is in syscallno (r7 on entry), the
 * first argument in orig_r0, the result in r0; SVC is 4 bytes long in
 * ARM state.
 */
#ifndef _ASM_ARM_SYSCALL_H
#define _ASM_ARM_SYSCALL_H

#define SYSCALL_ORIG_ARG0 orig_r0
#include <asm-generic/syscall.h>

#endif /* _ASM_ARM_SYSCALL_H */
