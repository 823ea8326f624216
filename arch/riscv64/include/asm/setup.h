/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 boot internals shared by arch/riscv64 files. */
#ifndef _ASM_RISCV_SETUP_H
#define _ASM_RISCV_SETUP_H

#define COMMAND_LINE_SIZE 1024

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Build the final kernel page tables (arch/riscv64/mm/init.c). */
void paging_init(void);

/* The flattened device tree QEMU passed (direct-map address). */
extern const void *initial_boot_params;

/* A device found in the device tree: MMIO window and PLIC line (0: none). */
struct riscv_dt_device {
	phys_addr_t base;
	u64 size;
	unsigned int irq;
};

#define RISCV_MAX_VIRTIO_MMIO 8

/* What setup_arch() found in the device tree (arch/riscv64/kernel/devicetree.c). */
struct riscv_platform {
	u64 timebase_hz;		/* /cpus timebase-frequency */
	struct riscv_dt_device uart;	/* ns16550a */
	unsigned int uart_regshift;
	struct riscv_dt_device plic;	/* riscv,plic0 */
	unsigned int plic_ndev;		/* riscv,ndev */
	unsigned int plic_context;	/* S-mode context of the boot hart */
	struct riscv_dt_device test;	/* sifive,test0: exit and reset */
	/* virtio,mmio slots, recorded for the virtio drivers to come */
	struct riscv_dt_device virtio_mmio[RISCV_MAX_VIRTIO_MMIO];
	unsigned int nr_virtio_mmio;
};

extern struct riscv_platform riscv_platform;

/* Early: find the console UART (before memory is set up). */
void riscv_dt_early_scan(const void *fdt);
/* setup_arch(): RAM, reservations, command line, initrd, devices. */
void riscv_dt_scan(const void *fdt, unsigned long boot_hartid);

/* Mark the enabled harts of the tree's /cpus possible CPUs (kernel/smp.c). */
void riscv_dt_scan_cpus(const void *fdt, unsigned long boot_hartid);
#endif

#endif /* _ASM_RISCV_SETUP_H */
