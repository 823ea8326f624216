/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device interrupt handlers. Lines are numbered from 0 (on x86-64 the
 * legacy ISA IRQs of the 8259 PIC). A handler runs with interrupts off and
 * must not sleep.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>

typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev);

/*
 * Linux IRQ numbers each architecture's controllers use, below this
 * (arm's realview-eb-mpcore: the MPCore GIC's 64 INTIDs, then the
 * baseboard's 64 lines behind its cascaded GIC).
 */
#define NR_IRQS 128
#define IRQF_SHARED 0x80

/*
 * request_irq() - install handler for irq and unmask the line. Returns 0,
 * -EINVAL for a bad line or -EBUSY if it is taken. May be called with
 * interrupts on; does not sleep or allocate.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev);
/* Mask the line and remove its handler. */
void free_irq(unsigned int irq, void *dev);

/* Arch entry code: dispatch irq to its handler. IRQ context. */
void generic_handle_irq(unsigned int irq);

/* Count of interrupts seen on irq (statistics, tests). */
u64 kstat_irqs(unsigned int irq);

/* Arch interrupt controller hooks. */
void arch_irq_unmask(unsigned int irq);
void arch_irq_mask(unsigned int irq);

#endif /* _LINUX_INTERRUPT_H */
