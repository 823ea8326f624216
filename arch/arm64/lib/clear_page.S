/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * void clear_page(void *addr): zero the page-aligned PAGE_SIZE bytes at
 * the direct-map address @addr. DC ZVA zeroes a whole block of
 * 4 << DCZID_EL0.BS bytes (64 on QEMU's cortex-a57) in one instruction;
 * when DCZID_EL0.DZP forbids it, 64 bytes per loop step with STP.
 * Never sleeps; clobbers x1-x3 only.
 */
#include <asm/page.h>

	.text
	.globl clear_page
clear_page:
	add	x3, x0, #PAGE_SIZE
	mrs	x1, dczid_el0
	tbnz	x1, #4, 2f		/* DZP: DC ZVA prohibited */
	and	x1, x1, #0xf
	mov	x2, #4
	lsl	x1, x2, x1		/* block size in bytes */
1:	dc	zva, x0
	add	x0, x0, x1
	cmp	x0, x3
	b.lo	1b
	ret
2:	stp	xzr, xzr, [x0]
	stp	xzr, xzr, [x0, #16]
	stp	xzr, xzr, [x0, #32]
	stp	xzr, xzr, [x0, #48]
	add	x0, x0, #64
	cmp	x0, x3
	b.lo	2b
	ret
