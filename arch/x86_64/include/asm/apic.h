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

/*
 * lapic_init() - map the local APICs and enable the boot CPU's; 0 (also
 * when already done) or -errno. Boot CPU, boot only.
 */
int lapic_init(void);

/* lapic_setup_ap() - enable a secondary CPU's local APIC (lapic_init() done). */
void lapic_setup_ap(void);

/*
 * lapic_send_icr() - send the IPI described by @icr (delivery mode,
 * vector, level) to the CPU with APIC ID @apicid, and wait up to 1 ms for
 * the local APIC to have sent it: 0, or -EIO if it stays busy. Any
 * context (busy-waits with interrupts off); needs lapic_init().
 */
int lapic_send_icr(u32 apicid, u32 icr);
#define APIC_DM_INIT		0x500
#define APIC_DM_STARTUP		0x600
#define APIC_INT_ASSERT		0x4000
#define APIC_INT_LEVELTRIG	0x8000

/* lapic_id() - the running CPU's APIC ID. lapic_eoi() - end an APIC interrupt. */
u32 lapic_id(void);
void lapic_eoi(void);

/* Mask/unmask I/O APIC @irq (>= IO_APIC_FIRST_IRQ); others are ignored. Never sleep. */
void io_apic_unmask(unsigned int irq);
void io_apic_mask(unsigned int irq);

#endif /* _ASM_X86_APIC_H */
