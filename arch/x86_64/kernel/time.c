// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 time: the TSC, calibrated against PIT channel 2, gives
 * ktime_get_ns(); PIT channel 0 interrupts HZ times a second for jiffies,
 * timers and preemption.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>
#include <linux/timer.h>
#include <asm/io.h>
#include <asm/processor.h>

#define PIT_HZ 1193182
#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PIT_GATE 0x61
#define CALIBRATE_MS 10
#define CALIBRATE_TRIES 10

static u64 tsc_base;
static u64 tsc_mult;		/* ns = (cycles * tsc_mult) >> 32 */
static u64 tsc_khz;

u64 ktime_get_ns(void)
{
	if (!tsc_mult)
		return 0;
	return (u64)(((unsigned __int128)(rdtsc() - tsc_base) * tsc_mult) >> 32);
}

/*
 * Count TSC cycles over CALIBRATE_MS of PIT channel 2 in one-shot mode.
 * *err gets how uncertain the count is: the cycles around the start and
 * the end of the PIT count in which we could not see it happen. It is
 * large when the CPU was taken away there (a hypervisor or an emulator
 * descheduling the vCPU), which can skew a run by tens of percent.
 */
static u64 __init calibrate_tsc_cycles(u64 *err)
{
	u32 count = PIT_HZ * CALIBRATE_MS / 1000;
	u64 start0, start1, low, before, after;

	outb((inb(PIT_GATE) & ~0x02) | 0x01, PIT_GATE);	/* gate on, speaker off */
	outb(0xb0, PIT_CMD);				/* ch2, lo/hi, mode 0 */
	outb(count & 0xff, PIT_CH2);
	start0 = rdtsc();
	outb(count >> 8, PIT_CH2);			/* the count starts */
	start1 = rdtsc();
	low = start1;
	for (;;) {
		before = rdtsc();
		if (inb(PIT_GATE) & 0x20)
			break;
		low = before;				/* still counting then */
	}
	after = rdtsc();
	*err = (start1 - start0) + (after - low);
	return (after + low) / 2 - (start1 + start0) / 2;
}

/* The most certain of a few runs; one accurate to 0.1% ends the search. */
static u64 __init calibrate_tsc_khz(void)
{
	u64 cycles, err, best = 0, best_err = U64_MAX;

	for (int i = 0; i < CALIBRATE_TRIES; i++) {
		cycles = calibrate_tsc_cycles(&err);
		if (err < best_err) {
			best = cycles;
			best_err = err;
		}
		if (best_err <= best / 1000)
			break;
	}
	return best / CALIBRATE_MS;
}

static irqreturn_t timer_interrupt(int irq, void *dev)
{
	timer_tick();
	scheduler_tick();
	return IRQ_HANDLED;
}

void __init time_init(void)
{
	u32 divisor = (PIT_HZ + HZ / 2) / HZ;

	tsc_khz = calibrate_tsc_khz();
	tsc_base = rdtsc();
	tsc_mult = ((u64)NSEC_PER_MSEC << 32) / tsc_khz;
	pr_info("tsc: %llu.%03llu MHz, tick %d Hz\n", tsc_khz / 1000, tsc_khz % 1000, HZ);

	outb(0x34, PIT_CMD);		/* ch0, lo/hi, mode 2 (rate generator) */
	outb(divisor & 0xff, PIT_CH0);
	outb(divisor >> 8, PIT_CH0);
	if (request_irq(0, timer_interrupt, 0, "timer", NULL))
		panic("cannot get the timer interrupt");
}
