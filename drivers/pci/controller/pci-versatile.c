// SPDX-License-Identifier: GPL-2.0-only
/*
 * The PCI host of ARM's Versatile boards, in its two forms: the Versatile
 * Platform Baseboard's (QEMU "versatilepb") and the RealView Emulation
 * Baseboard's (QEMU "realview_pci", on "realview-eb-mpcore"). The boards
 * have no device tree: each board's struct versatile_pci_data
 * (<asm/mach.h>, in its machine_desc) says where the windows are and how
 * the INTx lines arrive. The controller has:
 *
 *   registers   IMAP0-2 choose which PCI memory addresses each CPU memory
 *               window shows (versatilepb: the top four bits of the PCI
 *               address; RealView: the address itself, above the
 *               window's size), SMAP0-2 where RAM appears to PCI masters
 *   config      bus b, devfn f, register r at base + (b << 16 | f << 8 | r),
 *               256 bytes per function
 *   io          PCI I/O space from bus address 0
 *   mem         the memory window used, which its IMAP register makes
 *               show the same PCI addresses (no offset)
 *
 * No firmware configures PCI here, so the core numbers buses and assigns
 * every BAR (drivers/pci/probe.c). Root-bus slots 11-31 exist; the
 * controller's own function (Xilinx 10ee:0300) is one of them.
 *
 * INTx: the board wires root-bus slot s, pin p (1-4) to PCI line
 * (s + p + irq_rotate) % 4; the board's interrupt setup brings lines 0-3
 * to Linux IRQs irq..irq + 3 (versatilepb: the SIC's pass-through to the
 * VIC; realview: the baseboard's GIC, cascaded).
 *
 * DMA: RAM is at PCI address 0 (SMAP = 0), so a bus address is the
 * physical address, as kernel/dma/mapping.c hands out.
 */
#define pr_fmt(fmt) "pci-versatile: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <asm/mach.h>

#define VP_PCI_IMAP(n)		(0x00 + 4 * (n))
#define VP_PCI_SMAP(n)		(0x14 + 4 * (n))

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
	const struct versatile_pci_data *vp = machine_desc->pci;

	return vp->irq + (slot + pin + vp->irq_rotate) % 4;
}

/* Show RAM at PCI address 0 and the memory window at its own address; 0 or -ENOMEM. */
static int __init vp_setup_windows(const struct versatile_pci_data *vp)
{
	void __iomem *regs = ioremap(vp->regs, 0x20);

	if (!regs)
		return -ENOMEM;
	for (int i = 0; i < 3; i++)
		writel(0, regs + VP_PCI_SMAP(i));
	writel(vp->imap_val, regs + VP_PCI_IMAP(vp->imap));
	iounmap(regs);
	return 0;
}

static int __init vp_pci_init(void)
{
	const struct versatile_pci_data *vp = machine_desc->pci;
	struct pci_host_bridge *host;
	int err;

	if (!vp)
		return 0;
	err = vp_setup_windows(vp);
	if (err)
		return err;
	vp_cfg = ioremap(vp->config, VP_MAX_BUSES << 16);
	host = kzalloc(sizeof(*host), GFP_KERNEL);
	if (!vp_cfg || !host) {
		err = -ENOMEM;
		goto fail;
	}
	/*
	 * QEMU's versatilepb guesses from the first PCI_INTERRUPT_LINE
	 * written whether the kernel expects its old, wrong INTx wiring; a
	 * value that no such kernel writes (to the empty slot 0) keeps the
	 * board's real wiring. The RealView form guesses nothing.
	 */
	writeb(0xff, vp_cfg + PCI_INTERRUPT_LINE);

	host->ops = &vp_pci_ops;
	host->busnr_start = 0;
	host->busnr_end = VP_MAX_BUSES - 1;
	host->mem.start = vp->mem;
	host->mem.end = vp->mem + vp->mem_size - 1;
	host->mem.flags = IORESOURCE_MEM;
	host->io.start = vp->io + VP_IO_BUS_START;
	host->io.end = vp->io + VP_IO_BUS_END;
	host->io.flags = IORESOURCE_IO;
	host->io_offset = vp->io;
	host->assign_resources = true;
	host->map_irq = vp_map_irq;
	pr_info("config at %#llx, mem %#llx-%#llx, io %#llx-%#llx, INTx on IRQ %u-%u\n",
		(unsigned long long)vp->config, (unsigned long long)host->mem.start,
		(unsigned long long)host->mem.end, (unsigned long long)host->io.start,
		(unsigned long long)host->io.end, vp->irq, vp->irq + 3);
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
