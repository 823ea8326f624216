// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of ramfs: file data across pages, holes, truncation, directories
 * and link counts, rename in all its cases, special files, size limits and
 * memory accounting. Everything under /ramfs_t, made and removed per case.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/ramfs.h>

static int ramfs_test_init(struct kunit *test)
{
	return kern_mkdir("/ramfs_t", 0755);
}

static void ramfs_test_exit(struct kunit *test)
{
	kern_rmdir("/ramfs_t");
}

static struct file *create(const char *path)
{
	return filp_open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
}

static void ramfs_read_write_seek(struct kunit *test)
{
	struct file *f = create("/ramfs_t/f");
	char buf[32] = { 0 };

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, "abcdef", 6, &f->f_pos), 6L);
	KUNIT_EXPECT_EQ(test, f->f_pos, 6LL);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4, &f->f_pos), 0L);	/* at EOF */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 2, SEEK_SET), 2LL);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "XY", 2, &f->f_pos), 2L);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &f->f_pos), 6L);
	KUNIT_EXPECT_STREQ(test, buf, "abXYef");
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, 6LL);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "", 0, &f->f_pos), 0L);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/f"), 0);
}

static void ramfs_pages_and_holes(struct kunit *test)
{
	size_t len = 2 * PAGE_SIZE + 100;
	char *out = kmalloc(len, GFP_KERNEL), *in = kzalloc(len, GFP_KERNEL);
	loff_t hole = 5 * PAGE_SIZE + 7, pos;
	unsigned long before;
	struct file *f;
	bool zeros = true;

	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_ASSERT_NOT_NULL(test, in);
	for (size_t i = 0; i < len; i++)
		out[i] = (char)(i * 7 + 3);
	f = create("/ramfs_t/big");
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));

	/* Write across page boundaries, from an unaligned position. */
	pos = 50;
	KUNIT_EXPECT_EQ(test, kernel_write(f, out, len, &pos), (ssize_t)len);
	pos = 50;
	KUNIT_EXPECT_EQ(test, kernel_read(f, in, len, &pos), (ssize_t)len);
	KUNIT_EXPECT_MEMEQ(test, in, out, len);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, in, 50, &pos), 50L);
	for (int i = 0; i < 50; i++)
		zeros &= !in[i];
	KUNIT_EXPECT_TRUE(test, zeros);

	/* A write far away leaves a hole: one page allocated, zeroes between. */
	before = nr_free_pages();
	pos = hole;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "Z", 1, &pos), 1L);
	KUNIT_EXPECT_EQ(test, before - nr_free_pages(), 1UL);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, hole + 1);
	memset(in, 'x', PAGE_SIZE);
	pos = 4 * PAGE_SIZE;
	KUNIT_EXPECT_EQ(test, kernel_read(f, in, PAGE_SIZE + 8, &pos), (ssize_t)(PAGE_SIZE + 8));
	zeros = true;
	for (size_t i = 0; i < PAGE_SIZE + 7; i++)
		zeros &= !in[i];
	KUNIT_EXPECT_TRUE(test, zeros);
	KUNIT_EXPECT_EQ(test, in[PAGE_SIZE + 7], 'Z');

	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/big"), 0);
	kfree(out);
	kfree(in);
}

static void ramfs_truncate(struct kunit *test)
{
	struct file *f = create("/ramfs_t/t");
	struct path path;
	char buf[16];
	loff_t pos = 0;

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, "0123456789", 10, &pos), 10L);
	path = f->f_path;
	KUNIT_EXPECT_EQ(test, vfs_truncate(&path, 4), 0);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, 4LL);
	/* Growing again shows zeroes, not the old bytes. */
	KUNIT_EXPECT_EQ(test, vfs_truncate(&path, 8), 0);
	memset(buf, 'x', sizeof(buf));
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 8L);
	KUNIT_EXPECT_MEMEQ(test, buf, "0123\0\0\0\0", 8);
	KUNIT_EXPECT_EQ(test, vfs_truncate(&path, -1), -EINVAL);
	/* Large and sparse, as on Linux's tmpfs. */
	KUNIT_EXPECT_EQ(test, vfs_truncate(&path, (loff_t)1 << 40), 0);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, (loff_t)1 << 40);
	pos = ((loff_t)1 << 40) - 1;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 1, &pos), 1L);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, vfs_truncate(&path, 0), 0);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0L);
	filp_close(f, NULL);

	KUNIT_ASSERT_EQ(test, kern_path("/ramfs_t", 0, &path), 0);
	KUNIT_EXPECT_EQ(test, vfs_truncate(&path, 0), -EISDIR);
	path_put(&path);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/t"), 0);
}

