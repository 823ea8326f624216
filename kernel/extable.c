// SPDX-License-Identifier: GPL-2.0-only
/*
 * The exception table: pairs (faulting instruction, fixup) that each
 * architecture's _ASM_EXTABLE() (asm/extable.h) emits next to the
 * instructions allowed to fault (user copies, probes), gathered by the
 * linker between __start___ex_table and __stop___ex_table.
 */
#include <linux/kernel.h>
#include <linux/extable.h>
#include <linux/ptrace.h>
#include <asm/extable.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	for (const struct exception_table_entry *e = __start___ex_table;
	     e < __stop___ex_table; e++) {
		if (e->insn == instruction_pointer(regs)) {
			instruction_pointer_set(regs, e->fixup);
			return true;
		}
	}
	return false;
}
