// SPDX-License-Identifier: GPL-2.0-only
/* Generic interrupt-line bookkeeping (see linux/interrupt.h). */
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/atomic.h>

struct irq_desc {
	irq_handler_t handler;
	void *dev;
	const char *name;
	atomic64_t count;	/* per-CPU interrupts (the tick) count from every CPU */
};

static struct irq_desc irq_descs[NR_IRQS];
static DEFINE_SPINLOCK(irq_desc_lock);

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev)
{
	unsigned long f;
	int ret = 0;

	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	spin_lock_irqsave(&irq_desc_lock, f);
	if (irq_descs[irq].handler) {
		ret = -EBUSY;
	} else {
		irq_descs[irq].handler = handler;
		irq_descs[irq].dev = dev;
		irq_descs[irq].name = name;
		arch_irq_unmask(irq);
	}
	spin_unlock_irqrestore(&irq_desc_lock, f);
	return ret;
}

void free_irq(unsigned int irq, void *dev)
{
	unsigned long f;

	if (irq >= NR_IRQS)
		return;
	spin_lock_irqsave(&irq_desc_lock, f);
	if (irq_descs[irq].dev == dev) {
		arch_irq_mask(irq);
		irq_descs[irq].handler = NULL;
		irq_descs[irq].dev = NULL;
	}
	spin_unlock_irqrestore(&irq_desc_lock, f);
}

void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc;

	if (irq >= NR_IRQS)
		return;
	desc = &irq_descs[irq];
	atomic64_inc(&desc->count);
	if (!desc->handler || desc->handler(irq, desc->dev) == IRQ_NONE)
		pr_debug("irq %u: nobody cared\n", irq);
}

u64 kstat_irqs(unsigned int irq)
{
	return irq < NR_IRQS ? atomic64_read(&irq_descs[irq].count) : 0;
}