static void ramfs_size_limit(struct kunit *test)
{
	struct file *f = create("/ramfs_t/limit");
	loff_t pos = RAMFS_MAX_DATA;

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, "x", 1, &pos), (ssize_t)-ENOSPC);
	pos = RAMFS_MAX_DATA - 2;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "xyz", 3, &pos), 2L);	/* clipped */
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, RAMFS_MAX_DATA);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/limit"), 0);
}

static unsigned int nlink_of(const char *name)
{
	struct path p;
	unsigned int n;

	if (kern_path(name, 0, &p))
		return ~0U;
	n = p.dentry->d_inode->i_nlink;
	path_put(&p);
	return n;
}

static void ramfs_directories(struct kunit *test)
{
	struct file *f;

	KUNIT_ASSERT_EQ(test, kern_mkdir("/ramfs_t/d", 0700), 0);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t/d"), 2U);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t"), 3U);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/ramfs_t/d", 0700), -EEXIST);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/ramfs_t/d/", 0700), -EEXIST);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/ramfs_t/x/y", 0700), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/ramfs_t/d/.", 0700), -EEXIST);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/", 0700), -EEXIST);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/ramfs_t/e/", 0700), 0);	/* trailing slash */
	KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/e/"), 0);

	f = create("/ramfs_t/d/file");
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/ramfs_t/d/file/sub", 0700), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/d"), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/d/file"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/d"), -EISDIR);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/d/file/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/d/."), -EINVAL);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/d/.."), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/"), -EBUSY);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/d/missing"), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/d/file"), 0);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/d/file"), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/d"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t"), 2U);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t/d"), ~0U);
}

#define LONG_NAME "a-name-longer-than-the-inline-buffer-of-a-dentry"

static void ramfs_rename(struct kunit *test)
{
	struct file *f;
	char buf[8] = { 0 };
	loff_t pos = 0;

	KUNIT_ASSERT_EQ(test, kern_mkdir("/ramfs_t/a", 0755), 0);
	KUNIT_ASSERT_EQ(test, kern_mkdir("/ramfs_t/b", 0755), 0);
	f = create("/ramfs_t/a/f");
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, "data", 4, &pos), 4L);

	/* Within a directory, then across, with the file open all along. */
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/a/f", "/ramfs_t/a/g"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t/a/f"), ~0U);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/a/g", "/ramfs_t/b/" LONG_NAME), 0);
	KUNIT_EXPECT_STREQ(test, file_dentry(f)->d_name.name, LONG_NAME);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/b/" LONG_NAME, "/ramfs_t/b/h"), 0);
	KUNIT_EXPECT_STREQ(test, file_dentry(f)->d_name.name, "h");
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4, &pos), 4L);
	KUNIT_EXPECT_STREQ(test, buf, "data");
	filp_close(f, NULL);

	/* Replacing a file drops the old one. */
	f = create("/ramfs_t/b/old");
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/b/h", "/ramfs_t/b/old"), 0);
	f = filp_open("/ramfs_t/b/old", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4, &pos), 4L);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t/b/h"), ~0U);

	/* Type mismatches, loops, missing sources, renaming onto itself. */
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/b/old", "/ramfs_t/a"), -EISDIR);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/a", "/ramfs_t/b/old"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/a", "/ramfs_t/a/sub"), -EINVAL);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/a/x", "/ramfs_t/a/y"), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/b/old", "/ramfs_t/nodir/x"), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/b/old", "/ramfs_t/b/old"), 0);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/b/old", "/ramfs_t/b/new/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/a", "/ramfs_t/b"), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/b/old", "/ramfs_t/a/old"), 0);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/a/old", "/ramfs_t/a/.."), -EBUSY);

	/* A directory replaces an empty one; link counts follow. */
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/b", "/ramfs_t/a/b"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t"), 3U);	/* "." + ".." of a */
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t/a"), 3U);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/ramfs_t/c", 0755), 0);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/c", "/ramfs_t/a/b"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t/a"), 3U);
	KUNIT_EXPECT_EQ(test, nlink_of("/ramfs_t"), 3U);
	KUNIT_EXPECT_EQ(test, kern_rename("/ramfs_t/a/b", "/ramfs_t/a/b/deeper"), -EINVAL);

	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/a/old"), 0);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/a/b"), 0);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/a"), 0);
}

