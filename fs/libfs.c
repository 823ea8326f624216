// SPDX-License-Identifier: GPL-2.0-only
/* Helpers for simple, memory-backed file systems (Linux's fs/libfs.c). */
#include <linux/kernel.h>
#include <linux/fs.h>

ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return -EISDIR;
}

loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset >= 0)
			break;
		fallthrough;
	default:
		return -EINVAL;
	}
	file->f_pos = offset;
	return offset;
}

const struct file_operations simple_dir_operations = {
	.llseek = dcache_dir_lseek,
	.read = generic_read_dir,
	.iterate_shared = dcache_readdir,
	.fsync = noop_fsync,
};
