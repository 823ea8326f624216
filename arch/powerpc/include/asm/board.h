/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The MMIO window that drivers/base/board.c gives the "c-platform-test"
 * device: on pseries, the first page of the PCI host bridge's 32-bit
 * memory window (QEMU's spapr-pci-host-bridge, index 0); the platform bus
 * tests check that it reaches the driver intact.
 */
#ifndef _ASM_POWERPC_BOARD_H
#define _ASM_POWERPC_BOARD_H

#define BOARD_TEST_RES_START 0x200080000000UL
#define BOARD_TEST_RES_SIZE 0x1000UL
#define BOARD_TEST_RES_NAME "spapr-phb-mmio32"

#endif /* _ASM_POWERPC_BOARD_H */
