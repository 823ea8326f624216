// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for x86-64 CPU bring-up (suite "x86_smp"): the ACPI MADT
 * lists as many CPUs as QEMU has, and those are the possible CPUs; every
 * CPU came up running on its own local APIC; the MADT and MP table
 * parsers read tables built here and refuse corrupted ones with -ENODEV.
 * `make test SMP=4` brings up four.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/smp.h>

#define FW_CFG_PORT_SEL		0x510
#define FW_CFG_PORT_DATA	0x511
#define FW_CFG_NB_CPUS		0x05

/* QEMU's own count of CPUs (-smp), read through fw_cfg, apart from any table. */
static unsigned int qemu_nb_cpus(void)
{
	outw(FW_CFG_NB_CPUS, FW_CFG_PORT_SEL);
	return inb(FW_CFG_PORT_DATA) | inb(FW_CFG_PORT_DATA) << 8;
}

/* The MADT lists every CPU QEMU has; the possible CPUs are those. */
static void x86_smp_madt_cpus(struct kunit *test)
{
	u32 ids[NR_CPUS];
	int n = acpi_madt_apicids(ids, NR_CPUS);
	unsigned int cpu;

	KUNIT_ASSERT_GT(test, n, 0);
	KUNIT_EXPECT_EQ(test, (unsigned int)n, qemu_nb_cpus());
	KUNIT_EXPECT_EQ(test, num_possible_cpus(), (unsigned int)min(n, NR_CPUS));
	for_each_possible_cpu(cpu) {
		bool listed = false;

		for (int i = 0; i < min(n, NR_CPUS); i++)
			listed |= ids[i] == cpu_physical_id(cpu);
		KUNIT_EXPECT_TRUE(test, listed);
	}
}

/* SeaBIOS's MP table lists the boot CPU first (and, on q35, only it). */
static void x86_smp_mptable_boot_cpu(struct kunit *test)
{
	u32 ids[NR_CPUS];

	KUNIT_ASSERT_GT(test, mptable_apicids(ids, NR_CPUS), 0);
	KUNIT_EXPECT_EQ(test, ids[0], cpu_physical_id(0));
}

/* Tables built by the tests, in the kernel image so that __pa() applies. */
static u8 table[128];

static void set_checksum(u8 *t, u32 len, u32 at)
{
	u8 sum = 0;

	t[at] = 0;
	for (u32 i = 0; i < len; i++)
		sum += t[i];
	t[at] = -sum;
}

/* Append a @len-byte entry @e at *@off of table @t. */
static void put(u8 *t, u32 *off, const u8 *e, u32 len)
{
	memcpy(t + *off, e, len);
	*off += len;
}

/* A MADT of three local APICs (one disabled) and an I/O APIC; then broken ones. */
static void x86_smp_madt_parse(struct kunit *test)
{
	u8 *t = table;
	u32 ids[4] = {}, off = 44, len;
	const u8 lapic[3][8] = { { 0, 8, 0, 3, 1 }, { 0, 8, 1, 5, 0 }, { 0, 8, 2, 7, 1 } };
	const u8 ioapic[12] = { 1, 12, 9 };

	memset(table, 0, sizeof(table));
	memcpy(t, "APIC", 4);
	for (int i = 0; i < 3; i++)
		put(t, &off, lapic[i], 8);
	put(t, &off, ioapic, 12);
	len = off;
	memcpy(t + 4, &len, 4);
	set_checksum(t, len, 9);
	KUNIT_ASSERT_EQ(test, madt_apicids(__pa(t), ids, 4), 2);
	KUNIT_EXPECT_EQ(test, ids[0], 3);
	KUNIT_EXPECT_EQ(test, ids[1], 7);
	KUNIT_EXPECT_EQ(test, madt_apicids(__pa(t), ids, 1), 2);	/* counts past @max */

	t[20] ^= 1;					/* a byte changed */
	KUNIT_EXPECT_EQ(test, madt_apicids(__pa(t), ids, 4), -ENODEV);
	t[off - 11] = 40;				/* I/O APIC entry overruns */
	set_checksum(t, len, 9);
	KUNIT_EXPECT_EQ(test, madt_apicids(__pa(t), ids, 4), -ENODEV);
	t[off - 11] = 0;				/* a zero-length entry */
	set_checksum(t, len, 9);
	KUNIT_EXPECT_EQ(test, madt_apicids(__pa(t), ids, 4), -ENODEV);
	KUNIT_EXPECT_EQ(test, madt_apicids(0, ids, 4), -ENODEV);
}

/* An MP configuration table of two processors (one disabled) and a bus; then broken. */
static void x86_smp_mpc_parse(struct kunit *test)
{
	u8 *t = table;
	u32 ids[4] = {}, off = 44;
	const u8 cpu[2][20] = { { 0, 2, 0x14, 3 }, { 0, 4, 0x14, 0 } };
	const u8 bus[8] = { 1, 0, 'P', 'C', 'I' };
	u16 len, count = 3;

	memset(table, 0, sizeof(table));
	memcpy(t, "PCMP", 4);
	put(t, &off, cpu[0], 20);
	put(t, &off, bus, 8);
	put(t, &off, cpu[1], 20);
	len = off;
	memcpy(t + 4, &len, 2);
	memcpy(t + 34, &count, 2);
	set_checksum(t, len, 7);
	KUNIT_ASSERT_EQ(test, mpc_apicids(__pa(t), ids, 4), 1);
	KUNIT_EXPECT_EQ(test, ids[0], 2);
	t[off - 17] = 1;				/* enable the second CPU */
	set_checksum(t, len, 7);
	KUNIT_ASSERT_EQ(test, mpc_apicids(__pa(t), ids, 4), 2);
	KUNIT_EXPECT_EQ(test, ids[1], 4);

	t[7] ^= 1;
	KUNIT_EXPECT_EQ(test, mpc_apicids(__pa(t), ids, 4), -ENODEV);
	count = 4;					/* one entry more than the length holds */
	memcpy(t + 34, &count, 2);
	set_checksum(t, len, 7);
	KUNIT_EXPECT_EQ(test, mpc_apicids(__pa(t), ids, 4), -ENODEV);
}

