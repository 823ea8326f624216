/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 boot internals shared by arch/arm64 files. */
#ifndef _ASM_ARM64_SETUP_H
#define _ASM_ARM64_SETUP_H

#define COMMAND_LINE_SIZE 1024

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* A device region found in the device tree (0 size: absent). */
struct arm64_mmio {
	phys_addr_t base;
	u64 size;
};

#define ARM64_MAX_VIRTIO_MMIO 32

/* What arch/arm64/kernel/setup.c read from the device tree. */
struct arm64_board {
	struct arm64_mmio uart;		/* arm,pl011 */
	struct arm64_mmio gicd, gicc;	/* arm,cortex-a15-gic (GICv2) */
	struct arm64_mmio rtc;		/* arm,pl031: the wall clock at boot */
	unsigned int timer_irq;		/* virtual timer PPI, as a GIC INTID */
	unsigned int uart_irq;		/* as a GIC INTID */
	int psci_use_hvc;		/* PSCI conduit: 1 hvc, 0 smc, -1 none */
	unsigned int nr_virtio;		/* virtio,mmio slots, recorded for later */
	struct arm64_mmio virtio[ARM64_MAX_VIRTIO_MMIO];
	unsigned int virtio_irq[ARM64_MAX_VIRTIO_MMIO];
};

extern struct arm64_board arm64_board;

/* Build the final kernel page tables (arch/arm64/mm/init.c). */
void paging_init(void);

/* Map a device region into the direct map with device attributes (boot only). */
void early_map_device(phys_addr_t base, u64 size);

/*
 * arm64_dt_scan_cpus() - mark the enabled /cpus nodes with enable-method
 * "psci" possible CPUs, the boot CPU (its MPIDR_EL1) being CPU 0 (smp.c).
 * Boot only, from setup_arch().
 */
void arm64_dt_scan_cpus(const void *fdt);

#define MPIDR_HWID_MASK 0xff00ffffffUL	/* MPIDR_EL1's Aff3, Aff2, Aff1, Aff0 */

/* cpu_logical_map() - the MPIDR affinity of possible CPU @cpu. */
u64 cpu_logical_map(unsigned int cpu);

/*
 * arch_timer_starting_cpu() - start the calling CPU's tick, one period
 * from now, its timer PPI unmasked (time.c); interrupts off.
 */
void arch_timer_starting_cpu(void);
#endif

#endif /* _ASM_ARM64_SETUP_H */
