// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of character device numbers and struct cdev: region conflicts,
 * dynamic majors, the open path from a node to the driver, and what
 * happens to nodes and open files when the cdev goes away. Majors 60..63
 * are Linux's "local/experimental" ones; nodes live in /chrdev_t.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/namei.h>
#include <linux/uio.h>

static int chrdev_test_init(struct kunit *test)
{
	return kern_mkdir("/chrdev_t", 0755);
}

static void chrdev_test_exit(struct kunit *test)
{
	kern_rmdir("/chrdev_t");
}

static void chrdev_region_conflicts(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, register_chrdev_region(MKDEV(60, 0), 4, "t0"), 0);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(60, 0), 4, "t1"), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(60, 3), 1, "t1"), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(60, 2), 10, "t1"), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(60, 4), 4, "t2"), 0);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(60, 0), 0, "t3"), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(600, 0), 1, "t3"), -EINVAL);
	unregister_chrdev_region(MKDEV(60, 0), 4);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(60, 1), 2, "t4"), 0);
	unregister_chrdev_region(MKDEV(60, 1), 2);
	unregister_chrdev_region(MKDEV(60, 4), 4);

	/* A region may span majors; a conflict in the second major undoes the first. */
	KUNIT_ASSERT_EQ(test, register_chrdev_region(MKDEV(62, 0), 1, "t5"), 0);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(61, MINORMASK - 1), 4, "t6"), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(61, MINORMASK - 1), 2, "t7"), 0);
	unregister_chrdev_region(MKDEV(61, MINORMASK - 1), 2);
	unregister_chrdev_region(MKDEV(62, 0), 1);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(61, MINORMASK - 1), 4, "t8"), 0);
	unregister_chrdev_region(MKDEV(61, MINORMASK - 1), 4);
	/* Everything is free again. */
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(60, 0), MINORMASK + 1, "t9"), 0);
	unregister_chrdev_region(MKDEV(60, 0), MINORMASK + 1);
}

static void chrdev_dynamic_majors(struct kunit *test)
{
	dev_t a, b;

	KUNIT_ASSERT_EQ(test, alloc_chrdev_region(&a, 0, 4, "dyn-a"), 0);
	KUNIT_ASSERT_EQ(test, alloc_chrdev_region(&b, 5, 2, "dyn-b"), 0);
	KUNIT_EXPECT_NE(test, MAJOR(a), MAJOR(b));
	KUNIT_EXPECT_GE(test, MAJOR(a), 234U);
	KUNIT_EXPECT_LE(test, MAJOR(a), 511U);
	KUNIT_EXPECT_EQ(test, MINOR(a), 0U);
	KUNIT_EXPECT_EQ(test, MINOR(b), 5U);
	/* The allocated numbers are taken. */
	KUNIT_EXPECT_EQ(test, register_chrdev_region(a + 3, 1, "clash"), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(MAJOR(a), 4), 1, "fits"), 0);
	unregister_chrdev_region(MKDEV(MAJOR(a), 4), 1);
	KUNIT_EXPECT_EQ(test, alloc_chrdev_region(&b, 0, 0, "zero"), -EINVAL);
	unregister_chrdev_region(a, 4);
	unregister_chrdev_region(MKDEV(MAJOR(b), 5), 2);
	/* Freed majors are reused. */
	KUNIT_ASSERT_EQ(test, alloc_chrdev_region(&b, 0, 1, "dyn-c"), 0);
	KUNIT_EXPECT_EQ(test, MAJOR(b), MAJOR(a));
	unregister_chrdev_region(b, 1);
}

/* A test driver: counts opens and releases, reads back its minor. */
struct tdev {
	struct cdev cdev;
	int opens, releases;
	int open_ret;
};

static struct tdev *the_tdev;

static int tdev_open_real(struct inode *inode, struct file *file)
{
	struct tdev *t = the_tdev;

	t->opens++;
	if (t->open_ret)
		return t->open_ret;
	file->private_data = t;
	return 0;
}

static int tdev_release(struct inode *inode, struct file *file)
{
	struct tdev *t = file->private_data;

	t->releases++;
	return 0;
}

static ssize_t tdev_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	char msg[16];
	int len = snprintf(msg, sizeof(msg), "minor %u", iminor(inode));

	return copy_to_iter(msg, min_t(size_t, len, iov_iter_count(to)), to);
}

static const struct file_operations tdev_fops = {
	.open = tdev_open_real,
	.release = tdev_release,
	.read_iter = tdev_read_iter,
};

