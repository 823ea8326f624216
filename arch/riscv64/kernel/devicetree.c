// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hardware discovery from the flattened device tree that QEMU (through
 * OpenSBI) passes in a1: RAM and reserved ranges for memblock, the command
 * line and initrd from /chosen, and the devices riscv64 needs (the
 * console UART, the PLIC and the boot hart's context on it, the timebase
 * frequency, the SiFive test device) plus the virtio-mmio slots, recorded
 * in riscv_platform for drivers to come. Runs before any allocator.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/libfdt.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/setup.h>

struct riscv_platform riscv_platform;
const void *initial_boot_params;

/* QEMU virt's addresses, used when the tree lacks a node. */
#define VIRT_UART0 0x10000000UL
#define VIRT_TEST 0x100000UL

/* The first node compatible with compat that has a reg; dev filled. */
static int __init find_device(const void *fdt, const char *compat, struct riscv_dt_device *dev)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, compat);
	u64 base, size;
	u32 irq;

	if (node < 0 || fdt_get_reg(fdt, node, 0, &base, &size))
		return -ENOENT;
	dev->base = base;
	dev->size = size;
	dev->irq = fdt_getprop_u32(fdt, node, "interrupts", 0, &irq) ? 0 : irq;
	return node;
}

/* The console: /chosen stdout-path if it names a node, else any ns16550a. */
void __init riscv_dt_early_scan(const void *fdt)
{
	struct riscv_platform *p = &riscv_platform;
	int node = -ENOENT;
	u32 shift;

	p->uart.base = VIRT_UART0;
	p->uart.size = 0x100;
	if (fdt_check_header(fdt))
		return;
	initial_boot_params = fdt;
	node = fdt_path_offset(fdt, "/chosen");
	if (node >= 0) {
		const char *path = fdt_getprop(fdt, node, "stdout-path", NULL);
		char buf[64];

		node = -ENOENT;
		if (path) {
			strscpy(buf, path, sizeof(buf));
			buf[strcspn(buf, ":")] = '\0';	/* drop ":115200n8" options */
			node = fdt_path_offset(fdt, buf);
		}
	}
	if (node < 0 || fdt_node_check_compatible(fdt, node, "ns16550a"))
		node = fdt_node_offset_by_compatible(fdt, -1, "ns16550a");
	if (node >= 0) {
		u64 base, size;
		u32 irq;

		if (!fdt_get_reg(fdt, node, 0, &base, &size)) {
			p->uart.base = base;
			p->uart.size = size;
		}
		if (!fdt_getprop_u32(fdt, node, "interrupts", 0, &irq))
			p->uart.irq = irq;
		if (!fdt_getprop_u32(fdt, node, "reg-shift", 0, &shift))
			p->uart_regshift = shift;
	}
}

/* /reserved-memory children (OpenSBI describes its own RAM there). */
static void __init scan_reserved(const void *fdt)
{
	int parent = fdt_path_offset(fdt, "/reserved-memory");
	u64 base, size;

	if (parent < 0)
		return;
	for (int node = fdt_first_subnode(fdt, parent); node >= 0;
	     node = fdt_next_subnode(fdt, node)) {
		for (int i = 0; !fdt_get_reg(fdt, node, i, &base, &size); i++) {
			pr_info("DT: reserved [mem 0x%016llx-0x%016llx] %s\n",
				(unsigned long long)base, (unsigned long long)(base + size - 1),
				fdt_get_name(fdt, node, NULL));
			memblock_reserve(base, size);
		}
	}
}

/* The PLIC context whose interrupts-extended entry is S-mode external (9). */
/* The hart id of the cpu node whose interrupt controller has @phandle, or -1. */
static long __init hart_of_intc(const void *fdt, u32 phandle)
{
	int intc = fdt_node_offset_by_phandle(fdt, phandle);
	int cpu = intc >= 0 ? fdt_parent_offset(fdt, intc) : -1;
	u32 hartid;

	if (cpu < 0 || fdt_getprop_u32(fdt, cpu, "reg", 0, &hartid))
		return -1;
	return hartid;
}

