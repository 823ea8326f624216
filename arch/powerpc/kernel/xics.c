// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pseries interrupt controller in XICS mode (QEMU: ic-mode=xics),
 * reached through hypervisor calls for this CPU's presentation layer
 * (H_XIRR accepts the most favoured pending interrupt, H_EOI ends it,
 * H_CPPR sets the priority below which interrupts are presented) and
 * through RTAS for the sources (ibm,set-xive routes one to a server at a
 * priority, ibm,int-on/ibm,int-off unmask and mask it). The external
 * interrupt vector (0x500) calls xics_handle_irq(). Every source goes to
 * the boot CPU's server. Each CPU's presentation layer also has the IPI
 * (source XICS_IPI), raised by setting its MFRR to a priority (H_IPI) and
 * cleared by setting it back to 0xff. Source numbers are
 * the device tree's; QEMU numbers its own sources from XICS_IRQ_BASE and
 * the PCI host bridges' INTx (LSI) sources from XICS_LSI_BASE, which do
 * not fit Ferrite's NR_IRQS: irq n below XICS_NR_LOW is source
 * XICS_IRQ_BASE + n, and irq XICS_NR_LOW + k is source XICS_LSI_BASE + k.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/start_kernel.h>
#include <asm/hvcall.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/traps.h>

#define XICS_IRQ_BASE 0x1000	/* QEMU spapr's first source number */
#define XICS_LSI_BASE 0x1200	/* its PCI host bridges' LSIs, 4 per bridge */
#define XICS_NR_LOW 32		/* irqs from XICS_IRQ_BASE; the rest are LSIs */
#define XICS_IPI 2		/* the inter-processor interrupt's source */
#define XICS_PRIO 5		/* the priority every source is given */
#define XICS_IPI_PRIO 4		/* the IPI's: more favoured than the sources' */
#define XICS_CPPR_ALL 0xff	/* present every priority */
#define XICS_MFRR_NONE 0xff	/* no IPI */

/* The source of Ferrite irq @irq (below NR_IRQS). */
static u32 xics_source(unsigned int irq)
{
	return irq < XICS_NR_LOW ? XICS_IRQ_BASE + irq : XICS_LSI_BASE + irq - XICS_NR_LOW;
}

int xics_source_to_irq(u32 src)
{
	if (src >= XICS_IRQ_BASE && src < XICS_IRQ_BASE + XICS_NR_LOW)
		return src - XICS_IRQ_BASE;
	if (src >= XICS_LSI_BASE && src < XICS_LSI_BASE + NR_IRQS - XICS_NR_LOW)
		return src - XICS_LSI_BASE + XICS_NR_LOW;
	return -1;
}

void xics_setup_cpu(void)
{
	plpar_hcall_norets(H_CPPR, XICS_CPPR_ALL);
}

void __init init_IRQ(void)
{
	xics_setup_cpu();
	pr_info("xics: hcall presentation, sources from %#x\n", XICS_IRQ_BASE);
}

void arch_irq_unmask(unsigned int irq)
{
	u32 src = xics_source(irq);

	if (irq >= NR_IRQS ||
	    rtas_call(pseries_platform.rtas_set_xive, 3, 1, NULL, src,
		      get_hard_smp_processor_id(0), XICS_PRIO) ||
	    rtas_call(pseries_platform.rtas_int_on, 1, 1, NULL, src))
		pr_warn("xics: cannot unmask source %#x\n", src);
}

void arch_irq_mask(unsigned int irq)
{
	if (irq < NR_IRQS)
		rtas_call(pseries_platform.rtas_int_off, 1, 1, NULL, xics_source(irq));
}

void xics_cause_ipi(unsigned int cpu)
{
	plpar_hcall_norets(H_IPI, get_hard_smp_processor_id(cpu), XICS_IPI_PRIO);
}

void xics_handle_irq(void)
{
	unsigned long ret[PLPAR_HCALL_BUFSIZE];

	for (;;) {
		u32 xirr, src;
		int irq;

		if (plpar_hcall(H_XIRR, ret, 0) != H_SUCCESS)
			return;
		xirr = ret[0];
		src = xirr & 0xffffff;
		if (!src)
			return;
		irq = xics_source_to_irq(src);
		if (src == XICS_IPI) {
			/* Cleared first: an IPI sent from now on raises it again. */
			plpar_hcall_norets(H_IPI, get_hard_smp_processor_id(smp_processor_id()),
					   XICS_MFRR_NONE);
			ipi_mux_process();
		} else if (irq >= 0) {
			generic_handle_irq(irq);
		} else {
			pr_warn("xics: spurious source %#x\n", src);
		}
		plpar_hcall_norets(H_EOI, xirr);
	}
}