static void chrdev_open_path(struct kunit *test)
{
	struct tdev *t = kzalloc(sizeof(*t), GFP_KERNEL);
	struct file *f, *g;
	char buf[16] = { 0 };
	dev_t dev;

	KUNIT_ASSERT_NOT_NULL(test, t);
	the_tdev = t;
	KUNIT_ASSERT_EQ(test, alloc_chrdev_region(&dev, 0, 2, "tdev"), 0);
	cdev_init(&t->cdev, &tdev_fops);
	KUNIT_ASSERT_EQ(test, cdev_add(&t->cdev, dev, 2), 0);
	KUNIT_ASSERT_EQ(test, kern_mknod("/chrdev_t/n0", S_IFCHR | 0600, dev), 0);
	KUNIT_ASSERT_EQ(test, kern_mknod("/chrdev_t/n1", S_IFCHR | 0600, dev + 1), 0);
	KUNIT_ASSERT_EQ(test, kern_mknod("/chrdev_t/n2", S_IFCHR | 0600, dev + 2), 0);

	/* Open switches to the driver's operations and calls its open. */
	f = filp_open("/chrdev_t/n1", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_PTR_EQ(test, f->f_op, &tdev_fops);
	KUNIT_EXPECT_PTR_EQ(test, f->private_data, t);
	KUNIT_EXPECT_EQ(test, t->opens, 1);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos), 7L);
	KUNIT_EXPECT_STREQ(test, buf, "minor 1");
	/* No ->llseek: not seekable. */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), (loff_t)-ESPIPE);
	/* No ->write or ->write_iter: opening for writing works, writing does not. */
	g = filp_open("/chrdev_t/n0", O_RDWR, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(g));
	KUNIT_EXPECT_EQ(test, kernel_write(g, "x", 1, &g->f_pos), (ssize_t)-EINVAL);
	filp_close(g, NULL);
	KUNIT_EXPECT_EQ(test, t->releases, 1);

	/* References: release runs once, at the last fput(). */
	g = get_file(f);
	filp_close(g, NULL);
	KUNIT_EXPECT_EQ(test, t->releases, 1);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, t->releases, 2);

	/* A failing open fails filp_open() and is not released. */
	t->open_ret = -EBUSY;
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/chrdev_t/n0", O_RDONLY, 0)), (long)-EBUSY);
	KUNIT_EXPECT_EQ(test, t->releases, 2);
	t->open_ret = 0;

	/* Outside the cdev's range: no driver. */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/chrdev_t/n2", O_RDONLY, 0)), (long)-ENXIO);

	/* A file open across cdev_del() keeps working; new opens fail. */
	f = filp_open("/chrdev_t/n0", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	cdev_del(&t->cdev);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/chrdev_t/n0", O_RDONLY, 0)), (long)-ENXIO);
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos), 7L);
	KUNIT_EXPECT_STREQ(test, buf, "minor 0");
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, t->releases, t->opens - 1);	/* all but the failed one */

	KUNIT_EXPECT_EQ(test, kern_unlink("/chrdev_t/n0"), 0);
	KUNIT_EXPECT_EQ(test, kern_unlink("/chrdev_t/n1"), 0);
	KUNIT_EXPECT_EQ(test, kern_unlink("/chrdev_t/n2"), 0);
	unregister_chrdev_region(dev, 2);
	the_tdev = NULL;
	kfree(t);
}

static void chrdev_cdev_add_conflict(struct kunit *test)
{
	struct cdev a, b;

	cdev_init(&a, &tdev_fops);
	cdev_init(&b, &tdev_fops);
	KUNIT_EXPECT_PTR_EQ(test, a.ops, &tdev_fops);
	KUNIT_ASSERT_EQ(test, cdev_add(&a, MKDEV(63, 10), 5), 0);
	KUNIT_EXPECT_EQ(test, cdev_add(&b, MKDEV(63, 14), 1), -EBUSY);
	KUNIT_EXPECT_EQ(test, cdev_add(&b, MKDEV(63, 5), 6), -EBUSY);
	KUNIT_EXPECT_EQ(test, cdev_add(&b, MKDEV(63, 0), 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, cdev_add(&b, MKDEV(63, 15), 1), 0);
	cdev_del(&b);
	cdev_del(&a);
	KUNIT_EXPECT_EQ(test, cdev_add(&b, MKDEV(63, 12), 1), 0);
	cdev_del(&b);
}

static void chrdev_register_chrdev(struct kunit *test)
{
	struct tdev *t = kzalloc(sizeof(*t), GFP_KERNEL);
	unsigned long slab;
	struct file *f;
	int major;

	KUNIT_ASSERT_NOT_NULL(test, t);
	the_tdev = t;
	slab = slab_allocated_bytes();
	major = register_chrdev(0, "tdev-legacy", &tdev_fops);
	KUNIT_ASSERT_GT(test, major, 0);
	KUNIT_EXPECT_EQ(test, register_chrdev_region(MKDEV(major, 255), 1, "x"), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev(major, "again", &tdev_fops), -EBUSY);
	KUNIT_ASSERT_EQ(test, kern_mknod("/chrdev_t/legacy", S_IFCHR | 0600, MKDEV(major, 200)), 0);
	f = filp_open("/chrdev_t/legacy", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, t->opens, 1);
	filp_close(f, NULL);
	unregister_chrdev(major, "tdev-legacy");
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/chrdev_t/legacy", O_RDONLY, 0)), (long)-ENXIO);
	KUNIT_EXPECT_EQ(test, kern_unlink("/chrdev_t/legacy"), 0);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	the_tdev = NULL;
	kfree(t);
}

static struct kunit_case chrdev_cases[] = {
	KUNIT_CASE(chrdev_region_conflicts),
	KUNIT_CASE(chrdev_dynamic_majors),
	KUNIT_CASE(chrdev_open_path),
	KUNIT_CASE(chrdev_cdev_add_conflict),
	KUNIT_CASE(chrdev_register_chrdev),
	{}
};

static struct kunit_suite chrdev_suite = {
	.name = "chrdev",
	.init = chrdev_test_init,
	.exit = chrdev_test_exit,
	.test_cases = chrdev_cases,
};
kunit_test_suites(&chrdev_suite);
