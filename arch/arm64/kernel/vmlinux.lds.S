/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 kernel image layout. Linked at KIMAGE_VADDR, with the Image
 * header (head.S) first; the load address is whatever 2 MiB-aligned place
 * the boot loader chose, so there are no AT() physical addresses.
 * Text, read-only data and data are separate page-aligned ranges so the
 * page tables can map them R-X, R-- and RW- (W^X).
 */
#include <asm/page.h>
#include <asm-generic/vmlinux.lds.h>

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(_head)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
}

SECTIONS
{
	. = KIMAGE_VADDR;
	_stext = .;
	.text : {
		KEEP(*(.head.text))
		*(.text .text.*)
		*(.init.text)
	} :text
	. = ALIGN(PAGE_SIZE);
	_etext = .;

	.rodata : {
		*(.rodata .rodata.*)
		KERNEL_TABLES
	} :rodata
	/* Generated from the first link; last in the read-only range. */
	.kallsyms : {
		*(.kallsyms)
	} :rodata
	. = ALIGN(PAGE_SIZE);
	_erodata = .;

	.data : {
		KERNEL_DATA
	} :data
	.bss (NOLOAD) : {
		. = ALIGN(PAGE_SIZE);
		KERNEL_BSS
	} :data
	_end = .;
	_kernel_size = _end - _head;

	/DISCARD/ : {
		*(.comment)
		*(.eh_frame)
		*(.note.GNU-stack)
		*(.note.gnu.property)
		*(.note.gnu.build-id)
	}
}
