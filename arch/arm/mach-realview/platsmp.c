// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM11 MPCore's CPUs on realview-eb-mpcore. The snoop control unit
 * says how many there are; each CPU's hardware number is its CPU ID
 * (MPIDR[3:0]). Until woken, a secondary CPU waits in QEMU's boot code
 * (the board's boot monitor on hardware): with its GIC interface on, it
 * sleeps until an interrupt is pending, then jumps to the address in the
 * system registers' SYS_FLAGS if it is not 0. So a CPU is started by
 * writing secondary_entry's physical address there and sending it an
 * SGI.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/smp.h>
#include <asm/io.h>
#include <asm/mach.h>
#include <asm/page.h>
#include <asm/setup.h>

#define SCU_CONFIG 0x04		/* [1:0]: number of CPUs - 1 */
#define SYS_FLAGSSET 0x30	/* reads SYS_FLAGS; a write sets bits */
#define SYS_FLAGSCLR 0x34	/* a write clears bits */

static unsigned int read_cpuid_hwid(void)
{
	unsigned int mpidr;

	__asm__ __volatile__("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	return mpidr & 15;
}

static void __init realview_smp_init_cpus(void)
{
	unsigned int ncpus = (readl(__va(REALVIEW_MPCORE_BASE + MPCORE_SCU) + SCU_CONFIG) & 3) + 1;
	unsigned int boot = read_cpuid_hwid(), cpu = 1;

	set_cpu_hwid(0, boot);
	for (unsigned int hwid = 0; hwid < ncpus && cpu < NR_CPUS; hwid++) {
		if (hwid == boot)
			continue;
		set_cpu_hwid(cpu, hwid);
		set_cpu_possible(cpu++, true);
	}
	pr_info("smp: ARM11 MPCore with %u CPUs, booted on CPU %u\n", ncpus, boot);
}

static int realview_boot_secondary(unsigned int cpu)
{
	unsigned long sys = (unsigned long)__va(VERSATILE_SYS_BASE);

	writel(~0U, sys + SYS_FLAGSCLR);
	writel(__pa(secondary_entry), sys + SYS_FLAGSSET);
	gic_send_sgi_targets(1U << cpu_logical_map(cpu), GIC_IPI_WAKEUP);
	return 0;
}

static void realview_secondary_init(void)
{
	gic_cpu_init();
	twd_timer_starting_cpu();
}

const struct smp_operations realview_smp_ops = {
	.smp_init_cpus = realview_smp_init_cpus,
	.smp_boot_secondary = realview_boot_secondary,
	.smp_secondary_init = realview_secondary_init,
};
