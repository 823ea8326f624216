// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI calls, through the conduit of the device tree's /psci node (QEMU's
 * virt board without EL2/EL3 firmware: hvc). SMC Calling Convention: the
 * function id and arguments in x0-x3, the result in x0; x4-x17 may be
 * overwritten.
 */
#include <linux/errno.h>
#include <asm/psci.h>
#include <asm/setup.h>

#define PSCI_CLOBBERS "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", \
	"x14", "x15", "x16", "x17", "memory"

long psci_call(u32 fn, u64 arg0, u64 arg1, u64 arg2)
{
	register u64 x0 __asm__("x0") = fn;
	register u64 x1 __asm__("x1") = arg0;
	register u64 x2 __asm__("x2") = arg1;
	register u64 x3 __asm__("x3") = arg2;

	if (arm64_board.psci_use_hvc > 0)
		__asm__ __volatile__("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
				     :: PSCI_CLOBBERS);
	else if (arm64_board.psci_use_hvc == 0)
		__asm__ __volatile__("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
				     :: PSCI_CLOBBERS);
	else
		return PSCI_RET_NOT_SUPPORTED;
	return (long)x0;
}

int psci_to_errno(long ret)
{
	switch (ret) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_INVALID_PARAMS:
		return -EINVAL;
	case PSCI_RET_DENIED:
		return -EPERM;
	case PSCI_RET_ALREADY_ON:
		return -EBUSY;
	default:
		return -EIO;
	}
}
