// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 time: the generic timer. The virtual counter (CNTVCT_EL0, at
 * CNTFRQ_EL0 Hz, no calibration needed) gives ktime_get_ns(); the EL1
 * virtual timer, a per-CPU interrupt (PPI) through the GIC, fires HZ
 * times a second on each CPU for jiffies, timers and preemption.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>
#include <linux/timer.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define CNTV_CTL_ENABLE (1UL << 0)
#define CNTV_CTL_IMASK (1UL << 1)

static u64 cnt_base;
static u64 cnt_mult;		/* ns = (ticks * cnt_mult) >> 32 */
static u64 cnt_freq;
static u64 tick_period;		/* counter ticks per jiffy */
static DEFINE_PER_CPU(u64, next_tick);	/* compare value of this CPU's next tick */

static inline u64 read_cntvct(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

u64 ktime_get_ns(void)
{
	if (!cnt_mult)
		return 0;
	return (u64)(((unsigned __int128)(read_cntvct() - cnt_base) * cnt_mult) >> 32);
}

static irqreturn_t timer_interrupt(int irq, void *dev)
{
	u64 next = tick_next_deadline(__this_cpu_read(next_tick), tick_period, read_cntvct());

	__this_cpu_write(next_tick, next);
	write_sysreg(next, cntv_cval_el0);
	isb();
	timer_tick();
	scheduler_tick();
	return IRQ_HANDLED;
}

void __init time_init(void)
{
	cnt_freq = read_sysreg(cntfrq_el0);
	if (!cnt_freq)
		panic("generic timer: CNTFRQ_EL0 is 0");
	cnt_base = read_cntvct();
	cnt_mult = (NSEC_PER_SEC << 32) / cnt_freq;
	tick_period = cnt_freq / HZ;
	pr_info("arch_timer: %llu.%03llu MHz virtual counter, tick %d Hz on IRQ %u\n",
		cnt_freq / 1000000, (cnt_freq / 1000) % 1000, HZ, arm64_board.timer_irq);

	if (request_irq(arm64_board.timer_irq, timer_interrupt, 0, "arch_timer", NULL))
		panic("cannot get the timer interrupt");
	arch_timer_starting_cpu();
}

void arch_timer_starting_cpu(void)
{
	u64 next = read_cntvct() + tick_period;

	__this_cpu_write(next_tick, next);
	write_sysreg(next, cntv_cval_el0);
	write_sysreg(CNTV_CTL_ENABLE, cntv_ctl_el0);
	isb();
	arch_irq_unmask(arm64_board.timer_irq);	/* a PPI: this CPU's banked enable */
}
