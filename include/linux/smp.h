/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiprocessor bring-up (Documentation/core-api/smp.rst). Secondary
 * CPUs come online and halt: the scheduler runs on the boot CPU only so
 * far. Per-CPU data is in <linux/percpu.h>, CPU masks in <linux/cpumask.h>.
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
 * interrupts off: marks it online and idles it with interrupts on, so it
 * takes the interrupts its architecture enabled (IPIs) and runs nothing.
 */
__noreturn void secondary_start_kernel(void);

/*
 * The generic handlers of the IPIs an architecture raises, called in hard
 * IRQ context on the CPU that took the IPI: scheduler_ipi() for a
 * reschedule IPI, generic_smp_call_function_interrupt() for a
 * function-call IPI. No-ops until the scheduler and cross-CPU calls use them.
 */
void scheduler_ipi(void);
void generic_smp_call_function_interrupt(void);

#endif /* _LINUX_SMP_H */
