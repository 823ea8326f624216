// SPDX-License-Identifier: GPL-2.0-only
/*
 * Symbol lookup over the table that scripts/kallsyms.sh generates from the
 * first link: sorted addresses, and names as offsets into a string blob.
 */
#include <linux/kallsyms.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/printk.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const u32 kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern char _stext[], _etext[];

int kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset,
		    const char **name)
{
	unsigned long lo = 0, hi = kallsyms_num, end;

	if (!kallsyms_num || addr < kallsyms_addresses[0] || addr >= (unsigned long)_etext)
		return -ENOENT;
	/* Find the last symbol whose address is <= addr. */
	while (hi - lo > 1) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* Aliases share an address: report the first name. */
	while (lo > 0 && kallsyms_addresses[lo - 1] == kallsyms_addresses[lo])
		lo--;
	end = (unsigned long)_etext;
	for (unsigned long i = lo + 1; i < kallsyms_num; i++) {
		if (kallsyms_addresses[i] > kallsyms_addresses[lo]) {
			end = kallsyms_addresses[i];
			break;
		}
	}
	if (size)
		*size = end - kallsyms_addresses[lo];
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	if (name)
		*name = &kallsyms_names[kallsyms_name_offsets[lo]];
	return 0;
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num; i++)
		if (!strcmp(&kallsyms_names[kallsyms_name_offsets[i]], name))
			return kallsyms_addresses[i];
	return 0;
}

void print_return_address(unsigned long ret)
{
	unsigned long size, off;
	const char *name;

	int width = 2 * sizeof(long);	/* every hex digit of an address */

	if (kallsyms_lookup(ret - 1, &size, &off, &name))
		pr_emerg(" [<%0*lx>] %p\n", width, ret, (void *)ret);
	else
		pr_emerg(" [<%0*lx>] %s+%#lx/%#lx\n", width, ret, name, off + 1, size);
}
