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
 * Each secondary CPU runs its local APIC timer at HZ, calibrated once
 * against the TSC; the boot CPU keeps the PIT tick (time.c), which also
 * drives jiffies.
 */
#define pr_fmt(fmt) "apic: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <asm/apic.h>
#include <asm/smp.h>
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
#define APIC_LVTT	0x320
#define  APIC_LVT_TIMER_PERIODIC	(1U << 17)
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define  APIC_DM_NMI	0x400
#define  APIC_DM_EXTINT	0x700
#define  APIC_LVT_MASKED	(1U << 16)
#define APIC_TMICT	0x380
#define APIC_TMCCT	0x390
#define APIC_TDCR	0x3e0
#define  APIC_TDR_DIV_16	0x3
#define CALIBRATE_US	10000

static void __iomem *lapic;
static u32 lapic_timer_count;	/* timer counts (divided by 16) per tick */

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

int apic_send_IPI(unsigned int cpu, unsigned int vector)
{
	return lapic_send_icr(cpu_physical_id(cpu), vector);	/* fixed delivery */
}

int apic_send_IPI_mask(const cpumask_t *mask, unsigned int vector)
{
	unsigned int cpu;
	int err = 0;

	for_each_cpu(cpu, mask)
		err = apic_send_IPI(cpu, vector) ?: err;
	return err;
}

/*
 * The local APIC timer's rate is the bus clock's, which only the hardware
 * knows: count it down over CALIBRATE_US of the calibrated TSC.
 */
static void __init lapic_timer_calibrate(void)
{
	u64 t0, ns;
	u32 counted;

	writel(APIC_TDR_DIV_16, lapic + APIC_TDCR);
	writel(APIC_LVT_MASKED | LOCAL_TIMER_VECTOR, lapic + APIC_LVTT);
	writel(~0U, lapic + APIC_TMICT);
	t0 = ktime_get_ns();
	udelay(CALIBRATE_US);
	counted = ~0U - readl(lapic + APIC_TMCCT);
	ns = ktime_get_ns() - t0;
	writel(0, lapic + APIC_TMICT);
	lapic_timer_count = ns ? (u64)counted * (NSEC_PER_SEC / HZ) / ns : 0;
	pr_info("timer: %u kHz bus clock, %u counts per tick\n",
		ns ? (u32)((u64)counted * 16 * NSEC_PER_MSEC / ns) : 0, lapic_timer_count);
}

void lapic_timer_setup(void)
{
	if (!lapic_timer_count)
		return;
	writel(APIC_TDR_DIV_16, lapic + APIC_TDCR);
	writel(APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR, lapic + APIC_LVTT);
	writel(lapic_timer_count, lapic + APIC_TMICT);
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
	lapic_timer_calibrate();
	pr_info("local APIC %u at %#llx, virtual wire mode\n", lapic_id(),
		(unsigned long long)(base & ~0xfffUL));
	return 0;
}
