// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of enumeration and resource assignment on an emulated host
 * bridge, the same on every machine: config space lives in memory, with
 * BARs that keep only the address bits their size allows and a bridge
 * that forwards to its secondary bus. The tree:
 *
 *	00:00.0  bridge  ->  01:00.0  BAR0 64 KiB memory, INTA
 *	00:01.0  BAR0 4 KiB memory, BAR1 256 B I/O, BAR2 1 MiB 64-bit
 *	         prefetchable memory, INTB
 *
 * The host asks for assignment from a 16 MiB memory and 4 KiB I/O window,
 * so every address is known in advance. Then every allocation of the
 * probe is failed in turn: -ENOMEM and nothing left behind.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/fault-inject.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FAKE_VENDOR	0xfeed
#define MEM_BASE	0x10000000UL
#define IO_BASE		0x1000UL
#define IRQ_BASE	100

struct fake_fn {
	unsigned int bus, devfn;
	u8 cfg[PCI_CFG_SPACE_SIZE];
	u32 bar_size[PCI_STD_NUM_BARS];	/* 0: none; the upper half of a 64-bit BAR: ~0 */
};

static struct fake_fn fake[3];

static void put32(u8 *cfg, int where, u32 v)
{
	memcpy(cfg + where, &v, 4);
}

static u32 get32(const u8 *cfg, int where)
{
	u32 v;

	memcpy(&v, cfg + where, 4);
	return v;
}

static void fake_init(void)
{
	memset(fake, 0, sizeof(fake));
	/* 00:00.0, a PCI-to-PCI bridge. */
	fake[0].devfn = PCI_DEVFN(0, 0);
	put32(fake[0].cfg, PCI_VENDOR_ID, 0x0001U << 16 | FAKE_VENDOR);
	put32(fake[0].cfg, PCI_CLASS_REVISION, 0x060400U << 8);
	fake[0].cfg[PCI_HEADER_TYPE] = PCI_HEADER_TYPE_BRIDGE;
	/* 01:00.0 behind it. */
	fake[1].bus = 1;
	put32(fake[1].cfg, PCI_VENDOR_ID, 0x0002U << 16 | FAKE_VENDOR);
	put32(fake[1].cfg, PCI_CLASS_REVISION, 0xff0000U << 8);
	fake[1].cfg[PCI_INTERRUPT_PIN] = 1;
	fake[1].bar_size[0] = 0x10000;
	/* 00:01.0 with three kinds of BAR. */
	fake[2].devfn = PCI_DEVFN(1, 0);
	put32(fake[2].cfg, PCI_VENDOR_ID, 0x0003U << 16 | FAKE_VENDOR);
	put32(fake[2].cfg, PCI_CLASS_REVISION, 0xff0000U << 8);
	fake[2].cfg[PCI_INTERRUPT_PIN] = 2;
	fake[2].bar_size[0] = 0x1000;
	fake[2].bar_size[1] = 0x100;
	put32(fake[2].cfg, PCI_BASE_ADDRESS_0 + 4, PCI_BASE_ADDRESS_SPACE_IO);
	fake[2].bar_size[2] = 0x100000;
	put32(fake[2].cfg, PCI_BASE_ADDRESS_0 + 8,
	      PCI_BASE_ADDRESS_MEM_TYPE_64 | PCI_BASE_ADDRESS_MEM_PREFETCH);
	fake[2].bar_size[3] = ~0U;
}

/* The function at @bus/@devfn: bus-1 functions sit on the bridge's secondary bus. */
static struct fake_fn *fake_find(struct pci_bus *bus, unsigned int devfn)
{
	u8 secondary = fake[0].cfg[PCI_SECONDARY_BUS];

	for (size_t i = 0; i < ARRAY_SIZE(fake); i++) {
		if (fake[i].bus && !secondary)
			continue;	/* unreachable until the bridge is numbered */
		if ((fake[i].bus ? secondary : 0) == bus->number && fake[i].devfn == devfn)
			return &fake[i];
	}
	return NULL;
}

static int fake_read(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val)
{
	struct fake_fn *f = fake_find(bus, devfn);

	*val = 0;
	if (!f) {
		*val = ~0U >> (32 - 8 * size);
		return PCIBIOS_SUCCESSFUL;
	}
	memcpy(val, f->cfg + where, size);
	return PCIBIOS_SUCCESSFUL;
}

