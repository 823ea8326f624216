// SPDX-License-Identifier: GPL-2.0-only
#include <linux/err.h>

void *rust_helper_ERR_PTR(long err);
void *rust_helper_ERR_PTR(long err)
{
	return ERR_PTR(err);
}

bool rust_helper_IS_ERR(const void *ptr);
bool rust_helper_IS_ERR(const void *ptr)
{
	return IS_ERR(ptr);
}

long rust_helper_PTR_ERR(const void *ptr);
long rust_helper_PTR_ERR(const void *ptr)
{
	return PTR_ERR(ptr);
}
