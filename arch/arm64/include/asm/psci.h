/* SPDX-License-Identifier: GPL-2.0-only */
/* PSCI (Arm DEN 0022): firmware calls to power CPUs and the system on and off. */
#ifndef _ASM_ARM64_PSCI_H
#define _ASM_ARM64_PSCI_H

#define PSCI_0_2_FN64_CPU_ON 0xc4000003
#define PSCI_0_2_FN_SYSTEM_OFF 0x84000008

#define PSCI_RET_SUCCESS 0
#define PSCI_RET_NOT_SUPPORTED (-1)
#define PSCI_RET_INVALID_PARAMS (-2)
#define PSCI_RET_DENIED (-3)
#define PSCI_RET_ALREADY_ON (-4)

#ifndef __ASSEMBLER__
#include <linux/types.h>

/*
 * psci_call() - call PSCI function @fn with three arguments through the
 * conduit the device tree names (hvc or smc). Returns the firmware's x0,
 * or PSCI_RET_NOT_SUPPORTED without a /psci node. Any context; does not
 * sleep, but the firmware may take as long as the function needs.
 */
long psci_call(u32 fn, u64 arg0, u64 arg1, u64 arg2);

/* psci_to_errno() - a PSCI return code as 0 or a negative errno. */
int psci_to_errno(long ret);
#endif

#endif /* _ASM_ARM64_PSCI_H */
