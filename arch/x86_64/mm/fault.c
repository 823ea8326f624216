// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 page faults on user addresses: decode the error code and hand the
 * fault to the generic code (mm/fault.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define PF_PROT (1UL << 0)
#define PF_WRITE (1UL << 1)
#define PF_USER (1UL << 2)
#define PF_RSVD (1UL << 3)
#define PF_INSTR (1UL << 4)

bool do_user_addr_fault(struct pt_regs *regs, unsigned long addr, unsigned long err)
{
	unsigned int flags = 0;

	if (err & PF_RSVD)
		return user_fault_signal(regs, addr, -EFAULT, err);
	if (err & PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (err & PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	return do_user_fault(regs, addr, flags, err);
}
