// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 time: the time CSR counts at the device tree's timebase
 * frequency and gives ktime_get_ns(); the supervisor timer interrupt,
 * programmed through the SBI TIME extension one tick ahead on each hart,
 * fires HZ times a second for jiffies, timers and preemption.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>
#include <linux/timer.h>
#include <asm/csr.h>
#include <asm/processor.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/traps.h>

static u64 time_base;		/* counter value at time_init() */
static u64 timebase_hz;
static u64 tick_cycles;		/* counter ticks per jiffy */
static DEFINE_PER_CPU(u64, next_tick);	/* counter value of this hart's next tick */

u64 ktime_get_ns(void)
{
	u64 c;

	if (!timebase_hz)
		return 0;
	c = get_cycles() - time_base;
	/* Exact and overflow-free for centuries at any sane frequency. */
	return c / timebase_hz * NSEC_PER_SEC + c % timebase_hz * NSEC_PER_SEC / timebase_hz;
}

/* The tick: the next deadline on the grid, then jiffies and timers. */
void riscv_timer_interrupt(void)
{
	u64 next = tick_next_deadline(__this_cpu_read(next_tick), tick_cycles, get_cycles());

	__this_cpu_write(next_tick, next);
	sbi_set_timer(next);
	timer_tick();
	scheduler_tick();
}

void riscv_timer_starting_cpu(void)
{
	__this_cpu_write(next_tick, get_cycles() + tick_cycles);
	sbi_set_timer(__this_cpu_read(next_tick));
	csr_set(sie, SIE_STIE);
}

void __init time_init(void)
{
	timebase_hz = riscv_platform.timebase_hz;
	tick_cycles = timebase_hz / HZ;
	time_base = get_cycles();
	pr_info("time: timebase %llu.%03llu MHz, tick %d Hz\n", timebase_hz / 1000000,
		timebase_hz / 1000 % 1000, HZ);
	riscv_timer_starting_cpu();
}
