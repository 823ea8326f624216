/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypervisor calls (asm/hvcall.h). The arguments are already where PAPR
 * wants them (opcode in r3, then r4...; plpar_hcall()'s retbuf in r4
 * moves aside); "sc 1" preserves r14-r31 and the stack, and clobbers
 * what a C call may, except r13 (cpu_info), which it keeps.
 */
	.text
	.globl plpar_hcall_norets
plpar_hcall_norets:
	sc 1
	blr

	.globl plpar_hcall
plpar_hcall:
	std 4, -8(1)		/* the caller's red zone: we are a leaf */
	mr 4, 5
	mr 5, 6
	mr 6, 7
	mr 7, 8
	mr 8, 9
	mr 9, 10
	sc 1
	ld 12, -8(1)
	std 4, 0(12)
	std 5, 8(12)
	std 6, 16(12)
	std 7, 24(12)
	blr
