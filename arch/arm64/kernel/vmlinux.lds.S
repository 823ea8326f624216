/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 kernel image layout. Linked at KIMAGE_VADDR, with the Image
 * header (head.S) first; the load address is whatever 2 MiB-aligned place
 * the boot loader chose, so there are no AT() physical addresses.
 * Text, read-only data and data are separate page-aligned ranges so the
 * page tables can map them R-X, R-- and RW- (W^X).
 */
#include <asm/page.h>

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
		. = ALIGN(8);
		__start_kunit_suites = .;
		KEEP(*(.kunit_test_suites))
		__stop_kunit_suites = .;
		. = ALIGN(8);
		__initcall_start = .;
		KEEP(*(.initcall0.init))
		KEEP(*(.initcall1.init))
		KEEP(*(.initcall2.init))
		KEEP(*(.initcall3.init))
		KEEP(*(.initcall4.init))
		KEEP(*(.initcall5.init))
		KEEP(*(.initcall6.init))
		KEEP(*(.initcall7.init))
		__initcall_end = .;
		__exitcall_start = .;
		KEEP(*(.exitcall.exit))
		__exitcall_end = .;
		. = ALIGN(8);
		__rust_tests_start = .;
		KEEP(*(.rust_test_suites))
		__rust_tests_end = .;
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
	} :rodata
	/* Generated from the first link; last in the read-only range. */
	.kallsyms : {
		*(.kallsyms)
	} :rodata
	. = ALIGN(PAGE_SIZE);
	_erodata = .;

	.data : {
		*(.data.page_aligned)
		*(.data .data.*)
		*(.init.data)
	} :data
	.bss (NOLOAD) : {
		. = ALIGN(PAGE_SIZE);
		__bss_start = .;
		*(.bss.page_aligned)
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(PAGE_SIZE);
		__bss_end = .;
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
