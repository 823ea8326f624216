/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _ASM_POWERPC_EXTABLE_H
#define _ASM_POWERPC_EXTABLE_H

struct exception_table_entry {
	unsigned long insn, fixup;
};

/* In inline asm: if the instruction at label from faults, go to label to. */
#define _ASM_EXTABLE(from, to)					\
	" .pushsection __ex_table, \"a\"\n"			\
	" .balign 8\n"						\
	" .8byte " #from ", " #to "\n"				\
	" .popsection\n"

#endif /* _ASM_POWERPC_EXTABLE_H */