static void ramfs_special_files(struct kunit *test)
{
	struct path p;

	KUNIT_ASSERT_EQ(test, kern_mknod("/ramfs_t/fifo", S_IFIFO | 0600, 0), 0);
	KUNIT_ASSERT_EQ(test, kern_mknod("/ramfs_t/chr", S_IFCHR | 0640, MKDEV(60, 7)), 0);
	KUNIT_ASSERT_EQ(test, kern_mknod("/ramfs_t/reg", S_IFREG | 0600, 0), 0);
	KUNIT_EXPECT_EQ(test, kern_mknod("/ramfs_t/dir", S_IFDIR | 0600, 0), -EPERM);
	KUNIT_EXPECT_EQ(test, kern_mknod("/ramfs_t/bad", 0170000, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, kern_mknod("/ramfs_t/chr", S_IFCHR | 0600, 0), -EEXIST);

	KUNIT_ASSERT_EQ(test, kern_path("/ramfs_t/chr", 0, &p), 0);
	KUNIT_EXPECT_TRUE(test, S_ISCHR(p.dentry->d_inode->i_mode));
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_mode & 0777, 0640);
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_rdev, MKDEV(60, 7));
	KUNIT_EXPECT_EQ(test, imajor(p.dentry->d_inode), 60U);
	KUNIT_EXPECT_EQ(test, iminor(p.dentry->d_inode), 7U);
	path_put(&p);
	KUNIT_ASSERT_EQ(test, kern_path("/ramfs_t/reg", 0, &p), 0);
	KUNIT_EXPECT_TRUE(test, S_ISREG(p.dentry->d_inode->i_mode));
	path_put(&p);

	/* No FIFOs yet; no driver for 60:7. */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/ramfs_t/fifo", O_RDONLY, 0)), (long)-ENXIO);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/ramfs_t/chr", O_RDONLY, 0)), (long)-ENXIO);

	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/fifo"), 0);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/chr"), 0);
	KUNIT_EXPECT_EQ(test, kern_unlink("/ramfs_t/reg"), 0);
}

static void ramfs_memory_returned(struct kunit *test)
{
	struct super_block *sb;
	unsigned long pages, slab;
	long inodes;
	struct path root;
	char *data = kzalloc(PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, data);
	KUNIT_ASSERT_EQ(test, kern_path("/", 0, &root), 0);
	sb = root.dentry->d_sb;
	path_put(&root);

	for (int round = 0; round < 2; round++) {
		pages = nr_free_pages();
		slab = slab_allocated_bytes();
		inodes = atomic_long_read(&sb->s_nr_inodes);
		KUNIT_ASSERT_EQ(test, kern_mkdir("/ramfs_t/m", 0755), 0);
		for (int i = 0; i < 20; i++) {
			char name[32];
			struct file *f;
			loff_t pos = i * PAGE_SIZE / 2;

			snprintf(name, sizeof(name), "/ramfs_t/m/file%d", i);
			f = create(name);
			KUNIT_ASSERT_FALSE(test, IS_ERR(f));
			KUNIT_EXPECT_EQ(test, kernel_write(f, data, PAGE_SIZE, &pos),
					(ssize_t)PAGE_SIZE);
			filp_close(f, NULL);
		}
		KUNIT_EXPECT_EQ(test, atomic_long_read(&sb->s_nr_inodes), inodes + 21);
		KUNIT_EXPECT_LT(test, nr_free_pages(), pages);
		for (int i = 0; i < 20; i++) {
			char name[32];

			snprintf(name, sizeof(name), "/ramfs_t/m/file%d", i);
			KUNIT_EXPECT_EQ(test, kern_unlink(name), 0);
		}
		KUNIT_EXPECT_EQ(test, kern_rmdir("/ramfs_t/m"), 0);
		KUNIT_EXPECT_EQ(test, atomic_long_read(&sb->s_nr_inodes), inodes);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	kfree(data);
}

static struct kunit_case ramfs_cases[] = {
	KUNIT_CASE(ramfs_read_write_seek),
	KUNIT_CASE(ramfs_pages_and_holes),
	KUNIT_CASE(ramfs_truncate),
	KUNIT_CASE(ramfs_size_limit),
	KUNIT_CASE(ramfs_directories),
	KUNIT_CASE(ramfs_rename),
	KUNIT_CASE(ramfs_special_files),
	KUNIT_CASE(ramfs_memory_returned),
	{}
};

static struct kunit_suite ramfs_suite = {
	.name = "ramfs",
	.init = ramfs_test_init,
	.exit = ramfs_test_exit,
	.test_cases = ramfs_cases,
};
kunit_test_suites(&ramfs_suite);
