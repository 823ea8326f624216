// SPDX-License-Identifier: GPL-2.0-only
/* Tests of /dev/null, /dev/zero and /dev/full, opened by path as user space will. */
#include <kunit/test.h>
#include <kunit/uaccess.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/major.h>
#include <linux/uaccess.h>

#define UBASE	0x0000000043000000UL	/* user test page */
#define UEND	(UBASE + PAGE_SIZE)

static int mem_test_init(struct kunit *test)
{
	return map_user_test_page(UBASE);
}

static void mem_test_exit(struct kunit *test)
{
	unmap_user_test_page(UBASE);
}

static void expect_node(struct kunit *test, const char *path, unsigned int minor)
{
	struct path p;

	KUNIT_ASSERT_EQ(test, kern_path(path, 0, &p), 0);
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_mode, (umode_t)(S_IFCHR | 0666));
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_rdev, MKDEV(MEM_MAJOR, minor));
	path_put(&p);
}

static void devnull_nodes(struct kunit *test)
{
	expect_node(test, "/dev/null", 3);
	expect_node(test, "/dev/zero", 5);
	expect_node(test, "/dev/full", 7);
}

static void devnull_null(struct kunit *test)
{
	struct file *f = filp_open("/dev/null", O_RDWR, 0);
	char buf[8] = "abc";
	loff_t pos = 0;

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 3, &pos), 3L);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 0, &pos), 0L);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0L);
	KUNIT_EXPECT_STREQ(test, buf, "abc");	/* untouched */
	KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)UBASE, PAGE_SIZE, &f->f_pos),
			(ssize_t)PAGE_SIZE);
	/* null never looks at the buffer, even a bad one (as in Linux). */
	KUNIT_EXPECT_EQ(test, vfs_write(f, NULL, 10, &f->f_pos), 10L);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)UBASE, 10, &f->f_pos), 0L);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)buf, 10, &f->f_pos), (ssize_t)-EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 100, SEEK_SET), 0LL);
	KUNIT_EXPECT_EQ(test, f->f_pos, 0LL);
	filp_close(f, NULL);
}

static void devnull_zero(struct kunit *test)
{
	size_t len = 3 * PAGE_SIZE + 5;
	char *buf = kmalloc(len, GFP_KERNEL);
	struct file *f = filp_open("/dev/zero", O_RDWR, 0);
	bool zero = true;
	char kb[16];

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	memset(buf, 0x5a, len);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, len, &f->f_pos), (ssize_t)len);
	for (size_t i = 0; i < len; i++)
		zero &= !buf[i];
	KUNIT_EXPECT_TRUE(test, zero);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, len, &f->f_pos), (ssize_t)len);

	/* User buffers: fill, partial at the end of the mapping, faults. */
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)UBASE, "xxxxxxxxxxxxxxxx", 16), 0UL);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)UBASE, 10, &f->f_pos), 10L);
	KUNIT_EXPECT_EQ(test, copy_from_user(kb, (void __user *)UBASE, 16), 0UL);
	KUNIT_EXPECT_MEMEQ(test, kb, "\0\0\0\0\0\0\0\0\0\0xxxxxx", 16);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)(UEND - 6), 100, &f->f_pos), 6L);
	KUNIT_EXPECT_EQ(test, vfs_read(f, NULL, 100, &f->f_pos), (ssize_t)-EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)kb, 4, &f->f_pos), (ssize_t)-EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)UBASE, 7, &f->f_pos), 7L);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), 0LL);
	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, 0, 0), (long)-ENOTTY);
	filp_close(f, NULL);
	kfree(buf);
}

static void devnull_full(struct kunit *test)
{
	struct file *f = filp_open("/dev/full", O_RDWR, 0);
	char buf[4] = "abc";

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 3, &f->f_pos), (ssize_t)-ENOSPC);
	KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)UBASE, 3, &f->f_pos),
			(ssize_t)-ENOSPC);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 3, &f->f_pos), 3L);
	KUNIT_EXPECT_MEMEQ(test, buf, "\0\0\0", 3);
	filp_close(f, NULL);
}

static struct kunit_case devnull_cases[] = {
	KUNIT_CASE(devnull_nodes),
	KUNIT_CASE(devnull_null),
	KUNIT_CASE(devnull_zero),
	KUNIT_CASE(devnull_full),
	{}
};

static struct kunit_suite devnull_suite = {
	.name = "devnull",
	.init = mem_test_init,
	.exit = mem_test_exit,
	.test_cases = devnull_cases,
};
kunit_test_suites(&devnull_suite);
