// SPDX-License-Identifier: GPL-2.0-only
/*
 * The wall clock at boot, from RTAS get-time-of-day: year, month, day,
 * hour, minute, second, nanoseconds (UTC).
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/setup.h>

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), after Howard Hinnant's days_from_civil. */
static u64 days_from_civil(int y, unsigned int m, unsigned int d)
{
	int era;
	unsigned int yoe, doy, doe;

	y -= m <= 2;
	era = y / 400;
	yoe = (unsigned int)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (u64)era * 146097 + doe - 719468;
}

u64 read_persistent_clock(void)
{
	u32 t[7];

	if (rtas_call(pseries_platform.rtas_get_time_of_day, 0, 8, t))
		return 0;
	return days_from_civil((int)t[0], t[1], t[2]) * 86400 + t[3] * 3600 + t[4] * 60 + t[5];
}
