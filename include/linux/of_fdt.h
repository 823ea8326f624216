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

#endif /* _LINUX_OF_FDT_H */
