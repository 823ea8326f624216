// SPDX-License-Identifier: GPL-2.0-only
#include <linux/blk-mq.h>

void *rust_helper_blk_mq_rq_to_pdu(struct request *rq);
void *rust_helper_blk_mq_rq_to_pdu(struct request *rq)
{
	return blk_mq_rq_to_pdu(rq);
}

struct request *rust_helper_blk_mq_rq_from_pdu(void *pdu);
struct request *rust_helper_blk_mq_rq_from_pdu(void *pdu)
{
	return blk_mq_rq_from_pdu(pdu);
}

void *rust_helper_page_address(const struct page *page);
void *rust_helper_page_address(const struct page *page)
{
	return page_address(page);
}
