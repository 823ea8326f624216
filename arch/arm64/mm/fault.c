// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 aborts on user addresses, from EL0 or from the kernel's user
 * accesses (LDTR/STTR): decode ESR_EL1 and hand translation and
 * permission faults to the generic code (mm/fault.c), which brings the
 * page in, copies it on write or signals the process. Other fault kinds
 * (alignment, external aborts...) are not the memory code's.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/signal.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define ESR_ELx_WNR (1UL << 6)
#define ESR_ELx_CM (1UL << 8)		/* cache maintenance: reported as a write */
#define FSC_TYPE(esr) ((esr) & 0x3c)
#define FSC_TRANSLATION 0x04
#define FSC_ACCESS 0x08
#define FSC_PERMISSION 0x0c
#define FSC_ALIGNMENT 0x21

bool do_user_abort(struct pt_regs *regs, unsigned long esr, unsigned long addr)
{
	bool exec = ESR_EC(esr) == EC_IABT_LOW || ESR_EC(esr) == EC_IABT_CUR;
	unsigned int flags = 0;

	if (addr >= TASK_SIZE_MAX && !user_mode(regs))
		return false;
	if (user_mode(regs) && (esr & 0x3f) == FSC_ALIGNMENT) {
		force_sig_fault(SIGBUS, BUS_ADRALN, addr);
		return true;
	}
	if (FSC_TYPE(esr) != FSC_TRANSLATION && FSC_TYPE(esr) != FSC_PERMISSION &&
	    FSC_TYPE(esr) != FSC_ACCESS)
		return user_fault_signal(regs, addr, -EFAULT, esr);
	if (exec)
		flags |= FAULT_FLAG_INSTRUCTION;
	else if ((esr & ESR_ELx_WNR) && !(esr & ESR_ELx_CM))
		flags |= FAULT_FLAG_WRITE;
	return do_user_fault(regs, addr, flags, esr);
}
