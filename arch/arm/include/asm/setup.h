/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM boot internals shared by arch/arm files, and the fixed
 * memory map of QEMU's versatilepb board (ARM926 and ARM1176 Versatile
 * Platform Baseboard; Documentation/arch/arm.rst): RAM from 0, and these
 * devices, each with its line on the PL190 VIC.
 */
#ifndef _ASM_ARM_SETUP_H
#define _ASM_ARM_SETUP_H

#define COMMAND_LINE_SIZE 1024

#define VERSATILE_SYS_BASE 0x10000000	/* system registers (24 MHz counter) */
#define VERSATILE_VIC_BASE 0x10140000	/* PL190 vectored interrupt controller */
#define VERSATILE_TIMER01_BASE 0x101e2000	/* SP804 dual timer */
#define VERSATILE_RTC_BASE 0x101e8000	/* PL031 real-time clock */
#define VERSATILE_UART0_BASE 0x101f1000	/* PL011 */
#define VERSATILE_DEV_SIZE 0x200000	/* the window holding them all */

#define IRQ_TIMER01 4
#define IRQ_RTC 10
#define IRQ_UART0 12

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Build the final kernel page tables (arch/arm/mm/init.c). */
void paging_init(void);

/* The PL190's handler: runs each pending line's handler (arch/arm/kernel/vic.c). */
void vic_handle_irq(void);

/* Stack-overflow check of the exception entry: lowest SP allowed. */
extern unsigned long arm_stack_limit;
#endif

#endif /* _ASM_ARM_SETUP_H */
