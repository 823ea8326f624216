/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM entry. QEMU's -kernel loads the Image at physical 0x10000
 * and enters it at its first byte as the 32-bit ARM boot protocol says:
 * SVC mode, MMU and caches off, r1 = the machine ID (the board), r2 =
 * physical address of the ATAGs (the RAM, the command line and the
 * initrd).
 *
 * We build boot page tables out of 1 MiB sections (an identity map of the
 * first 32 MiB, where the image is, for the switch; physical 0-512 MiB at
 * PAGE_OFFSET: RAM below 256 MiB as normal memory, the devices above as
 * device memory), turn the MMU on in the ARMv6 format (SCTLR.XP), jump to
 * the direct map, give the exception modes their small stacks and call
 * arm_start_kernel(atags_pa, machine). paging_init() replaces these
 * tables.
 *
 * A secondary CPU enters at secondary_entry (physical, MMU off; the board
 * started it, arch/arm/kernel/smp.c), waits until secondary_data names
 * its MPCore CPU number, turns the MMU on with the same boot tables (kept
 * for this) and calls arm_secondary_start() on its idle task's stack.
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
	mov	r11, r1			/* machine ID */

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

	ldr	lr, =primary_switched
	b	__enable_mmu

/*
 * Turn the MMU on with the first-level table at physical r4 (TTBR0 and
 * TTBR1, TTBCR.N = 0), caches and branch prediction on, and jump to lr,
 * a virtual address. Clobbers r0, r1.
 */
__enable_mmu:
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
	mov	pc, lr

primary_switched:
	ldr	r0, =exception_stacks
	bl	arm_set_mode_stacks
	ldr	sp, =boot_stack_top
	mov	r0, r10
	mov	r1, r11			/* before fp (r11) is cleared */
	mov	fp, #0
	mov	lr, #0
	bl	arm_start_kernel
4:	b	4b

/*
 * void arm_set_mode_stacks(void *base): the IRQ, abort and undefined
 * modes' SPs at base, base + 16 and base + 32, 16 bytes each where
 * entry.S saves r0, r1, pc and the SPSR. Called in SVC mode with
 * interrupts off; back in SVC mode, its own SP and LR untouched.
 */
	.globl arm_set_mode_stacks
arm_set_mode_stacks:
	msr	cpsr_c, #(IRQ_MODE | PSR_I_BIT_ | PSR_F_BIT)
	mov	sp, r0
	msr	cpsr_c, #(ABT_MODE | PSR_I_BIT_ | PSR_F_BIT)
	add	sp, r0, #16
	msr	cpsr_c, #(UND_MODE | PSR_I_BIT_ | PSR_F_BIT)
	add	sp, r0, #32
	msr	cpsr_c, #(SVC_MODE | PSR_I_BIT_ | PSR_F_BIT)
	bx	lr

/*
 * void cpu_load_kernel_tables(void): see <asm/setup.h>. Uses no stack
 * (a secondary CPU calls it before it has one); clobbers r0, r1.
 */
	.globl cpu_load_kernel_tables
cpu_load_kernel_tables:
	ldr	r0, =kernel_pgd_phys
	ldr	r0, [r0]
	ldr	r1, =user_pgd_phys
	ldr	r1, [r1]
	mcr	p15, 0, r0, c2, c0, 1		/* TTBR1 */
	mcr	p15, 0, r1, c2, c0, 0		/* TTBR0 */
	mov	r0, #1
	mcr	p15, 0, r0, c2, c0, 2		/* TTBCR.N = 1 */
	mov	r0, #0
	mcr	p15, 0, r0, c7, c10, 4		/* DSB */
	mcr	p15, 0, r0, c8, c7, 0		/* invalidate TLBs */
	mcr	p15, 0, r0, c7, c10, 4		/* DSB */
	mrc	p15, 0, r0, c1, c0, 0
	orr	r0, r0, #SCTLR_V
	mcr	p15, 0, r0, c1, c0, 0
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 4		/* ISB */
	bx	lr

/*
 * A secondary CPU, from the board's boot code: SVC mode, MMU off. Only
 * the CPU whose MPCore number (the CPU ID register, MPIDR[3:0]) is in
 * secondary_data.hwid goes on; another one woken early waits here.
 */
	.globl secondary_entry
secondary_entry:
	cpsid	aif
	mrc	p15, 0, r2, c0, c0, 5
	and	r2, r2, #15
	ldr	r1, =secondary_data - PAGE_OFFSET
5:	ldr	r3, [r1]
	cmp	r3, r2
	bne	5b
	ldr	r4, =boot_pg_dir - PAGE_OFFSET
	ldr	lr, =secondary_switched
	b	__enable_mmu

secondary_switched:
	bl	cpu_load_kernel_tables		/* the idle stack is in vmalloc space */
	ldr	r1, =secondary_data
	ldr	sp, [r1, #4]
	mov	fp, #0
	mov	lr, #0
	bl	arm_secondary_start
6:	b	6b
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
	.skip	48 * CONFIG_NR_CPUS
