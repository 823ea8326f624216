// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 user page tables (the walker is mm/pgtable.c). An address space's
 * table goes in TTBR0_EL1, which translates the lower half only; the
 * kernel lives in TTBR1_EL1 and needs no share of it. There are no ASIDs
 * yet: every address space uses ASID 0 with non-global entries, and
 * loading another one flushes them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <asm/processor.h>
#include <kunit/uaccess.h>

void switch_mm(struct mm_struct *next)
{
	write_sysreg(next ? __pa(next->pgd) : user_pgd_phys, ttbr0_el1);
	isb();
	local_flush_tlb_all_user();
}

#ifdef CONFIG_KUNIT
pgd_t *arch_test_user_pgd(void)
{
	return __va(user_pgd_phys);
}
#endif

/*
 * Leaf entries EL0 may use; the kernel never executes them (PXN). A
 * mapping EL0 may not touch at all (PROT_NONE) is read-only for EL1 and
 * without AP[1]: still mapped, for a later mprotect(), but every EL0
 * access faults.
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = PROT_NORMAL | PTE_USER | PTE_NG | PTE_PXN;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return PROT_NORMAL | PTE_NG | PTE_PXN | PTE_RDONLY | PTE_UXN;

	if (vm_flags & VM_WRITE)
		prot |= PTE_WRITE;
	else
		prot |= PTE_RDONLY;
	if (!(vm_flags & VM_EXEC))
		prot |= PTE_UXN;
	return prot;
}
