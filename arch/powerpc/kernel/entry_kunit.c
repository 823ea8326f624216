// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit test of the interrupt entry (suite "powerpc_entry",
 * arch/powerpc/kernel/entry.S): an interrupt that arrives while the
 * kernel's r2 is not the TOC is handled with the kernel's TOC, and the
 * interrupted r2 comes back. LLVM uses r2 as a scratch register in leaf
 * functions that need no TOC (Rust's core::str::count::do_count_chars),
 * so any kernel code may be interrupted so; an entry that kept the
 * interrupted r2 ran the handler with every global read at a wrong
 * address (the tick's period read as 0: a hang; or an oops).
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <asm/processor.h>
#include <asm/setup.h>

/* Not the TOC: TOC-relative loads from it land in unmapped user space. */
#define NOT_A_TOC 0x5a5a0000UL

static void powerpc_entry_loads_toc(struct kunit *test)
{
	u64 end = get_cycles() + 3 * pseries_platform.timebase_hz / HZ;
	unsigned long toc, seen, t;
	u64 irqs;

	preempt_disable();
	irqs = READ_ONCE(this_cpu()->irq_count);
	/* Three ticks with r2 clobbered, interrupts on; nothing here uses the TOC. */
	__asm__ __volatile__("mr %[toc], 2\n\t"
			     "lis 2, %[hi]\n"
			     "1:\tmftb %[t]\n\t"
			     "cmpd %[t], %[end]\n\t"
			     "blt 1b\n\t"
			     "mr %[seen], 2\n\t"
			     "mr 2, %[toc]"
			     : [toc] "=&r"(toc), [seen] "=&r"(seen), [t] "=&r"(t)
			     : [end] "r"(end), [hi] "i"(NOT_A_TOC >> 16)
			     : "cr0", "memory");
	irqs = READ_ONCE(this_cpu()->irq_count) - irqs;
	preempt_enable();

	KUNIT_EXPECT_GT(test, irqs, 0ULL);	/* the ticks came meanwhile */
	KUNIT_EXPECT_EQ(test, seen, NOT_A_TOC);	/* and gave r2 back */
}

static struct kunit_case powerpc_entry_cases[] = {
	KUNIT_CASE(powerpc_entry_loads_toc),
	{}
};

static struct kunit_suite powerpc_entry_suite = {
	.name = "powerpc_entry",
	.test_cases = powerpc_entry_cases,
};

kunit_test_suites(&powerpc_entry_suite);
