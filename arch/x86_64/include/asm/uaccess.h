/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 user-memory access primitives behind <linux/uaccess.h>.
 *
 * User space is the lower half of the 48-bit address space; TASK_SIZE_MAX
 * stops one page short of the non-canonical hole so that a small access
 * starting just below it cannot reach it. Every instruction here that
 * touches user memory has an exception-table entry (_ASM_EXTABLE): if it
 * faults, the page-fault handler resumes at the fixup instead of oopsing,
 * and the primitive reports the failure. SMAP is not enabled, so no
 * stac/clac is needed yet.
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <asm/page.h>

#define TASK_SIZE_MAX	((_AC(1, UL) << 47) - PAGE_SIZE)

#define __UACCESS_CLEAR_ERR "xorl %k[err], %k[err]"

#include <asm-generic/uaccess.h>

__UACCESS_GET_USER(8, "movzbl (%[src]), %k[v]")
__UACCESS_GET_USER(16, "movzwl (%[src]), %k[v]")
__UACCESS_GET_USER(32, "movl (%[src]), %k[v]")
__UACCESS_GET_USER(64, "movq (%[src]), %q[v]")

__UACCESS_PUT_USER(8, "movb %b[v], (%[dst])")
__UACCESS_PUT_USER(16, "movw %w[v], (%[dst])")
__UACCESS_PUT_USER(32, "movl %k[v], (%[dst])")
__UACCESS_PUT_USER(64, "movq %q[v], (%[dst])")

#endif /* _ASM_X86_UACCESS_H */
