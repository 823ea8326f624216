// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of the PCI core against the devices scripts/qemu.sh gives every
 * machine: a virtio RNG at 00:10.0, a PCI-to-PCI bridge at 00:11.0 and
 * QEMU's "edu" device behind it (slot 0 of the bridge's bus) where the
 * machine has MSI; the cases that need edu say they are skipped where it
 * has not (versatilepb). They check
 * what enumeration found (IDs, class, bus topology, BARs and bridge
 * windows), the config space accessors and their errors, BAR mapping,
 * an INTx interrupt actually delivered through the bridge, and driver
 * binding by ID table, with nothing leaked.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/pci.h>
#include <linux/pgtable.h>
#include <linux/slab.h>

#define VIRTIO_VENDOR		0x1af4
#define VIRTIO_RNG_DEVICE	0x1005	/* transitional virtio-rng */
#define BRIDGE_VENDOR		0x1b36	/* Red Hat, QEMU's own devices */
#define BRIDGE_DEVICE		0x0001	/* pci-bridge */
#define EDU_VENDOR		0x1234
#define EDU_DEVICE		0x11e8

/*
 * edu's registers (QEMU docs/specs/edu.txt), all 32-bit in BAR 0, in the
 * byte order of QEMU's target: qemu-system-ppc64 is big-endian whatever
 * mode its guest runs in, so a little-endian powerpc kernel reads them
 * byte-swapped. The cases below write only values that work either way.
 */
#define EDU_IDENT		0x00	/* 0xRRrr00ed: version, then 0xed */
#define EDU_LIVENESS		0x04	/* reads back the complement */
#define EDU_INTR_STATUS		0x24
#define EDU_INTR_RAISE		0x60
#define EDU_INTR_ACK		0x64

static struct pci_dev *get_dev(struct kunit *test, unsigned int vendor, unsigned int device)
{
	struct pci_dev *dev = pci_get_device(vendor, device, NULL);

	KUNIT_EXPECT_NOT_NULL(test, dev);
	return dev;
}

/*
 * QEMU's edu, or NULL and the case skipped: QEMU refuses edu on a machine
 * whose interrupt controller has no MSI (versatilepb, scripts/qemu.sh).
 */
#define GET_EDU_OR_SKIP(test)							\
	({									\
		struct pci_dev *__edu = pci_get_device(EDU_VENDOR, EDU_DEVICE, NULL); \
		if (!__edu)							\
			kunit_skip(test, "no QEMU edu device (it needs MSI, see scripts/qemu.sh)"); \
		__edu;								\
	})

/* The devices QEMU was given, where they were put, with their IDs. */
static void pci_finds_qemu_devices(struct kunit *test)
{
	struct pci_dev *rng = get_dev(test, VIRTIO_VENDOR, VIRTIO_RNG_DEVICE);
	struct pci_dev *br = get_dev(test, BRIDGE_VENDOR, BRIDGE_DEVICE);
	u8 sec, sub, prim, pos;

	if (!rng || !br)
		goto out;
	KUNIT_EXPECT_STREQ(test, pci_name(rng), "0000:00:10.0");
	KUNIT_EXPECT_EQ(test, rng->class, 0x00ff00U);
	KUNIT_EXPECT_EQ(test, rng->subsystem_vendor, VIRTIO_VENDOR);
	KUNIT_EXPECT_EQ(test, rng->subsystem_device, 4);	/* virtio device ID: entropy */
	KUNIT_EXPECT_EQ(test, rng->hdr_type, PCI_HEADER_TYPE_NORMAL);
	KUNIT_EXPECT_NULL(test, rng->bus->self);

	KUNIT_EXPECT_STREQ(test, pci_name(br), "0000:00:11.0");
	KUNIT_EXPECT_EQ(test, br->class, 0x060400U);
	KUNIT_EXPECT_EQ(test, br->hdr_type, PCI_HEADER_TYPE_BRIDGE);
	KUNIT_ASSERT_NOT_NULL(test, br->subordinate);
	pci_read_config_byte(br, PCI_PRIMARY_BUS, &prim);
	pci_read_config_byte(br, PCI_SECONDARY_BUS, &sec);
	pci_read_config_byte(br, PCI_SUBORDINATE_BUS, &sub);
	KUNIT_EXPECT_EQ(test, prim, 0);
	KUNIT_EXPECT_EQ(test, sec, br->subordinate->number);
	KUNIT_EXPECT_NE(test, sec, 0);
	KUNIT_EXPECT_GE(test, sub, sec);

	/* Capabilities: virtio's are vendor-specific, several of them. */
	pos = pci_find_capability(rng, PCI_CAP_ID_VNDR);
	KUNIT_EXPECT_NE(test, pos, 0);
	KUNIT_EXPECT_NE(test, pci_find_next_capability(rng, pos, PCI_CAP_ID_VNDR), 0);
out:
	pci_dev_put(rng);
	pci_dev_put(br);
}

