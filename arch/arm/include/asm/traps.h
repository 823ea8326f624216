/* SPDX-License-Identifier: GPL-2.0-only */
/* 32-bit ARM internals shared by traps.c, entry.S, mm/fault.c and the extable. */
#ifndef _ASM_ARM_TRAPS_H
#define _ASM_ARM_TRAPS_H

#include <linux/types.h>

struct pt_regs;

/* ARMv6 fault status (DFSR/IFSR): FS[4] is bit 10, FS[3:0] bits 3-0. */
#define FSR_WRITE (1 << 11)		/* data abort: a write */
#define FSR_FS(fsr) (((fsr) & 0xf) | (((fsr) >> 6) & 0x10))
#define FS_ALIGNMENT 0x01
#define FS_DEBUG 0x02
#define FS_TRANS_SECT 0x05
#define FS_TRANS_PAGE 0x07
#define FS_PERM_SECT 0x0d
#define FS_PERM_PAGE 0x0f

/*
 * do_user_abort() - a data or prefetch (@exec) abort described by
 * regs->far and regs->fsr, from user mode or on a user address from the
 * kernel: resolve it (mm/fault.c) or signal the process. False when it
 * is the kernel's to handle (exception table or oops). Interrupts off;
 * sleeps only if the interrupted code could (arch/arm/mm/fault.c).
 */
bool do_user_abort(struct pt_regs *regs, bool exec);

/* fixup_exception() is the exception table's (linux/extable.h). */
#include <linux/extable.h>

#endif /* _ASM_ARM_TRAPS_H */
