// SPDX-License-Identifier: GPL-2.0-only
/* Dereference NULL: the kernel must kill this process with SIGSEGV, and only it. */
#include <stdio.h>

int main(void)
{
	printf("segv: about to write to NULL\n");
	fflush(stdout);
	*(volatile int *)0 = 1;
	printf("segv: still alive?!\n");
	return 0;
}
