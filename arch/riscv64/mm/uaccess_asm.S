/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 user copies, a byte at a time with sstatus.SUM set. a2 counts
 * the bytes still to do and drops only after a byte's load and store both
 * succeeded, so when either faults the fixup returns exactly the number of
 * bytes NOT copied, as the Linux API wants.
 */
#include <asm/csr.h>

	.macro extable from, to
	.pushsection __ex_table, "a"
	.balign 8
	.dword \from, \to
	.popsection
	.endm

	.text
/* unsigned long __asm_copy_user(void *to, const void *from, unsigned long n) */
	.globl __asm_copy_user
__asm_copy_user:
	li t1, SR_SUM
	csrs sstatus, t1
	beqz a2, 3f
1:	lbu t0, 0(a1)
2:	sb t0, 0(a0)
	addi a0, a0, 1
	addi a1, a1, 1
	addi a2, a2, -1
	bnez a2, 1b
3:	csrc sstatus, t1
	mv a0, a2
	ret
	extable 1b, 3b
	extable 2b, 3b

/* unsigned long __asm_clear_user(void *to, unsigned long n) */
	.globl __asm_clear_user
__asm_clear_user:
	li t1, SR_SUM
	csrs sstatus, t1
	beqz a1, 2f
1:	sb zero, 0(a0)
	addi a0, a0, 1
	addi a1, a1, -1
	bnez a1, 1b
2:	csrc sstatus, t1
	mv a0, a1
	ret
	extable 1b, 2b
