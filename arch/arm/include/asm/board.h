/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The MMIO window that drivers/base/board.c gives the
 * "c-platform-test" device (the system registers, at the same address on
 * both boards, <asm/setup.h>); the platform bus tests check that it
 * reaches the driver intact.
 */
#ifndef _ASM_ARM_BOARD_H
#define _ASM_ARM_BOARD_H

#define BOARD_TEST_RES_START 0x10000000UL
#define BOARD_TEST_RES_SIZE 0x1000UL
#define BOARD_TEST_RES_NAME "arm-sysregs"

#endif /* _ASM_ARM_BOARD_H */
