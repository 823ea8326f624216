// SPDX-License-Identifier: GPL-2.0-only
/*
 * The vmalloc scale curve of "bench=1" (lib/devbench.c runs it): the cost
 * of vmalloc() and vfree() of one page with 1,000 to 8,000 one-page areas
 * in place (as many thread stacks as processes; 8,000 pages is 32 MiB of
 * the 128 MiB the benchmark boots with). One line per size:
 *
 *   bench: curve vmalloc_vfree 4k 2210 ns/op  (5 x 4096 iters, min)
 *
 * Not a test; figures are wall time, or instructions under QEMU -icount.
 */
#include <linux/devbench.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static void vmalloc_vfree(void *arg, unsigned long i)
{
	vfree(vmalloc(PAGE_SIZE));
}

int vmalloc_bench_run(void)
{
	static const unsigned int sizes[] = { 1000, 2000, 4000, 8000 };
	unsigned int n = sizes[ARRAY_SIZE(sizes) - 1], placed = 0;
	void **areas = kvcalloc(n, sizeof(*areas), GFP_KERNEL);
	int ret = 1;

	if (!areas)
		return -ENOMEM;
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (; placed < sizes[s]; placed++) {
			areas[placed] = vmalloc(PAGE_SIZE);
			if (!areas[placed]) {
				ret = -ENOMEM;
				goto out;
			}
		}
		devbench_curve_point("vmalloc_vfree", sizes[s], vmalloc_vfree, NULL);
	}
out:
	while (placed)
		vfree(areas[--placed]);
	kvfree(areas);
	return ret;
}
