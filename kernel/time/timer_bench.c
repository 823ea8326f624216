// SPDX-License-Identifier: GPL-2.0-only
/*
 * The timer scale curves of "bench=1" (lib/devbench.c runs them), with
 * 1,000 to 64,000 timers pending, spread over every level of the wheel:
 * arming and cancelling one more timer (mod_timer() + del_timer()), and a
 * tick (timer_tick() run by hand, interrupts off, as the tick interrupt
 * runs it; mostly no jiffy is due, which is what a tick costs between
 * expiries). One line per curve and size:
 *
 *   bench: curve timer_arm_cancel 4k 159 ns/op  (5 x 4096 iters, min)
 *
 * Not a test; figures are wall time, or instructions under QEMU -icount.
 */
#include <linux/devbench.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/timer.h>

static void never_runs(struct timer_list *t)
{
	WARN_ON(1);	/* every timer here is cancelled long before it is due */
}

/* One arm+cancel of timer @arg, due in an hour to a month. */
static void arm_cancel(void *arg, unsigned long i)
{
	struct timer_list *t = arg;

	mod_timer(t, jiffies + 3600 * HZ + (i * 7919) % (30UL * 24 * 3600 * HZ));
	del_timer(t);
}

static void tick(void *arg, unsigned long i)
{
	unsigned long flags;

	local_irq_save(flags);
	timer_tick();
	local_irq_restore(flags);
}

int timer_bench_run(void)
{
	static const unsigned int sizes[] = { 1000, 4000, 16000, 64000 };
	unsigned int n = sizes[ARRAY_SIZE(sizes) - 1];
	struct timer_list *t = kvcalloc(n + 1, sizeof(*t), GFP_KERNEL);
	unsigned int armed = 0;

	if (!t)
		return -ENOMEM;
	for (unsigned int i = 0; i <= n; i++)
		timer_setup(&t[i], never_runs, 0);
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (; armed < sizes[s]; armed++)
			mod_timer(&t[armed], jiffies + 3600 * HZ +
				  (armed * 2654435761UL) % (100UL * 24 * 3600 * HZ));
		devbench_curve_point("timer_arm_cancel", sizes[s], arm_cancel, &t[n]);
		devbench_curve_point("timer_tick", sizes[s], tick, NULL);
	}
	for (unsigned int i = 0; i < armed; i++)
		del_timer(&t[i]);
	kvfree(t);
	return 2;
}
