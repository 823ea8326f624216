// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 user page tables. The radix MMU translates quadrant 0 (user
 * addresses) through the process table entry that PIDR selects, apart
 * from the kernel's tree (entry 0, quadrant 3). Each CPU's PIDR is its
 * own, user_pid(), whose entry points at the tree switch_mm() loads there
 * (changing it flushes the PID's translations): the process's, or
 * without one user_test_pgd,
 * which holds only the test pages of map_user_test_page() (the kernel's
 * tree must never serve quadrant 0: kernel addresses would then be
 * reachable at user addresses).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <asm/mmu.h>
#include <asm/reg.h>
#include <kunit/uaccess.h>

static pgd_t *user_test_pgd;

void __init user_pgtable_init(void)
{
	user_test_pgd = pgtable_alloc_table(PGTABLE_TOP);
	user_pgtable_init_cpu();
}

void user_pgtable_init_cpu(void)
{
	mtspr(SPRN_PID, user_pid());
	switch_mm(NULL);
}

void switch_mm(struct mm_struct *next)
{
	set_process_table_entry(user_pid(), __pa(next ? next->pgd : user_test_pgd));
}

#ifdef CONFIG_KUNIT
pgd_t *arch_test_user_pgd(void)
{
	return user_test_pgd;
}
#endif

/* Leaf entries user mode may use (not privileged), R and C preset. */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_PTE | _PAGE_ACCESSED | _PAGE_DIRTY;

	if (vm_flags & VM_READ)
		prot |= _PAGE_READ;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_READ | _PAGE_WRITE;
	if (vm_flags & VM_EXEC)
		prot |= _PAGE_EXEC;
	return prot;
}
