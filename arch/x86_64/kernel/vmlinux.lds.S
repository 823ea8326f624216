/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 kernel image layout. Linked at KERNEL_MAP + 1 MiB, loaded at
 * physical 1 MiB (the AT() addresses). Text, read-only data and data are
 * separate page-aligned segments so the page tables can map them
 * R-X, R-- and RW- (W^X).
 */
#include <asm/page.h>
#include <asm-generic/vmlinux.lds.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(pvh_start32)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
	note PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = KERNEL_MAP + KERNEL_PHYS_START;
	_stext = .;
	.text : AT(ADDR(.text) - KERNEL_MAP) {
		*(.head.text)
		*(.text .text.*)
		*(.init.text)
	} :text
	. = ALIGN(PAGE_SIZE);
	_etext = .;

	.rodata : AT(ADDR(.rodata) - KERNEL_MAP) {
		*(.rodata .rodata.*)
		KERNEL_TABLES
	} :rodata
	.note : AT(ADDR(.note) - KERNEL_MAP) {
		*(.note.Xen)
	} :rodata :note
	/* Generated from the first link; last in the read-only segment. */
	.kallsyms : AT(ADDR(.kallsyms) - KERNEL_MAP) {
		*(.kallsyms)
	} :rodata
	. = ALIGN(PAGE_SIZE);
	_erodata = .;

	.data : AT(ADDR(.data) - KERNEL_MAP) {
		KERNEL_DATA
	} :data
	.bss : AT(ADDR(.bss) - KERNEL_MAP) {
		KERNEL_BSS
	} :data
	_end = .;

	/DISCARD/ : {
		*(.comment)
		*(.eh_frame)
		*(.note.GNU-stack)
		*(.note.gnu.property)
	}
}