/* edu sits on the bridge's secondary bus, which the bridge forwards to. */
static void pci_edu_behind_bridge(struct kunit *test)
{
	struct pci_dev *edu = GET_EDU_OR_SKIP(test);
	struct pci_dev *br = get_dev(test, BRIDGE_VENDOR, BRIDGE_DEVICE);

	if (!br)
		goto out;
	KUNIT_EXPECT_PTR_EQ(test, edu->bus, br->subordinate);
	KUNIT_EXPECT_PTR_EQ(test, edu->bus->self, br);
	KUNIT_EXPECT_PTR_EQ(test, edu->dev.parent, &br->dev);
	KUNIT_EXPECT_NE(test, edu->bus->number, 0U);
	KUNIT_EXPECT_EQ(test, edu->devfn, PCI_DEVFN(0, 0));
	KUNIT_EXPECT_EQ(test, edu->class, 0x00ff00U);
out:
	pci_dev_put(edu);
	pci_dev_put(br);
}

/* A BAR: a power-of-two size, naturally aligned, in the host's window. */
static void expect_bar(struct kunit *test, struct pci_dev *dev, int bar, unsigned long flags,
		       resource_size_t size)
{
	struct pci_host_bridge *host = dev->bus->host;
	resource_size_t start = pci_resource_start(dev, bar);
	u32 lo, hi = 0;
	u64 busaddr;

	KUNIT_EXPECT_EQ(test, pci_resource_flags(dev, bar), flags);
	KUNIT_EXPECT_EQ(test, pci_resource_len(dev, bar), size);
	KUNIT_EXPECT_NE(test, start, 0);
	KUNIT_EXPECT_EQ(test, start & (size - 1), 0);
	if (host->mem.flags && (flags & IORESOURCE_MEM)) {
		KUNIT_EXPECT_GE(test, start, host->mem.start);
		KUNIT_EXPECT_LE(test, pci_resource_end(dev, bar), host->mem.end);
	}
	/* The device decodes the address the resource says. */
	pci_read_config_dword(dev, PCI_BASE_ADDRESS_0 + 4 * bar, &lo);
	if (flags & IORESOURCE_MEM_64)
		pci_read_config_dword(dev, PCI_BASE_ADDRESS_0 + 4 * bar + 4, &hi);
	busaddr = ((u64)hi << 32 | lo) & PCI_BASE_ADDRESS_MEM_MASK;
	KUNIT_EXPECT_EQ(test, busaddr + host->mem_offset, (u64)start);
}

static void pci_bars(struct kunit *test)
{
	struct pci_dev *rng = get_dev(test, VIRTIO_VENDOR, VIRTIO_RNG_DEVICE);

	if (!rng)
		return;
	/* virtio's modern registers: a 64-bit prefetchable BAR 4 (BAR 5 is its top half). */
	expect_bar(test, rng, 4, IORESOURCE_MEM | IORESOURCE_PREFETCH | IORESOURCE_MEM_64,
		   pci_resource_len(rng, 4));
	KUNIT_EXPECT_TRUE(test, is_power_of_2(pci_resource_len(rng, 4)));
	KUNIT_EXPECT_EQ(test, pci_resource_flags(rng, 5), 0);
	pci_dev_put(rng);
}

