// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of the platform bus: probe whichever of driver and device comes
 * second, remove on either unregistration, id_table matching, drvdata,
 * failed probes, device naming, finding devices, and the board's C test
 * device.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/platform_device.h>
#include <asm/board.h>

/* An event log: "+name" for a probe, "-name" for a remove. */
static char events[256];
static int probe_ret;
static int drvdata_tag;

static void log_event(char what, struct platform_device *pdev)
{
	size_t len = strlen(events);

	snprintf(events + len, sizeof(events) - len, "%c%s ", what, dev_name(&pdev->dev));
}

static int pt_probe(struct platform_device *pdev)
{
	log_event('+', pdev);
	if (probe_ret)
		return probe_ret;
	platform_set_drvdata(pdev, &drvdata_tag);
	return 0;
}

static void pt_remove(struct platform_device *pdev)
{
	/* drvdata set in probe is still there in remove. */
	log_event(platform_get_drvdata(pdev) == &drvdata_tag ? '-' : '?', pdev);
}

static struct platform_driver pt_driver = {
	.probe = pt_probe,
	.remove = pt_remove,
	.driver = { .name = "pt-dev" },
};

static int platform_test_init(struct kunit *test)
{
	events[0] = '\0';
	probe_ret = 0;
	return 0;
}

static void platform_driver_first(struct kunit *test)
{
	struct platform_device *pdev;

	KUNIT_ASSERT_EQ(test, platform_driver_register(&pt_driver), 0);
	KUNIT_EXPECT_STREQ(test, events, "");
	pdev = platform_device_register_simple("pt-dev", 1, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pdev));
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev.1 ");
	KUNIT_EXPECT_PTR_EQ(test, pdev->dev.driver, &pt_driver.driver);
	KUNIT_EXPECT_PTR_EQ(test, platform_get_drvdata(pdev), &drvdata_tag);
	KUNIT_EXPECT_STREQ(test, dev_driver_string(&pdev->dev), "pt-dev");

	platform_device_unregister(pdev);
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev.1 -pt-dev.1 ");
	platform_driver_unregister(&pt_driver);
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev.1 -pt-dev.1 ");
}

static void platform_device_first(struct kunit *test)
{
	struct platform_device *a, *b;

	a = platform_device_register_simple("pt-dev", PLATFORM_DEVID_NONE, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	b = platform_device_register_simple("pt-dev", 2, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(b));
	KUNIT_EXPECT_STREQ(test, events, "");
	KUNIT_EXPECT_NULL(test, a->dev.driver);

	KUNIT_ASSERT_EQ(test, platform_driver_register(&pt_driver), 0);
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev +pt-dev.2 ");
	KUNIT_EXPECT_PTR_EQ(test, platform_get_drvdata(b), &drvdata_tag);

	/* Driver goes first: both devices are removed, then stay unbound. */
	platform_driver_unregister(&pt_driver);
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev +pt-dev.2 -pt-dev -pt-dev.2 ");
	KUNIT_EXPECT_NULL(test, a->dev.driver);
	KUNIT_EXPECT_NULL(test, platform_get_drvdata(a));
	platform_device_unregister(a);
	platform_device_unregister(b);
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev +pt-dev.2 -pt-dev -pt-dev.2 ");
}

static const struct platform_device_id pt_ids[] = {
	{ "pt-x", 11 },
	{ "pt-y", 22 },
	{}
};

static struct platform_driver pt_id_driver = {
	.probe = pt_probe,
	.remove = pt_remove,
	.driver = { .name = "pt-ids" },
	.id_table = pt_ids,
};

static void platform_id_table(struct kunit *test)
{
	struct platform_device *x, *y, *z, *n;

	x = platform_device_register_simple("pt-x", PLATFORM_DEVID_NONE, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(x));
	KUNIT_ASSERT_EQ(test, platform_driver_register(&pt_id_driver), 0);
	y = platform_device_register_simple("pt-y", PLATFORM_DEVID_NONE, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(y));
	z = platform_device_register_simple("pt-z", PLATFORM_DEVID_NONE, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(z));
	/* With an id_table, the driver's own name does not match. */
	n = platform_device_register_simple("pt-ids", PLATFORM_DEVID_NONE, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(n));

	KUNIT_EXPECT_STREQ(test, events, "+pt-x +pt-y ");
	KUNIT_ASSERT_NOT_NULL(test, x->id_entry);
	KUNIT_ASSERT_NOT_NULL(test, y->id_entry);
	KUNIT_EXPECT_EQ(test, x->id_entry->driver_data, 11UL);
	KUNIT_EXPECT_EQ(test, y->id_entry->driver_data, 22UL);
	KUNIT_EXPECT_NULL(test, z->dev.driver);
	KUNIT_EXPECT_NULL(test, n->dev.driver);

	platform_device_unregister(y);
	platform_driver_unregister(&pt_id_driver);
	KUNIT_EXPECT_STREQ(test, events, "+pt-x +pt-y -pt-y -pt-x ");
	platform_device_unregister(x);
	platform_device_unregister(z);
	platform_device_unregister(n);
}

static void platform_probe_failure(struct kunit *test)
{
	struct platform_device *pdev;

	probe_ret = -ENODEV;
	KUNIT_ASSERT_EQ(test, platform_driver_register(&pt_driver), 0);
	pdev = platform_device_register_simple("pt-dev", 7, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pdev));
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev.7 ");
	KUNIT_EXPECT_NULL(test, pdev->dev.driver);
	KUNIT_EXPECT_NULL(test, platform_get_drvdata(pdev));
	/* Not bound, so no remove on either side. */
	platform_driver_unregister(&pt_driver);
	platform_device_unregister(pdev);
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev.7 ");
	probe_ret = 0;
}

