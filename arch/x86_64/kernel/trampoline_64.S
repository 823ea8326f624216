/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The real-mode trampoline a secondary CPU starts in. smpboot.c copies
 * trampoline_start..trampoline_end to TRAMPOLINE_PA, below 1 MiB, and
 * the startup IPI starts the CPU there in real mode, at CS:IP =
 * (TRAMPOLINE_PA >> 4):0. It enters protected mode on a GDT of its own,
 * then long mode on the boot page tables (early_pml4: low memory
 * identity-mapped, the kernel at KERNEL_MAP), and jumps to
 * secondary_startup_64 (boot/head.S) in the kernel's higher half.
 * Addresses inside the copy are TRAMPOLINE_PA + (label - trampoline_start).
 */
#include <asm/page.h>
#include <asm/smp.h>

#define PA(x) ((x) - KERNEL_MAP)
#define TR(x) (TRAMPOLINE_PA + (x) - trampoline_start)

#define CR0_PE		(1 << 0)
#define CR0_MP		(1 << 1)
#define CR0_ET		(1 << 4)
#define CR0_NE		(1 << 5)
#define CR0_WP		(1 << 16)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)

	.section .rodata
	.balign 16
	.globl trampoline_start, trampoline_end
	.code16
trampoline_start:
	cli
	cld
	movw %cs, %ax
	movw %ax, %ds
	lgdtl tr_gdt_desc - trampoline_start
	movl $(CR0_PE | CR0_ET), %eax		/* also clears the reset CD and NW */
	movl %eax, %cr0
	ljmpl $0x18, $TR(tr_start32)

	.code32
tr_start32:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl $CR4_PAE, %eax
	movl %eax, %cr4
	movl $PA(early_pml4), %eax
	movl %eax, %cr3
	movl $MSR_EFER, %ecx
	rdmsr
	orl $(EFER_LME | EFER_NXE), %eax
	wrmsr
	movl $(CR0_PG | CR0_WP | CR0_NE | CR0_ET | CR0_MP | CR0_PE), %eax
	movl %eax, %cr0
	ljmpl $0x08, $TR(tr_start64)

	.code64
tr_start64:
	movabsq $secondary_startup_64, %rax
	jmp *%rax

	.balign 8
/* The kernel's selectors for 64-bit code and data, so CS and SS stay valid. */
tr_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code (KERNEL_CS) */
	.quad 0x00cf92000000ffff	/* 0x10: data (KERNEL_DS) */
	.quad 0x00cf9a000000ffff	/* 0x18: 32-bit code */
tr_gdt_end:
tr_gdt_desc:
	.word tr_gdt_end - tr_gdt - 1
	.long TR(tr_gdt)
trampoline_end:
