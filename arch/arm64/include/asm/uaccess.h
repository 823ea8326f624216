/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 user-memory access primitives behind <linux/uaccess.h>.
 *
 * User space is what TTBR0_EL1 translates, 2^USER_VA_BITS (39 bits,
 * 512 GiB); TASK_SIZE_MAX stops a page short of it, as on x86-64.
 * Every user access is an unprivileged load or store (LDTR/STTR): the MMU
 * checks it with EL0's permissions, so even a kernel address that slipped
 * past access_ok() faults instead of being read. Each such instruction
 * has an exception-table entry: on a fault the abort handler resumes at the
 * fixup and the primitive reports the failure.
 */
#ifndef _ASM_ARM64_UACCESS_H
#define _ASM_ARM64_UACCESS_H

#include <asm/page.h>

#define TASK_SIZE_MAX	((_AC(1, UL) << USER_VA_BITS) - PAGE_SIZE)

#define __UACCESS_CLEAR_ERR "mov %w[err], #0"

#include <asm-generic/uaccess.h>

__UACCESS_GET_USER(8, "ldtrb %w[v], [%[src]]")
__UACCESS_GET_USER(16, "ldtrh %w[v], [%[src]]")
__UACCESS_GET_USER(32, "ldtr %w[v], [%[src]]")
__UACCESS_GET_USER(64, "ldtr %x[v], [%[src]]")

__UACCESS_PUT_USER(8, "sttrb %w[v], [%[dst]]")
__UACCESS_PUT_USER(16, "sttrh %w[v], [%[dst]]")
__UACCESS_PUT_USER(32, "sttr %w[v], [%[dst]]")
__UACCESS_PUT_USER(64, "sttr %x[v], [%[dst]]")

#endif /* _ASM_ARM64_UACCESS_H */
