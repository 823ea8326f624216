/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 entry. QEMU loads vmlinux through the PVH boot protocol: it reads
 * the XEN_ELFNOTE_PHYS32_ENTRY note below and jumps to pvh_start32 in 32-bit
 * protected mode, paging off, with %ebx = physical address of struct
 * hvm_start_info (command line, memory map, initrd).
 *
 * We build temporary page tables mapping the first 1 GiB three times
 * (identity, direct map at PAGE_OFFSET, kernel image at KERNEL_MAP), enter
 * long mode, jump to the higher half and call x86_64_start_kernel().
 */
#include <asm/page.h>

#define PA(x) ((x) - KERNEL_MAP)
#define PTE_PRESENT 0x1
#define PTE_RW 0x2
#define PTE_PS 0x80

#define PML4_INDEX(va) (((va) >> 39) & 511)
#define PDPT_INDEX(va) (((va) >> 30) & 511)

/* Kernel data in DS, ES and SS; FS and GS null (their bases are MSRs). */
.macro LOAD_DATA_SEGMENTS
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	xorl %eax, %eax
	movl %eax, %fs
	movl %eax, %gs
.endm

	.pushsection .note.Xen, "a", @note
	.balign 4
	.long 4			/* name size: "Xen\0" */
	.long 8			/* descriptor size */
	.long 18		/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.balign 4
	.quad PA(pvh_start32)
	.balign 4
	.popsection

	.section .head.text, "ax"
	.code32
	.globl pvh_start32
pvh_start32:
	cli
	cld
	movl %ebx, PA(pvh_start_info_pa)
	movl $PA(boot_stack_top), %esp

	/* Zero .bss (the loader only guarantees file contents). */
	movl $PA(__bss_start), %edi
	movl $PA(__bss_end), %ecx
	subl %edi, %ecx
	xorl %eax, %eax
	rep stosb

	/* PD: 512 x 2 MiB pages covering physical 0..1 GiB. */
	movl $PA(early_pd), %edi
	movl $(PTE_PRESENT | PTE_RW | PTE_PS), %eax
	xorl %ecx, %ecx
1:	movl %eax, (%edi, %ecx, 8)
	movl $0, 4(%edi, %ecx, 8)
	addl $0x200000, %eax
	incl %ecx
	cmpl $512, %ecx
	jne 1b

	/* PDPTs: low (identity and direct map) and high (kernel image). */
	movl $(PA(early_pd) + PTE_PRESENT + PTE_RW), %eax
	movl %eax, PA(early_pdpt_low)
	movl %eax, PA(early_pdpt_high) + 8 * PDPT_INDEX(KERNEL_MAP)

	movl $(PA(early_pdpt_low) + PTE_PRESENT + PTE_RW), %eax
	movl %eax, PA(early_pml4)
	movl %eax, PA(early_pml4) + 8 * PML4_INDEX(PAGE_OFFSET)
	movl $(PA(early_pdpt_high) + PTE_PRESENT + PTE_RW), %eax
	movl %eax, PA(early_pml4) + 8 * PML4_INDEX(KERNEL_MAP)

	/* CR4.PAE, CR3, EFER.LME|NXE, CR0.PG|WP, then a far jump to 64-bit. */
	movl %cr4, %eax
	orl $(1 << 5), %eax
	movl %eax, %cr4
	movl $PA(early_pml4), %eax
	movl %eax, %cr3
	movl $0xc0000080, %ecx
	rdmsr
	orl $((1 << 8) | (1 << 11)), %eax
	wrmsr
	movl %cr0, %eax
	orl $((1 << 31) | (1 << 16) | 1), %eax
	movl %eax, %cr0

	lgdt PA(boot_gdt_desc)
	ljmp $0x08, $PA(start64_low)

	.code64
start64_low:
	movabsq $start64, %rax
	jmp *%rax

start64:
	LOAD_DATA_SEGMENTS
	movabsq $boot_stack_top, %rsp
	xorl %ebp, %ebp
	movl pvh_start_info_pa(%rip), %edi
	call x86_64_start_kernel
2:	cli
	hlt
	jmp 2b

/*
 * A secondary CPU, from the trampoline (kernel/trampoline_64.S): long mode
 * on the boot page tables, interrupts off. Load the data segments while
 * the trampoline's GDT is still mapped (cpu_init_tables() loads the
 * CPU's own), switch to the kernel's page tables, take the stack and cpu_info smpboot.c left in secondary_data
 * and call x86_64_secondary_start().
 */
	.text
	.globl secondary_startup_64
secondary_startup_64:
	LOAD_DATA_SEGMENTS		/* while the trampoline's GDT is mapped */
	movq %cr4, %rax
	orq $(1 << 7), %rax		/* CR4.PGE, as paging_init() set it */
	movq %rax, %cr4
	movq kernel_pgd_phys(%rip), %rax
	movq %rax, %cr3
	movq secondary_data(%rip), %rsp			/* .stack_top */
	movq secondary_data + 8(%rip), %rax		/* .ci */
	movq %rax, %rdx
	shrq $32, %rdx
	movl $0xc0000101, %ecx				/* MSR_GS_BASE */
	wrmsr
	xorl %ebp, %ebp
	call x86_64_secondary_start
3:	cli
	hlt
	jmp 3b

	.section .rodata
	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit kernel code */
	.quad 0x00cf92000000ffff	/* 0x10: kernel data */
boot_gdt_end:
boot_gdt_desc:
	.word boot_gdt_end - boot_gdt - 1
	.long PA(boot_gdt)

	.section .data.page_aligned, "aw"
	.balign PAGE_SIZE
	.globl early_pml4
early_pml4:
	.fill 512, 8, 0
early_pdpt_low:
	.fill 512, 8, 0
early_pdpt_high:
	.fill 512, 8, 0
early_pd:
	.fill 512, 8, 0

	.globl pvh_start_info_pa
pvh_start_info_pa:
	.long 0

	.section .bss.page_aligned, "aw", @nobits
	.balign PAGE_SIZE
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip 4 * PAGE_SIZE
boot_stack_top:
