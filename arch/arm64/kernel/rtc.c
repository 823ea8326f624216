// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM PrimeCell PL031 real-time clock of QEMU virt, read once at boot
 * for the wall time: its data register counts seconds since 1970.
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>

#define RTCDR 0x00	/* data: the current time in seconds */

u64 read_persistent_clock(void)
{
	if (!arm64_board.rtc.size)
		return 0;
	return readl(__va(arm64_board.rtc.base) + RTCDR);
}
