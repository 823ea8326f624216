// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM aborts on user addresses, from user mode or from the
 * kernel's user accesses (LDRT/STRT): decode the fault status (DFSR or
 * IFSR, ARMv6's format) and hand translation and permission faults to
 * the generic code (mm/fault.c), which brings the page in, copies it on
 * write or signals the process. An alignment fault from user mode is
 * SIGBUS, a debug event (BKPT) SIGTRAP; other kinds (external aborts,
 * domain faults) are not the memory code's.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/signal.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

bool do_user_abort(struct pt_regs *regs, bool exec)
{
	unsigned long addr = regs->far, fsr = regs->fsr;
	unsigned int flags = 0;

	if (!user_mode(regs) && (exec || addr >= TASK_SIZE_MAX))
		return false;
	switch (FSR_FS(fsr)) {
	case FS_ALIGNMENT:
		if (!user_mode(regs))
			return false;
		force_sig_fault(SIGBUS, BUS_ADRALN, addr);
		return true;
	case FS_DEBUG:
		if (!user_mode(regs))
			return false;
		force_sig_fault(SIGTRAP, TRAP_BRKPT, regs->pc);
		return true;
	case FS_TRANS_SECT:
	case FS_TRANS_PAGE:
	case FS_PERM_SECT:
	case FS_PERM_PAGE:
		break;
	default:
		return user_fault_signal(regs, addr, -EFAULT, fsr);
	}
	if (exec)
		flags |= FAULT_FLAG_INSTRUCTION;
	else if (fsr & FSR_WRITE)
		flags |= FAULT_FLAG_WRITE;
	return do_user_fault(regs, addr, flags, fsr);
}
