// SPDX-License-Identifier: GPL-2.0-only
/*
 * MBR (MS-DOS) partition tables: the four primary entries of sector 0,
 * numbered 1 to 4 by their slot. Extended partitions are not followed,
 * and an entry of type 0xEE (a GPT's protective entry) is not a partition.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/byteorder.h>
#include "../blk.h"

#define MBR_ENTRIES	446
#define MBR_NR		4
#define MBR_TYPE_GPT	0xee

struct mbr_entry {
	u8 boot, start_chs[3], type, end_chs[3];
	u32 start_lba, nr_sects;	/* little endian */
} __packed;

int msdos_partition(struct gendisk *disk, struct parsed_partition *parts, int max)
{
	u8 sector[SECTOR_SIZE];
	struct mbr_entry e[MBR_NR];
	int i, err;

	err = read_disk_bytes(disk, 0, sector, sizeof(sector));
	if (err)
		return err;
	if (sector[510] != 0x55 || sector[511] != 0xaa)
		return 0;
	memcpy(e, sector + MBR_ENTRIES, sizeof(e));
	for (i = 0; i < MBR_NR && i < max; i++) {
		if (!e[i].type || e[i].type == MBR_TYPE_GPT || (e[i].boot & 0x7f))
			continue;
		parts[i].from = le32_to_cpu(e[i].start_lba);
		parts[i].size = le32_to_cpu(e[i].nr_sects);
	}
	return i;
}
