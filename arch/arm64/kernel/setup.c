// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 boot: from the Image entry (head.S) to start_kernel(). Everything
 * about the machine comes from the flattened device tree whose physical
 * address QEMU passed in x0: RAM ("memory" nodes), the command line and
 * initrd (/chosen), the console (stdout-path, or the first arm,pl011), the
 * GICv2, the generic timer's interrupt, the PSCI conduit, the CPUs
 * (smp.c), and the virtio-mmio slots (recorded in arm64_board for drivers
 * to come).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/libfdt.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/serial_pl011.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>

phys_addr_t initrd_start_phys;
phys_addr_t initrd_size;
struct arm64_board arm64_board = { .psci_use_hvc = -1 };

static phys_addr_t fdt_pa;
static const void *fdt;
const void *initial_boot_params;	/* fdt, for drivers (<linux/of_fdt.h>) */

extern char _head[], _end[];

/* Region @index of node @off, or a zero-size region. */
static struct arm64_mmio fdt_mmio(int off, int index)
{
	struct arm64_mmio m = { 0, 0 };
	u64 base, size;

	if (off >= 0 && !fdt_get_reg(fdt, off, index, &base, &size)) {
		m.base = base;
		m.size = size;
	}
	return m;
}

/* A GIC INTID from an "interrupts" triple (type: 0 SPI, 1 PPI; number). */
static unsigned int fdt_gic_irq(int off, int index)
{
	u32 type, num;

	if (fdt_getprop_u32(fdt, off, "interrupts", 3 * index, &type) ||
	    fdt_getprop_u32(fdt, off, "interrupts", 3 * index + 1, &num))
		return 0;
	return type == 1 ? 16 + num : 32 + num;
}

/* The console node: /chosen's stdout-path if it names a PL011, else the first. */
static int find_console(void)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len, off;
	const char *path;
	char buf[64];

	path = chosen >= 0 ? fdt_getprop(fdt, chosen, "stdout-path", &len) : NULL;
	if (path && len > 1 && path[0] == '/') {
		size_t n = strcspn(path, ":");

		if (n < sizeof(buf)) {
			memcpy(buf, path, n);
			buf[n] = '\0';
			off = fdt_path_offset(fdt, buf);
			if (off >= 0 && !fdt_node_check_compatible(fdt, off, "arm,pl011"))
				return off;
		}
	}
	return fdt_node_offset_by_compatible(fdt, -1, "arm,pl011");
}

/*
 * arm64_start_kernel() - first C code, on the boot stack with the early
 * page tables (image, and physical 0-4 GiB at PAGE_OFFSET). Sets up this
 * CPU's cpu_info and the console, then enters generic code.
 */
__noreturn void arm64_start_kernel(phys_addr_t dtb_pa);
__noreturn void arm64_start_kernel(phys_addr_t dtb_pa)
{
	struct cpu_info *ci = &cpu_infos[0];
	int uart;

	ci->self = ci;
	ci->cpu = 0;
	write_sysreg(ci, tpidr_el1);
	fdt_pa = dtb_pa;
	fdt = __va(dtb_pa);
	if (dtb_pa && dtb_pa < (4UL << 30) && !fdt_check_header(fdt)) {
		uart = find_console();
		arm64_board.uart = fdt_mmio(uart, 0);
		arm64_board.uart_irq = uart >= 0 ? fdt_gic_irq(uart, 0) : 0;
		if (arm64_board.uart.size && arm64_board.uart.base < (1UL << 30))
			pl011_early_init((unsigned long)__va(arm64_board.uart.base))->irq =
				arm64_board.uart_irq;
	} else {
		fdt = NULL;
	}
	start_kernel();
}

static void __init parse_memory(void)
{
	int off;

	for (off = fdt_next_node(fdt, -1, NULL); off >= 0; off = fdt_next_node(fdt, off, NULL)) {
		const char *type = fdt_getprop(fdt, off, "device_type", NULL);
		u64 base, size;

		if (!type || strcmp(type, "memory"))
			continue;
		for (int i = 0; !fdt_get_reg(fdt, off, i, &base, &size); i++) {
			if (!size)
				continue;
			pr_info("fdt: memory [mem 0x%016llx-0x%016llx]\n",
				(unsigned long long)base, (unsigned long long)(base + size - 1));
			memblock_add(base, size);
		}
	}
}

