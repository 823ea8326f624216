// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM11 MPCore's private timers ("TWD"): one per CPU at the same
 * address in the private region, each raising PPI 29 on its own CPU. Each
 * runs in auto-reload mode HZ times a second, the tick of its CPU; the
 * boot CPU's also advances jiffies (timer_tick()). Their clock
 * (PERIPHCLK) is not given by the board: it is measured once against the
 * 24 MHz system counter.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <asm/io.h>
#include <asm/mach.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define TWD_LOAD 0x00
#define TWD_COUNTER 0x04
#define TWD_CONTROL 0x08
#define TWD_INTSTAT 0x0c
#define TWD_CTRL_ENABLE (1 << 0)
#define TWD_CTRL_AUTO_RELOAD (1 << 1)
#define TWD_CTRL_IT_ENABLE (1 << 2)

#define IRQ_LOCALTIMER 29
#define CALIBRATE_NS 10000000ULL	/* 10 ms */
#define SAMPLE_NS 20000		/* 20 us: 0.4% of CALIBRATE_NS */

static unsigned long twd;
static u32 twd_rate;		/* Hz */

static irqreturn_t twd_interrupt(int irq, void *dev)
{
	writel(1, twd + TWD_INTSTAT);
	ktime_get_ns();		/* the counter's wrap, see time.c */
	timer_tick();
	scheduler_tick();
	return IRQ_HANDLED;
}

/*
 * One read of the counter and the time it was read at: the midpoint of
 * two clock reads around it, false if they are SAMPLE_NS or more apart
 * (under QEMU the host may stop the CPU between any two reads).
 */
static bool __init twd_sample(u32 *count, u64 *ns)
{
	u64 before = ktime_get_ns(), after;

	*count = readl(twd + TWD_COUNTER);
	after = ktime_get_ns();
	*ns = before + (after - before) / 2;
	return after - before < SAMPLE_NS;
}

/* The timer's rate: how far it counts down in CALIBRATE_NS or more of the system counter. */
static u32 __init twd_calibrate(void)
{
	u64 start, end;
	u32 first, last;

	writel(0, twd + TWD_CONTROL);
	writel(0xffffffff, twd + TWD_LOAD);
	writel(TWD_CTRL_ENABLE, twd + TWD_CONTROL);
	while (!twd_sample(&first, &start))
		;
	while (!twd_sample(&last, &end) || end - start < CALIBRATE_NS)
		;
	writel(0, twd + TWD_CONTROL);
	/* Rounded to 100 kHz, within what the samples' spread allows. */
	return ((u64)(first - last) * NSEC_PER_SEC / (end - start) + 50000) / 100000 * 100000;
}

/*
 * The PPI is unmasked before the timer starts: the MPCore's GIC marks a
 * level-triggered interrupt pending only when its line rises while
 * enabled, so a first tick raised while masked would be the last.
 */
void twd_timer_starting_cpu(void)
{
	writel(0, twd + TWD_CONTROL);
	writel(1, twd + TWD_INTSTAT);
	arch_irq_unmask(IRQ_LOCALTIMER);	/* a PPI: this CPU's banked enable */
	writel(twd_rate / HZ, twd + TWD_LOAD);
	writel(TWD_CTRL_ENABLE | TWD_CTRL_AUTO_RELOAD | TWD_CTRL_IT_ENABLE, twd + TWD_CONTROL);
}

void __init twd_timer_init(void)
{
	twd = (unsigned long)__va(REALVIEW_MPCORE_BASE + MPCORE_TWD);
	twd_rate = twd_calibrate();
	if (twd_rate < HZ)
		panic("twd: the private timer does not count (%u Hz)", twd_rate);
	pr_info("clocksource: 24 MHz system counter, tick %d Hz from each CPU's private timer (%u.%u MHz) on IRQ %d\n",
		HZ, twd_rate / 1000000, twd_rate / 100000 % 10, IRQ_LOCALTIMER);
	if (request_irq(IRQ_LOCALTIMER, twd_interrupt, 0, "twd", NULL))
		panic("cannot get the private timer interrupt");
	twd_timer_starting_cpu();
}
