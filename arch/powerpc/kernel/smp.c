// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 secondary CPUs on pseries. The device tree's /cpus nodes are
 * cores; each lists its threads' interrupt server numbers (the thread
 * ids RTAS and XICS know them by) in "ibm,ppc-interrupt-server#s". The
 * boot thread is CPU 0, the others get CPU numbers in tree order.
 * __cpu_up() starts one with RTAS start-cpu at the physical address of
 * secondary_entry (head.S), in real mode, which turns translation on and
 * calls powerpc64_secondary_start().
 *
 * IPIs are muxed (kernel/ipi-mux.c) on each thread's XICS IPI (H_IPI);
 * the target clears it, then takes every pending message (xics.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/byteorder.h>
#include <linux/errno.h>
#include <linux/libfdt.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/smp.h>
#include <asm/mmu.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/smp.h>

static u32 cpu_server[NR_CPUS];

/* Read by secondary_entry with the MMU on: the stack and cpu_info of the CPU starting. */
struct {
	unsigned long stack_top;
	struct cpu_info *ci;
} secondary_data;

extern char secondary_entry[];

unsigned int get_hard_smp_processor_id(unsigned int cpu)
{
	return cpu_server[cpu];
}

void __init powerpc_dt_scan_cpus(const void *fdt)
{
	u32 boot = be32_to_cpu(((const struct fdt_header *)fdt)->boot_cpuid_phys);
	int cpus = fdt_path_offset(fdt, "/cpus");
	unsigned int next = 1;
	int node;

	cpu_server[0] = boot;
	if (cpus < 0)
		return;
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *prop = "ibm,ppc-interrupt-server#s";
		int len, threads;
		u32 server;

		if (!fdt_cpu_node_available(fdt, node))
			continue;
		if (!fdt_getprop(fdt, node, prop, &len)) {
			prop = "reg";
			len = sizeof(u32);
		}
		threads = len / (int)sizeof(u32);
		for (int t = 0; t < threads; t++) {
			if (fdt_getprop_u32(fdt, node, prop, t, &server) || server == boot)
				continue;
			if (next == NR_CPUS) {
				pr_warn("smp: thread %u and beyond ignored (NR_CPUS %d)\n", server,
					NR_CPUS);
				return;
			}
			cpu_server[next] = server;
			set_cpu_possible(next++, true);
		}
	}
}

int __cpu_up(unsigned int cpu, struct task_struct *idle)
{
	int status;

	if (!pseries_platform.rtas_start_cpu)
		return -ENODEV;
	if (alloc_overflow_stack(cpu))
		return -ENOMEM;
	idle->thread.stack_guard = (unsigned long)idle->stack;
	secondary_data.stack_top = (unsigned long)idle->stack + THREAD_SIZE;
	secondary_data.ci = &per_cpu(cpu_infos, cpu);
	/* The new CPU reads secondary_data after the RTAS call starts it. */
	smp_wmb();
	status = rtas_call(pseries_platform.rtas_start_cpu, 3, 1, NULL, cpu_server[cpu],
			   (u32)__pa(secondary_entry), 0);
	if (status) {
		pr_warn("smp: RTAS start-cpu of thread %u: status %d\n", cpu_server[cpu], status);
		free_overflow_stack(cpu);
		return -EIO;
	}
	return 0;
}

/* First C code of a secondary CPU: translation on, r13, SPRG1 and its stack set. */
__noreturn void powerpc64_secondary_start(void);
__noreturn void powerpc64_secondary_start(void)
{
	user_pgtable_init_cpu();
	xics_setup_cpu();
	start_cpu_decrementer();
	secondary_start_kernel();
}

void arch_ipi_mux_raise(int cpu)
{
	xics_cause_ipi(cpu);
}

