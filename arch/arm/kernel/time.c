// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM time on versatilepb. The clock is the system controller's
 * 24 MHz counter (SYS_24MHZ), 32 bits wide: it wraps every 179 s, so every
 * read adds the ticks since the previous one to a 64-bit count, and the
 * periodic tick reads it often enough never to miss a wrap. The tick is
 * the first SP804 timer (1 MHz) in periodic mode, HZ times a second, on
 * VIC line 4, for jiffies, timers and preemption.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>
#include <linux/timer.h>
#include <asm/io.h>
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
static u32 cyc_last;		/* counter value at the previous read */
static u64 cyc_total;		/* 24 MHz ticks since time_init() */

u64 ktime_get_ns(void)
{
	unsigned long flags;
	u64 cyc;
	u32 now;

	if (!counter)
		return 0;
	local_irq_save(flags);
	now = readl(counter);
	cyc_total += (u32)(now - cyc_last);
	cyc_last = now;
	cyc = cyc_total;
	local_irq_restore(flags);
	return cyc * 125 / 3;	/* 1000 / 24 ns a tick */
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
	timer = (unsigned long)__va(VERSATILE_TIMER01_BASE);
	cyc_last = readl(__va(VERSATILE_SYS_BASE + SYS_24MHZ));
	counter = (unsigned long)__va(VERSATILE_SYS_BASE + SYS_24MHZ);
	pr_info("clocksource: 24 MHz system counter, tick %d Hz from SP804 on IRQ %d\n", HZ,
		IRQ_TIMER01);

	writel(0, timer + TIMER_CTRL);
	writel(TIMER_HZ / HZ, timer + TIMER_LOAD);
	writel(1, timer + TIMER_INTCLR);
	if (request_irq(IRQ_TIMER01, timer_interrupt, 0, "sp804", NULL))
		panic("cannot get the timer interrupt");
	writel(TIMER_CTRL_32BIT | TIMER_CTRL_IE | TIMER_CTRL_PERIODIC | TIMER_CTRL_ENABLE,
	       timer + TIMER_CTRL);
}
