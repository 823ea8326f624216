// SPDX-License-Identifier: GPL-2.0-only
/*
 * The I/O APIC: IRQs 16-23 are its pins 16-23, where QEMU's q35 chipset
 * wires PCI interrupts (PIRQA-H; see arch/x86_64/pci/irq.c). The ISA
 * lines 0-15 stay on the 8259 (i8259.c) as before; Linux switches those
 * to the I/O APIC too, which Ferrite does not need yet. Each pin is
 * programmed level-triggered, active high (what QEMU's firmware tables
 * declare for these GSIs), fixed delivery to the boot CPU, vector
 * IRQ_VECTOR_BASE + irq, and masked until request_irq() unmasks it.
 */
#define pr_fmt(fmt) "ioapic: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <asm/apic.h>
#include <asm/traps.h>

#define IO_APIC_BASE	0xfec00000UL	/* the PC's fixed address */
#define IO_APIC_SEL	0x00
#define IO_APIC_WIN	0x10
#define IO_APIC_VER	0x01
#define IO_APIC_REDTBL(pin)	(0x10 + 2 * (pin))
#define  IO_APIC_LEVEL		(1U << 15)
#define  IO_APIC_MASKED		(1U << 16)

static void __iomem *ioapic;
static unsigned int ioapic_pins;
static DEFINE_SPINLOCK(ioapic_lock);

static u32 io_apic_read(unsigned int reg)
{
	writel(reg, ioapic + IO_APIC_SEL);
	return readl(ioapic + IO_APIC_WIN);
}

static void io_apic_write(unsigned int reg, u32 val)
{
	writel(reg, ioapic + IO_APIC_SEL);
	writel(val, ioapic + IO_APIC_WIN);
}

static void io_apic_set_masked(unsigned int irq, bool masked)
{
	unsigned long flags;

	if (!ioapic || irq < IO_APIC_FIRST_IRQ || irq >= ioapic_pins)
		return;
	spin_lock_irqsave(&ioapic_lock, flags);
	io_apic_write(IO_APIC_REDTBL(irq), (IRQ_VECTOR_BASE + irq) | IO_APIC_LEVEL |
		      (masked ? IO_APIC_MASKED : 0));
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

void io_apic_unmask(unsigned int irq)
{
	io_apic_set_masked(irq, false);
}

void io_apic_mask(unsigned int irq)
{
	io_apic_set_masked(irq, true);
}

static int __init io_apic_init(void)
{
	int err = lapic_init();

	if (err) {
		pr_warn("no local APIC (%d): PCI interrupts unavailable\n", err);
		return 0;
	}
	ioapic = ioremap(IO_APIC_BASE, 0x20);
	if (!ioapic)
		return -ENOMEM;
	ioapic_pins = min(((io_apic_read(IO_APIC_VER) >> 16) & 0xff) + 1, (u32)NR_IRQS);
	for (unsigned int pin = IO_APIC_FIRST_IRQ; pin < ioapic_pins; pin++) {
		io_apic_write(IO_APIC_REDTBL(pin) + 1, lapic_id() << 24);
		io_apic_mask(pin);
	}
	pr_info("I/O APIC at %#lx, %u pins, IRQs %u-%u routed\n", IO_APIC_BASE, ioapic_pins,
		IO_APIC_FIRST_IRQ, ioapic_pins - 1);
	return 0;
}
arch_initcall(io_apic_init);
