// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 secondary harts. The device tree's /cpus nodes name the harts
 * (reg = hart id); the boot hart is CPU 0, the others get CPU numbers in
 * tree order. __cpu_up() starts one with the SBI HSM extension's
 * hart_start at secondary_entry (boot/head.S), paging off, which turns
 * paging on and calls riscv64_secondary_start().
 *
 * IPIs are muxed (kernel/ipi-mux.c) on each hart's supervisor software
 * interrupt, raised through the SBI IPI extension; the target clears the
 * interrupt, then takes every pending message.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/libfdt.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/csr.h>
#include <asm/pgtable.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/traps.h>

static unsigned long cpu_hartid[NR_CPUS];

/* Read by secondary_entry: the stack and cpu_info of the hart starting. */
struct {
	unsigned long stack_top;
	struct cpu_info *ci;
} secondary_data;

extern char secondary_entry[];

/* Record every enabled hart of the tree as a possible CPU. */
void __init riscv_dt_scan_cpus(const void *fdt, unsigned long boot_hartid)
{
	int cpus = fdt_path_offset(fdt, "/cpus");
	unsigned int next = 1;
	int node;

	cpu_hartid[0] = boot_hartid;
	if (cpus < 0)
		return;
	fdt_for_each_subnode(node, fdt, cpus) {
		u32 hartid;

		if (!fdt_cpu_node_available(fdt, node) ||
		    fdt_getprop_u32(fdt, node, "reg", 0, &hartid) || hartid == boot_hartid)
			continue;
		if (next == NR_CPUS) {
			pr_warn("smp: hart %u and beyond ignored (NR_CPUS %d)\n", hartid, NR_CPUS);
			break;
		}
		cpu_hartid[next] = hartid;
		set_cpu_possible(next++, true);
	}
}

int __cpu_up(unsigned int cpu, struct task_struct *idle)
{
	struct sbiret ret;

	if (!sbi_probe_extension(SBI_EXT_HSM) || !sbi_probe_extension(SBI_EXT_IPI))
		return -ENODEV;
	if (alloc_overflow_stack(cpu))
		return -ENOMEM;
	secondary_data.stack_top = (unsigned long)idle->stack + THREAD_SIZE;
	secondary_data.ci = &per_cpu(cpu_infos, cpu);
	smp_wmb();
	ret = sbi_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_START, cpu_hartid[cpu],
			__pa(secondary_entry), 0);
	if (ret.error) {
		free_overflow_stack(cpu);
		return -EIO;
	}
	return 0;
}

/* First C code of a secondary hart: tp, sp and the kernel page table set. */
__noreturn void riscv64_secondary_start(void);
__noreturn void riscv64_secondary_start(void)
{
	csr_write(stvec, (unsigned long)handle_exception);
	csr_write(sscratch, 0);
	csr_write(sie, SIE_SSIE);
	riscv_timer_starting_cpu();
	secondary_start_kernel();
}

void arch_ipi_mux_raise(int cpu)
{
	sbi_ecall(SBI_EXT_IPI, SBI_EXT_IPI_SEND_IPI, 1, cpu_hartid[cpu], 0);
}

void riscv_ipi_interrupt(void)
{
	/* Cleared first: a message sent from now on raises it again. */
	csr_clear(sip, SIE_SSIE);
	ipi_mux_process();
}
