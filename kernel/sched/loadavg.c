// SPDX-License-Identifier: GPL-2.0-only
/*
 * The load average of /proc/loadavg and sysinfo: every 5 seconds the
 * number of runnable tasks is folded into three exponentially decaying
 * averages (1, 5 and 15 minutes), in Linux's fixed point (11 bits of
 * fraction) with Linux's constants, so the figures mean what they mean
 * on Linux.
 *
 * Every active CPU's tick calls calc_global_load_tick(); the first to see
 * the fold due claims it by moving calc_load_update with a
 * compare-and-exchange, so the averages are folded once per interval
 * whatever the number of CPUs.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/atomic.h>

#define FSHIFT		11
#define FIXED_1		(1UL << FSHIFT)
#define LOAD_FREQ	(5 * HZ + 1)
#define EXP_1		1884		/* FIXED_1 / exp(5 s / 1 min) */
#define EXP_5		2014
#define EXP_15		2037

unsigned long avenrun[3];
static atomic_long_t calc_load_update = ATOMIC_INIT(LOAD_FREQ);	/* jiffy of the next fold */

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

void calc_global_load_tick(void)
{
	long due = atomic_long_read(&calc_load_update);
	unsigned long active;

	if (time_before(jiffies, (unsigned long)due) ||
	    !atomic_long_try_cmpxchg(&calc_load_update, &due, due + LOAD_FREQ))
		return;
	active = nr_running() * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
}
