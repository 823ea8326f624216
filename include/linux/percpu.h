/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU state. Everything that would be per-CPU on SMP lives in
 * struct cpu_info and is reached through this_cpu(), which the
 * architecture implements (x86-64: the GS base points at it), so SMP can
 * come later without touching the users.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>

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
};

#define NR_CPUS 1

extern struct cpu_info cpu_infos[NR_CPUS];

#include <asm/percpu.h>

/* this_cpu() - the calling CPU's state. Only stable with preemption off. */
#define this_cpu() arch_this_cpu()
#define smp_processor_id() (this_cpu()->cpu)

#endif /* _LINUX_PERCPU_H */
