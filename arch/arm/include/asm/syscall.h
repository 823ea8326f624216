/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ARM EABI system calls: the number is in syscallno (r7 on entry), the
 * first argument in orig_r0, the result in r0; SVC is 4 bytes long in
 * ARM state and 2 in Thumb state (a restarted call backs up by that much).
 */
#ifndef _ASM_ARM_SYSCALL_H
#define _ASM_ARM_SYSCALL_H

#define SYSCALL_ORIG_ARG0 orig_r0
#define SYSCALL_INSN_SIZE(regs) ((regs)->cpsr & PSR_T_BIT ? 2 : 4)
#include <asm-generic/syscall.h>

#endif /* _ASM_ARM_SYSCALL_H */
