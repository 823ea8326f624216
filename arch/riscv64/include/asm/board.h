/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The MMIO window that drivers/base/board.c gives the
 * "c-platform-test" device (the goldfish RTC of QEMU virt); the platform
 * bus tests check that it reaches the driver intact.
 */
#ifndef _ASM_RISCV_BOARD_H
#define _ASM_RISCV_BOARD_H

#define BOARD_TEST_RES_START 0x101000UL
#define BOARD_TEST_RES_SIZE 0x1000UL
#define BOARD_TEST_RES_NAME "goldfish-rtc"

#endif /* _ASM_RISCV_BOARD_H */
