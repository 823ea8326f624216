/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local APIC (apic.c) and I/O APIC (io_apic.c). IRQs below
 * IO_APIC_FIRST_IRQ are the 8259's ISA lines; from it on, I/O APIC pins.
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <linux/types.h>

#define IO_APIC_FIRST_IRQ	16
#define SPURIOUS_APIC_VECTOR	0xff

/* lapic_init() - enable the boot CPU's local APIC; 0 or -errno. Boot only. */
int lapic_init(void);

/* lapic_id() - the boot CPU's APIC ID. lapic_eoi() - end an APIC interrupt. */
u32 lapic_id(void);
void lapic_eoi(void);

/* Mask/unmask I/O APIC @irq (>= IO_APIC_FIRST_IRQ); others are ignored. Never sleep. */
void io_apic_unmask(unsigned int irq);
void io_apic_mask(unsigned int irq);

#endif /* _ASM_X86_APIC_H */
