// SPDX-License-Identifier: GPL-2.0-only
/*
 * The wall clock at boot, from RTAS get-time-of-day: year, month, day,
 * hour, minute, second, nanoseconds (UTC).
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/setup.h>

u64 read_persistent_clock(void)
{
	u32 t[7];

	if (rtas_call(pseries_platform.rtas_get_time_of_day, 0, 8, t))
		return 0;
	return mktime64(t[0], t[1], t[2], t[3], t[4], t[5]);
}
