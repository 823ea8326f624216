/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local APIC (apic.c) and I/O APIC (io_apic.c). IRQs below
 * IO_APIC_FIRST_IRQ are the 8259's ISA lines; from it on, I/O APIC pins.
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <linux/types.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>

#define IO_APIC_FIRST_IRQ	16

/* System vectors, Linux's numbers; from FIRST_SYSTEM_VECTOR on, smp.c handles them. */
#define FIRST_SYSTEM_VECTOR		0xec
#define LOCAL_TIMER_VECTOR		0xec
#define CALL_FUNCTION_SINGLE_VECTOR	0xfb
#define CALL_FUNCTION_VECTOR		0xfc
#define RESCHEDULE_VECTOR		0xfd
#define SPURIOUS_APIC_VECTOR		0xff

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

/*
 * apic_send_IPI() - send @vector to CPU @cpu (online); apic_send_IPI_mask()
 * to every CPU of @mask. Any context; 0 or -EIO (see lapic_send_icr()).
 */
int apic_send_IPI(unsigned int cpu, unsigned int vector);
int apic_send_IPI_mask(const cpumask_t *mask, unsigned int vector);

/*
 * lapic_timer_setup() - start the calling CPU's local APIC timer, periodic
 * at HZ on LOCAL_TIMER_VECTOR (calibrated by lapic_init() against the TSC).
 * Secondary CPUs, interrupts off.
 */
void lapic_timer_setup(void);

/* sysvec_interrupt() - handle system @vector (hard IRQ context) and end it (smp.c). */
void sysvec_interrupt(unsigned int vector);

/* Interrupts taken per CPU, by kind (Linux's irq_cpustat_t). */
typedef struct {
	unsigned long irq_resched_count;
	unsigned long irq_call_count;
	unsigned long apic_timer_irqs;
} irq_cpustat_t;
DECLARE_PER_CPU(irq_cpustat_t, irq_stat);

/* lapic_id() - the running CPU's APIC ID. lapic_eoi() - end an APIC interrupt. */
u32 lapic_id(void);
void lapic_eoi(void);

/* Mask/unmask I/O APIC @irq (>= IO_APIC_FIRST_IRQ); others are ignored. Never sleep. */
void io_apic_unmask(unsigned int irq);
void io_apic_mask(unsigned int irq);

#endif /* _ASM_X86_APIC_H */
