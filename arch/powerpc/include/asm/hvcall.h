/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PAPR hypervisor calls ("sc 1" with the call number in r3 and arguments
 * in r4..r12; the status comes back in r3 and results in r4..r11). The
 * numbers and status codes are PAPR's (Linux's asm/hvcall.h names).
 */
#ifndef _ASM_POWERPC_HVCALL_H
#define _ASM_POWERPC_HVCALL_H

#define H_SUCCESS 0
#define H_BUSY 1
#define H_HARDWARE -1
#define H_FUNCTION -2
#define H_PARAMETER -4

#define H_PUT_TCE 0x20
#define H_EOI 0x64
#define H_CPPR 0x68
#define H_IPI 0x6c
#define H_XIRR 0x74
#define H_CEDE 0xe0
#define H_GET_TERM_CHAR 0x54
#define H_PUT_TERM_CHAR 0x58
#define H_SET_MODE 0x31c
#define H_REGISTER_PROC_TBL 0x37c

/* QEMU's private call that runs an RTAS function (its RTAS blob calls it). */
#define KVMPPC_H_RTAS 0xf000

/* H_SET_MODE resources and their modes. */
#define H_SET_MODE_RESOURCE_ADDR_TRANS_MODE 3
#define H_SET_MODE_AIL_C000_0000_0000_4000 3	/* interrupts at 0xc000000000004000 + vector */
#define H_SET_MODE_RESOURCE_LE 4
#define H_SET_MODE_ENDIAN_LITTLE 1

/* H_REGISTER_PROC_TBL flags. */
#define PROC_TABLE_NEW 0x18		/* modify, register */
#define PROC_TABLE_RADIX 0x04
#define PROC_TABLE_GTSE 0x01		/* the guest may use tlbie itself */

#ifndef __ASSEMBLER__
/*
 * plpar_hcall_norets() - make hypervisor call @opcode with up to 7
 * arguments; returns its status (H_SUCCESS...). Any context; never sleeps
 * (H_CEDE returns when an interrupt is pending).
 */
long plpar_hcall_norets(unsigned long opcode, ...);

#define PLPAR_HCALL_BUFSIZE 4
/* plpar_hcall() - as above, with up to 4 results stored in @retbuf. */
long plpar_hcall(unsigned long opcode, unsigned long *retbuf, ...);
#endif

#endif /* _ASM_POWERPC_HVCALL_H */