/* Each CPU read its own, distinct APIC ID as it started: it really ran. */
static void x86_smp_apic_ids(struct kunit *test)
{
	unsigned int a, b;

	preempt_disable();	/* the APIC read and the CPU number of one CPU */
	KUNIT_EXPECT_EQ(test, lapic_id(), cpu_physical_id(smp_processor_id()));
	preempt_enable();
	for_each_online_cpu(a) {
		if (a)
			KUNIT_EXPECT_EQ(test, per_cpu(cpu_apicid_seen, a), cpu_physical_id(a));
		for_each_online_cpu(b)
			if (a < b)
				KUNIT_EXPECT_NE(test, cpu_physical_id(a), cpu_physical_id(b));
	}
}

/* Wait up to 100 ms for *@count to pass @old; true if it did. */
static bool count_moved(const unsigned long *count, unsigned long old)
{
	for (int ms = 0; ms < 100; ms++) {
		if (READ_ONCE(*count) != old)
			return true;
		msleep(1);
	}
	return READ_ONCE(*count) != old;
}

/* Every secondary CPU, idling, takes each IPI sent to it, counted once. */
static void x86_smp_ipis(struct kunit *test)
{
	unsigned int cpu, self = smp_processor_id();
	unsigned long calls[NR_CPUS];
	cpumask_t others = {};

	for_each_online_cpu(cpu) {
		irq_cpustat_t *st = &per_cpu(irq_stat, cpu);
		unsigned long res = st->irq_resched_count, call = st->irq_call_count;

		if (cpu == self)
			continue;
		arch_smp_send_reschedule(cpu);
		KUNIT_EXPECT_TRUE(test, count_moved(&st->irq_resched_count, res));
		KUNIT_EXPECT_EQ(test, st->irq_resched_count, res + 1);
		arch_send_call_function_single_ipi(cpu);
		KUNIT_EXPECT_TRUE(test, count_moved(&st->irq_call_count, call));
		KUNIT_EXPECT_EQ(test, st->irq_call_count, call + 1);
		cpumask_set_cpu(cpu, &others);
	}
	for_each_cpu(cpu, &others)
		calls[cpu] = READ_ONCE(per_cpu(irq_stat, cpu).irq_call_count);
	arch_send_call_function_ipi_mask(&others);
	for_each_cpu(cpu, &others)
		KUNIT_EXPECT_TRUE(test, count_moved(&per_cpu(irq_stat, cpu).irq_call_count,
						    calls[cpu]));
}

/* Each secondary CPU's local APIC timer ticks at HZ (within a factor of two). */
static void x86_smp_apic_timer(struct kunit *test)
{
	unsigned long before[NR_CPUS];
	unsigned int cpu;
	u64 t0 = ktime_get_ns(), ms;

	for_each_online_cpu(cpu)
		before[cpu] = READ_ONCE(per_cpu(irq_stat, cpu).apic_timer_irqs);
	msleep(200);
	ms = (ktime_get_ns() - t0) / NSEC_PER_MSEC;
	for_each_online_cpu(cpu) {
		unsigned long ticks = READ_ONCE(per_cpu(irq_stat, cpu).apic_timer_irqs) - before[cpu];

		if (cpu == 0)	/* the boot CPU keeps the PIT tick */
			continue;
		KUNIT_EXPECT_GE(test, ticks * 2, ms * HZ / 1000);
		KUNIT_EXPECT_LE(test, ticks, 2 * ms * HZ / 1000);
	}
}

/* The RSDP found passes its checksum; one byte changed in a copy fails it. */
static void x86_smp_checksums(struct kunit *test)
{
	u64 pa = acpi_find_rsdp();
	u8 copy[20];

	KUNIT_ASSERT_NE(test, pa, 0);
	memcpy(copy, __va(pa), sizeof(copy));
	KUNIT_EXPECT_EQ(test, memcmp(copy, "RSD PTR ", 8), 0);
	KUNIT_EXPECT_TRUE(test, fw_checksum_ok(copy, sizeof(copy)));
	copy[9] ^= 0x40;
	KUNIT_EXPECT_FALSE(test, fw_checksum_ok(copy, sizeof(copy)));
}

static struct kunit_case x86_smp_cases[] = {
	KUNIT_CASE(x86_smp_madt_cpus),
	KUNIT_CASE(x86_smp_mptable_boot_cpu),
	KUNIT_CASE(x86_smp_madt_parse),
	KUNIT_CASE(x86_smp_mpc_parse),
	KUNIT_CASE(x86_smp_apic_ids),
	KUNIT_CASE(x86_smp_checksums),
	KUNIT_CASE(x86_smp_ipis),
	KUNIT_CASE(x86_smp_apic_timer),
	{}
};

static struct kunit_suite x86_smp_suite = {
	.name = "x86_smp",
	.test_cases = x86_smp_cases,
};
kunit_test_suites(&x86_smp_suite);
