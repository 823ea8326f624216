// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 boot: from the entry (head.S) to start_kernel(). Points r13
 * at this CPU's cpu_info, asks the hypervisor for little-endian
 * interrupts, starts the hypervisor console found in the device tree, and
 * in setup_arch() registers RAM, builds the radix tree and turns the MMU
 * on, then moves the interrupt vectors to 0xc000000000004000 (AIL 3).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/percpu.h>
#include <linux/start_kernel.h>
#include <asm/hvcall.h>
#include <asm/page.h>
#include <asm/reg.h>
#include <asm/setup.h>

phys_addr_t initrd_start_phys;
phys_addr_t initrd_size;

extern char _stext[], _end[];

/* powerpc64_start_kernel() - first C code, in real mode on the boot stack. */
__noreturn void powerpc64_start_kernel(phys_addr_t fdt_pa);
__noreturn void powerpc64_start_kernel(phys_addr_t fdt_pa)
{
	struct cpu_info *ci = &cpu_infos[0];

	ci->self = ci;
	ci->cpu = 0;
	__asm__ __volatile__("mr 13, %0" :: "r"(ci));
	mtspr(SPRN_SPRG1, ci);		/* for the entry from user mode (entry.S) */
	/* Interrupts arrive in the kernel's byte order (LPCR[ILE]). */
	plpar_hcall_norets(H_SET_MODE, H_SET_MODE_ENDIAN_LITTLE, H_SET_MODE_RESOURCE_LE, 0, 0);
	pseries_dt_early_scan(__va(fdt_pa));
	hvc_console_init();
	start_kernel();
}

void __init setup_arch(void)
{
	long rc;

	pr_info("powerpc64: pseries, device tree at %#lx\n",
		initial_boot_params ? __pa(initial_boot_params) : 0);
	pseries_dt_scan(initial_boot_params);
	memblock_reserve(__pa(_stext), (unsigned long)_end - (unsigned long)_stext);
	if (initrd_size)
		memblock_reserve(initrd_start_phys, initrd_size);
	paging_init();
	rc = plpar_hcall_norets(H_SET_MODE, H_SET_MODE_AIL_C000_0000_0000_4000,
				H_SET_MODE_RESOURCE_ADDR_TRANS_MODE, 0, 0);
	if (rc != H_SUCCESS)
		panic("H_SET_MODE (AIL 3) failed: %ld", rc);
}
