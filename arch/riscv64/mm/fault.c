// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 page faults on user addresses, from U-mode or from the kernel's
 * user accesses (with sstatus.SUM set): the cause says which access it
 * was, and the generic code (mm/fault.c) brings the page in, copies it on
 * write or signals the process.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/csr.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

bool do_user_page_fault(struct pt_regs *regs)
{
	unsigned long addr = regs->badaddr;
	unsigned int flags = 0;

	if (addr >= TASK_SIZE_MAX && !user_mode(regs))
		return false;
	if (regs->cause == EXC_INST_PAGE_FAULT)
		flags |= FAULT_FLAG_INSTRUCTION;
	else if (regs->cause == EXC_STORE_PAGE_FAULT)
		flags |= FAULT_FLAG_WRITE;
	return do_user_fault(regs, addr, flags, regs->cause);
}
