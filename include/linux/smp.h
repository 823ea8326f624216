/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiprocessor bring-up. Ferrite brings up the boot CPU only so far; the
 * per-CPU data (<linux/percpu.h>) and CPU masks (<linux/cpumask.h>) are
 * already what several CPUs need (Documentation/core-api/smp.rst).
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/percpu.h>
#include <linux/cpumask.h>

/*
 * boot_cpu_init() - mark the CPU running start_kernel() possible and
 * online. Called first thing in start_kernel(), after the architecture set
 * up this CPU's cpu_info; does not sleep or allocate.
 */
void boot_cpu_init(void);

#endif /* _LINUX_SMP_H */
