// SPDX-License-Identifier: GPL-2.0-only
/* The PC's CMOS real-time clock (MC146818), read once at boot for the wall time. */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/io.h>

#define CMOS_ADDR 0x70
#define CMOS_DATA 0x71

static unsigned int cmos_read(u8 reg)
{
	outb(reg, CMOS_ADDR);
	return inb(CMOS_DATA);
}

static unsigned int bcd(unsigned int v, bool binary)
{
	return binary ? v : (v & 15) + (v >> 4) * 10;
}

u64 read_persistent_clock(void)
{
	unsigned int sec, min, hour, day, mon, year, regb;
	bool binary;

	while (cmos_read(0x0a) & 0x80)	/* update in progress */
		;
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	regb = cmos_read(0x0b);
	binary = regb & 0x04;
	sec = bcd(sec, binary);
	min = bcd(min, binary);
	hour = bcd(hour & 0x7f, binary) + ((hour & 0x80) && !(regb & 0x02) ? 12 : 0);
	day = bcd(day, binary);
	mon = bcd(mon, binary);
	year = bcd(year, binary) + 2000;
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return 0;
	return mktime64(year, mon, day, hour, min, sec);
}
