/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Registers saved on kernel entry (interrupt, exception): Linux's
 * user_pt_regs order (gpr[32], nip, msr, orig_gpr3, ctr, link, xer, ccr,
 * softe, trap, dar, dsisr, result), which signal frames will copy. trap
 * is the interrupt vector offset (0x300 data storage, 0x900 decrementer...).
 */
#ifndef _ASM_POWERPC_PTRACE_H
#define _ASM_POWERPC_PTRACE_H

#include <asm/reg.h>

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long gpr[32];
	unsigned long nip;
	unsigned long msr;
	unsigned long orig_gpr3;
	unsigned long ctr;
	unsigned long link;
	unsigned long xer;
	unsigned long ccr;
	unsigned long softe;
	unsigned long trap;
	unsigned long dar;
	unsigned long dsisr;
	unsigned long result;
};

#define user_mode(regs) (((regs)->msr & MSR_PR) != 0)
#define instruction_pointer(regs) ((regs)->nip)
#define instruction_pointer_set(regs, val) ((regs)->nip = (val))
#define user_stack_pointer(regs) ((regs)->gpr[1])
#define regs_irqs_disabled(regs) (!((regs)->msr & MSR_EE))
#endif

#define PT_GPR(n) (8 * (n))
#define PT_NIP 256
#define PT_MSR 264
#define PT_ORIG_GPR3 272
#define PT_CTR 280
#define PT_LINK 288
#define PT_XER 296
#define PT_CCR 304
#define PT_SOFTE 312
#define PT_TRAP 320
#define PT_DAR 328
#define PT_DSISR 336
#define PT_RESULT 344
#define PT_SIZE 352

/*
 * ELFv2 stack frames: a called function may store below its caller's
 * stack pointer (the 288-byte protected zone of a leaf) and into the
 * caller's 32-byte minimum frame (back chain, CR, LR and TOC saves), so
 * an interrupt frame leaves both alone.
 */
#define STACK_FRAME_MIN 32
#define STACK_RED_ZONE 288
#define INT_FRAME_SIZE (STACK_FRAME_MIN + PT_SIZE + STACK_RED_ZONE)

#endif /* _ASM_POWERPC_PTRACE_H */