static int fake_write(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val)
{
	struct fake_fn *f = fake_find(bus, devfn);
	int bar = (where - PCI_BASE_ADDRESS_0) / 4;

	if (!f || where < PCI_COMMAND || (where >= PCI_CLASS_REVISION && where < 0x0c))
		return PCIBIOS_SUCCESSFUL;	/* IDs and class are read-only */
	if (where >= PCI_BASE_ADDRESS_0 && where < PCI_BASE_ADDRESS_0 + 24 &&
	    f->cfg[PCI_HEADER_TYPE] == PCI_HEADER_TYPE_NORMAL) {
		u32 sz = f->bar_size[bar], old = get32(f->cfg, where);

		if (sz == ~0U)			/* upper half: every bit writable */
			put32(f->cfg, where, val);
		else if (sz)			/* keep the flag bits, drop those below the size */
			put32(f->cfg, where, (val & ~(sz - 1)) | (old & (sz >= 16 ? 0xf : 0x3)));
		return PCIBIOS_SUCCESSFUL;
	}
	memcpy(f->cfg + where, &val, size);
	return PCIBIOS_SUCCESSFUL;
}

static struct pci_ops fake_ops = { .read = fake_read, .write = fake_write };

static int fake_map_irq(const struct pci_dev *dev, u8 slot, u8 pin)
{
	return IRQ_BASE + slot * 4 + pin - 1;
}

static void fake_host_init(struct pci_host_bridge *host)
{
	memset(host, 0, sizeof(*host));
	host->ops = &fake_ops;
	host->busnr_start = 0;
	host->busnr_end = 7;
	host->mem = (struct resource)DEFINE_RES_MEM(MEM_BASE, 16UL << 20);
	host->io = (struct resource)DEFINE_RES_IO(IO_BASE, 0x1000);
	host->assign_resources = true;
	host->map_irq = fake_map_irq;
}

static struct pci_dev *get_fake(unsigned int device)
{
	return pci_get_device(FAKE_VENDOR, device, NULL);
}

static void probe_assigns_everything(struct kunit *test)
{
	struct pci_host_bridge host;
	struct pci_dev *br, *dev, *dev2;
	unsigned long slab = slab_allocated_bytes();

	fake_init();
	fake_host_init(&host);
	KUNIT_ASSERT_EQ(test, pci_host_probe(&host), 0);
	br = get_fake(1);
	dev = get_fake(2);
	dev2 = get_fake(3);
	KUNIT_ASSERT_NOT_NULL(test, br);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_ASSERT_NOT_NULL(test, dev2);

	/* Bus numbers: the bridge leads to bus 1, the last one below it. */
	KUNIT_EXPECT_EQ(test, fake[0].cfg[PCI_PRIMARY_BUS], 0);
	KUNIT_EXPECT_EQ(test, fake[0].cfg[PCI_SECONDARY_BUS], 1);
	KUNIT_EXPECT_EQ(test, fake[0].cfg[PCI_SUBORDINATE_BUS], 1);
	KUNIT_EXPECT_STREQ(test, pci_name(dev), "0000:01:00.0");
	KUNIT_EXPECT_PTR_EQ(test, dev->bus->self, br);

	/* Behind the bridge first: 64 KiB at the window's start, in a 1 MiB window. */
	KUNIT_EXPECT_EQ(test, pci_resource_start(dev, 0), MEM_BASE);
	KUNIT_EXPECT_EQ(test, get32(fake[1].cfg, PCI_BASE_ADDRESS_0), MEM_BASE);
	/* Window registers hold address bits 31:20: base and limit both 0x100. */
	KUNIT_EXPECT_EQ(test, get32(fake[0].cfg, PCI_MEMORY_BASE), 0x10001000U);
	/* No I/O behind it: the I/O window is closed (base above limit). */
	KUNIT_EXPECT_GT(test, fake[0].cfg[PCI_IO_BASE], fake[0].cfg[PCI_IO_LIMIT]);
	KUNIT_EXPECT_EQ(test, fake[0].cfg[PCI_COMMAND] & 7, 7);

	/* Then 00:01.0: each BAR aligned to its size, after the bridge's window. */
	KUNIT_EXPECT_EQ(test, pci_resource_start(dev2, 0), MEM_BASE + 0x100000);
	KUNIT_EXPECT_EQ(test, pci_resource_len(dev2, 0), 0x1000);
	KUNIT_EXPECT_EQ(test, pci_resource_flags(dev2, 1), IORESOURCE_IO);
	KUNIT_EXPECT_EQ(test, pci_resource_start(dev2, 1), IO_BASE);
	KUNIT_EXPECT_EQ(test, pci_resource_len(dev2, 1), 0x100);
	KUNIT_EXPECT_EQ(test, get32(fake[2].cfg, PCI_BASE_ADDRESS_0 + 4),
			(u32)IO_BASE | PCI_BASE_ADDRESS_SPACE_IO);
	KUNIT_EXPECT_EQ(test, pci_resource_flags(dev2, 2),
			IORESOURCE_MEM | IORESOURCE_PREFETCH | IORESOURCE_MEM_64);
	KUNIT_EXPECT_EQ(test, pci_resource_start(dev2, 2), MEM_BASE + 0x200000);
	KUNIT_EXPECT_EQ(test, pci_resource_len(dev2, 2), 0x100000);
	KUNIT_EXPECT_EQ(test, pci_resource_flags(dev2, 3), 0);

	/* INTx: 01:00.0 INTA swizzles to the bridge's slot 0 INTA; 00:01.0 INTB is its own. */
	KUNIT_EXPECT_EQ(test, dev->irq, IRQ_BASE + 0U);
	KUNIT_EXPECT_EQ(test, dev2->irq, IRQ_BASE + 4 + 1U);
	KUNIT_EXPECT_EQ(test, fake[2].cfg[PCI_INTERRUPT_LINE], (IRQ_BASE + 5) & 0xff);
	KUNIT_EXPECT_EQ(test, br->irq, 0U);

	pci_dev_put(br);
	pci_dev_put(dev);
	pci_dev_put(dev2);
	pci_remove_root_bus(host.bus);
	KUNIT_EXPECT_NULL(test, get_fake(PCI_ANY_ID));
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
}

