// SPDX-License-Identifier: GPL-2.0-only
#include <linux/cred.h>
#include <linux/sched.h>

const struct cred *rust_helper_get_cred(const struct cred *cred);
const struct cred *rust_helper_get_cred(const struct cred *cred)
{
	return get_cred(cred);
}

const struct cred *rust_helper_current_cred(void);
const struct cred *rust_helper_current_cred(void)
{
	return current_cred();
}