static void __init scan_plic(const void *fdt, unsigned long boot_hartid)
{
	struct riscv_platform *p = &riscv_platform;
	int node, len;
	const u8 *ext;
	u32 ndev;

	node = find_device(fdt, "riscv,plic0", &p->plic);
	if (node < 0)
		node = find_device(fdt, "sifive,plic-1.0.0", &p->plic);
	if (node < 0)
		panic("DT: no PLIC (riscv,plic0) in the device tree");
	p->plic_ndev = fdt_getprop_u32(fdt, node, "riscv,ndev", 0, &ndev) ? 31 : ndev;
	ext = fdt_getprop(fdt, node, "interrupts-extended", &len);
	p->plic_context = 1;
	/*
	 * Pairs (hart interrupt controller phandle, line); harts' #interrupt-cells
	 * is 1. The context is the boot hart's S-mode one: only the boot CPU
	 * claims external interrupts, and the firmware may boot any hart.
	 */
	for (int i = 0; ext && (i + 1) * 8 <= len; i++) {
		u32 phandle = (u32)ext[i * 8] << 24 | (u32)ext[i * 8 + 1] << 16 |
			      (u32)ext[i * 8 + 2] << 8 | ext[i * 8 + 3];
		u32 line = (u32)ext[i * 8 + 4] << 24 | (u32)ext[i * 8 + 5] << 16 |
			   (u32)ext[i * 8 + 6] << 8 | ext[i * 8 + 7];

		if (line == IRQ_S_EXT && hart_of_intc(fdt, phandle) == (long)boot_hartid) {
			p->plic_context = i;
			break;
		}
	}
}

static void __init scan_devices(const void *fdt, unsigned long boot_hartid)
{
	struct riscv_platform *p = &riscv_platform;
	int cpus = fdt_path_offset(fdt, "/cpus");
	u32 tb;

	if (cpus >= 0 && !fdt_getprop_u32(fdt, cpus, "timebase-frequency", 0, &tb))
		p->timebase_hz = tb;
	if (!p->timebase_hz)
		panic("DT: no /cpus timebase-frequency");
	scan_plic(fdt, boot_hartid);
	if (find_device(fdt, "sifive,test0", &p->test) < 0) {
		p->test.base = VIRT_TEST;
		p->test.size = 0x1000;
	}
	for (int node = fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio");
	     node >= 0 && p->nr_virtio_mmio < RISCV_MAX_VIRTIO_MMIO;
	     node = fdt_node_offset_by_compatible(fdt, node, "virtio,mmio")) {
		struct riscv_dt_device *d = &p->virtio_mmio[p->nr_virtio_mmio];
		u64 base, size;
		u32 irq;

		if (fdt_get_reg(fdt, node, 0, &base, &size))
			continue;
		d->base = base;
		d->size = size;
		d->irq = fdt_getprop_u32(fdt, node, "interrupts", 0, &irq) ? 0 : irq;
		p->nr_virtio_mmio++;
	}
	pr_info("DT: timebase %llu Hz, uart %#lx irq %u, plic %#lx (%u lines, context %u), test %#lx\n",
		(unsigned long long)p->timebase_hz, p->uart.base, p->uart.irq, p->plic.base,
		p->plic_ndev, p->plic_context, p->test.base);
	pr_info("DT: %u virtio-mmio slots at %#lx..%#lx\n", p->nr_virtio_mmio,
		p->nr_virtio_mmio ? p->virtio_mmio[p->nr_virtio_mmio - 1].base : 0,
		p->nr_virtio_mmio ? p->virtio_mmio[0].base : 0);
}

void __init riscv_dt_scan(const void *fdt, unsigned long boot_hartid)
{
	if (!fdt)
		panic("no valid device tree from the firmware");
	early_init_dt_scan_chosen(fdt);
	early_init_dt_scan_memory(fdt);
	scan_reserved(fdt);
	scan_devices(fdt, boot_hartid);
	memblock_reserve(__pa(fdt), fdt_totalsize(fdt));
}
