// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM secondary CPUs, on a board that has them (machine_desc->smp:
 * realview-eb-mpcore's ARM11 MPCore). The board marks its CPUs possible
 * at boot; __cpu_up() fills secondary_data with the CPU's hardware
 * number, its idle stack and cpu_info, and has the board wake it at
 * secondary_entry (head.S), where it waits for its number, turns its MMU
 * on and calls arm_secondary_start().
 *
 * IPIs are GIC SGIs (drivers/irqchip/irq-gic.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/smp.h>
#include <asm/cacheflush.h>
#include <asm/mach.h>
#include <asm/setup.h>

static u8 cpu_hwid[NR_CPUS];

/*
 * Read by secondary_entry with the MMU off (hwid) and on (the rest); head.S
 * knows the layout. No CPU has hardware number ~0, so none starts early.
 */
struct {
	unsigned long hwid;
	unsigned long stack_top;
	struct cpu_info *ci;
} secondary_data = { .hwid = ~0UL };

void set_cpu_hwid(unsigned int cpu, unsigned int hwid)
{
	cpu_hwid[cpu] = hwid;
}

unsigned int cpu_logical_map(unsigned int cpu)
{
	return cpu_hwid[cpu];
}

/* The board's CPUs, from setup_arch(). */
void __init smp_init_cpus(void)
{
	if (machine_desc->smp)
		machine_desc->smp->smp_init_cpus();
}

int __cpu_up(unsigned int cpu, struct task_struct *idle)
{
	int err;

	if (!machine_desc->smp)
		return -ENOSYS;
	if (alloc_overflow_stack(cpu))
		return -ENOMEM;
	/* Its exceptions check the idle stack's bottom (entry.S). */
	idle->thread.stack_limit = (unsigned long)idle->stack;
	secondary_data.stack_top = (unsigned long)idle->stack + THREAD_SIZE;
	secondary_data.ci = &per_cpu(cpu_infos, cpu);
	smp_wmb();
	WRITE_ONCE(secondary_data.hwid, cpu_hwid[cpu]);
	/* The new CPU reads hwid with its MMU and caches off. */
	clean_dcache_all();
	err = machine_desc->smp->smp_boot_secondary(cpu);
	if (err) {
		WRITE_ONCE(secondary_data.hwid, ~0UL);
		clean_dcache_all();
		free_overflow_stack(cpu);
	}
	return err;
}

/* First C code of a secondary CPU: on its idle stack, the kernel's tables, interrupts off. */
__noreturn void arm_secondary_start(void);
__noreturn void arm_secondary_start(void)
{
	struct cpu_info *ci = secondary_data.ci;

	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 4" :: "r"(ci));
	arm_set_mode_stacks(exception_stacks + 48 * ci->cpu);
	machine_desc->smp->smp_secondary_init();
	secondary_start_kernel();
}
