// SPDX-License-Identifier: GPL-2.0-only
/*
 * The goldfish real-time clock of QEMU virt, read once at boot for the
 * wall time: TIME_LOW and TIME_HIGH count nanoseconds since 1970, and
 * reading TIME_LOW latches TIME_HIGH. (Its window is also the MMIO
 * resource of the platform-bus test device, asm/board.h; reading the
 * time changes nothing there.)
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <asm/board.h>
#include <asm/io.h>

#define GOLDFISH_RTC_TIME_LOW 0x00
#define GOLDFISH_RTC_TIME_HIGH 0x04

u64 read_persistent_clock(void)
{
	unsigned long base = ioremap_window(BOARD_TEST_RES_START);
	u64 lo = readl((void *)(base + GOLDFISH_RTC_TIME_LOW));
	u64 hi = readl((void *)(base + GOLDFISH_RTC_TIME_HIGH));

	return ((hi << 32) | lo) / 1000000000ULL;
}
