/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 entry. OpenSBI (M-mode firmware) jumps here in S-mode on the
 * boot hart, paging off, at the physical load address (the ELF entry point
 * _start_pa), with a0 = hart id and a1 = physical address of the flattened
 * device tree.
 *
 * We build an early Sv39 table of 1 GiB pages: the GiB holding the image
 * twice (identity, to survive turning paging on, and at KERNEL_MAP), the
 * first 16 GiB of physical memory at PAGE_OFFSET (the device tree lies in
 * RAM there) and the IO window. Then paging goes on, we jump to the
 * higher half, zero .bss and call riscv64_start_kernel(hartid, dtb_pa).
 */
#include <asm/csr.h>
#include <asm/page.h>

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80
#define PTE_RW (PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D)
#define PTE_RWX (PTE_RW | PTE_X)
#define GIB_PTE(pa, flags) ((((pa) >> 12) << 10) | (flags))
#define PGD_INDEX(va) (((va) >> 30) & 511)

/* early_pgd[index] = pte, with t0 = early_pgd (physical); clobbers t1, t2. */
.macro set_pgd index, pte
	li t1, \pte
	li t2, (\index) * 8
	add t2, t2, t0
	sd t1, 0(t2)
.endm

/* Interrupts and paging off, no FPU (its state is never saved), no access to user pages. */
.macro hart_quiesce
	csrw sie, zero
	csrw satp, zero
	li t0, SR_FS | SR_SUM | SR_SIE
	csrc sstatus, t0
.endm

/* Translate with the Sv39 table at physical address \pgd; clobbers \pgd and t1. */
.macro satp_load pgd
	srli \pgd, \pgd, 12
	li t1, SATP_MODE_SV39
	or \pgd, \pgd, t1
	sfence.vma
	csrw satp, \pgd
	sfence.vma
.endm

	.section .head.text, "ax"
	.globl _start
_start:
	hart_quiesce
	mv s2, a0
	mv s1, a1

	/* Physical addresses: la is pc-relative and we run at the load address. */
	lla t0, early_pgd
	set_pgd PGD_INDEX(KERNEL_PHYS_BASE), GIB_PTE(KERNEL_PHYS_BASE, PTE_RWX)
	set_pgd PGD_INDEX(KERNEL_MAP), GIB_PTE(KERNEL_PHYS_BASE, PTE_RWX)
	set_pgd PGD_INDEX(IO_WINDOW), GIB_PTE(0, PTE_RW)
	set_pgd PGD_INDEX(IO_WINDOW) + 1, GIB_PTE(1 << 30, PTE_RW)
	/* Direct map: 16 x 1 GiB. */
	li t1, GIB_PTE(0, PTE_RW)
	li t2, PGD_INDEX(PAGE_OFFSET) * 8
	add t2, t2, t0
	li t3, 16
	li t4, 1 << 28		/* 1 GiB in PTE units (pa >> 2) */
1:	sd t1, 0(t2)
	add t1, t1, t4
	addi t2, t2, 8
	addi t3, t3, -1
	bnez t3, 1b

	/* Paging on, with the identity map under our feet. */
	satp_load t0
	ld t0, .Lhigh
	jr t0

	.balign 8
.Lhigh:
	.dword start_high

	.text
start_high:
	/* Now at the KERNEL_MAP address: pc-relative addressing is virtual. */
	lla sp, boot_stack_top
	lla t0, __bss_start
	lla t1, __bss_end
2:	bgeu t0, t1, 3f
	sd zero, 0(t0)
	addi t0, t0, 8
	j 2b
3:	li s0, 0		/* s0 is the frame pointer: 0 ends backtraces */
	li ra, 0
	mv a0, s2
	mv a1, s1
	call riscv64_start_kernel
4:	wfi
	j 4b

	.section .data.page_aligned, "aw"
	.balign PAGE_SIZE
	.globl early_pgd
early_pgd:
	.fill 512, 8, 0

	.section .bss.page_aligned, "aw", @nobits
	.balign PAGE_SIZE
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip 4 * PAGE_SIZE
boot_stack_top:

/*
 * secondary_entry: where the SBI HSM hart_start call of __cpu_up()
 * (kernel/smp.c) starts a secondary hart, in S-mode with paging off, at
 * its physical address. It turns on early_pgd (still intact: nothing
 * writes it after boot) to reach the higher half, there the kernel's page
 * table, takes its stack and cpu_info from secondary_data and calls
 * riscv64_secondary_start().
 */
	.section .head.text, "ax"
	.globl secondary_entry
secondary_entry:
	hart_quiesce
	lla t0, early_pgd
	satp_load t0
	ld t0, .Lsecondary_high
	jr t0

	.balign 8
.Lsecondary_high:
	.dword secondary_high

	.text
secondary_high:
	/* The kernel's page table (paging_init()): it maps the vmalloc'ed stack. */
	lla t0, kernel_pgd_phys
	ld t0, 0(t0)
	satp_load t0
	lla t0, secondary_data
	ld sp, 0(t0)
	ld tp, 8(t0)
	li s0, 0
	li ra, 0
	call riscv64_secondary_start
5:	wfi
	j 5b
