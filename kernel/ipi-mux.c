// SPDX-License-Identifier: GPL-2.0-only
/*
 * Muxed IPIs (CONFIG_GENERIC_IRQ_IPI_MUX), for interrupt controllers that
 * give each CPU one IPI where the kernel needs several messages (riscv64's
 * SBI software interrupt, powerpc's XICS): each message is a bit in the
 * target's pending word, set before the one hardware IPI is raised; the
 * target clears its IPI, then takes every pending bit (Linux's
 * kernel/irq/ipi-mux.c and powerpc's muxed messages do the same).
 * The architecture gives arch_ipi_mux_raise() and calls ipi_mux_process()
 * from its IPI handler; this file gives <linux/smp.h>'s senders.
 */
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>

enum ipi_mux_msg {
	IPI_MUX_RESCHEDULE,
	IPI_MUX_CALL_FUNC,
};

/* Per CPU: the messages sent to it and not yet taken, a bit each. */
static DEFINE_PER_CPU(unsigned long, ipi_mux_pending);

static void ipi_mux_send(int cpu, enum ipi_mux_msg msg)
{
	/* The full barrier orders the sender's earlier stores before the bit and the IPI. */
	__atomic_fetch_or(&per_cpu(ipi_mux_pending, cpu), 1UL << msg, __ATOMIC_SEQ_CST);
	arch_ipi_mux_raise(cpu);
}

void arch_smp_send_reschedule(int cpu)
{
	ipi_mux_send(cpu, IPI_MUX_RESCHEDULE);
}

void arch_send_call_function_single_ipi(int cpu)
{
	ipi_mux_send(cpu, IPI_MUX_CALL_FUNC);
}

void arch_send_call_function_ipi_mask(const cpumask_t *mask)
{
	int cpu;

	for_each_cpu(cpu, mask)
		ipi_mux_send(cpu, IPI_MUX_CALL_FUNC);
}

void ipi_mux_process(void)
{
	unsigned long msgs = __atomic_exchange_n(this_cpu_ptr(&ipi_mux_pending), 0,
						 __ATOMIC_ACQUIRE);

	if (msgs & (1UL << IPI_MUX_RESCHEDULE))
		scheduler_ipi();
	if (msgs & (1UL << IPI_MUX_CALL_FUNC))
		generic_smp_call_function_interrupt();
}
