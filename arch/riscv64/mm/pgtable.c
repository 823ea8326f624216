// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 user page tables (the walker is mm/pgtable.c). satp holds one
 * Sv39 table for both halves: each address space's top-level table has a
 * copy of the kernel's upper half (pgd_share_kernel_half()), and without
 * a process the kernel's own table is loaded, whose lower half holds only
 * the test pages of map_user_test_page(). There are no ASIDs yet:
 * loading another table flushes the TLB.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <asm/csr.h>
#include <kunit/uaccess.h>

void switch_mm(struct mm_struct *next)
{
	phys_addr_t pgd = next ? __pa(next->pgd) : kernel_pgd_phys;

	csr_write(satp, SATP_MODE_SV39 | (pgd >> PAGE_SHIFT));
	flush_tlb_all();
}

#ifdef CONFIG_KUNIT
pgd_t *arch_test_user_pgd(void)
{
	return __va(kernel_pgd_phys);
}
#endif

/*
 * Leaf entries U-mode may use: always readable (R/W/X all clear would make
 * a table pointer), with A and D set; the kernel reaches them only with
 * sstatus.SUM, and never executes them. A mapping U-mode may not touch at
 * all (PROT_NONE) is the same entry without U: still mapped, for a later
 * mprotect(), but every U-mode access faults.
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_READ | _PAGE_ACCESSED | _PAGE_DIRTY;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return prot & ~_PAGE_USER;

	if (vm_flags & VM_WRITE)
		prot |= _PAGE_WRITE;
	if (vm_flags & VM_EXEC)
		prot |= _PAGE_EXEC;
	return prot;
}
