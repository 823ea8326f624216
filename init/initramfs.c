// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unpack the initramfs: a "newc" cpio archive (the format Linux uses) that
 * the boot loader loaded next to the kernel, into the ramfs root.
 * Directories, regular files, symbolic links and character device nodes
 * are created, with the archive's owner; other types are reported. Entries must come parents first,
 * as cpio writes them. Several archives may follow each other (as Linux
 * allows): later entries add to or replace earlier ones.
 */
#include <linux/kernel.h>
#include <linux/initramfs.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/namei.h>
#include <linux/stat.h>
#include <linux/string.h>

#define NEWC_HDR_LEN 110

static unsigned long hex8(const char *s)
{
	unsigned long v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
	}
	return v;
}

static int write_file(const char *path, umode_t mode, const char *data, size_t size)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
	loff_t pos = 0;
	ssize_t n = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (size)
		n = kernel_write(f, data, size, &pos);
	fput(f);
	if (n < 0)
		return n;
	return (size_t)n == size ? 0 : -EIO;
}

/* Give the unpacked @path the archive's owner (not following a link). */
static int set_owner(const char *path, uid_t uid, gid_t gid)
{
	struct iattr attr = { .ia_valid = ATTR_UID | ATTR_GID | ATTR_FORCE,
			      .ia_uid = uid, .ia_gid = gid };
	struct path p;
	int err = kern_path(path, 0, &p);

	if (err)
		return err;
	err = notify_change(p.dentry, &attr);
	path_put(&p);
	return err;
}

/* One entry; @name is NUL-terminated, relative ("bin/sh") or ".". */
static int unpack_entry(const char *name, umode_t mode, const char *data, size_t size,
			dev_t rdev, uid_t uid, gid_t gid, char *path)
{
	char target[256];
	int err;

	if (!strcmp(name, ".") || !*name)
		return 0;
	snprintf(path, PATH_MAX, "/%s", name);
	switch (mode & S_IFMT) {
	case S_IFDIR:
		err = kern_mkdir(path, mode & 07777);
		break;
	case S_IFREG:
		kern_unlink(path);	/* a later archive replaces the file */
		err = write_file(path, mode, data, size);
		break;
	case S_IFCHR:
		err = kern_mknod(path, mode, rdev);
		break;
	case S_IFLNK:
		if (size >= sizeof(target))
			return -ENAMETOOLONG;
		memcpy(target, data, size);
		target[size] = '\0';
		err = do_symlinkat(target, NULL, path);
		break;
	default:
		return -EOPNOTSUPP;
	}
	if (err && err != -EEXIST)
		return err;
	return uid || gid ? set_owner(path, uid, gid) : 0;
}

int populate_rootfs(const void *image, size_t len)
{
	const char *p = image, *end = p + len;
	static char path[PATH_MAX];
	int files = 0, errors = 0;

	while (p + NEWC_HDR_LEN <= end) {
		unsigned long mode, size, namesize, rdev;
		const char *name, *data;

		if (memcmp(p, "070701", 6) && memcmp(p, "070702", 6)) {
			pr_err("initramfs: bad cpio header at offset %ld\n", (long)(p - (char *)image));
			return -EINVAL;
		}
		mode = hex8(p + 14);
		size = hex8(p + 54);
		rdev = MKDEV(hex8(p + 78), hex8(p + 86));
		namesize = hex8(p + 94);
		name = p + NEWC_HDR_LEN;
		data = name + ALIGN(NEWC_HDR_LEN + namesize, 4) - NEWC_HDR_LEN;
		if (namesize == 0 || data > end || size > (size_t)(end - data) ||
		    name[namesize - 1] != '\0')
			return -EINVAL;
		if (!strcmp(name, "TRAILER!!!")) {
			/* Another archive may follow, after zero padding. */
			p = data + ALIGN(size, 4);
			while (p < end && !*p)
				p++;
			continue;
		}
		if (unpack_entry(name, mode, data, size, rdev, hex8(p + 22), hex8(p + 30), path)) {
			if (errors++ < 5)
				pr_warn("initramfs: cannot unpack %s\n", name);
		} else {
			files++;
		}
		p = data + ALIGN(size, 4);
	}
	pr_info("initramfs: unpacked %d entries (%zu KiB)%s\n", files, len >> 10,
		errors ? ", with errors" : "");
	return errors ? -EIO : 0;
}
