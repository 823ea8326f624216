/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 user copies with sstatus.SUM set. When source and destination
 * are aligned alike, the copy goes a byte at a time up to an 8-byte
 * boundary, then 64 bytes at a time (eight words: a quarter of the
 * instructions of the word loop, and under QEMU's TCG an instruction
 * costs the same whatever it moves), then a word at a time, then bytes for
 * the tail; otherwise it is bytes throughout (misaligned accesses may
 * trap). A fault inside a block resumes at the word loop, which redoes
 * the block from its start. a2 counts the bytes still to do and drops only after a load and its store both succeeded;
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
	/* Blocks of 64 bytes: a fault in one goes to the word loop (8f), which redoes it. */
5:	li t2, 64
7:	bltu a2, t2, 8f
20:	ld t0, 0(a1)
21:	ld t3, 8(a1)
22:	ld t4, 16(a1)
23:	ld t5, 24(a1)
24:	ld t6, 32(a1)
25:	ld a3, 40(a1)
26:	ld a4, 48(a1)
27:	ld a5, 56(a1)
30:	sd t0, 0(a0)
31:	sd t3, 8(a0)
32:	sd t4, 16(a0)
33:	sd t5, 24(a0)
34:	sd t6, 32(a0)
35:	sd a3, 40(a0)
36:	sd a4, 48(a0)
37:	sd a5, 56(a0)
	addi a0, a0, 64
	addi a1, a1, 64
	addi a2, a2, -64
	j 7b
	/* Whole words. */
8:	li t2, 8
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
	extable 20b, 8b
	extable 21b, 8b
	extable 22b, 8b
	extable 23b, 8b
	extable 24b, 8b
	extable 25b, 8b
	extable 26b, 8b
	extable 27b, 8b
	extable 30b, 8b
	extable 31b, 8b
	extable 32b, 8b
	extable 33b, 8b
	extable 34b, 8b
	extable 35b, 8b
	extable 36b, 8b
	extable 37b, 8b

/*
 * unsigned long __asm_clear_user(void *to, unsigned long n): as the copy,
 * bytes to an 8-byte boundary, 64-byte blocks (a fault in one resumes at
 * the word loop), words, bytes; returns the bytes not zeroed.
 */
	.globl __asm_clear_user
__asm_clear_user:
	li t1, SR_SUM
	csrs sstatus, t1
1:	andi t2, a0, 7
	beqz t2, 5f
	beqz a1, 9f
10:	sb zero, 0(a0)
	addi a0, a0, 1
	addi a1, a1, -1
	j 1b
5:	li t2, 64
7:	bltu a1, t2, 8f
30:	sd zero, 0(a0)
31:	sd zero, 8(a0)
32:	sd zero, 16(a0)
33:	sd zero, 24(a0)
34:	sd zero, 32(a0)
35:	sd zero, 40(a0)
36:	sd zero, 48(a0)
37:	sd zero, 56(a0)
	addi a0, a0, 64
	addi a1, a1, -64
	j 7b
8:	li t2, 8
6:	bltu a1, t2, 4f
12:	sd zero, 0(a0)
	addi a0, a0, 8
	addi a1, a1, -8
	j 6b
4:	beqz a1, 9f
14:	sb zero, 0(a0)
	addi a0, a0, 1
	addi a1, a1, -1
	j 4b
9:	csrc sstatus, t1
	mv a0, a1
	ret
	extable 10b, 9b
	extable 12b, 9b
	extable 14b, 9b
	extable 30b, 8b
	extable 31b, 8b
	extable 32b, 8b
	extable 33b, 8b
	extable 34b, 8b
	extable 35b, 8b
	extable 36b, 8b
	extable 37b, 8b