static void platform_names_and_errors(struct kunit *test)
{
	struct platform_driver dup = { .driver = { .name = "pt-dev" } };
	struct platform_device *a, *b, *c;
	struct platform_device st = { .name = "pt-static", .id = 4 };

	a = platform_device_register_simple("pt-auto", PLATFORM_DEVID_AUTO, NULL, 0);
	b = platform_device_register_simple("pt-auto", PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	KUNIT_ASSERT_FALSE(test, IS_ERR(b));
	KUNIT_EXPECT_TRUE(test, a->id_auto);
	KUNIT_EXPECT_NE(test, a->id, b->id);
	KUNIT_EXPECT_STRNEQ(test, dev_name(&a->dev), dev_name(&b->dev));
	KUNIT_EXPECT_NOT_NULL(test, strstr(dev_name(&a->dev), ".auto"));
	platform_device_unregister(a);
	platform_device_unregister(b);

	/* A caller-owned device (no release). */
	KUNIT_ASSERT_EQ(test, platform_device_register(&st), 0);
	KUNIT_EXPECT_STREQ(test, dev_name(&st.dev), "pt-static.4");
	platform_device_unregister(&st);

	/* Two drivers of one name on a bus: refused. */
	KUNIT_ASSERT_EQ(test, platform_driver_register(&pt_driver), 0);
	KUNIT_EXPECT_EQ(test, platform_driver_register(&dup), -EBUSY);
	platform_driver_unregister(&pt_driver);

	c = platform_device_alloc("pt-data", 0);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, platform_device_add_data(c, "board", 6), 0);
	KUNIT_EXPECT_STREQ(test, (const char *)c->dev.platform_data, "board");
	KUNIT_EXPECT_EQ(test, platform_device_add(c), 0);
	platform_device_unregister(c);
}

/* The C test driver for the board's "c-platform-test" device. */
static struct resource *board_res;
static int board_irq;

static int board_probe(struct platform_device *pdev)
{
	board_res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	board_irq = platform_get_irq(pdev, 0);
	return pt_probe(pdev);
}

static struct platform_driver board_test_driver = {
	.probe = board_probe,
	.remove = pt_remove,
	.driver = { .name = "c-platform-test" },
};

