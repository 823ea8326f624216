/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The MMIO window that drivers/base/board.c gives the
 * "c-platform-test" device (the q35 HPET); the platform bus tests check
 * that it reaches the driver intact.
 */
#ifndef _ASM_X86_BOARD_H
#define _ASM_X86_BOARD_H

#define BOARD_TEST_RES_START 0xfed00000UL
#define BOARD_TEST_RES_SIZE 0x400UL
#define BOARD_TEST_RES_NAME "hpet"

#endif /* _ASM_X86_BOARD_H */
