/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 boot internals shared by arch/powerpc files. */
#ifndef _ASM_POWERPC_SETUP_H
#define _ASM_POWERPC_SETUP_H

#define COMMAND_LINE_SIZE 1024

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* What arch/powerpc/kernel/devicetree.c found in the device tree. */
struct pseries_platform {
	u64 timebase_hz;		/* /cpus/<cpu> timebase-frequency */
	u32 vterm;			/* the console's hvterm1 unit address */
	u32 rtas_power_off;		/* RTAS tokens (0: absent) */
	u32 rtas_get_time_of_day;
	u32 rtas_set_xive, rtas_int_off, rtas_int_on;
	u32 rtas_start_cpu;
	u32 rtas_read_pci_config, rtas_write_pci_config;	/* the ibm, forms */
	u32 vterm_irq;			/* the console's interrupt source (0: none) */
};

extern struct pseries_platform pseries_platform;

/* The flattened device tree QEMU passed (direct-map address). */
extern const void *initial_boot_params;

/* Early: the console (before memory is set up). */
void pseries_dt_early_scan(const void *fdt);
/* setup_arch(): RAM, reservations, command line, initrd, RTAS tokens, CPUs. */
void pseries_dt_scan(const void *fdt);

/* Build the radix tree and turn the MMU on (arch/powerpc/mm/init.c). */
void paging_init(void);

/* The hypervisor console (kernel/hvc_console.c), on pseries_platform.vterm. */
void hvc_console_init(void);

/*
 * rtas_call() - run RTAS function @token with @nargs u32 arguments and
 * @nret results, the first of which is the status it returns (0 success,
 * negative error; -1 also for token 0); the other nret - 1 results go to
 * @ret (NULL when there are none). Any context; never sleeps.
 */
int rtas_call(u32 token, int nargs, int nret, u32 *ret, ...);

/*
 * xics_source_to_irq() - the Ferrite irq of XICS interrupt source @src
 * (a device tree interrupt number), or -1 if it has none. Any context.
 */
int xics_source_to_irq(u32 src);
#endif

#endif /* _ASM_POWERPC_SETUP_H */