static void pci_bars_edu(struct kunit *test)
{
	struct pci_dev *edu = GET_EDU_OR_SKIP(test);
	u16 base, limit;

	/* edu: one 1 MiB 32-bit memory BAR, nothing else. */
	expect_bar(test, edu, 0, IORESOURCE_MEM, 1UL << 20);
	for (int i = 1; i < PCI_STD_NUM_BARS; i++)
		KUNIT_EXPECT_EQ(test, pci_resource_len(edu, i), 0);

	/* The bridge's memory window covers edu's BAR. */
	pci_read_config_word(edu->bus->self, PCI_MEMORY_BASE, &base);
	pci_read_config_word(edu->bus->self, PCI_MEMORY_LIMIT, &limit);
	KUNIT_EXPECT_LE(test, ((u64)(base & 0xfff0) << 16) + edu->bus->host->mem_offset,
			(u64)pci_resource_start(edu, 0));
	KUNIT_EXPECT_GE(test, ((u64)(limit & 0xfff0) << 16 | 0xfffff) + edu->bus->host->mem_offset,
			(u64)pci_resource_end(edu, 0));
	pci_dev_put(edu);
}

/* Byte, word and dword reads agree; writes land; bad offsets are -EINVAL. */
static void pci_config_accessors(struct kunit *test)
{
	struct pci_dev *edu = GET_EDU_OR_SKIP(test);
	u8 b0, b1, line, v8;
	u16 w;
	u32 d;

	KUNIT_EXPECT_EQ(test, pci_read_config_dword(edu, PCI_VENDOR_ID, &d), 0);
	KUNIT_EXPECT_EQ(test, d, (u32)EDU_DEVICE << 16 | EDU_VENDOR);
	KUNIT_EXPECT_EQ(test, pci_read_config_word(edu, PCI_DEVICE_ID, &w), 0);
	KUNIT_EXPECT_EQ(test, w, EDU_DEVICE);
	pci_read_config_byte(edu, PCI_VENDOR_ID, &b0);
	pci_read_config_byte(edu, PCI_VENDOR_ID + 1, &b1);
	KUNIT_EXPECT_EQ(test, b1 << 8 | b0, EDU_VENDOR);

	/* PCI_INTERRUPT_LINE is a scratch register for the OS: it holds the IRQ. */
	pci_read_config_byte(edu, PCI_INTERRUPT_LINE, &line);
	KUNIT_EXPECT_EQ(test, line, edu->irq & 0xff);
	KUNIT_EXPECT_EQ(test, pci_write_config_byte(edu, PCI_INTERRUPT_LINE, 0x5a), 0);
	pci_read_config_byte(edu, PCI_INTERRUPT_LINE, &v8);
	KUNIT_EXPECT_EQ(test, v8, 0x5a);
	pci_write_config_byte(edu, PCI_INTERRUPT_LINE, line);

	/* Read-only: the vendor ID does not change. */
	pci_write_config_word(edu, PCI_VENDOR_ID, 0x1111);
	pci_read_config_word(edu, PCI_VENDOR_ID, &w);
	KUNIT_EXPECT_EQ(test, w, EDU_VENDOR);

	KUNIT_EXPECT_EQ(test, pci_read_config_word(edu, 1, &w), -EINVAL);
	KUNIT_EXPECT_EQ(test, w, 0xffff);
	KUNIT_EXPECT_EQ(test, pci_read_config_dword(edu, 2, &d), -EINVAL);
	KUNIT_EXPECT_EQ(test, d, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, pci_read_config_byte(edu, PCI_CFG_SPACE_SIZE, &v8), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_read_config_dword(edu, -4, &d), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_write_config_dword(edu, PCI_CFG_SPACE_SIZE - 2, 0), -EINVAL);

	/* Capabilities: edu has MSI, not MSI-X. */
	KUNIT_EXPECT_NE(test, pci_find_capability(edu, PCI_CAP_ID_MSI), 0);
	KUNIT_EXPECT_EQ(test, pci_find_capability(edu, PCI_CAP_ID_MSIX), 0);
	pci_dev_put(edu);
}

