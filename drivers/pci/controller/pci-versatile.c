// SPDX-License-Identifier: GPL-2.0-only
/*
 * The PCI host of ARM's Versatile Platform Baseboard (QEMU "versatilepb").
 * The board has no device tree, so its fixed map is written here:
 *
 *   0x10001000  controller registers: IMAP0-2 choose which 256 MiB of PCI
 *               memory space each CPU memory window shows (the top four
 *               bits of the PCI address), SMAP0-2 where RAM appears to
 *               PCI masters
 *   0x10003000  the secondary interrupt controller (SIC), through which
 *               the four PCI lines reach the PL190 VIC
 *   0x42000000  configuration space: bus b, devfn f, register r at
 *               base + (b << 16 | f << 8 | r), 256 bytes per function
 *   0x43000000  PCI I/O space from bus address 0
 *   0x50000000  memory window 1 (256 MiB), which IMAP1 = 5 makes show the
 *               same PCI addresses (no offset)
 *
 * No firmware configures PCI here, so the core numbers buses and assigns
 * every BAR (drivers/pci/probe.c). Root-bus slots 11-31 exist; the
 * controller's own function (Xilinx 10ee:0300) is one of them.
 *
 * INTx: the board wires root-bus slot s, pin p (1-4) to PCI line
 * (s + p + 1) % 4 (its connector is one pin round from the FPGA's
 * inputs), and PCI lines 0-3 to SIC inputs 27-30. The SIC passes inputs
 * 21-30 straight to the same VIC lines once their PICENABLE bits are set,
 * so Ferrite's IRQ numbers for PCI are VIC lines 27-30.
 *
 * DMA: RAM is at PCI address 0 (SMAP = 0), so a bus address is the
 * physical address, as kernel/dma/mapping.c hands out.
 *
 * The same kernel boots realview-eb-mpcore, whose PCI host is elsewhere:
 * the host is probed only where the board (<asm/mach.h>) has this one.
 */
#define pr_fmt(fmt) "pci-versatile: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <asm/mach.h>

#define VP_PCI_REGS		0x10001000
#define  VP_PCI_IMAP(n)		(0x00 + 4 * (n))
#define  VP_PCI_SMAP(n)		(0x14 + 4 * (n))
#define VP_SIC_BASE		0x10003000
#define  VP_SIC_PICENSET	0x20
#define VP_PCI_CFG_BASE		0x42000000
#define VP_PCI_IO_BASE		0x43000000
#define VP_PCI_MEM_BASE		0x50000000
#define VP_PCI_MEM_SIZE		0x10000000
#define VP_PCI_IRQ_BASE		27	/* SIC input and VIC line of PCI line 0 */

#define VP_MAX_BUSES		16	/* configuration space mapped: 64 KiB each */
#define VP_IO_BUS_START		0x1000	/* below: legacy ports, and QEMU ignores BAR 0 */
#define VP_IO_BUS_END		0xffff

static void __iomem *vp_cfg;

static void __iomem *vp_cfg_addr(struct pci_bus *bus, unsigned int devfn, int where)
{
	if (bus->number >= VP_MAX_BUSES)
		return NULL;
	return vp_cfg + (bus->number << 16 | devfn << 8 | where);
}

static struct pci_ops vp_pci_ops = {
	.read = pci_generic_config_read,
	.write = pci_generic_config_write,
	.map_bus = vp_cfg_addr,
};

static int vp_map_irq(const struct pci_dev *dev, u8 slot, u8 pin)
{
	return VP_PCI_IRQ_BASE + (slot + pin + 1) % 4;
}

/* Program the windows and the interrupt pass-through; 0 or -ENOMEM. */
static int __init vp_setup_board(void)
{
	void __iomem *regs = ioremap(VP_PCI_REGS, 0x20);
	void __iomem *sic = ioremap(VP_SIC_BASE, 0x30);
	int err = -ENOMEM;

	if (regs && sic) {
		for (int i = 0; i < 3; i++)
			writel(0, regs + VP_PCI_SMAP(i));
		writel(VP_PCI_MEM_BASE >> 28, regs + VP_PCI_IMAP(1));
		writel(0xfU << VP_PCI_IRQ_BASE, sic + VP_SIC_PICENSET);
		err = 0;
	}
	iounmap(sic);
	iounmap(regs);
	return err;
}

static int __init vp_pci_init(void)
{
	struct pci_host_bridge *host;
	int err;

	if (!machine_desc->versatile_pci)
		return 0;
	err = vp_setup_board();
	if (err)
		return err;
	vp_cfg = ioremap(VP_PCI_CFG_BASE, VP_MAX_BUSES << 16);
	host = kzalloc(sizeof(*host), GFP_KERNEL);
	if (!vp_cfg || !host) {
		err = -ENOMEM;
		goto fail;
	}
	/*
	 * QEMU guesses from the first PCI_INTERRUPT_LINE written whether the
	 * kernel expects its old, wrong INTx wiring; a value that no such
	 * kernel writes (to the empty slot 0) keeps the board's real wiring.
	 */
	writeb(0xff, vp_cfg + PCI_INTERRUPT_LINE);

	host->ops = &vp_pci_ops;
	host->busnr_start = 0;
	host->busnr_end = VP_MAX_BUSES - 1;
	host->mem.start = VP_PCI_MEM_BASE;
	host->mem.end = VP_PCI_MEM_BASE + VP_PCI_MEM_SIZE - 1;
	host->mem.flags = IORESOURCE_MEM;
	host->io.start = VP_PCI_IO_BASE + VP_IO_BUS_START;
	host->io.end = VP_PCI_IO_BASE + VP_IO_BUS_END;
	host->io.flags = IORESOURCE_IO;
	host->io_offset = VP_PCI_IO_BASE;
	host->assign_resources = true;
	host->map_irq = vp_map_irq;
	pr_info("config at %#x, mem %#x-%#x, io %#x-%#x, INTx on IRQ %d-%d\n",
		VP_PCI_CFG_BASE, VP_PCI_MEM_BASE, VP_PCI_MEM_BASE + VP_PCI_MEM_SIZE - 1,
		VP_PCI_IO_BASE + VP_IO_BUS_START, VP_PCI_IO_BASE + VP_IO_BUS_END,
		VP_PCI_IRQ_BASE, VP_PCI_IRQ_BASE + 3);
	err = pci_host_probe(host);
	if (!err)
		return 0;
fail:
	pr_warn("host bridge: error %d\n", err);
	kfree(host);
	iounmap(vp_cfg);
	vp_cfg = NULL;
	return err;
}
subsys_initcall(vp_pci_init);
