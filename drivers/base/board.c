// SPDX-License-Identifier: GPL-2.0-only
/*
 * The platform devices every board declares by hand, as a board file does
 * for devices that no bus enumerates (QEMU's machines describe them in
 * ACPI or the device tree, which nothing turns into devices yet):
 *   rust-platform-sample	for the Rust sample platform driver
 *   c-platform-test		for the C platform driver of the KUnit tests,
 *				with the MMIO window of a real device of the
 *				machine as its resource (asm/board.h: the q35
 *				HPET, the riscv64 goldfish RTC, the arm64 PL031)
 * Drivers bind by these names. Registered at arch_initcall, after the
 * platform bus (core_initcall) and before drivers (device_initcall).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/platform_device.h>
#include <asm/board.h>

static const struct resource c_test_resources[] = {
	DEFINE_RES_MEM_NAMED(BOARD_TEST_RES_START, BOARD_TEST_RES_SIZE, BOARD_TEST_RES_NAME),
};

static const struct {
	const char *name;
	const struct resource *res;
	unsigned int num_res;
} board_devices[] = {
	{ "rust-platform-sample", NULL, 0 },
	{ "c-platform-test", c_test_resources, ARRAY_SIZE(c_test_resources) },
};

static int __init board_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(board_devices); i++) {
		struct platform_device *pdev;

		pdev = platform_device_register_simple(board_devices[i].name,
						       PLATFORM_DEVID_NONE,
						       board_devices[i].res,
						       board_devices[i].num_res);
		if (IS_ERR(pdev))
			pr_warn("board: cannot register %s: %ld\n", board_devices[i].name,
				PTR_ERR(pdev));
	}
	return 0;
}
arch_initcall(board_init);
