/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User pages for tests (mm/user_test_page.c; test builds only). Cases run
 * in kernel threads, with no process's address space loaded, so no user
 * mapping exists there to copy to or from: these map one at a user address
 * of the table in use, so tests can exercise the success paths of user
 * copies.
 */
#ifndef _KUNIT_UACCESS_H
#define _KUNIT_UACCESS_H

#include <linux/pgtable.h>

/*
 * map_user_test_page() - map one zeroed page, readable and writable by user
 * mode, at the page-aligned user address @uaddr in arch_test_user_pgd().
 * Returns 0, -EINVAL (not a page-aligned user address), -EEXIST or
 * -ENOMEM. May sleep and allocate.
 */
int map_user_test_page(unsigned long uaddr);

/*
 * unmap_user_test_page() - undo map_user_test_page(@uaddr): unmap,
 * flush the TLB, free the page and any page table left empty. May sleep.
 */
void unmap_user_test_page(unsigned long uaddr);

/*
 * arch_test_user_pgd() - the top-level table that translates user
 * addresses while no process's is loaded (the one switch_mm(NULL) loads),
 * defined by the architecture's mm/pgtable.c. Any context.
 */
pgd_t *arch_test_user_pgd(void);

#endif /* _KUNIT_UACCESS_H */
