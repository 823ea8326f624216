/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM kernel image layout. QEMU loads the raw Image (objcopy of
 * this) at physical KERNEL_PHYS (the 32-bit ARM boot protocol's 0x10000
 * above RAM's start, RAM starting at 0 on versatilepb); it is linked at
 * the direct-map address of that, with AT() physical addresses so that
 * vmlinux loads the same way under gdb. Text, read-only data and data are
 * separate page-aligned ranges so the page tables can map them R-X, R--
 * and RW- (W^X); the exception vectors sit in a page of their own in text.
 */
#include <asm/page.h>
#include <asm-generic/vmlinux.lds.h>

#define KERNEL_PHYS 0x10000

OUTPUT_FORMAT("elf32-littlearm")
OUTPUT_ARCH(arm)
ENTRY(_head_pa)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
}

SECTIONS
{
	. = PAGE_OFFSET + KERNEL_PHYS;
	_head_pa = KERNEL_PHYS;
	_stext = .;
	.text : AT(ADDR(.text) - PAGE_OFFSET) {
		KEEP(*(.head.text))
		. = ALIGN(PAGE_SIZE);
		__vectors_start = .;
		KEEP(*(.vectors))
		. = ALIGN(PAGE_SIZE);
		*(.text .text.*)
		*(.init.text)
	} :text
	. = ALIGN(PAGE_SIZE);
	_etext = .;

	.rodata : AT(ADDR(.rodata) - PAGE_OFFSET) {
		*(.rodata .rodata.*)
		KERNEL_TABLES
	} :rodata
	.ARM.exidx : AT(ADDR(.ARM.exidx) - PAGE_OFFSET) {
		*(.ARM.exidx*)
	} :rodata
	/* Generated from the first link; last in the read-only range. */
	.kallsyms : AT(ADDR(.kallsyms) - PAGE_OFFSET) {
		*(.kallsyms)
	} :rodata
	. = ALIGN(PAGE_SIZE);
	_erodata = .;

	.data : AT(ADDR(.data) - PAGE_OFFSET) {
		KERNEL_DATA
	} :data
	.bss (NOLOAD) : AT(ADDR(.bss) - PAGE_OFFSET) {
		. = ALIGN(PAGE_SIZE);
		KERNEL_BSS
	} :data
	_end = .;

	/DISCARD/ : {
		*(.comment)
		*(.eh_frame)
		*(.ARM.attributes)
		*(.note.GNU-stack)
		*(.note.gnu.property)
		*(.note.gnu.build-id)
	}
}
