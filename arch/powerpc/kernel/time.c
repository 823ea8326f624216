// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 time: the time base counts at the device tree's frequency
 * (512 MHz on pseries) and gives ktime_get_ns(); the decrementer, which
 * counts down at the same rate and interrupts (vector 0x900, when MSR[EE]
 * is set) once it goes negative, is reloaded one tick ahead each time and
 * drives jiffies, timers and preemption at HZ. Each CPU has its own
 * decrementer and its own next tick on its own grid; the boot CPU's alone
 * advances jiffies (timer_tick()).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>
#include <linux/timer.h>
#include <asm/processor.h>
#include <asm/reg.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/traps.h>

static u64 time_base;		/* time base at time_init() */
static u64 timebase_hz;
static u64 tick_cycles;		/* time base ticks per jiffy */
static DEFINE_PER_CPU(u64, next_tick);	/* time base value of this CPU's next tick */

u64 ktime_get_ns(void)
{
	u64 c;

	if (!timebase_hz)
		return 0;
	c = get_cycles() - time_base;
	return c / timebase_hz * NSEC_PER_SEC + c % timebase_hz * NSEC_PER_SEC / timebase_hz;
}

/* Interrupt when the time base reaches @when (at once if it has). */
static void set_dec_until(u64 when)
{
	s64 delta = (s64)(when - get_cycles());

	mtspr(SPRN_DEC, delta > 0 ? (delta > 0x7fffffff ? 0x7fffffff : delta) : 1);
}

/* The tick: the next deadline on the grid, then jiffies and timers. */
void timer_interrupt(void)
{
	u64 next = tick_next_deadline(__this_cpu_read(next_tick), tick_cycles, get_cycles());

	__this_cpu_write(next_tick, next);
	set_dec_until(next);
	timer_tick();
	scheduler_tick();
}

void __init time_init(void)
{
	timebase_hz = pseries_platform.timebase_hz;
	tick_cycles = timebase_hz / HZ;
	time_base = get_cycles();
	pr_info("time: timebase %llu.%03llu MHz, tick %d Hz\n", timebase_hz / 1000000,
		timebase_hz / 1000 % 1000, HZ);
	start_cpu_decrementer();
}

void start_cpu_decrementer(void)
{
	__this_cpu_write(next_tick, get_cycles() + tick_cycles);
	set_dec_until(__this_cpu_read(next_tick));
}
