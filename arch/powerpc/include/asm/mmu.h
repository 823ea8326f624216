/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The radix MMU's process table (arch/powerpc/mm/init.c): entry 0
 * translates the kernel's quadrant, entry USER_PID (PIDR's value) user
 * addresses.
 */
#ifndef _ASM_POWERPC_MMU_H
#define _ASM_POWERPC_MMU_H

#define USER_PID 1

#ifndef __ASSEMBLER__
#include <linux/types.h>

/*
 * set_process_table_entry() - make process table entry @pid point at the
 * radix tree whose top-level table is at physical @pgd_pa, and flush
 * that PID's translations. Never sleeps.
 */
void set_process_table_entry(unsigned int pid, phys_addr_t pgd_pa);

/* user_pgtable_init() - the user tree of the test pages (mm/pgtable.c). */
void user_pgtable_init(void);
#endif

#endif /* _ASM_POWERPC_MMU_H */
