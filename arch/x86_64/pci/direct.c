// SPDX-License-Identifier: GPL-2.0-only
/*
 * The PC's PCI host bridge through configuration mechanism #1: write
 * bus/devfn/register to the 0xCF8 address port, then access 0xCFC-0xCFF.
 * This reaches the 256-byte header of every function, which is all
 * Ferrite uses, and needs neither ACPI (the MCFG table that locates the
 * q35 ECAM window) nor knowledge of where the firmware put that window.
 *
 * SeaBIOS has already numbered the buses, assigned every BAR and opened
 * the bridge windows, so the core keeps its addresses (bus addresses are
 * CPU addresses on the PC).
 *
 * INTx routing on QEMU's q35 (Intel ICH9): a root-bus slot's pin reaches
 * one of the chipset's PIRQ lines, and PIRQ A-H are I/O APIC pins 16-23
 * (io_apic.c). For slots 0-24 QEMU's default wiring is PIRQ E-H by
 * (slot + pin) mod 4, what its ACPI _PRT tells Linux; slots 25-31 hold
 * the chipset's own functions with per-slot registers, not routed here.
 */
#define pr_fmt(fmt) "pci: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <asm/io.h>

#define PCI_CONF1_ADDRESS	0xcf8
#define PCI_CONF1_DATA		0xcfc
#define Q35_MCH_VENDOR		0x8086
#define Q35_MCH_DEVICE		0x29c0
#define ICH9_FIRST_ROUTED_PIRQ	4	/* PIRQ E */
#define ICH9_PIRQ_GSI_BASE	16	/* PIRQ A is GSI 16 */

static void conf1_select(struct pci_bus *bus, unsigned int devfn, int where)
{
	outl(0x80000000U | bus->number << 16 | devfn << 8 | (where & 0xfc), PCI_CONF1_ADDRESS);
}

static int conf1_read(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val)
{
	u16 port = PCI_CONF1_DATA + (where & 3);

	conf1_select(bus, devfn, where);
	*val = size == 1 ? inb(port) : size == 2 ? inw(port) : inl(port);
	return PCIBIOS_SUCCESSFUL;
}

static int conf1_write(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val)
{
	u16 port = PCI_CONF1_DATA + (where & 3);

	conf1_select(bus, devfn, where);
	if (size == 1)
		outb(val, port);
	else if (size == 2)
		outw(val, port);
	else
		outl(val, port);
	return PCIBIOS_SUCCESSFUL;
}

static struct pci_ops conf1_ops = { .read = conf1_read, .write = conf1_write };

static int q35_map_irq(const struct pci_dev *dev, u8 slot, u8 pin)
{
	if (slot >= 25)
		return 0;
	return ICH9_PIRQ_GSI_BASE + ICH9_FIRST_ROUTED_PIRQ + (slot + pin - 1) % 4;
}

static struct pci_host_bridge pc_host = {
	.ops = &conf1_ops,
	.busnr_start = 0,
	.busnr_end = 255,
};

static int __init pci_direct_init(void)
{
	struct pci_bus probe_bus = { .host = &pc_host, .number = 0 };
	u16 vendor, device;

	pci_bus_read_config_word(&probe_bus, 0, PCI_VENDOR_ID, &vendor);
	pci_bus_read_config_word(&probe_bus, 0, PCI_DEVICE_ID, &device);
	if (vendor == 0xffff) {
		pr_info("no host bridge answers at 0xcf8\n");
		return 0;
	}
	if (vendor == Q35_MCH_VENDOR && device == Q35_MCH_DEVICE)
		pc_host.map_irq = q35_map_irq;
	else
		pr_warn("host bridge %04x:%04x is not q35: INTx not routed\n", vendor, device);
	return pci_host_probe(&pc_host);
}
subsys_initcall(pci_direct_init);
