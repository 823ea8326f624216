// SPDX-License-Identifier: GPL-2.0-only
/* SBI calls into the firmware (see asm/sbi.h). */
#include <linux/kernel.h>
#include <asm/sbi.h>

struct sbiret sbi_ecall(unsigned long ext, unsigned long fid, unsigned long arg0,
			unsigned long arg1, unsigned long arg2)
{
	register unsigned long a0 __asm__("a0") = arg0;
	register unsigned long a1 __asm__("a1") = arg1;
	register unsigned long a2 __asm__("a2") = arg2;
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = ext;

	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a6), "r"(a7)
			     : "memory");
	return (struct sbiret){ .error = (long)a0, .value = (long)a1 };
}

bool sbi_probe_extension(unsigned long ext)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_BASE, SBI_EXT_BASE_PROBE_EXT, ext, 0, 0);

	return ret.error == SBI_SUCCESS && ret.value;
}

void sbi_set_timer(u64 stime)
{
	static int has_time_ext = -1;

	if (has_time_ext < 0)
		has_time_ext = sbi_probe_extension(SBI_EXT_TIME);
	if (has_time_ext)
		sbi_ecall(SBI_EXT_TIME, SBI_EXT_TIME_SET_TIMER, stime, 0, 0);
	else
		sbi_ecall(SBI_EXT_0_1_SET_TIMER, 0, stime, 0, 0);
}
