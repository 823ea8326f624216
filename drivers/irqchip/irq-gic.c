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
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/start_kernel.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/smp.h>
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
/* Per CPU: its CPU interface's bit in GICD_SGIR's target list. */
static DEFINE_PER_CPU(u8, gic_cpu_mask);

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

	writel(0xf0, gicc + GICC_PMR);
	writel(0, gicc + GICC_BPR);
	writel(1, gicc + GICC_CTLR);
}

void __init gic_init(phys_addr_t dist, phys_addr_t cpu)
{
	gicd = (unsigned long)__va(dist);
	gicc = (unsigned long)__va(cpu);

	writel(0, gicd + GICD_CTLR);
	gic_lines = min(32 * ((readl(gicd + GICD_TYPER) & 0x1f) + 1), 1020U);
	for (unsigned int i = 32; i < gic_lines; i += 32) {
		writel(0xffffffff, gicd + GICD_ICENABLER + i / 8);
		writel(0xffffffff, gicd + GICD_ICPENDR + i / 8);
	}
	for (unsigned int i = 32; i < gic_lines; i += 4)
		writel(GIC_PRIO * 0x01010101U, gicd + GICD_IPRIORITYR + i);
	/* SPIs: to CPU 0, level-triggered. */
	for (unsigned int i = 32; i < gic_lines; i += 4)
		writel(0x01010101, gicd + GICD_ITARGETSR + i);
	for (unsigned int i = 32; i < gic_lines; i += 16)
		writel(0, gicd + GICD_ICFGR + i / 4);
	writel(1, gicd + GICD_CTLR);
	gic_cpu_init();
	pr_info("GIC: %u lines, distributor at %#llx, CPU interface at %#llx\n", gic_lines,
		(unsigned long long)dist, (unsigned long long)cpu);
}

void gic_irq_unmask(unsigned int irq)
{
	if (irq < gic_lines)
		writel(1U << (irq % 32), gicd + GICD_ISENABLER + 4 * (irq / 32));
}

void gic_irq_mask(unsigned int irq)
{
	if (irq < gic_lines)
		writel(1U << (irq % 32), gicd + GICD_ICENABLER + 4 * (irq / 32));
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
