// SPDX-License-Identifier: GPL-2.0-only
/*
 * The legacy 8259A interrupt controller pair: ISA IRQs 0-15 remapped to
 * vectors 32-47, every line masked until request_irq() unmasks it. IRQs
 * from 16 on belong to the I/O APIC (io_apic.c).
 */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/start_kernel.h>
#include <linux/spinlock.h>
#include <asm/io.h>
#include <asm/apic.h>
#include <asm/traps.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0b

static u16 irq_mask = 0xffff & ~(1 << 2);	/* IRQ2 is the cascade */
static DEFINE_SPINLOCK(pic_lock);

static void pic_write_mask(void)
{
	outb(irq_mask & 0xff, PIC1_DATA);
	outb(irq_mask >> 8, PIC2_DATA);
}

void __init init_IRQ(void)
{
	outb(0x11, PIC1_CMD);			/* ICW1: init, expect ICW4 */
	outb(0x11, PIC2_CMD);
	outb(IRQ_VECTOR_BASE, PIC1_DATA);	/* ICW2: vector base */
	outb(IRQ_VECTOR_BASE + 8, PIC2_DATA);
	outb(4, PIC1_DATA);			/* ICW3: slave on IRQ2 */
	outb(2, PIC2_DATA);
	outb(0x01, PIC1_DATA);			/* ICW4: 8086 mode */
	outb(0x01, PIC2_DATA);
	pic_write_mask();
}

void arch_irq_unmask(unsigned int irq)
{
	unsigned long flags;

	if (irq >= IO_APIC_FIRST_IRQ)
		return io_apic_unmask(irq);
	spin_lock_irqsave(&pic_lock, flags);
	irq_mask &= ~(1 << irq);
	pic_write_mask();
	spin_unlock_irqrestore(&pic_lock, flags);
}

void arch_irq_mask(unsigned int irq)
{
	unsigned long flags;

	if (irq >= IO_APIC_FIRST_IRQ)
		return io_apic_mask(irq);
	if (irq == 2)
		return;
	spin_lock_irqsave(&pic_lock, flags);
	irq_mask |= 1 << irq;
	pic_write_mask();
	spin_unlock_irqrestore(&pic_lock, flags);
}

void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
}

/* IRQ7/IRQ15 also arrive as spurious interrupts with no in-service bit. */
bool pic_is_spurious(unsigned int irq)
{
	if (irq == 7) {
		outb(PIC_READ_ISR, PIC1_CMD);
		return !(inb(PIC1_CMD) & 0x80);
	}
	if (irq == 15) {
		outb(PIC_READ_ISR, PIC2_CMD);
		if (!(inb(PIC2_CMD) & 0x80)) {
			outb(PIC_EOI, PIC1_CMD);	/* the master saw a real IRQ2 */
			return true;
		}
	}
	return false;
}
