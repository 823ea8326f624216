/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Save and load the user's FP, VMX and VSX registers (struct
 * user_fp_state, asm/switch_to.h: VSR0-63 at 0, FPSCR at 1024, VSCR at
 * 1040, VRSAVE at 1056). The kernel is built soft-float without AltiVec
 * or VSX, so these registers hold the current user task's state for as
 * long as it runs, system calls included; only a context switch, fork
 * and signal frames copy them. The facilities are turned on in the
 * kernel's MSR just for the copy, with interrupts off: a context switch
 * in the middle would save half-loaded registers over the buffer.
 */
#include <asm/reg.h>

#define FP_BITS_HI ((MSR_FP | MSR_VEC | MSR_VSX) >> 16)
#define FP_BITS_LO ((MSR_FP | MSR_VEC | MSR_VSX) & 0xffff)

/* r5 = the MSR on entry; MSR[FP|VEC|VSX] on, MSR[EE] off. */
.macro FP_ON
	mfmsr 5
	oris 6, 5, FP_BITS_HI
	ori 6, 6, FP_BITS_LO | MSR_EE
	xori 6, 6, MSR_EE
	mtmsrd 6
	isync
.endm

/* Back to the MSR saved in r5 (interrupts as they were). */
.macro FP_OFF
	mtmsrd 5
	isync
.endm

	.text
/* void fp_save_state(struct user_fp_state *st) */
	.globl fp_save_state
fp_save_state:
	FP_ON
	.set i, 0
	.rept 64
	stxv i, 16 * i(3)
	.set i, i + 1
	.endr
	mffs 0
	stfd 0, 1024(3)
	mfvscr 0
	stxv 32, 1040(3)
	mfspr 6, SPRN_VRSAVE
	stw 6, 1056(3)
	lxv 0, 0(3)		/* the two scratch registers back */
	lxv 32, 512(3)
	FP_OFF
	blr

/* void fp_load_state(const struct user_fp_state *st) */
	.globl fp_load_state
fp_load_state:
	FP_ON
	lfd 0, 1024(3)
	mtfsf 0xff, 0
	lxv 32, 1040(3)
	mtvscr 0
	lwz 6, 1056(3)
	mtspr SPRN_VRSAVE, 6
	.set i, 0
	.rept 64
	lxv i, 16 * i(3)
	.set i, i + 1
	.endr
	FP_OFF
	blr
