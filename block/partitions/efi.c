// SPDX-License-Identifier: GPL-2.0-only
/*
 * GPT (GUID partition tables): the header in logical block 1 and its
 * array of entries; an entry whose type GUID is all zeroes is unused.
 * Only the primary header is read, and the CRCs are not checked (a
 * corrupt table can give wrong partitions, never an access off the disk:
 * each partition is checked against the disk's size).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/byteorder.h>
#include "../blk.h"

struct gpt_header {
	char signature[8];		/* "EFI PART" */
	u32 revision, header_size, header_crc32, reserved;
	u64 my_lba, alternate_lba, first_usable_lba, last_usable_lba;
	u8 disk_guid[16];
	u64 partition_entry_lba;
	u32 num_partition_entries, sizeof_partition_entry, partition_entry_array_crc32;
} __packed;

struct gpt_entry {
	u8 type_guid[16], unique_guid[16];
	u64 starting_lba, ending_lba, attributes;	/* inclusive range */
} __packed;

static bool guid_is_zero(const u8 *g)
{
	int i;

	for (i = 0; i < 16; i++)
		if (g[i])
			return false;
	return true;
}

int efi_partition(struct gendisk *disk, struct parsed_partition *parts, int max)
{
	unsigned int lbs = queue_logical_block_size(disk->queue);
	unsigned int spb = lbs >> SECTOR_SHIFT;
	struct gpt_header h;
	struct gpt_entry e;
	u64 pos, nr, first, last;
	int i, err;

	err = read_disk_bytes(disk, lbs, &h, sizeof(h));
	if (err)
		return err;
	if (memcmp(h.signature, "EFI PART", 8) || le64_to_cpu(h.my_lba) != 1)
		return 0;
	nr = le32_to_cpu(h.num_partition_entries);
	if (le32_to_cpu(h.sizeof_partition_entry) < sizeof(e))
		return 0;
	for (i = 0; i < nr && i < max; i++) {
		pos = le64_to_cpu(h.partition_entry_lba) * lbs +
		      (u64)i * le32_to_cpu(h.sizeof_partition_entry);
		err = read_disk_bytes(disk, pos, &e, sizeof(e));
		if (err)
			return err;
		first = le64_to_cpu(e.starting_lba);
		last = le64_to_cpu(e.ending_lba);
		if (guid_is_zero(e.type_guid) || last < first ||
		    last >= get_capacity(disk) / spb)
			continue;
		parts[i].from = first * spb;
		parts[i].size = (last - first + 1) * spb;
	}
	return i;
}
