/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linker-script pieces every architecture's vmlinux.lds.S uses, so that a
 * new kernel table is added once. KERNEL_TABLES goes inside the read-only
 * output section, after *(.rodata): the KUnit and Rust test suites, the
 * initcalls in level order, the exitcalls and the exception table, each
 * between the __start/__stop symbols the C code walks. KERNEL_DATA and
 * KERNEL_BSS fill the .data and .bss output sections.
 */
#ifndef _ASM_GENERIC_VMLINUX_LDS_H
#define _ASM_GENERIC_VMLINUX_LDS_H

#define KERNEL_TABLES							\
	. = ALIGN(8);							\
	__start_kunit_suites = .;					\
	KEEP(*(.kunit_test_suites))					\
	__stop_kunit_suites = .;					\
	. = ALIGN(8);							\
	__initcall_start = .;						\
	KEEP(*(.initcall0.init))					\
	KEEP(*(.initcall1.init))					\
	KEEP(*(.initcall2.init))					\
	KEEP(*(.initcall3.init))					\
	KEEP(*(.initcall4.init))					\
	KEEP(*(.initcall5.init))					\
	KEEP(*(.initcall6.init))					\
	KEEP(*(.initcall7.init))					\
	__initcall_end = .;						\
	__exitcall_start = .;						\
	KEEP(*(.exitcall.exit))						\
	__exitcall_end = .;						\
	. = ALIGN(8);							\
	__rust_tests_start = .;						\
	KEEP(*(.rust_test_suites))					\
	__rust_tests_end = .;						\
	. = ALIGN(8);							\
	__start___ex_table = .;						\
	KEEP(*(__ex_table))						\
	__stop___ex_table = .;

/*
 * The input sections of the kernel's writable data and of its bss (inside
 * the .data and .bss output sections; riscv64's small-data sections are
 * among them). KERNEL_BSS defines __bss_start and a page-aligned
 * __bss_end, the range the boot code clears.
 */
#define KERNEL_DATA							\
	*(.data.page_aligned)						\
	*(.data .data.*)						\
	*(.sdata .sdata.*)						\
	*(.init.data)

#define KERNEL_BSS							\
	__bss_start = .;						\
	*(.bss.page_aligned)						\
	*(.bss .bss.*)							\
	*(.sbss .sbss.*)						\
	*(COMMON)							\
	. = ALIGN(PAGE_SIZE);						\
	__bss_end = .;

#endif /* _ASM_GENERIC_VMLINUX_LDS_H */
