/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Save and load the user's FP/SIMD registers (struct user_fpsimd_state:
 * V0-V31 at 0, FPSR at 512, FPCR at 516). The kernel is built without
 * FP/SIMD code (-mgeneral-regs-only), so these registers hold the user's
 * state for as long as a process runs, system calls included.
 */
	.text

/* void fpsimd_save_state(struct user_fpsimd_state *st) */
	.globl fpsimd_save_state
fpsimd_save_state:
	stp	q0, q1, [x0, #32 * 0]
	stp	q2, q3, [x0, #32 * 1]
	stp	q4, q5, [x0, #32 * 2]
	stp	q6, q7, [x0, #32 * 3]
	stp	q8, q9, [x0, #32 * 4]
	stp	q10, q11, [x0, #32 * 5]
	stp	q12, q13, [x0, #32 * 6]
	stp	q14, q15, [x0, #32 * 7]
	stp	q16, q17, [x0, #32 * 8]
	stp	q18, q19, [x0, #32 * 9]
	stp	q20, q21, [x0, #32 * 10]
	stp	q22, q23, [x0, #32 * 11]
	stp	q24, q25, [x0, #32 * 12]
	stp	q26, q27, [x0, #32 * 13]
	stp	q28, q29, [x0, #32 * 14]
	stp	q30, q31, [x0, #32 * 15]
	mrs	x1, fpsr
	str	w1, [x0, #512]
	mrs	x1, fpcr
	str	w1, [x0, #516]
	ret

/* void fpsimd_load_state(const struct user_fpsimd_state *st) */
	.globl fpsimd_load_state
fpsimd_load_state:
	ldp	q0, q1, [x0, #32 * 0]
	ldp	q2, q3, [x0, #32 * 1]
	ldp	q4, q5, [x0, #32 * 2]
	ldp	q6, q7, [x0, #32 * 3]
	ldp	q8, q9, [x0, #32 * 4]
	ldp	q10, q11, [x0, #32 * 5]
	ldp	q12, q13, [x0, #32 * 6]
	ldp	q14, q15, [x0, #32 * 7]
	ldp	q16, q17, [x0, #32 * 8]
	ldp	q18, q19, [x0, #32 * 9]
	ldp	q20, q21, [x0, #32 * 10]
	ldp	q22, q23, [x0, #32 * 11]
	ldp	q24, q25, [x0, #32 * 12]
	ldp	q26, q27, [x0, #32 * 13]
	ldp	q28, q29, [x0, #32 * 14]
	ldp	q30, q31, [x0, #32 * 15]
	ldr	w1, [x0, #512]
	msr	fpsr, x1
	ldr	w1, [x0, #516]
	msr	fpcr, x1
	ret
