/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 boot internals shared by arch/x86_64 files. */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#define COMMAND_LINE_SIZE 1024

/* Build the final kernel page tables (arch/x86_64/mm/init.c). */
void paging_init(void);

#endif /* _ASM_X86_SETUP_H */
