/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The flattened device tree the boot loader handed over, for drivers that
 * find their devices in it (read it with <linux/libfdt.h>). NULL on
 * machines described otherwise (x86-64). Set by setup_arch(); the blob
 * stays mapped and reserved for the kernel's lifetime.
 */
#ifndef _LINUX_OF_FDT_H
#define _LINUX_OF_FDT_H

extern const void *initial_boot_params;

/*
 * early_init_dt_scan_chosen() - /chosen's bootargs into boot_command_line
 * and linux,initrd-start/end (32- or 64-bit) into initrd_start_phys and
 * initrd_size, if there. For setup_arch(), before any allocator.
 */
void early_init_dt_scan_chosen(const void *fdt);

/*
 * early_init_dt_scan_memory() - memblock_add() every range of every node
 * whose device_type is "memory". For setup_arch().
 */
void early_init_dt_scan_memory(const void *fdt);

#endif /* _LINUX_OF_FDT_H */
