/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM boot internals shared by arch/arm files, and the fixed
 * memory maps of the two QEMU boards (Documentation/arch/arm.rst): RAM
 * from 0, the devices in one window from 0x10000000. versatilepb (ARM926
 * and ARM1176 Versatile Platform Baseboard): each device with its line on
 * the PL190 VIC. realview-eb-mpcore (RealView Emulation Baseboard with
 * an ARM11 MPCore): the MPCore's private region (SCU, GIC, per-CPU
 * timers) at 0x10100000, each device with its GIC INTID.
 */
#ifndef _ASM_ARM_SETUP_H
#define _ASM_ARM_SETUP_H

#define COMMAND_LINE_SIZE 1024

#define VERSATILE_SYS_BASE 0x10000000	/* system registers (24 MHz counter) */
#define VERSATILE_VIC_BASE 0x10140000	/* PL190 vectored interrupt controller */
#define VERSATILE_SIC_BASE 0x10003000	/* secondary interrupt controller */
#define VERSATILE_TIMER01_BASE 0x101e2000	/* SP804 dual timer */
#define VERSATILE_RTC_BASE 0x101e8000	/* PL031 real-time clock */
#define VERSATILE_UART0_BASE 0x101f1000	/* PL011 */
#define VERSATILE_DEV_SIZE 0x200000	/* the window holding them all, both boards' */

#define IRQ_TIMER01 4
#define IRQ_RTC 10
#define IRQ_UART0 12
#define IRQ_PCI0 27	/* PCI lines 0-3: SIC inputs 27-30, passed through to the VIC */

#define REALVIEW_UART0_BASE 0x10009000	/* PL011 */
#define REALVIEW_RTC_BASE 0x10017000	/* PL031 */
#define REALVIEW_MPCORE_BASE 0x10100000	/* the MPCore's private region */
#define MPCORE_SCU 0x0000		/* snoop control unit */
#define MPCORE_GIC_CPU 0x0100		/* this CPU's GIC interface */
#define MPCORE_TWD 0x0600		/* this CPU's private timer */
#define MPCORE_GIC_DIST 0x1000		/* GIC distributor */

/* GIC INTIDs: SPI 32 + the MPCore's interrupt input the board wires it to. */
#define IRQ_EB11MP_UART0 36
#define IRQ_EB11MP_RTC 38
#define IRQ_EB11MP_EB_GIC1 42	/* the baseboard's first GIC, cascaded */

/*
 * The baseboard's first GIC (CPU interface, distributor at + 0x1000)
 * takes all 64 of the board's interrupt lines as SPIs, where the MPCore
 * gets only a few of them: board line n is Linux IRQ IRQ_EB_GIC_START + n.
 */
#define REALVIEW_EB_GIC_CPU_BASE 0x10040000
#define REALVIEW_EB_GIC_DIST_BASE 0x10041000
#define IRQ_EB_GIC_START 64
#define IRQ_EB_PCI0 (IRQ_EB_GIC_START + 48)	/* PCI INTA-INTD: board lines 48-51 */

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Build the final kernel page tables (arch/arm/mm/init.c). */
void paging_init(void);

/*
 * cpu_load_kernel_tables() - switch the calling CPU to the tables
 * paging_init() built (TTBR1 the kernel's, TTBR0 the empty user table,
 * TTBCR.N = 1), flush its TLB and move its vectors to 0xffff0000.
 * Interrupts off; uses no stack (head.S).
 */
void cpu_load_kernel_tables(void);

/* arm_set_mode_stacks() - the IRQ, abort and undefined modes' 16-byte stacks at @base (head.S). */
void arm_set_mode_stacks(void *base);
extern char exception_stacks[];	/* 48 bytes a CPU */

/* The PL190 VIC (arch/arm/kernel/vic.c): machine_desc's interrupt controller. */
void vic_init_irq(void);
void vic_irq_unmask(unsigned int irq);
void vic_irq_mask(unsigned int irq);
void vic_handle_irq(void);
#endif

#endif /* _ASM_ARM_SETUP_H */
