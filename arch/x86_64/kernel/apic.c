// SPDX-License-Identifier: GPL-2.0-only
/*
 * The local APICs. The boot CPU's is in the "virtual wire" mode the PC
 * keeps for the 8259: LINT0 passes the 8259's interrupts through (ExtINT,
 * which the 8259 acknowledges itself) and LINT1 is NMI. Enabling it lets
 * the I/O APIC deliver the PCI interrupt lines (io_apic.c) as ordinary
 * vectors, each acknowledged by a write to the EOI register. The other
 * CPUs' have LINT0 masked (the 8259 talks to the boot CPU only). Every
 * CPU sees its own local APIC at the same physical address, so one
 * mapping serves all; the interrupt command register (ICR) sends IPIs.
 */
#define pr_fmt(fmt) "apic: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/irqflags.h>
#include <asm/apic.h>
#include <asm/processor.h>

#define MSR_IA32_APICBASE	0x1b
#define  APICBASE_ENABLE	(1UL << 11)
#define APIC_ID		0x20
#define APIC_TASKPRI	0x80
#define APIC_EOI	0xb0
#define APIC_SPIV	0xf0
#define  APIC_SPIV_ENABLE	(1U << 8)
#define APIC_ICR	0x300
#define  APIC_ICR_BUSY		(1U << 12)
#define APIC_ICR2	0x310
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define  APIC_DM_NMI	0x400
#define  APIC_DM_EXTINT	0x700
#define  APIC_LVT_MASKED	(1U << 16)

static void __iomem *lapic;

u32 lapic_id(void)
{
	return lapic ? readl(lapic + APIC_ID) >> 24 : 0;
}

void lapic_eoi(void)
{
	writel(0, lapic + APIC_EOI);
}

int lapic_send_icr(u32 apicid, u32 icr)
{
	unsigned long flags;
	int us;

	local_irq_save(flags);	/* an IPI sent from an interrupt would split the pair */
	writel(apicid << 24, lapic + APIC_ICR2);
	writel(icr, lapic + APIC_ICR);
	for (us = 0; us < 1000 && (readl(lapic + APIC_ICR) & APIC_ICR_BUSY); us++)
		udelay(1);
	local_irq_restore(flags);
	return us < 1000 ? 0 : -EIO;
}

/* Program this CPU's LINT pins and software-enable its local APIC. */
static void lapic_setup(u32 lvt0)
{
	writel(lvt0, lapic + APIC_LVT0);
	writel(APIC_DM_NMI, lapic + APIC_LVT1);
	writel(0, lapic + APIC_TASKPRI);
	writel(APIC_SPIV_ENABLE | SPURIOUS_APIC_VECTOR, lapic + APIC_SPIV);
}

void lapic_setup_ap(void)
{
	lapic_setup(APIC_LVT_MASKED);
}

int __init lapic_init(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	if (lapic)
		return 0;
	if (!(base & APICBASE_ENABLE))
		return -ENODEV;
	lapic = ioremap(base & ~0xfffUL, 0x1000);
	if (!lapic)
		return -ENOMEM;
	lapic_setup(APIC_DM_EXTINT);
	pr_info("local APIC %u at %#llx, virtual wire mode\n", lapic_id(),
		(unsigned long long)(base & ~0xfffUL));
	return 0;
}
