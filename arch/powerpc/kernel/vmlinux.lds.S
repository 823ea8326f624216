/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 kernel image layout. Linked at PAGE_OFFSET (the direct map of
 * physical 0), loaded at physical 0 (the AT() addresses): head.S's entry
 * is at 0x100 and its vectors at 0x0 and 0x4000 + vector. Text,
 * read-only data (with the TOC: the kernel is linked statically, so
 * nothing writes it) and data are separate page-aligned segments so the
 * page tables can map them R-X, R-- and RW- (W^X).
 */
#include <asm/page.h>
#include <asm-generic/vmlinux.lds.h>

OUTPUT_ARCH(powerpc:common64)
ENTRY(_start)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
}

SECTIONS
{
	. = PAGE_OFFSET;
	_stext = .;
	.text : AT(ADDR(.text) - PAGE_OFFSET) {
		KEEP(*(.head.text))
		*(.text .text.*)
		*(.init.text)
		*(.sfpr .glink)
	} :text
	. = ALIGN(PAGE_SIZE);
	_etext = .;

	.rodata : AT(ADDR(.rodata) - PAGE_OFFSET) {
		*(.rodata .rodata.*)
		KERNEL_TABLES
	} :rodata
	.got : AT(ADDR(.got) - PAGE_OFFSET) {
		*(.got .toc)
	} :rodata
	/* Generated from the first link; last in the read-only segment. */
	.kallsyms : AT(ADDR(.kallsyms) - PAGE_OFFSET) {
		*(.kallsyms)
	} :rodata
	. = ALIGN(PAGE_SIZE);
	_erodata = .;

	.data : AT(ADDR(.data) - PAGE_OFFSET) {
		KERNEL_DATA
	} :data
	.bss : AT(ADDR(.bss) - PAGE_OFFSET) {
		KERNEL_BSS
	} :data
	_end = .;

	/DISCARD/ : {
		*(.comment)
		*(.eh_frame)
		*(.note.GNU-stack)
		*(.note.gnu.property)
		*(.gnu.attributes)
	}
}
