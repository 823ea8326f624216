// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hardware discovery from the flattened device tree that QEMU passes in
 * r3: RAM and /chosen (command line, initrd) through drivers/of/fdt.c, the
 * time base frequency, the hypervisor console (/vdevice, "hvterm1") and
 * its interrupt, the RTAS tokens (/rtas) of the functions we call, and
 * the CPUs (kernel/smp.c).
 * Runs before any allocator.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/libfdt.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/smp.h>

struct pseries_platform pseries_platform;
const void *initial_boot_params;

/* QEMU's first spapr-vty, used when the tree names none. */
#define SPAPR_VTY0 0x71000000

/* The console: the first /vdevice node compatible with "hvterm1". */
void __init pseries_dt_early_scan(const void *fdt)
{
	struct pseries_platform *p = &pseries_platform;
	int node;
	u32 reg, irq;

	p->vterm = SPAPR_VTY0;
	if (fdt_check_header(fdt))
		return;
	initial_boot_params = fdt;
	node = fdt_node_offset_by_compatible(fdt, -1, "hvterm1");
	if (node >= 0 && !fdt_getprop_u32(fdt, node, "reg", 0, &reg))
		p->vterm = reg;
	if (node >= 0 && !fdt_getprop_u32(fdt, node, "interrupts", 0, &irq))
		p->vterm_irq = irq;
}

static u32 __init rtas_token(const void *fdt, int rtas, const char *name)
{
	u32 token;

	return rtas >= 0 && !fdt_getprop_u32(fdt, rtas, name, 0, &token) ? token : 0;
}

static void __init scan_devices(const void *fdt)
{
	struct pseries_platform *p = &pseries_platform;
	int depth = 0, rtas = fdt_path_offset(fdt, "/rtas");
	u32 tb;

	/* The first CPU node's time base frequency. */
	for (int node = fdt_next_node(fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		if (type && !strcmp(type, "cpu") &&
		    !fdt_getprop_u32(fdt, node, "timebase-frequency", 0, &tb)) {
			p->timebase_hz = tb;
			break;
		}
	}
	if (!p->timebase_hz)
		panic("DT: no cpu timebase-frequency");
	p->rtas_power_off = rtas_token(fdt, rtas, "power-off");
	p->rtas_get_time_of_day = rtas_token(fdt, rtas, "get-time-of-day");
	p->rtas_set_xive = rtas_token(fdt, rtas, "ibm,set-xive");
	p->rtas_int_off = rtas_token(fdt, rtas, "ibm,int-off");
	p->rtas_int_on = rtas_token(fdt, rtas, "ibm,int-on");
	p->rtas_start_cpu = rtas_token(fdt, rtas, "start-cpu");
	p->rtas_read_pci_config = rtas_token(fdt, rtas, "ibm,read-pci-config");
	p->rtas_write_pci_config = rtas_token(fdt, rtas, "ibm,write-pci-config");
	pr_info("DT: timebase %llu Hz, hvterm1 %#x irq %u, RTAS power-off token %u\n",
		(unsigned long long)p->timebase_hz, p->vterm, p->vterm_irq, p->rtas_power_off);
}

void __init pseries_dt_scan(const void *fdt)
{
	if (!fdt)
		panic("no valid device tree from QEMU");
	early_init_dt_scan_chosen(fdt);
	early_init_dt_scan_memory(fdt);
	scan_devices(fdt);
	powerpc_dt_scan_cpus(fdt);
	memblock_reserve(__pa(fdt), fdt_totalsize(fdt));
}
