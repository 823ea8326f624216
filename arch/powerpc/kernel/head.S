/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 entry and the interrupt vectors.
 *
 * QEMU pseries loads Image (this file first) at physical 0 as its
 * firmware and enters at 0x100 in real mode (MMU off), big-endian and in
 * 32-bit mode, with r3 = physical address of the flattened device tree.
 * The first two words read as "b .+8" to a big-endian CPU, which then
 * runs the byte-swapped trampoline after them: it flips MSR[LE] and
 * returns (rfid) to the little-endian code at 1:, where an already
 * little-endian CPU arrives directly. We then turn 64-bit mode on, set
 * the stack, the TOC (r2) and zero .bss, and call
 * powerpc64_start_kernel(fdt_pa), still in real mode: there the top four
 * address bits are ignored, so the kernel runs at its linked address
 * 0xc000... (PAGE_OFFSET + physical) before and after paging_init().
 *
 * Interrupts go to 0x0 + vector with the MMU off, and to
 * 0xc000000000004000 + vector when it was on (LPCR[AIL] = 3, set with
 * H_SET_MODE in setup.c); both copies branch to the same common entry
 * (entry.S), which works either way.
 */
#include <asm/asm.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/reg.h>

/* A vector: park r11, pass the vector number in it, go to the common entry. */
.macro VECTOR base, vec
	. = \base + \vec
	mtspr SPRN_SPRG2, 11
	li 11, \vec
	b interrupt_entry
.endm

.macro VECTORS base
	VECTOR \base, 0x200	/* machine check */
	VECTOR \base, 0x300	/* data storage */
	VECTOR \base, 0x380	/* data segment */
	VECTOR \base, 0x400	/* instruction storage */
	VECTOR \base, 0x480	/* instruction segment */
	VECTOR \base, 0x500	/* external */
	VECTOR \base, 0x600	/* alignment */
	VECTOR \base, 0x700	/* program */
	VECTOR \base, 0x800	/* floating point unavailable */
	VECTOR \base, 0x900	/* decrementer */
	VECTOR \base, 0xa00	/* directed privileged doorbell */
	VECTOR \base, 0xc00	/* system call */
	VECTOR \base, 0xd00	/* trace */
	VECTOR \base, 0xf00	/* performance monitor */
	VECTOR \base, 0xf20	/* vector unavailable */
	VECTOR \base, 0xf40	/* VSX unavailable */
	VECTOR \base, 0xf60	/* facility unavailable */
.endm

/*
 * Continue little-endian whatever the CPU's byte order: a big-endian CPU
 * reads the first word as "b .+8" and runs the byte-swapped trampoline,
 * which flips MSR[LE] and returns (rfid) to the word after it; a
 * little-endian one reads a trap that never traps and skips it. Then
 * 64-bit mode, real mode, machine checks on. Clobbers r11 and r12.
 */
.macro FIXUP_ENDIAN
	tdi 0, 0, 0x48		/* big-endian view: b .+8 */
	b 1f
	/* Byte-swapped: mfmsr r11; xori r11,r11,1 (MSR_LE); li r12,0;
	 * mtmsrd r12,1; bcl 20,31,$+4; mflr r12; addi r12,r12,20;
	 * mtsrr0 r12; mtsrr1 r11; rfid */
	.long 0xa600607d, 0x01006b69, 0x00008039, 0x6401817d, 0x05009f42
	.long 0xa602887d, 0x14008c39, 0xa6039a7d, 0xa6037b7d, 0x2400004c
1:	LOAD_IMM64 11, MSR_KERNEL_REAL
	mtmsrd 11
	isync
.endm

	.section .head.text, "ax"
	.globl _stext_head
_stext_head:
	. = 0x100
	.globl _start
_start:
	FIXUP_ENDIAN
	mr 31, 3
	LOAD_IMM64 12, start_high
	mtctr 12
	bctr

	VECTORS 0
	. = 0x4000
	VECTORS 0x4000

	.text
start_high:
	LOAD_IMM64 1, boot_stack_top - STACK_FRAME_MIN
	li 0, 0
	std 0, 0(1)		/* back chain 0: the end of backtraces */
	LOAD_IMM64 2, .TOC.
	LOAD_IMM64 3, __bss_start
	LOAD_IMM64 4, __bss_end
2:	cmpld 3, 4
	bge 3f
	std 0, 0(3)
	addi 3, 3, 8
	b 2b
3:	mr 3, 31
	bl powerpc64_start_kernel
	nop
4:	b 4b

/*
 * A secondary CPU, started by RTAS start-cpu (kernel/smp.c) at the
 * physical address of secondary_entry, in real mode and in either byte
 * order. It turns translation on with the kernel's radix tree (the
 * hypervisor already gave every CPU the boot CPU's LPCR and process
 * table; quadrant 3 does not depend on PIDR), takes its stack and cpu_info (r13, SPRG1) from secondary_data
 * and calls powerpc64_secondary_start() on that stack.
 */
	.globl secondary_entry
secondary_entry:
	FIXUP_ENDIAN
	LOAD_IMM64 11, MSR_KERNEL_REAL | MSR_IR | MSR_DR
	LOAD_IMM64 12, .Lsecondary_mmu_on
	mtsrr0 12
	mtsrr1 11
	rfid
.Lsecondary_mmu_on:
	LOAD_IMM64 2, .TOC.
	LOAD_IMM64 11, secondary_data
	ld 1, 0(11)
	ld 13, 8(11)
	mtspr SPRN_SPRG1, 13
	subi 1, 1, STACK_FRAME_MIN
	li 0, 0
	std 0, 0(1)		/* back chain 0: the end of backtraces */
	bl powerpc64_secondary_start
	nop
5:	b 5b

	.section .bss.page_aligned, "aw", @nobits
	.balign PAGE_SIZE
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip 4 * PAGE_SIZE
boot_stack_top:
