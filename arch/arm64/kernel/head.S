/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 entry. QEMU's -kernel loads this Image (Linux's arm64 boot format:
 * the 64-byte header below) at a 2 MiB-aligned address in RAM and enters
 * it at its first byte with the MMU off, x0 = physical address of the
 * flattened device tree, at EL1 (or EL2 with -machine virtualization=on).
 *
 * We drop to EL1 if needed, build early page tables (an identity map of
 * the 1 GiB around the image for the switch, the image at KIMAGE_VADDR,
 * and the first 4 GiB of physical memory at PAGE_OFFSET: devices below
 * 1 GiB as device memory, RAM above as normal memory), turn the MMU on,
 * jump to the higher half and call arm64_start_kernel(fdt_pa).
 * secondary_entry, below, is where PSCI CPU_ON starts the other CPUs.
 */
#include <asm/page.h>
#include <asm/pgtable.h>

#define SZ_2M 0x200000
#define SZ_1G 0x40000000

#define SCTLR_EL1_RES1 ((3 << 28) | (3 << 22) | (1 << 20) | (1 << 11))
#define SCTLR_M (1 << 0)
#define SCTLR_C (1 << 2)
#define SCTLR_SA (1 << 3)
#define SCTLR_I (1 << 12)

#define TCR_T0SZ (64 - USER_VA_BITS)
#define TCR_T1SZ ((64 - VA_BITS) << 16)
#define TCR_CACHE_FLAGS ((1 << 8) | (1 << 10) | (1 << 24) | (1 << 26))	/* WB WA */
#define TCR_SHARED ((3 << 12) | (3 << 28))
#define TCR_TG1_4K (2 << 30)
#define TCR_VALUE (TCR_T0SZ | TCR_T1SZ | TCR_CACHE_FLAGS | TCR_SHARED | TCR_TG1_4K)

#define BLOCK_NORMAL (PTE_VALID | PTE_AF | PTE_SHARED | PTE_ATTRINDX(MT_NORMAL))
#define BLOCK_DEVICE (PTE_VALID | PTE_AF | PTE_ATTRINDX(MT_DEVICE_nGnRE) | PTE_PXN | PTE_UXN)
#define TABLE (PTE_VALID | PTE_TABLE)

#define L0_IDX(va) (((va) >> 39) & 511)
#define L1_IDX(va) (((va) >> 30) & 511)
#define KIMAGE_L2_ENTRIES 32		/* 64 MiB for the image at KIMAGE_VADDR */

/*
 * Enter EL1h from EL1 or EL2 (there: EL1 in AArch64 with the timers), all
 * exceptions masked, MMU and caches off. Clobbers x1.
 */
.macro el1_enter
	mrs	x1, CurrentEL
	cmp	x1, #(2 << 2)
	b.ne	1f
	mov	x1, #(1 << 31)		/* HCR_EL2.RW */
	msr	hcr_el2, x1
	mrs	x1, cnthctl_el2
	orr	x1, x1, #3		/* EL1PCTEN | EL1PCEN */
	msr	cnthctl_el2, x1
	msr	cntvoff_el2, xzr
	ldr	x1, =SCTLR_EL1_RES1
	msr	sctlr_el1, x1
	mov	x1, #0x3c5		/* EL1h, D A I F masked */
	msr	spsr_el2, x1
	adr	x1, 1f
	msr	elr_el2, x1
	eret
1:	msr	daifset, #0xf
	msr	spsel, #1
	ldr	x1, =(SCTLR_EL1_RES1 | SCTLR_SA)	/* MMU and caches off */
	msr	sctlr_el1, x1
	isb
.endm

/*
 * Turn the MMU and caches on with tables \ttbr0 and \ttbr1 (physical
 * addresses); attributes and translation control as for every CPU, the
 * physical address size from this CPU's ID_AA64MMFR0_EL1. Clobbers x2, x3.
 */
.macro mmu_enable ttbr0, ttbr1
	ldr	x2, =MAIR_EL1_VALUE
	msr	mair_el1, x2
	ldr	x2, =TCR_VALUE
	mrs	x3, id_aa64mmfr0_el1
	and	x3, x3, #7
	orr	x2, x2, x3, lsl #32
	msr	tcr_el1, x2
	msr	ttbr0_el1, \ttbr0
	msr	ttbr1_el1, \ttbr1
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	ldr	x2, =(SCTLR_EL1_RES1 | SCTLR_SA | SCTLR_M | SCTLR_C | SCTLR_I)
	msr	sctlr_el1, x2
	isb
	ic	iallu
	dsb	nsh
	isb
.endm

	.section .head.text, "ax"
	.globl _head
_head:
	b	primary_entry		/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset: at a 2 MiB boundary */
	.quad	_kernel_size		/* image_size, .bss included */
	.quad	0x2			/* flags: little endian, 4 KiB pages, 2 MiB aligned */
	.quad	0, 0, 0			/* reserved */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* reserved (PE/COFF header offset) */

primary_entry:
	mov	x19, x0			/* device tree */
	adr	x20, _head		/* where we were loaded */

	el1_enter

	/* Zero .bss (16-byte aligned at both ends; the page tables live there). */
	adrp	x1, __bss_start
	adrp	x2, __bss_end
2:	cmp	x1, x2
	b.hs	3f
	stp	xzr, xzr, [x1], #16
	b	2b
3:
	/* kimage_voffset = KIMAGE_VADDR - load address. */
	ldr	x21, =KIMAGE_VADDR
	sub	x21, x21, x20
	adrp	x1, kimage_voffset
	str	x21, [x1, :lo12:kimage_voffset]

	/*
	 * TTBR0 (39 bits: its top table is a level-1 table): identity map
	 * of the 2 GiB from the 1 GiB holding the image, which must lie
	 * below 512 GiB (QEMU's virt RAM starts at 1 GiB).
	 */
	adrp	x1, idmap_pg_l1
	mov	x5, #SZ_1G
	lsr	x2, x20, #30
	and	x2, x2, #511
	and	x3, x20, #~(SZ_1G - 1)
	ldr	x4, =BLOCK_NORMAL
	orr	x3, x3, x4
	str	x3, [x1, x2, lsl #3]
	add	x2, x2, #1
	cmp	x2, #512
	b.hs	4f
	add	x3, x3, x5
	str	x3, [x1, x2, lsl #3]
4:
	/* TTBR1: the direct map of physical 0-4 GiB. */
	adrp	x0, init_pg_l0
	adrp	x1, linear_pg_l1
	orr	x3, x1, #TABLE
	str	x3, [x0, #(8 * L0_IDX(PAGE_OFFSET))]
	ldr	x3, =BLOCK_DEVICE
	str	x3, [x1, #(8 * L1_IDX(PAGE_OFFSET))]
	ldr	x3, =(BLOCK_NORMAL | PTE_PXN | PTE_UXN | SZ_1G)
	mov	x2, #1
5:	str	x3, [x1, x2, lsl #3]
	add	x3, x3, x5
	add	x2, x2, #1
	cmp	x2, #4
	b.lo	5b

	/* TTBR1: the image at KIMAGE_VADDR, in 2 MiB blocks. */
	adrp	x1, kimage_pg_l1
	adrp	x2, kimage_pg_l2
	orr	x3, x1, #TABLE
	str	x3, [x0, #(8 * L0_IDX(KIMAGE_VADDR))]
	orr	x3, x2, #TABLE
	str	x3, [x1, #(8 * L1_IDX(KIMAGE_VADDR))]
	ldr	x3, =BLOCK_NORMAL
	orr	x3, x3, x20
	mov	x5, #SZ_2M
	mov	x4, #0
6:	str	x3, [x2, x4, lsl #3]
	add	x3, x3, x5
	add	x4, x4, #1
	cmp	x4, #KIMAGE_L2_ENTRIES
	b.lo	6b

	/*
	 * .bss (page tables included) and kimage_voffset were written with
	 * the MMU off, straight to memory: drop any stale cached copy before
	 * the caches are on. Line size from CTR_EL0.DminLine.
	 */
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4
	mov	x4, #4
	lsl	x4, x4, x3
	adrp	x1, kimage_voffset
	add	x1, x1, :lo12:kimage_voffset
	dc	ivac, x1
	adrp	x1, __bss_start
	adrp	x2, __bss_end
7:	dc	ivac, x1
	add	x1, x1, x4
	cmp	x1, x2
	b.lo	7b
	dsb	sy

	/* Identity map in TTBR0, the higher half in TTBR1; MMU and caches on. */
	adrp	x1, idmap_pg_l1
	mmu_enable x1, x0

	/* Into the higher half. */
	ldr	x1, =primary_switched
	br	x1

primary_switched:
	adrp	x1, boot_stack_top
	add	x1, x1, :lo12:boot_stack_top
	mov	sp, x1
	mov	x29, #0
	mov	x30, #0
	adrp	x1, vectors
	add	x1, x1, :lo12:vectors
	msr	vbar_el1, x1
	isb
	mov	x0, x19
	bl	arm64_start_kernel
8:	wfi
	b	8b
	.ltorg

/*
 * secondary_entry: where PSCI CPU_ON (__cpu_up(), kernel/smp.c) starts a
 * secondary CPU, at its physical address with the MMU off. It turns on
 * the boot tables (still intact: nothing writes them after boot) to reach
 * the higher half, there switches to the kernel's tables as the boot CPU
 * left them (TTBR1 kernel_pgd_phys, TTBR0 user_pgd_phys), takes its stack
 * and cpu_info from secondary_data, sets VBAR_EL1 and calls
 * arm64_secondary_start() (smp.c) with every exception masked.
 */
	.globl secondary_entry
secondary_entry:
	el1_enter
	adrp	x0, init_pg_l0
	adrp	x1, idmap_pg_l1
	mmu_enable x1, x0
	ldr	x1, =secondary_switched
	br	x1
	.ltorg

	.text
secondary_switched:
	adrp	x0, kernel_pgd_phys
	ldr	x0, [x0, :lo12:kernel_pgd_phys]
	adrp	x1, user_pgd_phys
	ldr	x1, [x1, :lo12:user_pgd_phys]
	msr	ttbr1_el1, x0
	msr	ttbr0_el1, x1
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	adrp	x0, secondary_data
	add	x0, x0, :lo12:secondary_data
	ldp	x1, x2, [x0]		/* stack top, cpu_info */
	mov	sp, x1
	msr	tpidr_el1, x2
	adrp	x1, vectors
	add	x1, x1, :lo12:vectors
	msr	vbar_el1, x1
	isb
	mov	x29, #0
	mov	x30, #0
	bl	arm64_secondary_start
9:	wfi
	b	9b

	.section .data
	.balign 8
	.globl kimage_voffset
kimage_voffset:
	.quad	0

	.section .bss.page_aligned, "aw", @nobits
	.balign PAGE_SIZE
idmap_pg_l1:
	.skip	PAGE_SIZE
	.globl init_pg_l0
init_pg_l0:
	.skip	PAGE_SIZE
linear_pg_l1:
	.skip	PAGE_SIZE
kimage_pg_l1:
	.skip	PAGE_SIZE
kimage_pg_l2:
	.skip	PAGE_SIZE
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip	4 * PAGE_SIZE
boot_stack_top:
