/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 user-memory access primitives behind <linux/uaccess.h>.
 * User space is quadrant 0 of the radix MMU, translated through the
 * current process's tree; the kernel reaches it with plain loads and
 * stores. Every instruction here that touches user memory has an
 * exception-table entry (_ASM_EXTABLE): if it faults, the interrupt
 * handler resumes at the fixup instead of oopsing.
 */
#ifndef _ASM_POWERPC_UACCESS_H
#define _ASM_POWERPC_UACCESS_H

#include <asm/page.h>

#define TASK_SIZE_MAX	((_AC(1, UL) << 47) - PAGE_SIZE)

#define __UACCESS_CLEAR_ERR "li %[err], 0"

/*
 * The accesses are indexed (X-form) with RA = 0: the compiler may give
 * the address in r0, which as the base of a D-form access means 0.
 */
#include <asm-generic/uaccess.h>

__UACCESS_GET_USER(8, "lbzx %[v], 0, %[src]")
__UACCESS_GET_USER(16, "lhzx %[v], 0, %[src]")
__UACCESS_GET_USER(32, "lwzx %[v], 0, %[src]")
__UACCESS_GET_USER(64, "ldx %[v], 0, %[src]")

__UACCESS_PUT_USER(8, "stbx %[v], 0, %[dst]")
__UACCESS_PUT_USER(16, "sthx %[v], 0, %[dst]")
__UACCESS_PUT_USER(32, "stwx %[v], 0, %[dst]")
__UACCESS_PUT_USER(64, "stdx %[v], 0, %[dst]")

#endif /* _ASM_POWERPC_UACCESS_H */
