// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM time, on both boards. The clock is the system registers'
 * 24 MHz counter (SYS_24MHZ), 32 bits wide: it wraps every 179 s, so every
 * read extends it to 64 bits from the last count read, and the periodic
 * tick reads it well within half a wrap (a counter behind the last count,
 * which another CPU read after this one, counts as no time). The count is
 * one atomic 64-bit word whose low half is the counter, advanced by a
 * compare-and-exchange: every CPU reads the clock, printk() among them,
 * so it takes no lock. The tick, HZ times a second for jiffies, timers
 * and preemption, is the board's (machine_desc->init_time): on
 * versatilepb the first SP804 timer (1 MHz) in periodic mode, here; on
 * realview-eb-mpcore each CPU's MPCore private timer (smp_twd.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/atomic.h>
#include <linux/start_kernel.h>
#include <linux/timer.h>
#include <asm/io.h>
#include <asm/mach.h>
#include <asm/page.h>
#include <asm/setup.h>

#define SYS_24MHZ 0x5c

#define TIMER_LOAD 0x00
#define TIMER_CTRL 0x08
#define TIMER_INTCLR 0x0c
#define TIMER_CTRL_32BIT (1 << 1)
#define TIMER_CTRL_IE (1 << 5)
#define TIMER_CTRL_PERIODIC (1 << 6)
#define TIMER_CTRL_ENABLE (1 << 7)
#define TIMER_HZ 1000000

static unsigned long counter, timer;
static atomic64_t cyc_last;	/* the last count read; its low half the counter then */
static u64 cyc_base;		/* the count at time_init() */

u64 ktime_get_ns(void)
{
	s64 last = atomic64_read(&cyc_last);
	s32 delta;
	u64 cyc;

	if (!counter)
		return 0;
	delta = readl(counter) - (u32)last;
	cyc = last + max(delta, 0);
	/* Lost to a newer count: that one is as right as this one. */
	atomic64_try_cmpxchg(&cyc_last, &last, cyc);
	return (cyc - cyc_base) * 125 / 3;	/* 1000 / 24 ns a tick */
}

static irqreturn_t timer_interrupt(int irq, void *dev)
{
	writel(1, timer + TIMER_INTCLR);
	ktime_get_ns();
	timer_tick();
	scheduler_tick();
	return IRQ_HANDLED;
}

void __init time_init(void)
{
	cyc_base = readl(__va(VERSATILE_SYS_BASE + SYS_24MHZ));
	atomic64_set(&cyc_last, cyc_base);
	counter = (unsigned long)__va(VERSATILE_SYS_BASE + SYS_24MHZ);
	machine_desc->init_time();
}

void __init sp804_timer_init(void)
{
	timer = (unsigned long)__va(machine_desc->timer_base);
	pr_info("clocksource: 24 MHz system counter, tick %d Hz from SP804 on IRQ %d\n", HZ,
		machine_desc->timer_irq);

	writel(0, timer + TIMER_CTRL);
	writel(TIMER_HZ / HZ, timer + TIMER_LOAD);
	writel(1, timer + TIMER_INTCLR);
	if (request_irq(machine_desc->timer_irq, timer_interrupt, 0, "sp804", NULL))
		panic("cannot get the timer interrupt");
	writel(TIMER_CTRL_32BIT | TIMER_CTRL_IE | TIMER_CTRL_PERIODIC | TIMER_CTRL_ENABLE,
	       timer + TIMER_CTRL);
}
