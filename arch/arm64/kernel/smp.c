// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 secondary CPUs. The device tree's /cpus nodes name the CPUs
 * (reg = MPIDR affinity fields, enable-method = "psci"); the boot CPU is
 * CPU 0, the others get CPU numbers in tree order. __cpu_up() starts one
 * with PSCI CPU_ON at secondary_entry (head.S), MMU off, which turns the
 * MMU on and calls arm64_secondary_start().
 *
 * IPIs are GIC software-generated interrupts (drivers/irqchip/irq-gic.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/libfdt.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/psci.h>
#include <asm/setup.h>
#include <asm/traps.h>

static u64 cpu_mpidr[NR_CPUS];

/* Read by secondary_entry with the MMU on: the stack and cpu_info of the CPU starting. */
struct {
	unsigned long stack_top;
	struct cpu_info *ci;
} secondary_data;

extern char secondary_entry[];

void __init arm64_dt_scan_cpus(const void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus");
	u64 boot_mpidr = read_sysreg(mpidr_el1) & MPIDR_HWID_MASK;
	unsigned int next = 1;
	int node;

	cpu_mpidr[0] = boot_mpidr;
	if (cpus < 0)
		return;
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *method = fdt_getprop(fdt, node, "enable-method", NULL);
		u64 mpidr, size;

		if (!fdt_cpu_node_available(fdt, node) || !method || strcmp(method, "psci") ||
		    fdt_get_reg(fdt, node, 0, &mpidr, &size))
			continue;
		mpidr &= MPIDR_HWID_MASK;
		if (mpidr == boot_mpidr)
			continue;
		if (next == NR_CPUS) {
			pr_warn("smp: CPU with MPIDR %#llx and beyond ignored (NR_CPUS %d)\n",
				(unsigned long long)mpidr, NR_CPUS);
			break;
		}
		cpu_mpidr[next] = mpidr;
		set_cpu_possible(next++, true);
	}
}

u64 cpu_logical_map(unsigned int cpu)
{
	return cpu_mpidr[cpu];
}

int __cpu_up(unsigned int cpu, struct task_struct *idle)
{
	int err;

	if (alloc_overflow_stack(cpu))
		return -ENOMEM;
	secondary_data.stack_top = (unsigned long)idle->stack + THREAD_SIZE;
	secondary_data.ci = &per_cpu(cpu_infos, cpu);
	/* The new CPU reads secondary_data with its caches on: coherent, ordered by CPU_ON. */
	smp_wmb();
	err = psci_to_errno(psci_call(PSCI_0_2_FN64_CPU_ON, cpu_mpidr[cpu],
				      __pa(secondary_entry), 0));
	if (err)
		free_overflow_stack(cpu);
	return err;
}

/* First C code of a secondary CPU: stack, TPIDR_EL1 and VBAR_EL1 set. */
__noreturn void arm64_secondary_start(void);
__noreturn void arm64_secondary_start(void)
{
	cpu_el0_init();		/* SCTLR_EL1 and CPACR_EL1 are this CPU's own */
	gic_cpu_init();
	arch_timer_starting_cpu();
	secondary_start_kernel();
}
