// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the Versatile PCI host on either arm board (suite
 * "pci_versatile"): that the INTx routing the driver computes from the
 * board's struct versatile_pci_data is QEMU's, and that each of the four
 * PCI lines arrives as its IRQ through the board's interrupt controllers
 * and is masked once freed. versatilepb: VIC lines 27-30 (the SIC passes
 * the PCI lines through); realview-eb-mpcore: the baseboard's GIC,
 * cascaded behind the MPCore's, board lines 48-51 as IRQs 112-115.
 *
 * No device raises a PCI line on demand here (QEMU gives no edu without
 * MSI), so a line is raised where the board's controller can be asked to:
 * the VIC's software interrupt, or the cascaded GIC's set-pending
 * register. The lines the virtio devices hold are left to the virtio
 * suites, which take their interrupts.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/pci.h>
#include <asm/io.h>
#include <asm/mach.h>
#include <asm/page.h>
#include <asm/setup.h>

#define VIRTIO_VENDOR		0x1af4
#define VIRTIO_RNG_DEVICE	0x1005

#define VIC_SOFT_INT		0x18
#define VIC_SOFT_INT_CLEAR	0x1c
#define GICD_ISPENDR		0x200
#define GICD_ICPENDR		0x280

/*
 * Raise or lower the line behind IRQ @irq at the board's controller: the
 * VIC's software interrupt (held until cleared), or the cascaded GIC's
 * pending bit (a level-sensitive SPI made pending by software stays so
 * until acknowledged or cleared).
 */
static void board_set_line(unsigned int irq, bool on)
{
	if (machine_desc->nr == MACH_TYPE_VERSATILE_PB) {
		unsigned long vic = (unsigned long)__va(VERSATILE_VIC_BASE);

		writel(1U << irq, vic + (on ? VIC_SOFT_INT : VIC_SOFT_INT_CLEAR));
	} else {
		unsigned long gicd = (unsigned long)__va(REALVIEW_EB_GIC_DIST_BASE);
		unsigned int intid = irq - IRQ_EB_GIC_START + 32;

		writel(1U << (intid % 32),
		       gicd + (on ? GICD_ISPENDR : GICD_ICPENDR) + 4 * (intid / 32));
	}
}

struct line_test {
	struct completion done;
	atomic_t count;
	unsigned int irq_seen;
};

static irqreturn_t line_handler(int irq, void *dev)
{
	struct line_test *t = dev;

	board_set_line(irq, false);
	t->irq_seen = irq;
	atomic_inc(&t->count);
	complete(&t->done);
	return IRQ_HANDLED;
}

/*
 * QEMU's wiring (hw/pci-host/versatile.c): the virtio RNG at 00:10.0
 * drives INTA, which versatilepb takes to PCI line (16 + 1 + 1) % 4 = 2
 * (VIC 29) and the RealView boards to line (16 + 1 + 2) % 4 = 3 (board
 * line 51, IRQ 115).
 */
static void pci_versatile_intx_routing(struct kunit *test)
{
	const struct versatile_pci_data *vp = machine_desc->pci;
	struct pci_dev *rng = pci_get_device(VIRTIO_VENDOR, VIRTIO_RNG_DEVICE, NULL);
	unsigned int want = machine_desc->nr == MACH_TYPE_VERSATILE_PB ? 29 : 115;

	KUNIT_ASSERT_NOT_NULL(test, vp);
	KUNIT_ASSERT_NOT_NULL(test, rng);
	KUNIT_EXPECT_EQ(test, PCI_SLOT(rng->devfn), 16);
	KUNIT_EXPECT_EQ(test, rng->irq, want);
	KUNIT_EXPECT_EQ(test, vp->irq + (16 + 1 + vp->irq_rotate) % 4, want);
	pci_dev_put(rng);
}

static void pci_versatile_lines_reach_irqs(struct kunit *test)
{
	const struct versatile_pci_data *vp = machine_desc->pci;
	struct line_test t;
	int tested = 0;

	KUNIT_ASSERT_NOT_NULL(test, vp);
	for (unsigned int line = 0; line < 4; line++) {
		unsigned int irq = vp->irq + line;
		int err;

		init_completion(&t.done);
		atomic_set(&t.count, 0);
		t.irq_seen = 0;
		err = request_irq(irq, line_handler, 0, "pci_versatile_kunit", &t);
		if (err == -EBUSY)
			continue;	/* a virtio device's line */
		KUNIT_ASSERT_EQ(test, err, 0);
		tested++;

		board_set_line(irq, true);
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&t.done, msecs_to_jiffies(1000)),
				0UL);
		KUNIT_EXPECT_EQ(test, t.irq_seen, irq);
		KUNIT_EXPECT_EQ(test, atomic_read(&t.count), 1);

		/* Freed: masked, so a raised line is not delivered. */
		free_irq(irq, &t);
		board_set_line(irq, true);
		mdelay(20);
		board_set_line(irq, false);
		KUNIT_EXPECT_EQ(test, atomic_read(&t.count), 1);
	}
	/* Two of the four lines are the virtio RNG's and disk's (scripts/qemu.sh). */
	KUNIT_EXPECT_EQ(test, tested, 2);
}

static struct kunit_case pci_versatile_cases[] = {
	KUNIT_CASE(pci_versatile_intx_routing),
	KUNIT_CASE(pci_versatile_lines_reach_irqs),
	{}
};

static struct kunit_suite pci_versatile_suite = {
	.name = "pci_versatile",
	.test_cases = pci_versatile_cases,
};

kunit_test_suites(&pci_versatile_suite);
