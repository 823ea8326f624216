// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 inter-processor interrupts: the architecture hooks the scheduler
 * and cross-CPU function calls raise IPIs with, and the handlers of the
 * system vectors (asm/apic.h), each counted per CPU in irq_stat.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/smp.h>

DEFINE_PER_CPU(irq_cpustat_t, irq_stat);

void arch_smp_send_reschedule(int cpu)
{
	apic_send_IPI(cpu, RESCHEDULE_VECTOR);
}

void arch_send_call_function_ipi_mask(const cpumask_t *mask)
{
	apic_send_IPI_mask(mask, CALL_FUNCTION_VECTOR);
}

void arch_send_call_function_single_ipi(int cpu)
{
	apic_send_IPI(cpu, CALL_FUNCTION_SINGLE_VECTOR);
}

void sysvec_interrupt(unsigned int vector)
{
	irq_cpustat_t *st = this_cpu_ptr(&irq_stat);

	switch (vector) {
	case RESCHEDULE_VECTOR:
		st->irq_resched_count++;
		scheduler_ipi();
		break;
	case CALL_FUNCTION_VECTOR:
	case CALL_FUNCTION_SINGLE_VECTOR:
		st->irq_call_count++;
		generic_smp_call_function_interrupt();
		break;
	case LOCAL_TIMER_VECTOR:	/* a secondary CPU's tick (the boot CPU's is the PIT) */
		st->apic_timer_irqs++;
		scheduler_tick();
		break;
	}
	lapic_eoi();
}
