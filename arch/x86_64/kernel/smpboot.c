// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 secondary CPUs. setup_arch() lists them from the ACPI MADT or,
 * failing that, the MP table: the boot CPU is CPU 0, the others get CPU
 * numbers in table order. __cpu_up() copies the real-mode trampoline
 * below 1 MiB and wakes the CPU with INIT, then two startup IPIs, as the
 * Intel SDM (vol. 3, "MP Initialization") prescribes; the CPU reaches
 * x86_64_secondary_start() in long mode on its idle task's stack.
 */
#define pr_fmt(fmt) "smpboot: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/apic.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/traps.h>

static u32 cpu_apicid[NR_CPUS];
DEFINE_PER_CPU(u32, cpu_apicid_seen);

/*
 * Read by secondary_startup_64 (boot/head.S; the first two fields at
 * offsets 0 and 8) and x86_64_secondary_start(): what the CPU starting
 * needs. One CPU starts at a time.
 */
struct {
	unsigned long stack_top;
	struct cpu_info *ci;
	unsigned long df_stack_top;
} secondary_data;

extern char trampoline_start[], trampoline_end[];

u32 cpu_physical_id(unsigned int cpu)
{
	return cpu_apicid[cpu];
}

/* The boot CPU's initial APIC ID, from CPUID (its local APIC is not mapped yet). */
static u32 boot_apicid(void)
{
	u32 a, b, c, d;

	cpuid(1, 0, &a, &b, &c, &d);
	return b >> 24;
}

void __init smp_scan_cpus(void)
{
	u32 ids[NR_CPUS];
	unsigned int next = 1;
	const char *src = "ACPI MADT";
	int n = acpi_madt_apicids(ids, NR_CPUS);

	if (n <= 0) {
		src = "MP table";
		n = mptable_apicids(ids, NR_CPUS);
	}
	cpu_apicid[0] = boot_apicid();
	if (n <= 0) {
		pr_info("no ACPI MADT or MP table: one CPU\n");
		return;
	}
	for (int i = 0; i < min(n, NR_CPUS); i++) {
		if (ids[i] == cpu_apicid[0])
			continue;
		if (next == NR_CPUS)
			break;
		cpu_apicid[next] = ids[i];
		set_cpu_possible(next++, true);
	}
	if ((unsigned int)n > next)
		pr_warn("%d CPUs listed, %u used (NR_CPUS %d)\n", n, next, NR_CPUS);
	pr_info("%u CPUs from the %s\n", next, src);
}

/* INIT, 10 ms, then a startup IPI twice 200 us apart, at the page @start_pa. */
static int wakeup_cpu_via_init(u32 apicid, unsigned long start_pa)
{
	int err = lapic_send_icr(apicid, APIC_DM_INIT | APIC_INT_LEVELTRIG | APIC_INT_ASSERT);

	if (err)
		return err;
	mdelay(10);
	for (int i = 0; i < 2 && !err; i++) {
		err = lapic_send_icr(apicid, APIC_DM_STARTUP | (start_pa >> PAGE_SHIFT));
		udelay(200);
	}
	return err;
}

int __cpu_up(unsigned int cpu, struct task_struct *idle)
{
	void *df_stack;
	int err = lapic_init();

	if (err)
		return err;
	df_stack = vmalloc(DF_STACK_SIZE);
	if (!df_stack)
		return -ENOMEM;
	memcpy(__va(TRAMPOLINE_PA), trampoline_start, trampoline_end - trampoline_start);
	secondary_data.stack_top = (unsigned long)idle->stack + THREAD_SIZE;
	secondary_data.ci = &per_cpu(cpu_infos, cpu);
	secondary_data.df_stack_top = (unsigned long)df_stack + DF_STACK_SIZE;
	smp_wmb();
	err = wakeup_cpu_via_init(cpu_apicid[cpu], TRAMPOLINE_PA);
	if (err)
		vfree(df_stack);	/* the CPU never got a startup IPI */
	return err;
}

/* First C code of a secondary CPU: GS base and its idle stack set, interrupts off. */
__noreturn void x86_64_secondary_start(void);
__noreturn void x86_64_secondary_start(void)
{
	cpu_init_tables(secondary_data.df_stack_top);
	lapic_setup_ap();
	lapic_timer_setup();
	__this_cpu_write(cpu_apicid_seen, lapic_id());
	secondary_start_kernel();
}
