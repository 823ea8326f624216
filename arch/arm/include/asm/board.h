/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The MMIO window that drivers/base/board.c gives the
 * "c-platform-test" device (the PL031 real-time clock of QEMU
 * versatilepb); the platform bus tests check that it reaches the driver
 * intact.
 */
#ifndef _ASM_ARM_BOARD_H
#define _ASM_ARM_BOARD_H

#define BOARD_TEST_RES_START 0x101e8000UL
#define BOARD_TEST_RES_SIZE 0x1000UL
#define BOARD_TEST_RES_NAME "pl031"

#endif /* _ASM_ARM_BOARD_H */
