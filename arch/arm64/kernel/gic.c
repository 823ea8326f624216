// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM Generic Interrupt Controller v2 (QEMU virt's default): the
 * distributor routes every shared interrupt (SPI) to CPU 0, all lines
 * masked until request_irq() unmasks them; the CPU interface is
 * acknowledged and completed around each handler. Linux IRQ numbers are
 * GIC INTIDs here (PPIs 16-31, SPIs from 32), so the timer is IRQ 27.
 * INTIDs 0-31 are banked per CPU: each CPU sets up its own in
 * gic_cpu_init(), with the software-generated interrupts (SGIs 0-15,
 * the IPIs, sent through GICD_SGIR) enabled.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/start_kernel.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>

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

	writel(0xffff0000, gicd + GICD_ICENABLER);	/* PPIs: request_irq() on this CPU */
	writel(0xffffffff, gicd + GICD_ICPENDR);
	for (unsigned int i = 0; i < 32; i += 4)
		writel(GIC_PRIO * 0x01010101U, gicd + GICD_IPRIORITYR + i);
	writel(0x0000ffff, gicd + GICD_ISENABLER);	/* SGIs */

	writel(0xf0, gicc + GICC_PMR);
	writel(0, gicc + GICC_BPR);
	writel(1, gicc + GICC_CTLR);
}

void __init init_IRQ(void)
{
	if (!arm64_board.gicd.size || !arm64_board.gicc.size)
		panic("no GICv2 in the device tree (arm,cortex-a15-gic)");
	gicd = (unsigned long)__va(arm64_board.gicd.base);
	gicc = (unsigned long)__va(arm64_board.gicc.base);

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
	pr_info("GICv2: %u lines, distributor at %#llx, CPU interface at %#llx\n", gic_lines,
		(unsigned long long)arm64_board.gicd.base,
		(unsigned long long)arm64_board.gicc.base);
}

void arch_irq_unmask(unsigned int irq)
{
	if (irq < gic_lines)
		writel(1U << (irq % 32), gicd + GICD_ISENABLER + 4 * (irq / 32));
}

void arch_irq_mask(unsigned int irq)
{
	if (irq < gic_lines)
		writel(1U << (irq % 32), gicd + GICD_ICENABLER + 4 * (irq / 32));
}

void gic_send_sgi(const struct cpumask *mask, unsigned int sgi)
{
	u32 targets = 0;
	int cpu;

	for_each_cpu(cpu, mask)
		targets |= per_cpu(gic_cpu_mask, cpu);
	/* writel()'s barrier makes the sender's stores visible before the SGI. */
	writel(targets << 16 | sgi, gicd + GICD_SGIR);
}

/*
 * Acknowledge, handle and complete every pending interrupt. An SGI is
 * completed before its handler: one sent while the handler runs raises
 * it again. IRQ context.
 */
void gic_handle_irq(void)
{
	for (;;) {
		u32 iar = readl(gicc + GICC_IAR);
		unsigned int irq = iar & 0x3ff;

		if (irq >= GIC_SPURIOUS)
			return;
		if (irq < 16) {
			writel(iar, gicc + GICC_EOIR);
			handle_IPI(irq);
			continue;
		}
		generic_handle_irq(irq);
		writel(iar, gicc + GICC_EOIR);
	}
}