/* BAR 0 of edu mapped: registers answer; unmapping leaves nothing behind. */
static void pci_iomap_edu(struct kunit *test)
{
	struct pci_dev *edu = GET_EDU_OR_SKIP(test);
	unsigned long slab = slab_allocated_bytes();
	void __iomem *regs;
	u32 ident;
	u16 cmd;

	KUNIT_ASSERT_EQ(test, pci_enable_device(edu), 0);
	pci_read_config_word(edu, PCI_COMMAND, &cmd);
	KUNIT_EXPECT_TRUE(test, cmd & PCI_COMMAND_MEMORY);
	regs = pci_iomap(edu, 0, 0);
	KUNIT_ASSERT_NOT_NULL(test, regs);
	ident = readl(regs + EDU_IDENT);
	KUNIT_EXPECT_TRUE(test, (ident & 0xff) == 0xed || ident >> 24 == 0xed);
	writel(0x12345678, regs + EDU_LIVENESS);
	KUNIT_EXPECT_EQ(test, readl(regs + EDU_LIVENESS), ~0x12345678U);
	pci_iounmap(edu, regs);
	KUNIT_EXPECT_EQ(test, lookup_kernel_page((unsigned long)regs), 0);

	/* No BAR 1, no BAR 6, and a length cut to what was asked. */
	KUNIT_EXPECT_NULL(test, pci_iomap(edu, 1, 0));
	KUNIT_EXPECT_NULL(test, pci_iomap(edu, PCI_STD_NUM_BARS, 0));
	KUNIT_EXPECT_NULL(test, pci_iomap(edu, -1, 0));
	regs = pci_iomap(edu, 0, 4096);
	KUNIT_EXPECT_NOT_NULL(test, regs);
	KUNIT_EXPECT_NE(test, lookup_kernel_page((unsigned long)regs), 0);
	KUNIT_EXPECT_EQ(test, lookup_kernel_page((unsigned long)regs + 4096), 0);
	pci_iounmap(edu, regs);

	pci_set_master(edu);
	pci_read_config_word(edu, PCI_COMMAND, &cmd);
	KUNIT_EXPECT_TRUE(test, cmd & PCI_COMMAND_MASTER);
	pci_disable_device(edu);
	pci_read_config_word(edu, PCI_COMMAND, &cmd);
	KUNIT_EXPECT_FALSE(test, cmd & (PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER));
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	pci_dev_put(edu);
}

struct edu_irq_ctx {
	void __iomem *regs;
	struct completion done;
	u32 status;
	unsigned int calls;
};

static irqreturn_t edu_irq(int irq, void *data)
{
	struct edu_irq_ctx *ctx = data;
	u32 status = readl(ctx->regs + EDU_INTR_STATUS);

	if (!status)
		return IRQ_NONE;
	ctx->status = status;
	ctx->calls++;
	writel(status, ctx->regs + EDU_INTR_ACK);	/* deasserts INTx */
	complete(&ctx->done);
	return IRQ_HANDLED;
}

/* edu raises INTA# on demand: it crosses the bridge and reaches the handler. */
static void pci_intx_delivered(struct kunit *test)
{
	struct pci_dev *edu = GET_EDU_OR_SKIP(test);
	struct edu_irq_ctx ctx = { .calls = 0 };
	u64 seen;

	KUNIT_ASSERT_NE(test, edu->irq, 0U);
	KUNIT_ASSERT_EQ(test, pci_enable_device(edu), 0);
	ctx.regs = pci_iomap(edu, 0, 0);
	KUNIT_ASSERT_NOT_NULL(test, ctx.regs);
	init_completion(&ctx.done);
	seen = kstat_irqs(edu->irq);
	KUNIT_ASSERT_EQ(test, request_irq(edu->irq, edu_irq, 0, "edu-test", &ctx), 0);
	KUNIT_EXPECT_EQ(test, request_irq(edu->irq, edu_irq, 0, "edu-test", &ctx), -EBUSY);

	writel(0x1234, ctx.regs + EDU_INTR_RAISE);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&ctx.done, HZ), 0UL);
	KUNIT_EXPECT_EQ(test, ctx.status, 0x1234U);
	KUNIT_EXPECT_EQ(test, ctx.calls, 1U);
	KUNIT_EXPECT_GT(test, kstat_irqs(edu->irq), seen);
	KUNIT_EXPECT_EQ(test, readl(ctx.regs + EDU_INTR_STATUS), 0U);

	/* Freed: the line is masked and the handler no longer runs. */
	free_irq(edu->irq, &ctx);
	seen = kstat_irqs(edu->irq);
	writel(0x1, ctx.regs + EDU_INTR_RAISE);
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&ctx.done, HZ / 10), 0UL);
	KUNIT_EXPECT_EQ(test, ctx.calls, 1U);
	KUNIT_EXPECT_EQ(test, kstat_irqs(edu->irq), seen);
	writel(0x1, ctx.regs + EDU_INTR_ACK);

	pci_iounmap(edu, ctx.regs);
	pci_disable_device(edu);
	pci_dev_put(edu);
}

