// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pseries interrupt controller in XICS mode (QEMU: ic-mode=xics),
 * reached through hypervisor calls for this CPU's presentation layer
 * (H_XIRR accepts the most favoured pending interrupt, H_EOI ends it,
 * H_CPPR sets the priority below which interrupts are presented) and
 * through RTAS for the sources (ibm,set-xive routes one to a server at a
 * priority, ibm,int-on/ibm,int-off unmask and mask it). The external
 * interrupt vector (0x500) calls xics_handle_irq(). Source numbers are
 * the device tree's, offset by XICS_IRQ_BASE, which does not fit Ferrite's
 * NR_IRQS: irq n here is source XICS_IRQ_BASE + n.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/start_kernel.h>
#include <asm/hvcall.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define XICS_IRQ_BASE 0x1000	/* QEMU spapr's first source number */
#define XICS_IPI 2		/* the inter-processor interrupt's source */
#define XICS_PRIO 5		/* the priority every source is given */
#define XICS_CPPR_ALL 0xff	/* present every priority */

void __init init_IRQ(void)
{
	plpar_hcall_norets(H_CPPR, XICS_CPPR_ALL);
	pr_info("xics: hcall presentation, sources from %#x\n", XICS_IRQ_BASE);
}

void arch_irq_unmask(unsigned int irq)
{
	u32 src = XICS_IRQ_BASE + irq;

	if (irq >= NR_IRQS ||
	    rtas_call(pseries_platform.rtas_set_xive, 3, 1, NULL, src, 0, XICS_PRIO) ||
	    rtas_call(pseries_platform.rtas_int_on, 1, 1, NULL, src))
		pr_warn("xics: cannot unmask source %#x\n", src);
}

void arch_irq_mask(unsigned int irq)
{
	if (irq < NR_IRQS)
		rtas_call(pseries_platform.rtas_int_off, 1, 1, NULL, XICS_IRQ_BASE + irq);
}

void xics_handle_irq(void)
{
	unsigned long ret[PLPAR_HCALL_BUFSIZE];

	for (;;) {
		u32 xirr, src;

		if (plpar_hcall(H_XIRR, ret, 0) != H_SUCCESS)
			return;
		xirr = ret[0];
		src = xirr & 0xffffff;
		if (!src)
			return;
		if (src >= XICS_IRQ_BASE && src < XICS_IRQ_BASE + NR_IRQS)
			generic_handle_irq(src - XICS_IRQ_BASE);
		else if (src != XICS_IPI)
			pr_warn("xics: spurious source %#x\n", src);
		plpar_hcall_norets(H_EOI, xirr);
	}
}
