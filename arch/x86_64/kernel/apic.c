// SPDX-License-Identifier: GPL-2.0-only
/*
 * The boot CPU's local APIC, in the "virtual wire" mode the PC keeps for
 * the 8259: LINT0 passes the 8259's interrupts through (ExtINT, which the
 * 8259 acknowledges itself) and LINT1 is NMI. Enabling it lets the
 * I/O APIC deliver the PCI interrupt lines (io_apic.c) as ordinary
 * vectors, each acknowledged by a write to the EOI register.
 */
#define pr_fmt(fmt) "apic: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <asm/apic.h>
#include <asm/processor.h>

#define MSR_IA32_APICBASE	0x1b
#define  APICBASE_ENABLE	(1UL << 11)
#define APIC_ID		0x20
#define APIC_TASKPRI	0x80
#define APIC_EOI	0xb0
#define APIC_SPIV	0xf0
#define  APIC_SPIV_ENABLE	(1U << 8)
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define  APIC_DM_NMI	0x400
#define  APIC_DM_EXTINT	0x700

static void __iomem *lapic;

u32 lapic_id(void)
{
	return lapic ? readl(lapic + APIC_ID) >> 24 : 0;
}

void lapic_eoi(void)
{
	writel(0, lapic + APIC_EOI);
}

int __init lapic_init(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	if (!(base & APICBASE_ENABLE))
		return -ENODEV;
	lapic = ioremap(base & ~0xfffUL, 0x1000);
	if (!lapic)
		return -ENOMEM;
	writel(APIC_DM_EXTINT, lapic + APIC_LVT0);
	writel(APIC_DM_NMI, lapic + APIC_LVT1);
	writel(0, lapic + APIC_TASKPRI);
	writel(APIC_SPIV_ENABLE | SPURIOUS_APIC_VECTOR, lapic + APIC_SPIV);
	pr_info("local APIC %u at %#llx, virtual wire mode\n", lapic_id(),
		(unsigned long long)(base & ~0xfffUL));
	return 0;
}
