// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 boot: from the entry (boot/head.S) to start_kernel(). Points tp
 * at this CPU's cpu_info, installs the trap vector, starts the console
 * found in the device tree, and in setup_arch() registers RAM and builds
 * the final page tables.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/percpu.h>
#include <linux/serial_8250.h>
#include <linux/start_kernel.h>
#include <asm/csr.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/traps.h>

phys_addr_t initrd_start_phys;
phys_addr_t initrd_size;
static unsigned long boot_hartid;

extern char _stext[], _end[];

/*
 * riscv64_start_kernel() - first C code, on the boot stack with the early
 * page tables (1 GiB pages: the image, the first 16 GiB of physical memory
 * at PAGE_OFFSET, the IO window).
 */
__noreturn void riscv64_start_kernel(unsigned long hartid, phys_addr_t dtb_pa);
__noreturn void riscv64_start_kernel(unsigned long hartid, phys_addr_t dtb_pa)
{
	struct cpu_info *ci = &cpu_infos[0];

	ci->self = ci;
	ci->cpu = 0;
	__asm__ __volatile__("mv tp, %0" :: "r"(ci));
	csr_write(sscratch, 0);
	csr_write(stvec, (unsigned long)handle_exception);
	boot_hartid = hartid;
	riscv_dt_early_scan(__va(dtb_pa));
	/* The PLIC line lets the port become the console tty (/dev/ttyS0) later. */
	serial8250_set_irq(serial8250_early_init(ioremap_window(riscv_platform.uart.base),
						 UPIO_MEM, riscv_platform.uart_regshift),
			   riscv_platform.uart.irq);
	start_kernel();
}

void __init setup_arch(void)
{
	pr_info("riscv64: boot hart %lu, device tree at %#lx\n", boot_hartid,
		initial_boot_params ? __pa(initial_boot_params) : 0);
	riscv_dt_scan(initial_boot_params, boot_hartid);
	riscv_dt_scan_cpus(initial_boot_params, boot_hartid);
	/* The firmware lives below the image; the image and initrd are in use. */
	memblock_reserve(KERNEL_PHYS_BASE, KERNEL_PHYS_START - KERNEL_PHYS_BASE);
	memblock_reserve(__pa(_stext), (unsigned long)_end - (unsigned long)_stext);
	if (initrd_size)
		memblock_reserve(initrd_start_phys, initrd_size);
	paging_init();
}
