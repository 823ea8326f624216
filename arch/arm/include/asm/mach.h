/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The boards one 32-bit ARM kernel boots on, told apart as Linux's ARM
 * boot protocol says: by the machine ID the boot loader (QEMU) passes in
 * r1 (Linux's mach-types numbers). A board gives its devices' addresses
 * and interrupt lines and its interrupt controller; the system registers
 * (the 24 MHz counter, SYS_FLAGS) are at 0x10000000 on both, and every
 * device is in the window <asm/setup.h> maps.
 */
#ifndef _ASM_ARM_MACH_H
#define _ASM_ARM_MACH_H

#include <linux/types.h>

#define MACH_TYPE_VERSATILE_PB 387
#define MACH_TYPE_REALVIEW_EB 827

/*
 * How a board with several CPUs starts them (arch/arm/kernel/smp.c calls
 * these): smp_init_cpus() marks the CPUs present possible and records
 * their hardware numbers with set_cpu_hwid() (boot CPU, setup_arch());
 * smp_boot_secondary() wakes possible CPU @cpu at secondary_entry (0 or
 * -errno; may sleep); smp_secondary_init() runs on the new CPU, interrupts
 * off, to set up its interrupt controller interface and tick. The IPIs
 * are the GIC's (drivers/irqchip/irq-gic.c).
 */
struct smp_operations {
	void (*smp_init_cpus)(void);
	int (*smp_boot_secondary)(unsigned int cpu);
	void (*smp_secondary_init)(void);
};

/*
 * A board's Versatile PCI host (drivers/pci/controller/pci-versatile.c):
 * its windows, fixed by the board, and how its four INTx lines arrive.
 */
struct versatile_pci_data {
	phys_addr_t regs;	/* controller registers: IMAP0-2, SMAP0-2 */
	phys_addr_t config;	/* configuration: bus << 16 | devfn << 8 | register */
	phys_addr_t io;		/* PCI I/O space from bus address 0 */
	phys_addr_t mem;	/* the memory window used, showing the same PCI */
	u32 mem_size;		/* addresses once its IMAP register is set: */
	unsigned int imap;	/*   which one (0-2) */
	u32 imap_val;		/*   and to what */
	unsigned int irq;	/* Linux IRQ of PCI line 0; lines 1-3 follow it */
	unsigned int irq_rotate; /* root-bus slot s, pin p (1-4) drives line (s + p + this) % 4 */
};

struct machine_desc {
	unsigned int nr;		/* machine ID (r1 at entry) */
	const char *name;
	phys_addr_t uart_base;		/* PL011 console */
	unsigned int uart_irq;
	phys_addr_t timer_base;		/* SP804 dual timer: sp804_timer_init()'s */
	unsigned int timer_irq;
	phys_addr_t rtc_base;		/* PL031 real-time clock */
	const struct versatile_pci_data *pci;	/* its Versatile PCI host; NULL: none */
	/* The interrupt controller: set up, mask and unmask a line, handle IRQs. */
	void (*init_irq)(void);
	void (*irq_unmask)(unsigned int irq);
	void (*irq_mask)(unsigned int irq);
	void (*handle_irq)(void);
	void (*init_time)(void);	/* the tick, started on the boot CPU */
	const struct smp_operations *smp;	/* NULL: one CPU */
};

/* The board booted on, chosen before anything else runs (setup.c). */
extern const struct machine_desc *machine_desc;

extern const struct machine_desc versatile_pb_desc, realview_eb_desc;
extern const struct smp_operations realview_smp_ops;

/* smp_init_cpus() - the board's CPUs made possible (smp.c); boot CPU, setup_arch(). */
void smp_init_cpus(void);

/* set_cpu_hwid(), cpu_logical_map() - the hardware number of CPU @cpu (smp.c). */
void set_cpu_hwid(unsigned int cpu, unsigned int hwid);
unsigned int cpu_logical_map(unsigned int cpu);

/* The first code of a secondary CPU (head.S), at its physical address. */
extern char secondary_entry[];

/* The SP804's tick on the boot CPU (time.c); the MPCore's per-CPU tick (smp_twd.c). */
void sp804_timer_init(void);
void twd_timer_init(void);
void twd_timer_starting_cpu(void);

#endif /* _ASM_ARM_MACH_H */
