/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 assembler helpers shared by head.S, entry.S and hvcall.S. */
#ifndef _ASM_POWERPC_ASM_H
#define _ASM_POWERPC_ASM_H

#ifdef __ASSEMBLER__
/* Load the 64-bit constant or symbol address \v into \r. */
.macro LOAD_IMM64 r, v
	lis \r, (\v)@highest
	ori \r, \r, (\v)@higher
	sldi \r, \r, 32
	oris \r, \r, (\v)@high
	ori \r, \r, (\v)@l
.endm

/* Load the doubleword at symbol \sym into \r, through the TOC (r2). */
.macro LOAD_TOC_VAR r, sym
	addis \r, 2, \sym@toc@ha
	ld \r, \sym@toc@l(\r)
.endm
#endif

#endif /* _ASM_POWERPC_ASM_H */
