// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM PrimeCell PL031 real-time clock of versatilepb, read once at
 * boot for the wall time: its data register counts seconds since 1970.
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>

#define RTCDR 0x00	/* data: the current time in seconds */

u64 read_persistent_clock(void)
{
	return readl(__va(VERSATILE_RTC_BASE) + RTCDR);
}
