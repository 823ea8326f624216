// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 boot: from the PVH entry (boot/head.S) to start_kernel(). Reads
 * QEMU's hvm_start_info for the command line, the e820 memory map, the
 * initrd module and the ACPI RSDP, registers RAM with memblock and lists
 * the CPUs.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/percpu.h>
#include <linux/serial_8250.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>

#define HVM_START_MAGIC 0x336ec578
#define E820_RAM 1

struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;	/* version >= 1 */
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};

phys_addr_t initrd_start_phys;
phys_addr_t initrd_size;
u64 pvh_rsdp_paddr;
static u32 start_info_pa;

extern char _stext[], _end[];

/*
 * x86_64_start_kernel() - first C code, on the boot stack with the early
 * page tables (first GiB mapped). Sets up this CPU's cpu_info and the
 * serial console, then enters generic code.
 */
__noreturn void x86_64_start_kernel(u32 info_pa);
__noreturn void x86_64_start_kernel(u32 info_pa)
{
	struct cpu_info *ci = &cpu_infos[0];

	ci->self = ci;
	ci->cpu = 0;
	wrmsr(MSR_GS_BASE, (u64)ci);
	start_info_pa = info_pa;
	serial8250_set_irq(serial8250_early_init(0x3f8, UPIO_PORT, 0), 4);	/* COM1, IRQ 4 */
	start_kernel();
}

static void __init parse_start_info(void)
{
	const struct hvm_start_info *si = __va(start_info_pa);
	const struct hvm_memmap_entry *map;

	if (!start_info_pa || si->magic != HVM_START_MAGIC)
		panic("PVH start info missing (magic %#x)", start_info_pa ? si->magic : 0);
	if (si->cmdline_paddr)
		strscpy(boot_command_line, __va(si->cmdline_paddr), COMMAND_LINE_SIZE);
	pvh_rsdp_paddr = si->rsdp_paddr;
	if (si->version < 1 || !si->memmap_entries)
		panic("PVH start info has no memory map");

	map = __va(si->memmap_paddr);
	for (u32 i = 0; i < si->memmap_entries; i++) {
		pr_info("e820: [mem 0x%016llx-0x%016llx] %s\n",
			(unsigned long long)map[i].addr,
			(unsigned long long)(map[i].addr + map[i].size - 1),
			map[i].type == E820_RAM ? "usable" : "reserved");
		if (map[i].type == E820_RAM)
			memblock_add(map[i].addr, map[i].size);
	}
	if (si->nr_modules) {
		const struct hvm_modlist_entry *mod = __va(si->modlist_paddr);

		initrd_start_phys = mod->paddr;
		initrd_size = mod->size;
	}
}

void __init setup_arch(void)
{
	parse_start_info();
	/* Low memory holds firmware data; the image and initrd are in use. */
	memblock_reserve(0, 0x100000);
	memblock_reserve(__pa(_stext), (unsigned long)_end - (unsigned long)_stext);
	if (initrd_size)
		memblock_reserve(initrd_start_phys, initrd_size);
	paging_init();
	smp_scan_cpus();
}
