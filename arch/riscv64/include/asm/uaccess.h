/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 user-memory access primitives behind <linux/uaccess.h>.
 *
 * User space is the lower half of the Sv39 address space (256 GiB);
 * TASK_SIZE_MAX stops one page short of its end. The kernel may touch
 * user pages only while sstatus.SUM is set, so every primitive sets it
 * around its accesses and clears it again, on the fault path too. Every
 * instruction here that touches user memory has an exception-table entry
 * (_ASM_EXTABLE): if it faults, the trap handler resumes at the fixup
 * instead of oopsing, and the primitive reports the failure.
 */
#ifndef _ASM_RISCV_UACCESS_H
#define _ASM_RISCV_UACCESS_H

#include <asm/page.h>
#include <asm/csr.h>

#define TASK_SIZE_MAX	((_AC(1, UL) << 38) - PAGE_SIZE)

/* Loads and stores run with sstatus.SUM set, for that one access. */
#define __UACCESS_CLEAR_ERR "li %[err], 0"
#define __UACCESS_BEGIN "	csrs sstatus, %[sum]\n"
#define __UACCESS_END "csrc sstatus, %[sum]"
#define __UACCESS_INPUTS , [sum] "r"(SR_SUM)

#include <asm-generic/uaccess.h>

__UACCESS_GET_USER(8, "lbu %[v], 0(%[src])")
__UACCESS_GET_USER(16, "lhu %[v], 0(%[src])")
__UACCESS_GET_USER(32, "lwu %[v], 0(%[src])")
__UACCESS_GET_USER(64, "ld %[v], 0(%[src])")

__UACCESS_PUT_USER(8, "sb %[v], 0(%[dst])")
__UACCESS_PUT_USER(16, "sh %[v], 0(%[dst])")
__UACCESS_PUT_USER(32, "sw %[v], 0(%[dst])")
__UACCESS_PUT_USER(64, "sd %[v], 0(%[dst])")

#endif /* _ASM_RISCV_UACCESS_H */
