// SPDX-License-Identifier: GPL-2.0-only
#include <linux/workqueue.h>

void rust_helper_init_work(struct work_struct *work, work_func_t func);
void rust_helper_init_work(struct work_struct *work, work_func_t func)
{
	INIT_WORK(work, func);
}
