/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _ASM_ARM_EXTABLE_H
#define _ASM_ARM_EXTABLE_H

struct exception_table_entry {
	unsigned long insn, fixup;
};

/* In inline asm or assembly: if the instruction at from faults, go to to. */
#define _ASM_EXTABLE(from, to)					\
	" .pushsection __ex_table, \"a\"\n"			\
	" .balign 4\n"						\
	" .long " #from ", " #to "\n"				\
	" .popsection\n"

#endif /* _ASM_ARM_EXTABLE_H */
