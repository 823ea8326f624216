/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI configuration space registers (PCI Local Bus 3.0 and PCI-to-PCI
 * Bridge 1.2 specifications), with Linux's names. Offsets are bytes into a
 * function's 256-byte configuration header.
 */
#ifndef _LINUX_PCI_REGS_H
#define _LINUX_PCI_REGS_H

#define PCI_CFG_SPACE_SIZE	256

#define PCI_VENDOR_ID		0x00	/* 16 bits; 0xffff: no function here */
#define PCI_DEVICE_ID		0x02	/* 16 bits */
#define PCI_COMMAND		0x04	/* 16 bits */
#define  PCI_COMMAND_IO		0x1	/* respond to I/O space accesses */
#define  PCI_COMMAND_MEMORY	0x2	/* respond to memory space accesses */
#define  PCI_COMMAND_MASTER	0x4	/* may master the bus (DMA, MSI) */
#define  PCI_COMMAND_INTX_DISABLE 0x400	/* INTx# emulation disabled */
#define PCI_STATUS		0x06	/* 16 bits */
#define  PCI_STATUS_INTERRUPT	0x08	/* INTx# asserted */
#define  PCI_STATUS_CAP_LIST	0x10	/* capability list at PCI_CAPABILITY_LIST */
#define PCI_CLASS_REVISION	0x08	/* class (24 bits) << 8 | revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a	/* base class << 8 | sub-class */
#define PCI_HEADER_TYPE		0x0e	/* 8 bits */
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define  PCI_HEADER_TYPE_MFD	0x80	/* multi-function device */

/* Base address registers: 6 in a normal header, 2 in a bridge's. */
#define PCI_BASE_ADDRESS_0	0x10
#define PCI_STD_NUM_BARS	6
#define  PCI_BASE_ADDRESS_SPACE_IO	0x01
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0x0fUL)
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x03UL)

#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_CAPABILITY_LIST	0x34	/* 8 bits: offset of the first capability */
#define PCI_INTERRUPT_LINE	0x3c	/* 8 bits: for the OS to record the IRQ */
#define PCI_INTERRUPT_PIN	0x3d	/* 8 bits: 0 none, 1-4 INTA#-INTD# */

/* Type 1 (PCI-to-PCI bridge) header. */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a
#define PCI_IO_BASE		0x1c	/* 8 bits: address bits 15:12 in 7:4 */
#define PCI_IO_LIMIT		0x1d
#define PCI_MEMORY_BASE		0x20	/* 16 bits: address bits 31:20 in 15:4 */
#define PCI_MEMORY_LIMIT	0x22
#define PCI_PREF_MEMORY_BASE	0x24
#define PCI_PREF_MEMORY_LIMIT	0x26
#define PCI_PREF_BASE_UPPER32	0x28
#define PCI_PREF_LIMIT_UPPER32	0x2c
#define PCI_IO_BASE_UPPER16	0x30
#define PCI_IO_LIMIT_UPPER16	0x32
#define PCI_BRIDGE_CONTROL	0x3e

/* Capabilities (a list through config space, from PCI_CAPABILITY_LIST). */
#define PCI_CAP_LIST_ID		0	/* capability ID */
#define PCI_CAP_LIST_NEXT	1	/* next capability offset, 0 at the end */
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_VNDR		0x09	/* vendor specific (virtio uses it) */
#define PCI_CAP_ID_EXP		0x10	/* PCI Express */
#define PCI_CAP_ID_MSIX		0x11

#endif /* _LINUX_PCI_REGS_H */
