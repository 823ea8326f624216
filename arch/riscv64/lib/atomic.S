/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 16-bit atomics for C code. The A extension has only 32- and 64-bit
 * atomics, and gcc 12 calls out of line for smaller ones (these are the
 * libatomic entry points it uses; the generic ticket spinlock has u16
 * fields). Each works on the aligned 32-bit word that holds the halfword
 * with an lr.w/sc.w loop, fully ordered (as __ATOMIC_SEQ_CST), whatever
 * memory order the caller asked for.
 */

	.text
/* u16 __atomic_fetch_add_2(volatile void *ptr, u16 val, int order) */
	.globl __atomic_fetch_add_2
__atomic_fetch_add_2:
	andi t0, a0, 3
	slli t0, t0, 3		/* shift of the halfword in its word */
	andi a0, a0, -4
	li t1, 0xffff
	sll t1, t1, t0		/* mask */
	not t5, t1
	sll a1, a1, t0
1:	lr.w.aqrl t2, (a0)
	add t3, t2, a1
	and t3, t3, t1
	and t4, t2, t5
	or t3, t3, t4
	sc.w.aqrl t4, t3, (a0)
	bnez t4, 1b
	and t2, t2, t1
	srl a0, t2, t0
	ret

/*
 * bool __atomic_compare_exchange_2(volatile void *ptr, u16 *expected,
 *				    u16 desired, bool weak, int success, int failure)
 */
	.globl __atomic_compare_exchange_2
__atomic_compare_exchange_2:
	andi t0, a0, 3
	slli t0, t0, 3
	andi a0, a0, -4
	li t1, 0xffff
	sll t1, t1, t0
	lhu t2, 0(a1)
	sll t2, t2, t0		/* expected, in place */
	slli a2, a2, 48
	srli a2, a2, 48
	sll a2, a2, t0		/* desired, in place */
1:	lr.w.aqrl t3, (a0)
	and t4, t3, t1
	bne t4, t2, 2f
	xor t5, t3, t4		/* the other halfword */
	or t5, t5, a2
	sc.w.aqrl t5, t5, (a0)
	bnez t5, 1b
	li a0, 1
	ret
2:	srl t4, t4, t0
	sh t4, 0(a1)
	li a0, 0
	ret
