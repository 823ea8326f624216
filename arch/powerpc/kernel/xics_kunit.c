// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for XICS source numbering (suite "powerpc_xics",
 * arch/powerpc/kernel/xics.c): QEMU's sources from 0x1000 and its PCI
 * host bridges' INTx sources from 0x1200 share Ferrite's NR_IRQS IRQ
 * numbers, and every other source has none. Delivery through a real source is
 * the pci suite's pci_intx_delivered.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <asm/setup.h>

static void xics_low_sources(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x1000), 0);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x1001), 1);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x101f), 31);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x1020), -1);
}

static void xics_pci_lsi_sources(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x1200), 32);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x1203), 35);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x1200 + NR_IRQS - 33), NR_IRQS - 1);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x1200 + NR_IRQS - 32), -1);
}

/* The IPI, the console's source (polled instead) and garbage: no IRQ. */
static void xics_sources_without_irq(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0), -1);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(2), -1);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0xfff), -1);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x1100), -1);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0x11ff), -1);
	KUNIT_EXPECT_EQ(test, xics_source_to_irq(0xffffffff), -1);
}

static struct kunit_case powerpc_xics_cases[] = {
	KUNIT_CASE(xics_low_sources),
	KUNIT_CASE(xics_pci_lsi_sources),
	KUNIT_CASE(xics_sources_without_irq),
	{}
};

static struct kunit_suite powerpc_xics_suite = {
	.name = "powerpc_xics",
	.test_cases = powerpc_xics_cases,
};
kunit_test_suites(&powerpc_xics_suite);
