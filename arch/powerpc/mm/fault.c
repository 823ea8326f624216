// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 storage interrupts on user addresses, from user mode or from
 * the kernel's user accesses: a data storage interrupt (0x300) gives the
 * address in DAR and says in DSISR whether it was a store, an instruction
 * storage interrupt (0x400) faults at nip; the segment interrupts (0x380,
 * 0x480) mean an address outside the radix tree's range. The generic code
 * (mm/fault.c) brings the page in, copies it on write or signals the
 * process.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

bool do_user_page_fault(struct pt_regs *regs)
{
	bool exec = regs->trap == 0x400 || regs->trap == 0x480;
	unsigned long addr = exec ? regs->nip : regs->dar;
	unsigned int flags = 0;

	if (addr >= TASK_SIZE_MAX && !user_mode(regs))
		return false;
	if (regs->trap == 0x380 || regs->trap == 0x480)
		return user_fault_signal(regs, addr, -EFAULT, regs->trap);
	if (exec)
		flags |= FAULT_FLAG_INSTRUCTION;
	else if (regs->dsisr & DSISR_ISSTORE)
		flags |= FAULT_FLAG_WRITE;
	return do_user_fault(regs, addr, flags, regs->trap);
}
