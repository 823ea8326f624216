/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The radix MMU's process table (arch/powerpc/mm/init.c): entry 0
 * translates the kernel's quadrant, entry USER_PID + n (CPU n's PIDR)
 * user addresses on CPU n, so that each CPU loads the tree it runs
 * without changing another's.
 */
#ifndef _ASM_POWERPC_MMU_H
#define _ASM_POWERPC_MMU_H

#define USER_PID 1		/* CPU 0's; CPU n's is USER_PID + n */

#ifndef __ASSEMBLER__
#include <linux/types.h>
#include <linux/percpu.h>

/* user_pid() - the calling CPU's user PID. Preemption off. */
static inline unsigned long user_pid(void)
{
	return USER_PID + smp_processor_id();
}

/*
 * set_process_table_entry() - make process table entry @pid point at the
 * radix tree whose top-level table is at physical @pgd_pa, and flush
 * that PID's translations. Never sleeps.
 */
void set_process_table_entry(unsigned int pid, phys_addr_t pgd_pa);

/*
 * user_pgtable_init() - the user tree of the test pages (mm/pgtable.c),
 * loaded on the boot CPU as by user_pgtable_init_cpu().
 */
void user_pgtable_init(void);

/*
 * user_pgtable_init_cpu() - point this CPU's PIDR at its user PID and
 * load the test pages' tree there (no address space loaded). Interrupts
 * off; a secondary CPU calls it as it starts.
 */
void user_pgtable_init_cpu(void);
#endif

#endif /* _ASM_POWERPC_MMU_H */
