// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 user page tables (the walker is mm/pgtable.c). Each address
 * space's top-level table has a copy of the kernel's upper half
 * (pgd_share_kernel_half()), whose entries all exist from boot
 * (paging_init() preallocates the vmalloc area's), so kernel mappings
 * made later show up in every address space.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <kunit/uaccess.h>

void switch_mm(struct mm_struct *next)
{
	write_cr3(next ? __pa(next->pgd) : kernel_pgd_phys);
}

#ifdef CONFIG_KUNIT
pgd_t *arch_test_user_pgd(void)
{
	return __va(kernel_pgd_phys);
}
#endif

/*
 * Leaf entries of user mappings. A mapping user mode may not touch at all
 * (PROT_NONE) is a kernel page: present, so that its page stays mapped
 * for a later mprotect(), but without _PAGE_USER, so that every access
 * from user mode faults (and the fault path sends SIGSEGV).
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_USER;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return _PAGE_PRESENT | _PAGE_NX;

	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot;
}
