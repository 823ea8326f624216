// SPDX-License-Identifier: GPL-2.0-only
#include <linux/smp.h>

unsigned int rust_helper_smp_processor_id(void);
unsigned int rust_helper_smp_processor_id(void)
{
	return smp_processor_id();
}

unsigned int rust_helper_num_online_cpus(void);
unsigned int rust_helper_num_online_cpus(void)
{
	return num_online_cpus();
}

void rust_helper_on_each_cpu(smp_call_func_t func, void *info, int wait);
void rust_helper_on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	on_each_cpu(func, info, wait);
}
