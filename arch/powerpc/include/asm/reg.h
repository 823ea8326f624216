/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 machine state register bits and special-purpose register
 * numbers (Power ISA 3.0), and accessors.
 */
#ifndef _ASM_POWERPC_REG_H
#define _ASM_POWERPC_REG_H

#ifdef __ASSEMBLER__
#define __MASK(b) (1 << (b))
#define __MASK64(b) (1 << (b))
#else
#define __MASK(b) (1UL << (b))
#define __MASK64(b) (1UL << (b))
#endif

/* MSR bits, counted from the least significant (ISA bit 63 - n). */
#define MSR_SF_LG 63			/* 64-bit mode */
#define MSR_SF (__MASK64(63))
#define MSR_VEC (__MASK(25))		/* VMX (AltiVec) available */
#define MSR_VSX (__MASK(23))		/* VSX available */
#define MSR_EE (__MASK(15))		/* external and decrementer interrupts */
#define MSR_PR (__MASK(14))		/* problem state: user mode */
#define MSR_FP (__MASK(13))
#define MSR_ME (__MASK(12))		/* machine checks enabled */
#define MSR_IR (__MASK(5))		/* instruction relocation (MMU on) */
#define MSR_DR (__MASK(4))		/* data relocation */
#define MSR_RI (__MASK(1))		/* recoverable interrupt */
#define MSR_LE (__MASK(0))		/* little-endian */
#define MSR_KERNEL_REAL (MSR_SF | MSR_ME | MSR_RI | MSR_LE)
/*
 * User mode: translation and interrupts on, and FP, VMX and VSX always
 * available (their registers are saved at each context switch, never used
 * by the kernel; an interrupt clears the three bits in the kernel's MSR).
 */
#define MSR_USER (MSR_KERNEL_REAL | MSR_IR | MSR_DR | MSR_EE | MSR_PR | \
		  MSR_FP | MSR_VEC | MSR_VSX)

#define SPRN_XER 1
#define SPRN_DSCR 3
#define SPRN_DSISR 18
#define SPRN_DAR 19
#define SPRN_DEC 22
#define SPRN_SRR0 26
#define SPRN_SRR1 27
#define SPRN_PID 48
#define SPRN_SPRG0 272
#define SPRN_SPRG1 273
#define SPRN_SPRG2 274
#define SPRN_SPRG3 275
#define SPRN_VRSAVE 256
#define SPRN_TBRL 268
#define SPRN_PVR 287

/* DSISR bits for a data storage interrupt (radix). */
#define DSISR_NOHPTE (__MASK(30))	/* no translation */
#define DSISR_PROTFAULT (__MASK(27))	/* access not permitted */
#define DSISR_ISSTORE (__MASK(25))	/* the access was a store */
/* SRR1 bits for an instruction storage interrupt. */
#define SRR1_ISI_NOPT (__MASK(30))
#define SRR1_ISI_N_G_OR_CIP (__MASK(28))
#define SRR1_ISI_PROT (__MASK(27))
/* SRR1 bits for a program interrupt. */
#define SRR1_PROGFPE (__MASK(20))
#define SRR1_PROGILL (__MASK(19))
#define SRR1_PROGPRIV (__MASK(18))
#define SRR1_PROGTRAP (__MASK(17))

#ifndef __ASSEMBLER__
#include <linux/compiler.h>

#define mfspr(rn) ({ unsigned long __v; \
	__asm__ __volatile__("mfspr %0," __stringify(rn) : "=r"(__v)); __v; })
#define mtspr(rn, v) __asm__ __volatile__("mtspr " __stringify(rn) ",%0" :: "r"((unsigned long)(v)) : "memory")

static inline unsigned long mfmsr(void)
{
	unsigned long msr;

	__asm__ __volatile__("mfmsr %0" : "=r"(msr));
	return msr;
}

/* Set the MSR (a full mtmsrd: may change IR/DR), then resynchronise. */
static inline void mtmsr_isync(unsigned long msr)
{
	__asm__ __volatile__("mtmsrd %0\n\tisync" :: "r"(msr) : "memory");
}
#endif

#endif /* _ASM_POWERPC_REG_H */
