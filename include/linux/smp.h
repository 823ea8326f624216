/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiprocessor bring-up and cross-CPU function calls
 * (Documentation/core-api/smp.rst). Secondary CPUs come online and wait
 * in their idle loop for function calls and their tick: the scheduler
 * runs on the boot CPU only so far. Per-CPU data is in <linux/percpu.h>,
 * CPU masks in <linux/cpumask.h>.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/percpu.h>
#include <linux/cpumask.h>

/*
 * boot_cpu_init() - mark the CPU running start_kernel() possible, online
 * and active. Called first thing in start_kernel(), after the architecture
 * set up this CPU's cpu_info; does not sleep or allocate.
 */
void boot_cpu_init(void);

/*
 * smp_init() - bring up every possible CPU not online yet, one at a time,
 * each on its own idle task, waiting up to a second for each; the first
 * that fails is reported and ends the bring-up. Called once from
 * kernel_init() before the initcalls; sleeps and allocates.
 */
void smp_init(void);

struct task_struct;

/*
 * __cpu_up() - architecture: start @cpu (possible, not online), whose
 * cpu_info has .self and .cpu set, on @idle's stack (THREAD_SIZE bytes
 * at idle->stack). The CPU points its per-CPU register at its cpu_info
 * and calls secondary_start_kernel(). Returns 0 when the start was
 * requested, or -errno (-ENOSYS: no bring-up on this architecture).
 */
int __cpu_up(unsigned int cpu, struct task_struct *idle);

/*
 * secondary_start_kernel() - a secondary CPU's first generic code, with
 * interrupts off, its IPIs unmasked and its tick started by the
 * architecture, on its idle task: marks it online and active and enters
 * the idle loop, which runs the tasks the scheduler gives it. Without
 * CONFIG_SMP_ACTIVE (an architecture whose secondary CPUs run no task
 * yet) marks it online only and waits for interrupts (cross-CPU calls,
 * the tick) with preemption off.
 */
__noreturn void secondary_start_kernel(void);

typedef void (*smp_call_func_t)(void *info);

/*
 * smp_call_function_single() - run @func(@info) on @cpu, in interrupt
 * context there with interrupts off (on the caller's CPU, @cpu may be
 * it, with interrupts off too). @wait: return only once @func has
 * returned; otherwise once it is queued (a previous call from this CPU
 * to @cpu may still be waited for). @func must not sleep. Call from task
 * context with interrupts on (two CPUs calling each other with interrupts
 * off would wait for each other forever). Returns 0, or -ENXIO when @cpu
 * is not online. Does not allocate.
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);

/*
 * smp_call_function_many() - run @func(@info) on every online CPU of
 * @mask except the caller's, as smp_call_function_single() does, all at
 * once. The caller has disabled preemption (it decides which CPU is
 * "the caller's") and left interrupts on.
 */
void smp_call_function_many(const cpumask_t *mask, smp_call_func_t func, void *info,
			    bool wait);

/* smp_call_function() - smp_call_function_many() on every online CPU but this one. */
void smp_call_function(smp_call_func_t func, void *info, int wait);

/*
 * on_each_cpu_mask(), on_each_cpu() - run @func(@info) on every online
 * CPU of @mask (every online CPU), the caller's included, with
 * interrupts off on each. Task context, interrupts on; does not sleep
 * unless @wait, and then only by spinning.
 */
void on_each_cpu_mask(const cpumask_t *mask, smp_call_func_t func, void *info, bool wait);

static inline void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	on_each_cpu_mask(cpu_online_mask, func, info, wait);
}

/*
 * generic_smp_call_function_interrupt() - run the calls queued for this
 * CPU. The architecture calls it from its function-call IPI, in
 * interrupt context.
 */
void generic_smp_call_function_interrupt(void);

/*
 * scheduler_ipi() - the reschedule IPI arrived: this CPU looks for
 * another task at its next chance. Interrupt context.
 */
void scheduler_ipi(void);

/*
 * The architecture's IPIs, sent only to online CPUs other than the
 * caller's, with preemption off; they do not sleep. The target runs
 * scheduler_ipi() (reschedule) or generic_smp_call_function_interrupt()
 * (function call) in interrupt context, after seeing every store the
 * sender made before sending. An architecture that starts no secondary
 * CPU never sends one.
 */
void arch_smp_send_reschedule(int cpu);
void arch_send_call_function_single_ipi(int cpu);
void arch_send_call_function_ipi_mask(const cpumask_t *mask);

#define smp_send_reschedule(cpu) arch_smp_send_reschedule(cpu)

/*
 * Muxed IPIs (kernel/ipi-mux.c, CONFIG_GENERIC_IRQ_IPI_MUX): for an
 * interrupt controller with one IPI per CPU, the senders above set a
 * message bit and call the architecture's arch_ipi_mux_raise(), which
 * raises @cpu's IPI (any context, no sleeping). The architecture's IPI
 * handler clears the IPI, then calls ipi_mux_process(), which runs every
 * message sent since (hard interrupt context); a message sent after the
 * clear raises the IPI again.
 */
void arch_ipi_mux_raise(int cpu);
void ipi_mux_process(void);

#endif /* _LINUX_SMP_H */
