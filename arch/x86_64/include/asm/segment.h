/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 GDT selectors. The order of the user entries is what SYSRET
 * expects: it loads SS from STAR[63:48] + 8 and CS from STAR[63:48] + 16,
 * so user data (0x18) sits just below user code (0x20).
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_DS 0x1b		/* GDT entry 3, RPL 3 */
#define USER_CS 0x23		/* GDT entry 4, RPL 3 */
#define TSS_SEL 0x28

/* STAR[63:48]: the base SYSRET adds 8 (SS) and 16 (CS) to; RPL 3. */
#define STAR_SYSRET_BASE 0x13

#endif /* _ASM_X86_SEGMENT_H */
