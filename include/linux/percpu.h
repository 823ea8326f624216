/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU data, with Linux's names.
 *
 * struct cpu_info holds what the entry code and the scheduler need of the
 * running CPU; the architecture keeps a register pointing at it (x86-64:
 * the GS base, arm64: TPIDR_EL1, riscv64: tp in the kernel), so this_cpu()
 * is one load and smp_processor_id() two.
 *
 * DEFINE_PER_CPU(type, name) makes NR_CPUS copies of a variable: an array
 * indexed by CPU number, usable before any allocator runs. per_cpu(name,
 * cpu) is one CPU's copy (an lvalue), per_cpu_ptr(&name, cpu) and
 * this_cpu_ptr(&name) point at one. The cost of this simplicity is memory
 * (NR_CPUS copies, not one per possible CPU) and neighbouring CPUs'
 * copies sharing cache lines: give hot, often-written per-CPU data a
 * ____cacheline_aligned type.
 *
 * Which copy is "this CPU's" is only stable while the task cannot migrate:
 * this_cpu_ptr() and the __this_cpu_*() operations need preemption (or
 * interrupts) disabled; this_cpu_read/write/add/inc/dec() are safe
 * anywhere, atomic with respect to interrupts on this CPU, as in Linux.
 * None of them sleep or allocate.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/cache.h>
#include <linux/irqflags.h>

/* The largest number of CPUs: `make CONFIG_NR_CPUS=n` (default 64). */
#ifndef CONFIG_NR_CPUS
#error "CONFIG_NR_CPUS comes from the top Makefile"
#endif
#define NR_CPUS CONFIG_NR_CPUS

struct task_struct;
struct mm_struct;

struct cpu_info {
	struct cpu_info *self;		/* must stay first: arch code reads it */
	struct task_struct *curr_task;/* running task */
	int cpu;			/* logical CPU number */
	int preempt_count;		/* >0: preemption disabled */
	int need_resched;		/* set by the tick or a wake-up */
	int in_irq;			/* hardware interrupt nesting depth */
	unsigned long kernel_sp;	/* top of the current task's kernel stack */
	unsigned long user_sp;		/* scratch for syscall entry */
	struct task_struct *idle;	/* this CPU's idle task */
	u64 irq_count;			/* interrupts taken (statistics) */
	u64 ctxsw_count;		/* context switches (statistics) */
	u64 system_ns;			/* CPU time in system calls and kernel threads */
	struct mm_struct *loaded_mm;	/* user page tables loaded (NULL: kernel only) */
	unsigned long overflow_sp;	/* top of its overflow stack (0: the static one) */
	u64 resched_ipi_count;		/* reschedule IPIs taken (statistics) */
} ____cacheline_aligned;

#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name[NR_CPUS]
#define DEFINE_PER_CPU(type, name) __typeof__(type) name[NR_CPUS]

/* Every CPU's struct cpu_info (kernel/smp.c). */
DECLARE_PER_CPU(struct cpu_info, cpu_infos);

#include <asm/percpu.h>

/* this_cpu() - the calling CPU's state. Only stable with preemption off. */
#define this_cpu() arch_this_cpu()
#define smp_processor_id() (this_cpu()->cpu)

#define per_cpu(var, cpu) ((var)[cpu])
#define per_cpu_ptr(ptr, cpu) (&(*(ptr))[cpu])
#define this_cpu_ptr(ptr) per_cpu_ptr(ptr, smp_processor_id())

/* The caller keeps the task on this CPU (preemption or interrupts off). */
#define __this_cpu_read(var) READ_ONCE(per_cpu(var, smp_processor_id()))
#define __this_cpu_write(var, val) WRITE_ONCE(per_cpu(var, smp_processor_id()), (val))
#define __this_cpu_add(var, val) (per_cpu(var, smp_processor_id()) += (val))

/* Safe from any context: the CPU cannot change in the middle. */
#define this_cpu_read(var) __this_cpu_read(var)
#define __this_cpu_irqsafe(op)				\
	do {						\
		unsigned long __pcpu_flags;		\
		local_irq_save(__pcpu_flags);		\
		op;					\
		local_irq_restore(__pcpu_flags);	\
	} while (0)
#define this_cpu_write(var, val) __this_cpu_irqsafe(__this_cpu_write(var, val))
#define this_cpu_add(var, val) __this_cpu_irqsafe(__this_cpu_add(var, val))
#define this_cpu_sub(var, val) this_cpu_add(var, -(val))
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_sub(var, 1)

#endif /* _LINUX_PERCPU_H */
