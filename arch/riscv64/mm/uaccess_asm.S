/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 user copies with sstatus.SUM set. When source and destination
 * are aligned alike, the copy goes a byte at a time up to an 8-byte
 * boundary, then a word at a time, then bytes for the tail; otherwise it
 * is bytes throughout (misaligned accesses may trap). a2 counts the bytes
 * still to do and drops only after a load and its store both succeeded;
 * an aligned word never straddles a page, so it faults whole or not at
 * all. When anything faults the fixup therefore returns exactly the
 * number of bytes NOT copied, as the Linux API wants.
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
	xor t2, a0, a1
	andi t2, t2, 7
	bnez t2, 4f		/* aligned differently: bytes only */
	/* Bytes up to the 8-byte boundary. */
1:	andi t2, a0, 7
	beqz t2, 5f
	beqz a2, 9f
10:	lbu t0, 0(a1)
11:	sb t0, 0(a0)
	addi a0, a0, 1
	addi a1, a1, 1
	addi a2, a2, -1
	j 1b
	/* Whole words. */
5:	li t2, 8
6:	bltu a2, t2, 4f
12:	ld t0, 0(a1)
13:	sd t0, 0(a0)
	addi a0, a0, 8
	addi a1, a1, 8
	addi a2, a2, -8
	j 6b
	/* Bytes: the tail, or everything. */
4:	beqz a2, 9f
14:	lbu t0, 0(a1)
15:	sb t0, 0(a0)
	addi a0, a0, 1
	addi a1, a1, 1
	addi a2, a2, -1
	j 4b
9:	csrc sstatus, t1
	mv a0, a2
	ret
	extable 10b, 9b
	extable 11b, 9b
	extable 12b, 9b
	extable 13b, 9b
	extable 14b, 9b
	extable 15b, 9b

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
