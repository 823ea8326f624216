// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM PrimeCell PL031 real-time clock of the board, read once at
 * boot for the wall time: its data register counts seconds since 1970.
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/mach.h>
#include <asm/page.h>

#define RTCDR 0x00	/* data: the current time in seconds */

u64 read_persistent_clock(void)
{
	return readl(__va(machine_desc->rtc_base) + RTCDR);
}
