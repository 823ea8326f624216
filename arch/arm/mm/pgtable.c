// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM user page tables (the walker is mm/pgtable.c). With
 * TTBCR.N = 1 an address space's table goes in TTBR0, which translates
 * the lower 2 GiB only; the kernel lives in TTBR1 and needs no share of
 * it. There are no ASIDs yet: every address space uses ASID 0 with
 * non-global entries, and loading another one flushes them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <kunit/uaccess.h>

void switch_mm(struct mm_struct *next)
{
	phys_addr_t pgd = next ? __pa(next->pgd) : user_pgd_phys;

	__asm__ __volatile__("mcr p15, 0, %0, c2, c0, 0" :: "r"(pgd) : "memory");
	flush_tlb_all_user();
}

#ifdef CONFIG_KUNIT
pgd_t *arch_test_user_pgd(void)
{
	return __va(user_pgd_phys);
}
#endif

/*
 * Leaf entries user mode may use: AP = 11 (read-write for both) or, with
 * APX, AP = 10 (read-only for both: ARMv6 reserves APX with AP = 11). A
 * mapping user mode may not touch at all (PROT_NONE) is AP = 01 with APX:
 * read-only for the kernel, nothing for user mode, whose every access
 * faults; still mapped, for a later mprotect().
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = PTE_SMALL | PTE_C | PTE_B | PTE_AP_USER | PTE_NG;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return PTE_SMALL | PTE_C | PTE_B | PTE_AP_KERNEL | PTE_APX | PTE_NG | PTE_XN;

	if (vm_flags & VM_WRITE)
		prot |= PTE_AP_KERNEL;
	else
		prot |= PTE_APX;
	if (!(vm_flags & VM_EXEC))
		prot |= PTE_XN;
	return prot;
}