static void __init parse_chosen(void)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len;
	const char *args;
	u32 lo, hi;
	u64 start = 0, end = 0;

	if (chosen < 0)
		return;
	args = fdt_getprop(fdt, chosen, "bootargs", &len);
	if (args && len > 0)
		strscpy(boot_command_line, args, COMMAND_LINE_SIZE);
	/* linux,initrd-start/end: one or two cells each. */
	if (!fdt_getprop_u32(fdt, chosen, "linux,initrd-start", 0, &hi)) {
		fdt_getprop(fdt, chosen, "linux,initrd-start", &len);
		start = hi;
		if (len == 8 && !fdt_getprop_u32(fdt, chosen, "linux,initrd-start", 1, &lo))
			start = ((u64)hi << 32) | lo;
	}
	if (!fdt_getprop_u32(fdt, chosen, "linux,initrd-end", 0, &hi)) {
		fdt_getprop(fdt, chosen, "linux,initrd-end", &len);
		end = hi;
		if (len == 8 && !fdt_getprop_u32(fdt, chosen, "linux,initrd-end", 1, &lo))
			end = ((u64)hi << 32) | lo;
	}
	if (end > start) {
		initrd_start_phys = start;
		initrd_size = end - start;
	}
}

static void __init parse_devices(void)
{
	int off, psci;
	const char *method;

	off = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");
	if (off < 0)
		off = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-400");
	arm64_board.gicd = fdt_mmio(off, 0);
	arm64_board.gicc = fdt_mmio(off, 1);

	off = fdt_node_offset_by_compatible(fdt, -1, "arm,pl031");
	arm64_board.rtc = fdt_mmio(off, 0);

	/* Timer interrupts: secure phys, non-secure phys, virtual, hyp. */
	off = fdt_node_offset_by_compatible(fdt, -1, "arm,armv8-timer");
	arm64_board.timer_irq = off >= 0 ? fdt_gic_irq(off, 2) : 27;

	psci = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-1.0");
	if (psci < 0)
		psci = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-0.2");
	method = psci >= 0 ? fdt_getprop(fdt, psci, "method", NULL) : NULL;
	if (method)
		arm64_board.psci_use_hvc = !strcmp(method, "hvc");

	for (off = fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio");
	     off >= 0 && arm64_board.nr_virtio < ARM64_MAX_VIRTIO_MMIO;
	     off = fdt_node_offset_by_compatible(fdt, off, "virtio,mmio")) {
		arm64_board.virtio[arm64_board.nr_virtio] = fdt_mmio(off, 0);
		arm64_board.virtio_irq[arm64_board.nr_virtio] = fdt_gic_irq(off, 0);
		arm64_board.nr_virtio++;
	}
	pr_info("fdt: pl011 at %#llx (IRQ %u), GICv2 at %#llx/%#llx, timer IRQ %u, %u virtio-mmio slots, PSCI %s\n",
		(unsigned long long)arm64_board.uart.base, arm64_board.uart_irq,
		(unsigned long long)arm64_board.gicd.base, (unsigned long long)arm64_board.gicc.base,
		arm64_board.timer_irq, arm64_board.nr_virtio,
		arm64_board.psci_use_hvc < 0 ? "none" : arm64_board.psci_use_hvc ? "hvc" : "smc");
}

void __init setup_arch(void)
{
	if (!fdt)
		panic("no valid device tree at x0 (%#llx)", (unsigned long long)fdt_pa);
	initial_boot_params = fdt;
	pr_info("fdt: device tree at %#llx, %u bytes\n", (unsigned long long)fdt_pa,
		fdt_totalsize(fdt));
	parse_memory();
	parse_chosen();
	parse_devices();
	arm64_dt_scan_cpus(fdt);
	/* The image (with .bss), the device tree and the initrd are in use. */
	memblock_reserve(__pa(_head), (unsigned long)_end - (unsigned long)_head);
	memblock_reserve(fdt_pa & PAGE_MASK, PAGE_ALIGN((fdt_pa & ~PAGE_MASK) + fdt_totalsize(fdt)));
	if (initrd_size)
		memblock_reserve(initrd_start_phys, initrd_size);
	paging_init();
}
