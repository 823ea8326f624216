// SPDX-License-Identifier: GPL-2.0-only
/*
 * x87/SSE state of user tasks. The kernel itself never uses these
 * registers (it is built with -mno-sse), so the state only changes hands
 * when the CPU switches between user tasks: it is saved with FXSAVE when a
 * user task is switched out and restored with FXRSTOR when one comes in
 * (eagerly; no lazy #NM trapping). AVX and XSAVE are not enabled, so
 * CPUID tells programs that the OS does not support them.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/fpu.h>
#include <asm/processor.h>

#define X86_CR0_MP (1UL << 1)
#define X86_CR0_EM (1UL << 2)
#define X86_CR0_TS (1UL << 3)
#define X86_CR4_OSFXSR (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)

/* FXSAVE layout offsets of the control words set at exec. */
#define FX_FCW 0
#define FX_MXCSR 24

void __init fpu_init(void)
{
	unsigned long cr0 = read_cr0(), cr4 = read_cr4();

	cr0 = (cr0 & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP;
	__asm__ __volatile__("mov %0, %%cr0" :: "r"(cr0));
	__asm__ __volatile__("mov %0, %%cr4" :: "r"(cr4 | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT));
}

void fpu_save(struct thread_struct *t)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(t->fxstate));
}

void fpu_restore(const struct thread_struct *t)
{
	__asm__ __volatile__("fxrstor64 %0" :: "m"(t->fxstate));
}

void fpu_reset(struct thread_struct *t)
{
	u16 fcw = 0x37f;		/* x87: all exceptions masked, 64-bit precision */
	u32 mxcsr = 0x1f80;		/* SSE: all exceptions masked, round to nearest */

	memset(t->fxstate, 0, sizeof(t->fxstate));
	memcpy(t->fxstate + FX_FCW, &fcw, sizeof(fcw));
	memcpy(t->fxstate + FX_MXCSR, &mxcsr, sizeof(mxcsr));
}
