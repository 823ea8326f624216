/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM entry. QEMU's -kernel loads the Image at physical 0x10000
 * and enters it at its first byte as the 32-bit ARM boot protocol says:
 * SVC mode, MMU and caches off, r2 = physical address of the ATAGs (the
 * RAM, the command line and the initrd).
 *
 * We build boot page tables out of 1 MiB sections (an identity map of the
 * first 32 MiB, where the image is, for the switch; physical 0-512 MiB at
 * PAGE_OFFSET: RAM below 256 MiB as normal memory, the devices above as
 * device memory), turn the MMU on in the ARMv6 format (SCTLR.XP), jump to
 * the direct map, give the exception modes their small stacks and call
 * arm_start_kernel(atags_pa). paging_init() replaces these tables.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>

#define SECT_NORMAL (PMD_TYPE_SECT | PMD_SECT_B | PMD_SECT_C | PMD_SECT_AP_KERNEL)
#define SECT_DEVICE (PMD_TYPE_SECT | PMD_SECT_B | PMD_SECT_XN | PMD_SECT_AP_KERNEL)
#define IDMAP_SECTIONS 32
#define RAM_SECTIONS 256
#define LINEAR_SECTIONS 512

#define SCTLR_M (1 << 0)
#define SCTLR_A (1 << 1)
#define SCTLR_C (1 << 2)
#define SCTLR_Z (1 << 11)
#define SCTLR_I (1 << 12)
#define SCTLR_V (1 << 13)
#define SCTLR_U (1 << 22)
#define SCTLR_XP (1 << 23)

	.arm
	.section .head.text, "ax"
	.globl _head
_head:
	cpsid	aif
	mov	r10, r2			/* ATAGs */

	/* Zero .bss (page aligned at both ends; the boot tables live there). */
	ldr	r0, =__bss_start - PAGE_OFFSET
	ldr	r1, =__bss_end - PAGE_OFFSET
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	/* The boot first-level table: the identity map, then the direct map. */
	ldr	r4, =boot_pg_dir - PAGE_OFFSET
	ldr	r5, =SECT_NORMAL
	mov	r6, #0
2:	orr	r7, r5, r6, lsl #20
	str	r7, [r4, r6, lsl #2]
	add	r6, r6, #1
	cmp	r6, #IDMAP_SECTIONS
	blo	2b
	add	r8, r4, #(PAGE_OFFSET >> 20) << 2
	ldr	r9, =SECT_DEVICE
	mov	r6, #0
3:	cmp	r6, #RAM_SECTIONS
	orrlo	r7, r5, r6, lsl #20
	orrhs	r7, r9, r6, lsl #20
	str	r7, [r8, r6, lsl #2]
	add	r6, r6, #1
	cmp	r6, #LINEAR_SECTIONS
	blo	3b

	/* Caches and TLBs clean, then the tables (TTBR0 covers everything for now). */
	mov	r0, #0
	mcr	p15, 0, r0, c7, c7, 0		/* invalidate I and D caches */
	mcr	p15, 0, r0, c7, c10, 4		/* DSB */
	mcr	p15, 0, r0, c8, c7, 0		/* invalidate TLBs */
	mcr	p15, 0, r0, c2, c0, 2		/* TTBCR.N = 0 */
	mcr	p15, 0, r0, c13, c0, 1		/* CONTEXTIDR: ASID 0 */
	mcr	p15, 0, r4, c2, c0, 0		/* TTBR0 */
	mcr	p15, 0, r4, c2, c0, 1		/* TTBR1 */
	mov	r0, #1
	mcr	p15, 0, r0, c3, c0, 0		/* domain 0: client */
	mrc	p15, 0, r0, c1, c0, 0
	ldr	r1, =(SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I | SCTLR_U | SCTLR_XP)
	orr	r0, r0, r1
	bic	r0, r0, #SCTLR_A
	bic	r0, r0, #SCTLR_V
	mcr	p15, 0, r0, c1, c0, 0
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 4		/* ISB */

	/* Into the direct map. */
	ldr	pc, =primary_switched

primary_switched:
	/* Each exception mode's SP: 16 bytes where entry.S saves r0, r1, pc, SPSR. */
	ldr	r0, =exception_stacks
	msr	cpsr_c, #(IRQ_MODE | PSR_I_BIT_ | PSR_F_BIT)
	mov	sp, r0
	msr	cpsr_c, #(ABT_MODE | PSR_I_BIT_ | PSR_F_BIT)
	add	sp, r0, #16
	msr	cpsr_c, #(UND_MODE | PSR_I_BIT_ | PSR_F_BIT)
	add	sp, r0, #32
	msr	cpsr_c, #(SVC_MODE | PSR_I_BIT_ | PSR_F_BIT)
	ldr	sp, =boot_stack_top
	mov	fp, #0
	mov	lr, #0
	mov	r0, r10
	bl	arm_start_kernel
4:	b	4b
	.ltorg

	.section .bss.page_aligned, "aw", %nobits
	.balign 16384
	.globl boot_pg_dir
boot_pg_dir:
	.skip	16384
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip	4 * PAGE_SIZE
boot_stack_top:
	.globl exception_stacks
exception_stacks:
	.skip	48
