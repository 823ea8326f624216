// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the initramfs unpacker (suite "initramfs"): a newc
 * archive built in memory with a directory, a file and a symbolic link,
 * followed by a second archive that replaces the file; and a corrupt one.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>

/* Append one newc entry to @buf at @len; returns the new length. */
static size_t add_entry(char *buf, size_t len, const char *name, unsigned int mode,
			const char *data)
{
	size_t namesize = strlen(name) + 1, size = data ? strlen(data) : 0;

	len += scnprintf(buf + len, 111, "070701%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x%08x%08zx%08x",
			 1, mode, 0, 0, 1, 0, size, 0, 0, 0, 0, namesize, 0);
	memcpy(buf + len, name, namesize);
	len = ALIGN(len + namesize, 4);
	if (size)
		memcpy(buf + len, data, size);
	return ALIGN(len + size, 4);
}

static ssize_t read_file(const char *path, char *buf, size_t size)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, size, &pos);
	fput(f);
	return n;
}

static void initramfs_unpacks_and_overlays(struct kunit *test)
{
	char *buf = kzalloc(4096, GFP_KERNEL), data[16] = { 0 };
	size_t len = 0;
	struct path p;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = add_entry(buf, len, "kt_ir", 0040755, NULL);
	len = add_entry(buf, len, "kt_ir/a", 0100644, "hi");
	len = add_entry(buf, len, "kt_ir/l", 0120777, "a");
	len = add_entry(buf, len, "TRAILER!!!", 0, NULL);
	len += 512;			/* zero padding between archives */
	len = add_entry(buf, len, "kt_ir/a", 0100600, "bye");
	len = add_entry(buf, len, "TRAILER!!!", 0, NULL);

	KUNIT_EXPECT_EQ(test, populate_rootfs(buf, len), 0);
	KUNIT_EXPECT_EQ(test, read_file("/kt_ir/l", data, sizeof(data)), 3);
	KUNIT_EXPECT_EQ(test, memcmp(data, "bye", 3), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/kt_ir/a", 0, &p), 0);
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_mode, 0100600);
	path_put(&p);

	memcpy(buf, "070799", 6);	/* not a newc header */
	KUNIT_EXPECT_EQ(test, populate_rootfs(buf, len), -EINVAL);
	kern_unlink("/kt_ir/l");
	kern_unlink("/kt_ir/a");
	kern_rmdir("/kt_ir");
	kfree(buf);
}

static struct kunit_case initramfs_cases[] = {
	KUNIT_CASE(initramfs_unpacks_and_overlays),
	{}
};

static struct kunit_suite initramfs_suite = {
	.name = "initramfs",
	.test_cases = initramfs_cases,
};
kunit_test_suites(&initramfs_suite);
