// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM Generic Interrupt Controller, the registers GICv1 and GICv2 share:
 * arm64's QEMU virt (GICv2) and the ARM11 MPCore's (the first GIC, in
 * its private region, on 32-bit ARM's realview-eb-mpcore). The
 * distributor routes every shared interrupt (SPI) to CPU 0, all lines
 * masked until request_irq() unmasks them; the CPU interface is
 * acknowledged and completed around each handler. Linux IRQ numbers are
 * GIC INTIDs (PPIs 16-31, SPIs from 32). INTIDs 0-31 are banked per CPU:
 * each CPU sets up its own in gic_cpu_init(), with the
 * software-generated interrupts (SGIs 0-15, sent through GICD_SGIR)
 * enabled. The IPIs are SGIs, one number per message (enum gic_ipi), on
 * both architectures: this driver sends them (the arch_send_*() hooks of
 * <linux/smp.h>) and hands them to the generic handlers. Priorities use
 * the top four bits only, all the MPCore's GIC implements.
 *
 * A second GIC may be cascaded behind one of the first's SPIs
 * (gic_cascade_init()), as the RealView Emulation Baseboard's own GIC is
 * behind the MPCore's: its SPIs are Linux IRQs from a number the board
 * chooses above the first GIC's lines, and a handler on the parent
 * line acknowledges, handles and completes them on its CPU interface.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/start_kernel.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/errno.h>
#include <linux/irqchip/arm-gic.h>
#include <asm/io.h>
#include <asm/page.h>

#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_ISENABLER 0x100
#define GICD_ICENABLER 0x180
#define GICD_ICPENDR 0x280
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_ICFGR 0xc00
#define GICD_SGIR 0xf00

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_BPR 0x08
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10

#define GIC_SPURIOUS 1020
#define GIC_PRIO 0xa0

static unsigned long gicd, gicc;
static unsigned int gic_lines;

/* The cascaded GIC (gic_cascade_init()); cascade_lines 0 without one. */
static unsigned long cascade_gicd, cascade_gicc;
static unsigned int cascade_lines, cascade_irq_start;
/* Per CPU: its CPU interface's bit in GICD_SGIR's target list. */
static DEFINE_PER_CPU(u8, gic_cpu_mask);

/* Let every priority through the CPU interface at @c and turn it on. */
static void gic_cpu_if_init(unsigned long c)
{
	writel(0xf0, c + GICC_PMR);
	writel(0, c + GICC_BPR);
	writel(1, c + GICC_CTLR);
}

void gic_cpu_init(void)
{
	u32 mask = 0;

	/* The banked GICD_ITARGETSR0-7 read back this CPU's interface bit. */
	for (unsigned int i = 0; i < 32; i += 4)
		mask |= readl(gicd + GICD_ITARGETSR + i);
	mask |= mask >> 16;
	mask |= mask >> 8;
	__this_cpu_write(gic_cpu_mask, mask & 0xff);

	/*
	 * PPIs: request_irq() on this CPU. Their pending state is left alone:
	 * QEMU clears a PPI's on every CPU, not only the writer's, and the
	 * MPCore's GIC latches a level-triggered PPI only when its line
	 * rises, so another CPU's tick would stop for good.
	 */
	writel(0xffff0000, gicd + GICD_ICENABLER);
	for (unsigned int i = 0; i < 32; i += 4)
		writel(GIC_PRIO * 0x01010101U, gicd + GICD_IPRIORITYR + i);
	writel(0x0000ffff, gicd + GICD_ISENABLER);	/* SGIs */
	gic_cpu_if_init(gicc);
}

/*
 * Reset the distributor at @d: every SPI masked, not pending, at GIC_PRIO,
 * level-triggered and routed to CPU 0's interface. Returns its INTID count.
 */
static unsigned int __init gic_dist_init(unsigned long d)
{
	unsigned int lines;

	writel(0, d + GICD_CTLR);
	lines = min(32 * ((readl(d + GICD_TYPER) & 0x1f) + 1), 1020U);
	for (unsigned int i = 32; i < lines; i += 32) {
		writel(0xffffffff, d + GICD_ICENABLER + i / 8);
		writel(0xffffffff, d + GICD_ICPENDR + i / 8);
	}
	for (unsigned int i = 32; i < lines; i += 4)
		writel(GIC_PRIO * 0x01010101U, d + GICD_IPRIORITYR + i);
	for (unsigned int i = 32; i < lines; i += 4)
		writel(0x01010101, d + GICD_ITARGETSR + i);
	for (unsigned int i = 32; i < lines; i += 16)
		writel(0, d + GICD_ICFGR + i / 4);
	writel(1, d + GICD_CTLR);
	return lines;
}

void __init gic_init(phys_addr_t dist, phys_addr_t cpu)
{
	gicd = (unsigned long)__va(dist);
	gicc = (unsigned long)__va(cpu);
	gic_lines = gic_dist_init(gicd);
	gic_cpu_init();
	pr_info("GIC: %u lines, distributor at %#llx, CPU interface at %#llx\n", gic_lines,
		(unsigned long long)dist, (unsigned long long)cpu);
}

/* The cascaded GIC's pending SPIs, handled on its interface; the parent line's handler. */
static irqreturn_t gic_cascade_handler(int irq, void *dev)
{
	irqreturn_t ret = IRQ_NONE;

	for (;;) {
		u32 iar = readl(cascade_gicc + GICC_IAR);
		unsigned int intid = iar & 0x3ff;

		if (intid >= GIC_SPURIOUS)
			return ret;
		if (intid >= 32)
			generic_handle_irq(cascade_irq_start + intid - 32);
		writel(iar, cascade_gicc + GICC_EOIR);
		ret = IRQ_HANDLED;
	}
}

int __init gic_cascade_init(phys_addr_t dist, phys_addr_t cpu, unsigned int parent_irq,
			    unsigned int irq_start)
{
	unsigned long d = (unsigned long)__va(dist);
	unsigned int lines;
	int err;

	if (cascade_lines || parent_irq >= gic_lines || irq_start < gic_lines)
		return -EINVAL;
	lines = gic_dist_init(d);
	if (irq_start + lines - 32 > NR_IRQS) {
		writel(0, d + GICD_CTLR);
		return -EINVAL;
	}
	cascade_gicd = d;
	cascade_gicc = (unsigned long)__va(cpu);
	gic_cpu_if_init(cascade_gicc);
	cascade_irq_start = irq_start;
	cascade_lines = lines;
	err = request_irq(parent_irq, gic_cascade_handler, 0, "gic-cascade", NULL);
	if (err) {
		cascade_lines = 0;
		writel(0, d + GICD_CTLR);
		return err;
	}
	pr_info("GIC: %u lines cascaded on IRQ %u as IRQs %u-%u, distributor at %#llx\n",
		lines, parent_irq, irq_start, irq_start + lines - 33, (unsigned long long)dist);
	return 0;
}

/*
 * The distributor and INTID of Linux IRQ @irq: the first GIC's lines,
 * then the cascaded GIC's SPIs from cascade_irq_start. 0 if neither has it.
 */
static unsigned long gic_irq_dist(unsigned int irq, unsigned int *intid)
{
	if (cascade_lines && irq >= cascade_irq_start &&
	    irq < cascade_irq_start + cascade_lines - 32) {
		*intid = irq - cascade_irq_start + 32;
		return cascade_gicd;
	}
	*intid = irq;
	return irq < gic_lines ? gicd : 0;
}

void gic_irq_unmask(unsigned int irq)
{
	unsigned int intid;
	unsigned long d = gic_irq_dist(irq, &intid);

	if (d)
		writel(1U << (intid % 32), d + GICD_ISENABLER + 4 * (intid / 32));
}

void gic_irq_mask(unsigned int irq)
{
	unsigned int intid;
	unsigned long d = gic_irq_dist(irq, &intid);

	if (d)
		writel(1U << (intid % 32), d + GICD_ICENABLER + 4 * (intid / 32));
}

void gic_send_sgi_targets(u8 targets, unsigned int sgi)
{
	/* writel()'s barrier makes the sender's stores visible before the SGI. */
	writel((u32)targets << 16 | sgi, gicd + GICD_SGIR);
}

static void gic_send_sgi(const struct cpumask *mask, unsigned int sgi)
{
	u32 targets = 0;
	int cpu;

	for_each_cpu(cpu, mask)
		targets |= per_cpu(gic_cpu_mask, cpu);
	gic_send_sgi_targets(targets, sgi);
}

static void gic_send_sgi_one(int cpu, unsigned int sgi)
{
	cpumask_t mask = {};

	cpumask_set_cpu(cpu, &mask);
	gic_send_sgi(&mask, sgi);
}

void arch_smp_send_reschedule(int cpu)
{
	gic_send_sgi_one(cpu, GIC_IPI_RESCHEDULE);
}

void arch_send_call_function_single_ipi(int cpu)
{
	gic_send_sgi_one(cpu, GIC_IPI_CALL_FUNC);
}

void arch_send_call_function_ipi_mask(const cpumask_t *mask)
{
	gic_send_sgi(mask, GIC_IPI_CALL_FUNC);
}

/* GIC_IPI_WAKEUP, still pending when a new CPU unmasks interrupts, needs nothing. */
static void gic_handle_ipi(unsigned int sgi)
{
	switch (sgi) {
	case GIC_IPI_RESCHEDULE:
		scheduler_ipi();
		break;
	case GIC_IPI_CALL_FUNC:
		generic_smp_call_function_interrupt();
		break;
	}
}

void gic_handle_irq(void)
{
	for (;;) {
		u32 iar = readl(gicc + GICC_IAR);
		unsigned int irq = iar & 0x3ff;

		if (irq >= GIC_SPURIOUS)
			return;
		if (irq < 16) {
			writel(iar, gicc + GICC_EOIR);
			gic_handle_ipi(irq);
			continue;
		}
		generic_handle_irq(irq);
		writel(iar, gicc + GICC_EOIR);
	}
}
