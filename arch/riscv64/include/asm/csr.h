/* SPDX-License-Identifier: GPL-2.0-only */
/* RISC-V supervisor control and status registers and their bits. */
#ifndef _ASM_RISCV_CSR_H
#define _ASM_RISCV_CSR_H

#include <uapi/linux/const.h>

/* sstatus */
#define SR_SIE		_UL(0x00000002)	/* interrupts enabled in S-mode */
#define SR_SPIE		_UL(0x00000020)	/* SIE before the trap */
#define SR_SPP		_UL(0x00000100)	/* trap came from S-mode */
#define SR_FS		_UL(0x00006000)	/* FPU state: 0 = off (FP insns trap) */
#define SR_SUM		_UL(0x00040000)	/* S-mode may access U pages */

/* sie / sip: the supervisor interrupt lines */
#define IRQ_S_SOFT	1
#define IRQ_S_TIMER	5
#define IRQ_S_EXT	9
#define SIE_SSIE	(_UL(1) << IRQ_S_SOFT)
#define SIE_STIE	(_UL(1) << IRQ_S_TIMER)
#define SIE_SEIE	(_UL(1) << IRQ_S_EXT)

/* scause: the top bit tells an interrupt from an exception */
#define CAUSE_IRQ_FLAG	(_UL(1) << 63)
#define EXC_INST_MISALIGNED	0
#define EXC_INST_ACCESS		1
#define EXC_ILLEGAL_INSN	2
#define EXC_BREAKPOINT		3
#define EXC_LOAD_MISALIGNED	4
#define EXC_LOAD_ACCESS		5
#define EXC_STORE_MISALIGNED	6
#define EXC_STORE_ACCESS	7
#define EXC_ECALL_U		8
#define EXC_ECALL_S		9
#define EXC_INST_PAGE_FAULT	12
#define EXC_LOAD_PAGE_FAULT	13
#define EXC_STORE_PAGE_FAULT	15

/* satp: Sv39 translation mode */
#define SATP_MODE_SV39	(_UL(8) << 60)

#ifndef __ASSEMBLER__
#define csr_read(csr)							\
({									\
	unsigned long __v;						\
	__asm__ __volatile__("csrr %0, " #csr : "=r"(__v) :: "memory"); \
	__v;								\
})

#define csr_write(csr, val)						\
	__asm__ __volatile__("csrw " #csr ", %0" :: "rK"((unsigned long)(val)) : "memory")

#define csr_set(csr, val)						\
	__asm__ __volatile__("csrs " #csr ", %0" :: "rK"((unsigned long)(val)) : "memory")

#define csr_clear(csr, val)						\
	__asm__ __volatile__("csrc " #csr ", %0" :: "rK"((unsigned long)(val)) : "memory")

/* Read the old value and clear bits, in one instruction. */
#define csr_read_clear(csr, val)					\
({									\
	unsigned long __v;						\
	__asm__ __volatile__("csrrc %0, " #csr ", %1"			\
			     : "=r"(__v) : "rK"((unsigned long)(val)) : "memory"); \
	__v;								\
})
#endif

#endif /* _ASM_RISCV_CSR_H */
