/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ARM Generic Interrupt Controller (drivers/irqchip/irq-gic.c), as
 * arm64 and 32-bit ARM boards use it: Linux IRQ numbers are GIC INTIDs,
 * and the IPIs are SGIs, which the driver sends (<linux/smp.h>'s
 * arch_send_*() hooks) and handles. A board may cascade a second GIC
 * behind one SPI of the first, whose SPIs get IRQ numbers of their own.
 */
#ifndef _LINUX_IRQCHIP_ARM_GIC_H
#define _LINUX_IRQCHIP_ARM_GIC_H

#include <linux/types.h>

/* The SGI of each IPI. */
enum gic_ipi {
	GIC_IPI_RESCHEDULE,
	GIC_IPI_CALL_FUNC,
	GIC_IPI_WAKEUP,		/* a CPU held by the board's boot code (32-bit ARM) */
};

/*
 * gic_init() - set up the distributor at physical @dist (every SPI
 * masked, level-triggered, routed to CPU 0) and the boot CPU's interface
 * at @cpu; both in the direct map. Boot CPU, interrupts off, before
 * request_irq().
 */
void gic_init(phys_addr_t dist, phys_addr_t cpu);

/*
 * gic_cpu_init() - set up the calling CPU's banked interrupts (SGIs
 * enabled, PPIs masked until request_irq()) and its CPU interface, and
 * record its interface bit for gic_send_sgi(). Interrupts off.
 */
void gic_cpu_init(void);

/*
 * gic_cascade_init() - set up a second GIC (distributor at physical
 * @dist, its one CPU interface at @cpu, both in the direct map) whose
 * output drives the first GIC's @parent_irq: its SPIs masked until
 * request_irq(), routed to that interface, and INTID 32 + n is Linux IRQ
 * @irq_start + n. @irq_start must lie above the first GIC's INTIDs and
 * every SPI below NR_IRQS. Installs the handler of @parent_irq. Returns 0,
 * or -EINVAL (no room, or called twice), -EBUSY (the parent line is
 * taken). Boot CPU, after gic_init(), interrupts off; does not allocate.
 */
int gic_cascade_init(phys_addr_t dist, phys_addr_t cpu, unsigned int parent_irq,
		     unsigned int irq_start);

/*
 * gic_irq_unmask(), gic_irq_mask() - enable or disable Linux IRQ @irq:
 * the first GIC's INTID @irq, or a cascaded GIC's SPI; others are
 * ignored. Any context.
 */
void gic_irq_unmask(unsigned int irq);
void gic_irq_mask(unsigned int irq);

/*
 * gic_send_sgi_targets() - raise SGI @sgi on the CPU interfaces of the
 * bit mask @targets (bit n: interface n), for a CPU that has not run
 * gic_cpu_init() yet (a secondary held by its boot code); any context.
 */
void gic_send_sgi_targets(u8 targets, unsigned int sgi);

/*
 * gic_handle_irq() - acknowledge, handle and complete every pending
 * interrupt: an SPI or PPI through generic_handle_irq(), an IPI through
 * scheduler_ipi() or generic_smp_call_function_interrupt(), completed
 * before it runs so that one sent meanwhile is not lost. IRQ context.
 */
void gic_handle_irq(void);

#endif /* _LINUX_IRQCHIP_ARM_GIC_H */
