/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page allocator's per-CPU lists, for tests (mm/page_alloc.c; test
 * builds only). Any context; lockless reads.
 */
#ifndef _KUNIT_PAGE_ALLOC_H
#define _KUNIT_PAGE_ALLOC_H

/* Free order-0 pages now on @cpu's list. */
unsigned int nr_pcp_pages(unsigned int cpu);
/* Pages a list takes from, or gives back to, the buddy lists at once. */
unsigned int pcp_batch(void);
/* The most pages a list keeps: one more sends pcp_batch() back. */
unsigned int pcp_high(void);

#endif /* _KUNIT_PAGE_ALLOC_H */
