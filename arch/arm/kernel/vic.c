// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM PrimeCell PL190 Vectored Interrupt Controller, the primary
 * interrupt controller of versatilepb (its machine_desc's): 32 level-sensitive lines, all
 * routed to IRQ (none to FIQ), masked until request_irq() unmasks them.
 * Linux IRQ numbers are VIC lines here (the timer is 4, the UART 12).
 * The vector registers are not used: the handler reads which lines are
 * pending and runs each one's handler, lowest line first.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>

#define VIC_IRQ_STATUS 0x00
#define VIC_INT_SELECT 0x0c
#define VIC_INT_ENABLE 0x10
#define VIC_INT_ENABLE_CLEAR 0x14
#define VIC_SOFT_INT_CLEAR 0x1c
#define VIC_VECT_CNTL0 0x200

#define VIC_NR_IRQS 32

static unsigned long vic;

void __init vic_init_irq(void)
{
	vic = (unsigned long)__va(VERSATILE_VIC_BASE);
	writel(0, vic + VIC_INT_SELECT);
	writel(0xffffffff, vic + VIC_INT_ENABLE_CLEAR);
	writel(0xffffffff, vic + VIC_SOFT_INT_CLEAR);
	for (int i = 0; i < 16; i++)
		writel(0, vic + VIC_VECT_CNTL0 + 4 * i);
	pr_info("VIC: PL190 at %#x, %d lines\n", VERSATILE_VIC_BASE, VIC_NR_IRQS);
}

void vic_irq_unmask(unsigned int irq)
{
	if (irq < VIC_NR_IRQS)
		writel(1U << irq, vic + VIC_INT_ENABLE);
}

void vic_irq_mask(unsigned int irq)
{
	if (irq < VIC_NR_IRQS)
		writel(1U << irq, vic + VIC_INT_ENABLE_CLEAR);
}

/*
 * Handle the lines pending now; the devices' handlers clear them (a line
 * still pending after that raises the interrupt again). IRQ context.
 */
void vic_handle_irq(void)
{
	u32 status = readl(vic + VIC_IRQ_STATUS);

	for (; status; status &= status - 1)
		generic_handle_irq(__builtin_ctz(status));
}
