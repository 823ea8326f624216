/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The user's F and D registers (struct user_fp_state: f0-f31, then fcsr
 * at 256). This file alone is assembled with the D extension enabled
 * (arch/riscv64/Makefile); the kernel itself never uses FP.
 */
#include <asm/csr.h>

.macro for_fregs op
	\op f0, 8 * 0(a0)
	\op f1, 8 * 1(a0)
	\op f2, 8 * 2(a0)
	\op f3, 8 * 3(a0)
	\op f4, 8 * 4(a0)
	\op f5, 8 * 5(a0)
	\op f6, 8 * 6(a0)
	\op f7, 8 * 7(a0)
	\op f8, 8 * 8(a0)
	\op f9, 8 * 9(a0)
	\op f10, 8 * 10(a0)
	\op f11, 8 * 11(a0)
	\op f12, 8 * 12(a0)
	\op f13, 8 * 13(a0)
	\op f14, 8 * 14(a0)
	\op f15, 8 * 15(a0)
	\op f16, 8 * 16(a0)
	\op f17, 8 * 17(a0)
	\op f18, 8 * 18(a0)
	\op f19, 8 * 19(a0)
	\op f20, 8 * 20(a0)
	\op f21, 8 * 21(a0)
	\op f22, 8 * 22(a0)
	\op f23, 8 * 23(a0)
	\op f24, 8 * 24(a0)
	\op f25, 8 * 25(a0)
	\op f26, 8 * 26(a0)
	\op f27, 8 * 27(a0)
	\op f28, 8 * 28(a0)
	\op f29, 8 * 29(a0)
	\op f30, 8 * 30(a0)
	\op f31, 8 * 31(a0)
.endm

	.text
/* void fpu_save_state(struct user_fp_state *st) */
	.globl fpu_save_state
fpu_save_state:
	li t1, SR_FS
	csrs sstatus, t1
	for_fregs fsd
	frcsr t0
	sw t0, 256(a0)
	csrc sstatus, t1
	ret

/* void fpu_load_state(const struct user_fp_state *st) */
	.globl fpu_load_state
fpu_load_state:
	li t1, SR_FS
	csrs sstatus, t1
	for_fregs fld
	lw t0, 256(a0)
	fscsr t0
	csrc sstatus, t1
	ret