/* A BAR that does not fit the window gets no resource, and nothing else breaks. */
static void probe_window_too_small(struct kunit *test)
{
	struct pci_host_bridge host;
	struct pci_dev *dev2;

	fake_init();
	fake_host_init(&host);
	host.mem.end = host.mem.start + 0x180000 - 1;	/* 1.5 MiB: no room for the 1 MiB BAR */
	host.io.flags = 0;				/* and no I/O window at all */
	KUNIT_ASSERT_EQ(test, pci_host_probe(&host), 0);
	dev2 = get_fake(3);
	KUNIT_ASSERT_NOT_NULL(test, dev2);
	KUNIT_EXPECT_EQ(test, pci_resource_start(dev2, 0), MEM_BASE + 0x100000);
	KUNIT_EXPECT_EQ(test, pci_resource_flags(dev2, 1), 0);
	KUNIT_EXPECT_EQ(test, pci_resource_flags(dev2, 2), 0);
	pci_dev_put(dev2);
	pci_remove_root_bus(host.bus);
}

/* Each allocation of the probe failed in turn: -ENOMEM, nothing leaked. */
static void probe_allocation_failures(struct kunit *test)
{
	unsigned long slab = slab_allocated_bytes();
	struct pci_host_bridge host;
	int err = -ENOMEM;
	unsigned int n;

	for (n = 0; n < 64 && err; n++) {
		fake_init();
		fake_host_init(&host);
		alloc_fail_after(n);
		err = pci_host_probe(&host);
		alloc_fail_off();
		if (err) {
			KUNIT_EXPECT_EQ(test, err, -ENOMEM);
			KUNIT_EXPECT_NULL(test, host.bus);
			KUNIT_EXPECT_NULL(test, get_fake(PCI_ANY_ID));
			KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
		}
	}
	KUNIT_EXPECT_EQ(test, err, 0);
	/* Buses and functions: at least one allocation each was failed. */
	KUNIT_EXPECT_GE(test, n, 6U);
	if (!err)
		pci_remove_root_bus(host.bus);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
}

static void probe_test_exit(struct kunit *test)
{
	alloc_fail_off();
}

static struct kunit_case pci_probe_cases[] = {
	KUNIT_CASE(probe_assigns_everything),
	KUNIT_CASE(probe_window_too_small),
	KUNIT_CASE(probe_allocation_failures),
	{}
};

static struct kunit_suite pci_probe_suite = {
	.name = "pci_probe",
	.exit = probe_test_exit,
	.test_cases = pci_probe_cases,
};
kunit_test_suites(&pci_probe_suite);
