// SPDX-License-Identifier: GPL-2.0-only
#include <linux/jiffies.h>
#include <linux/ktime.h>

unsigned long rust_helper_get_jiffies(void);
unsigned long rust_helper_get_jiffies(void)
{
	return jiffies;
}

unsigned long rust_helper_msecs_to_jiffies(unsigned int m);
unsigned long rust_helper_msecs_to_jiffies(unsigned int m)
{
	return msecs_to_jiffies(m);
}

unsigned int rust_helper_jiffies_to_msecs(unsigned long j);
unsigned int rust_helper_jiffies_to_msecs(unsigned long j)
{
	return jiffies_to_msecs(j);
}