static void platform_board_device(struct kunit *test)
{
	board_res = NULL;
	KUNIT_ASSERT_EQ(test, platform_driver_register(&board_test_driver), 0);
	KUNIT_EXPECT_STREQ(test, events, "+c-platform-test ");
	KUNIT_ASSERT_NOT_NULL(test, board_res);
	KUNIT_EXPECT_EQ(test, board_res->start, BOARD_TEST_RES_START);
	KUNIT_EXPECT_EQ(test, resource_size(board_res), BOARD_TEST_RES_SIZE);
	KUNIT_EXPECT_STREQ(test, board_res->name, BOARD_TEST_RES_NAME);
	KUNIT_EXPECT_EQ(test, board_irq, -ENXIO);
	platform_driver_unregister(&board_test_driver);
	KUNIT_EXPECT_STREQ(test, events, "+c-platform-test -c-platform-test ");
}

static int pt_match_prefix(struct device *dev, const void *prefix)
{
	return !strncmp(dev_name(dev), prefix, strlen(prefix));
}

static void platform_find_device(struct kunit *test)
{
	struct platform_device *a, *b;
	struct device *dev, *next;

	/* The board's devices are there from boot. */
	dev = bus_find_device_by_name(&platform_bus_type, NULL, "c-platform-test");
	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_EXPECT_STREQ(test, to_platform_device(dev)->name, "c-platform-test");
	put_device(dev);
	KUNIT_EXPECT_NULL(test, bus_find_device_by_name(&platform_bus_type, NULL, "pt-none"));

	/* Two devices that match: @start resumes after the first. */
	a = platform_device_register_simple("pt-find", 1, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	b = platform_device_register_simple("pt-find", 2, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(b));
	dev = bus_find_device(&platform_bus_type, NULL, "pt-find", pt_match_prefix);
	KUNIT_EXPECT_PTR_EQ(test, dev, &a->dev);
	next = bus_find_device(&platform_bus_type, dev, "pt-find", pt_match_prefix);
	KUNIT_EXPECT_PTR_EQ(test, next, &b->dev);
	KUNIT_EXPECT_NULL(test, bus_find_device(&platform_bus_type, next, "pt-find",
						pt_match_prefix));
	/* The reference taken keeps the device alive after unregistering. */
	platform_device_unregister(a);
	KUNIT_EXPECT_STREQ(test, dev_name(dev), "pt-find.1");
	put_device(dev);
	put_device(next);
	platform_device_unregister(b);
}

static void platform_no_leak(struct kunit *test)
{
	unsigned long slab = 0;
	struct resource res[] = { DEFINE_RES_IRQ(5), DEFINE_RES_MEM(0x1000, 0x100) };

	for (int round = 0; round < 2; round++) {
		struct platform_device *pdev;

		slab = slab_allocated_bytes();
		KUNIT_ASSERT_EQ(test, platform_driver_register(&pt_driver), 0);
		pdev = platform_device_register_simple("pt-dev", 9, res, ARRAY_SIZE(res));
		KUNIT_ASSERT_FALSE(test, IS_ERR(pdev));
		KUNIT_EXPECT_EQ(test, platform_get_irq(pdev, 0), 5);
		KUNIT_EXPECT_EQ(test, platform_get_resource(pdev, IORESOURCE_MEM, 0)->start,
				0x1000UL);
		KUNIT_EXPECT_NULL(test, platform_get_resource(pdev, IORESOURCE_MEM, 1));
		platform_device_unregister(pdev);
		platform_driver_unregister(&pt_driver);
	}
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	KUNIT_EXPECT_STREQ(test, events, "+pt-dev.9 -pt-dev.9 +pt-dev.9 -pt-dev.9 ");
}

static struct kunit_case platform_cases[] = {
	KUNIT_CASE(platform_driver_first),
	KUNIT_CASE(platform_device_first),
	KUNIT_CASE(platform_id_table),
	KUNIT_CASE(platform_probe_failure),
	KUNIT_CASE(platform_names_and_errors),
	KUNIT_CASE(platform_board_device),
	KUNIT_CASE(platform_find_device),
	KUNIT_CASE(platform_no_leak),
	{}
};

static struct kunit_suite platform_suite = {
	.name = "platform",
	.init = platform_test_init,
	.test_cases = platform_cases,
};
kunit_test_suites(&platform_suite);
