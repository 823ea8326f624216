// SPDX-License-Identifier: GPL-2.0-only
#include <linux/blk-mq.h>

void *rust_helper_page_address(const struct page *page);
void *rust_helper_page_address(const struct page *page)
{
	return page_address(page);
}