/* Driver binding: the ID table picks the device; remove on unregister. */
static struct pci_dev *bound_dev;
static const struct pci_device_id *bound_id;
static int probe_ret, removes;

static int test_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	if (probe_ret)
		return probe_ret;
	bound_dev = dev;
	bound_id = id;
	pci_set_drvdata(dev, &probe_ret);
	return 0;
}

static void test_remove(struct pci_dev *dev)
{
	if (dev == bound_dev && pci_get_drvdata(dev) == &probe_ret)
		removes++;
}

static const struct pci_device_id test_ids[] = {
	{ PCI_DEVICE(0xdead, 0xbeef) },
	{ PCI_DEVICE(EDU_VENDOR, EDU_DEVICE), .driver_data = 42 },
	{}
};

static const struct pci_device_id bridge_class_ids[] = {
	{ .vendor = PCI_ANY_ID, .device = PCI_ANY_ID, .subvendor = PCI_ANY_ID,
	  .subdevice = PCI_ANY_ID, .class = 0x060400, .class_mask = 0xffffff },
	{}
};

static struct pci_driver test_driver = {
	.name = "pci-kunit",
	.id_table = test_ids,
	.probe = test_probe,
	.remove = test_remove,
};

static void pci_driver_binding(struct kunit *test)
{
	struct pci_dev *edu = GET_EDU_OR_SKIP(test);
	unsigned long slab = slab_allocated_bytes();

	bound_dev = NULL;
	removes = 0;
	probe_ret = 0;
	test_driver.id_table = test_ids;
	KUNIT_ASSERT_EQ(test, pci_register_driver(&test_driver), 0);
	KUNIT_EXPECT_PTR_EQ(test, bound_dev, edu);
	KUNIT_EXPECT_PTR_EQ(test, bound_id, &test_ids[1]);
	KUNIT_EXPECT_PTR_EQ(test, edu->dev.driver, &test_driver.driver);
	KUNIT_EXPECT_EQ(test, pci_register_driver(&test_driver), -EBUSY);
	pci_unregister_driver(&test_driver);
	KUNIT_EXPECT_EQ(test, removes, 1);
	KUNIT_EXPECT_NULL(test, edu->dev.driver);
	KUNIT_EXPECT_NULL(test, pci_get_drvdata(edu));

	/* A failing probe leaves the device unbound. */
	bound_dev = NULL;
	probe_ret = -EIO;
	KUNIT_ASSERT_EQ(test, pci_register_driver(&test_driver), 0);
	KUNIT_EXPECT_NULL(test, bound_dev);
	KUNIT_EXPECT_NULL(test, edu->dev.driver);
	pci_unregister_driver(&test_driver);
	KUNIT_EXPECT_EQ(test, removes, 1);

	/* Matching by class: the bridge and nothing else. */
	probe_ret = 0;
	test_driver.id_table = bridge_class_ids;
	KUNIT_ASSERT_EQ(test, pci_register_driver(&test_driver), 0);
	KUNIT_ASSERT_NOT_NULL(test, bound_dev);
	KUNIT_EXPECT_EQ(test, bound_dev->class, 0x060400U);
	KUNIT_EXPECT_PTR_EQ(test, bound_dev, edu->bus->self);
	pci_unregister_driver(&test_driver);
	KUNIT_EXPECT_EQ(test, removes, 2);
	test_driver.id_table = test_ids;
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	pci_dev_put(edu);
}

static struct kunit_case pci_cases[] = {
	KUNIT_CASE(pci_finds_qemu_devices),
	KUNIT_CASE(pci_edu_behind_bridge),
	KUNIT_CASE(pci_bars),
	KUNIT_CASE(pci_bars_edu),
	KUNIT_CASE(pci_config_accessors),
	KUNIT_CASE(pci_iomap_edu),
	KUNIT_CASE(pci_intx_delivered),
	KUNIT_CASE(pci_driver_binding),
	{}
};

static struct kunit_suite pci_suite = {
	.name = "pci",
	.test_cases = pci_cases,
};
kunit_test_suites(&pci_suite);
