// SPDX-License-Identifier: GPL-2.0-only
/*
 * The exception table: pairs (faulting instruction, fixup) emitted by
 * _ASM_EXTABLE() next to instructions allowed to fault (user copies, probes).
 */
#include <linux/kernel.h>
#include <asm/extable.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	for (const struct exception_table_entry *e = __start___ex_table;
	     e < __stop___ex_table; e++) {
		if (e->insn == regs->nip) {
			regs->nip = e->fixup;
			return true;
		}
	}
	return false;
}
