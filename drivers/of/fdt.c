// SPDX-License-Identifier: GPL-2.0-only
/*
 * What every device-tree machine reads from its flattened device tree at
 * boot, before any allocator: the RAM ("memory" nodes) for memblock, and
 * /chosen's command line and initrd. Linux's names (drivers/of/fdt.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/libfdt.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/setup.h>

/* A 32- or 64-bit integer property (as /chosen linux,initrd-* come). */
static int __init getprop_ulong(const void *fdt, int node, const char *name, u64 *val)
{
	int len;
	const u8 *v = fdt_getprop(fdt, node, name, &len);

	if (!v || (len != 4 && len != 8))
		return -ENOENT;
	*val = 0;
	for (int i = 0; i < len; i++)
		*val = *val << 8 | v[i];
	return 0;
}

void __init early_init_dt_scan_chosen(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen");
	const char *args;
	u64 start, end;

	if (node < 0)
		return;
	args = fdt_getprop(fdt, node, "bootargs", NULL);
	if (args)
		strscpy(boot_command_line, args, COMMAND_LINE_SIZE);
	if (!getprop_ulong(fdt, node, "linux,initrd-start", &start) &&
	    !getprop_ulong(fdt, node, "linux,initrd-end", &end) && end > start) {
		initrd_start_phys = start;
		initrd_size = end - start;
	}
}

void __init early_init_dt_scan_memory(const void *fdt)
{
	int depth = 0;

	for (int node = fdt_next_node(fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		u64 base, size;

		if (!type || strcmp(type, "memory"))
			continue;
		for (int i = 0; !fdt_get_reg(fdt, node, i, &base, &size); i++) {
			if (!size)
				continue;
			pr_info("DT: memory [mem 0x%016llx-0x%016llx]\n", (unsigned long long)base,
				(unsigned long long)(base + size - 1));
			memblock_add(base, size);
		}
	}
}
