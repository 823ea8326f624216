// SPDX-License-Identifier: GPL-2.0-only
#include <asm/barrier.h>

void rust_helper_mb(void);
void rust_helper_mb(void)
{
	mb();
}

void rust_helper_rmb(void);
void rust_helper_rmb(void)
{
	rmb();
}

void rust_helper_wmb(void);
void rust_helper_wmb(void)
{
	wmb();
}
