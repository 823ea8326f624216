/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 kernel image layout. Linked at KERNEL_MAP + 2 MiB, loaded at
 * physical KERNEL_PHYS_START (the AT() addresses), right after OpenSBI.
 * The ELF entry point is the physical address of _start, where the
 * firmware jumps with paging off. Text, read-only data and data are
 * separate page-aligned segments so the page tables can map them R-X, R--
 * and RW- (W^X).
 */
#include <asm/page.h>
#include <asm-generic/vmlinux.lds.h>

#define LOAD_OFFSET (KERNEL_MAP - KERNEL_PHYS_BASE)

OUTPUT_ARCH(riscv)
ENTRY(_start_pa)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
}

SECTIONS
{
	. = KERNEL_MAP + (KERNEL_PHYS_START - KERNEL_PHYS_BASE);
	_stext = .;
	.text : AT(ADDR(.text) - LOAD_OFFSET) {
		*(.head.text)
		*(.text .text.*)
		*(.init.text)
	} :text
	. = ALIGN(PAGE_SIZE);
	_etext = .;

	.rodata : AT(ADDR(.rodata) - LOAD_OFFSET) {
		*(.rodata .rodata.*)
		*(.srodata .srodata.*)
		KERNEL_TABLES
	} :rodata
	/* Generated from the first link; last in the read-only segment. */
	.kallsyms : AT(ADDR(.kallsyms) - LOAD_OFFSET) {
		*(.kallsyms)
	} :rodata
	. = ALIGN(PAGE_SIZE);
	_erodata = .;

	.data : AT(ADDR(.data) - LOAD_OFFSET) {
		KERNEL_DATA
	} :data
	.bss : AT(ADDR(.bss) - LOAD_OFFSET) {
		KERNEL_BSS
	} :data
	_end = .;

	_start_pa = ABSOLUTE(_start - LOAD_OFFSET);

	/DISCARD/ : {
		*(.comment)
		*(.eh_frame)
		*(.note.GNU-stack)
		*(.note.gnu.property)
		*(.riscv.attributes)
	}
}
