// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of misc devices, driven the way user space will drive them: open
 * /dev/<name> by path, read/write with user buffers, ioctl with a user
 * pointer, poll, seek. Also minor allocation, conflicts, and what a node
 * or an open file does when its device goes away.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <kunit/uaccess.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/poll.h>
#include <linux/uaccess.h>
#include <linux/device.h>
#include <linux/miscdevice.h>
#include <uapi/linux/ioctl.h>

#define UBASE	0x0000000042000000UL	/* user test page */

#define MT_IOC_GET_LEN	_IOR('m', 1, u32)
#define MT_IOC_SET_FILL	_IOW('m', 2, u32)

/* The test driver: a small buffer filled by write, drained by read. */
struct mt_dev {
	struct miscdevice misc;
	char data[64];
	size_t len;
	int opens, releases;
	bool open_saw_misc;	/* private_data was the miscdevice at ->open */
	wait_queue_head_t wq;
};

static struct mt_dev *to_mt(struct file *file)
{
	return container_of((struct miscdevice *)file->private_data, struct mt_dev, misc);
}

static int mt_open(struct inode *inode, struct file *file)
{
	struct mt_dev *mt = to_mt(file);

	mt->open_saw_misc = file->private_data == &mt->misc;
	mt->opens++;
	return 0;
}

static int mt_release(struct inode *inode, struct file *file)
{
	to_mt(file)->releases++;
	return 0;
}

static ssize_t mt_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct mt_dev *mt = to_mt(file);
	size_t n = min(count, mt->len);

	if (!n)
		return (file->f_flags & O_NONBLOCK) ? -EAGAIN : 0;
	if (copy_to_user(buf, mt->data, n))
		return -EFAULT;
	memmove(mt->data, mt->data + n, mt->len - n);
	mt->len -= n;
	return n;
}

static ssize_t mt_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct mt_dev *mt = to_mt(file);
	size_t n = min(count, sizeof(mt->data) - mt->len);

	if (!n)
		return -ENOSPC;
	if (copy_from_user(mt->data + mt->len, buf, n))
		return -EFAULT;
	mt->len += n;
	wake_up(&mt->wq);
	return n;
}

static long mt_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct mt_dev *mt = to_mt(file);
	u32 v;

	switch (cmd) {
	case MT_IOC_GET_LEN:
		return put_user((u32)mt->len, (u32 __user *)arg);
	case MT_IOC_SET_FILL:
		if (get_user(v, (u32 __user *)arg))
			return -EFAULT;
		memset(mt->data, (int)v, sizeof(mt->data));
		mt->len = sizeof(mt->data);
		return 0;
	default:
		return -ENOIOCTLCMD;
	}
}

static __poll_t mt_poll(struct file *file, poll_table *pt)
{
	struct mt_dev *mt = to_mt(file);
	__poll_t mask = 0;

	poll_wait(file, &mt->wq, pt);
	if (mt->len)
		mask |= EPOLLIN | EPOLLRDNORM;
	if (mt->len < sizeof(mt->data))
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}

static const struct file_operations mt_fops = {
	.open = mt_open,
	.release = mt_release,
	.read = mt_read,
	.write = mt_write,
	.unlocked_ioctl = mt_ioctl,
	.poll = mt_poll,
	.llseek = no_llseek,
};

/* A minimal driver: no open, no ioctl, no llseek. */
static ssize_t bare_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return 0;
}

static const struct file_operations bare_fops = {
	.read = bare_read,
};

static struct mt_dev *mt_alloc(struct kunit *test, const char *name)
{
	struct mt_dev *mt = kzalloc(sizeof(*mt), GFP_KERNEL);

	if (!mt)
		return NULL;
	mt->misc.minor = MISC_DYNAMIC_MINOR;
	mt->misc.name = name;
	mt->misc.fops = &mt_fops;
	init_waitqueue_head(&mt->wq);
	return mt;
}

static int misc_test_init(struct kunit *test)
{
	return map_user_test_page(UBASE);
}

static void misc_test_exit(struct kunit *test)
{
	unmap_user_test_page(UBASE);
}

static void misc_node_created(struct kunit *test)
{
	struct mt_dev *mt = mt_alloc(test, "misc_t0");
	struct path p;

	KUNIT_ASSERT_NOT_NULL(test, mt);
	KUNIT_ASSERT_EQ(test, misc_register(&mt->misc), 0);
	KUNIT_EXPECT_GE(test, mt->misc.minor, MISC_DYNAMIC_FIRST);
	KUNIT_ASSERT_NOT_NULL(test, mt->misc.this_device);
	KUNIT_EXPECT_STREQ(test, dev_name(mt->misc.this_device), "misc_t0");
	KUNIT_EXPECT_PTR_EQ(test, dev_get_drvdata(mt->misc.this_device), &mt->misc);
	KUNIT_EXPECT_EQ(test, mt->misc.this_device->devt,
			MKDEV(MISC_MAJOR, mt->misc.minor));

	KUNIT_ASSERT_EQ(test, kern_path("/dev/misc_t0", 0, &p), 0);
	KUNIT_EXPECT_TRUE(test, S_ISCHR(p.dentry->d_inode->i_mode));
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_mode & 07777, 0600);
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_rdev, MKDEV(MISC_MAJOR, mt->misc.minor));
	path_put(&p);

	misc_deregister(&mt->misc);
	KUNIT_EXPECT_EQ(test, kern_path("/dev/misc_t0", 0, &p), -ENOENT);
	KUNIT_EXPECT_EQ(test, mt->misc.minor, MISC_DYNAMIC_MINOR);
	KUNIT_EXPECT_NULL(test, mt->misc.this_device);
	kfree(mt);
}

static void misc_vfs_read_write_ioctl(struct kunit *test)
{
	struct mt_dev *mt = mt_alloc(test, "misc_t1");
	char __user *ubuf = (char __user *)UBASE;
	u32 __user *uval = (u32 __user *)(UBASE + 512);
	char kb[8];
	struct file *f;
	u32 v = 0;

	KUNIT_ASSERT_NOT_NULL(test, mt);
	KUNIT_ASSERT_EQ(test, misc_register(&mt->misc), 0);
	f = filp_open("/dev/misc_t1", O_RDWR, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_PTR_EQ(test, f->f_op, &mt_fops);
	KUNIT_EXPECT_PTR_EQ(test, f->private_data, &mt->misc);
	KUNIT_EXPECT_TRUE(test, mt->open_saw_misc);
	KUNIT_EXPECT_EQ(test, mt->opens, 1);

	KUNIT_EXPECT_EQ(test, vfs_poll(f, NULL), EPOLLOUT | EPOLLWRNORM);
	KUNIT_ASSERT_EQ(test, copy_to_user(ubuf, "ping", 4), 0UL);
	KUNIT_EXPECT_EQ(test, vfs_write(f, ubuf, 4, &f->f_pos), 4L);
	KUNIT_EXPECT_EQ(test, vfs_poll(f, NULL), EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM);

	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, MT_IOC_GET_LEN, (unsigned long)uval), 0L);
	KUNIT_EXPECT_EQ(test, get_user(v, uval), 0);
	KUNIT_EXPECT_EQ(test, v, 4U);

	KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf + 100, 16, &f->f_pos), 4L);
	KUNIT_EXPECT_EQ(test, copy_from_user(kb, ubuf + 100, 4), 0UL);
	KUNIT_EXPECT_MEMEQ(test, kb, "ping", 4);
	KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf, 16, &f->f_pos), 0L);

	/* ioctl with an argument read from user space, then a bad pointer. */
	KUNIT_ASSERT_EQ(test, put_user(0x41U, uval), 0);
	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, MT_IOC_SET_FILL, (unsigned long)uval), 0L);
	KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf, 2, &f->f_pos), 2L);
	KUNIT_EXPECT_EQ(test, copy_from_user(kb, ubuf, 2), 0UL);
	KUNIT_EXPECT_MEMEQ(test, kb, "AA", 2);
	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, MT_IOC_GET_LEN, 0), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, MT_IOC_SET_FILL, (unsigned long)kb), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)kb, 2, &f->f_pos), (ssize_t)-EFAULT);

	/* Unknown command, seeking, kernel buffers without ->read_iter. */
	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, _IO('m', 99), 0), (long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), (loff_t)-ESPIPE);
	KUNIT_EXPECT_EQ(test, kernel_read(f, kb, 2, &f->f_pos), (ssize_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_write(f, kb, 2, &f->f_pos), (ssize_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_fsync(f, 0), -EINVAL);

	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, mt->releases, 1);

	/* O_NONBLOCK reaches the driver through f_flags. */
	mt->len = 0;
	f = filp_open("/dev/misc_t1", O_RDONLY | O_NONBLOCK, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf, 4, &f->f_pos), (ssize_t)-EAGAIN);
	filp_close(f, NULL);

	misc_deregister(&mt->misc);
	kfree(mt);
}

static void misc_bare_driver(struct kunit *test)
{
	struct miscdevice bare = {
		.minor = MISC_DYNAMIC_MINOR, .name = "misc_t2", .fops = &bare_fops,
	};
	struct file *f;

	KUNIT_ASSERT_EQ(test, misc_register(&bare), 0);
	f = filp_open("/dev/misc_t2", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_PTR_EQ(test, f->private_data, &bare);	/* even without ->open */
	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, 1, 0), (long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), (loff_t)-ESPIPE);
	KUNIT_EXPECT_EQ(test, vfs_poll(f, NULL), DEFAULT_POLLMASK);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)UBASE, 4, &f->f_pos), 0L);
	KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)UBASE, 4, &f->f_pos),
			(ssize_t)-EBADF);
	filp_close(f, NULL);
	f = filp_open("/dev/misc_t2", O_WRONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)UBASE, 4, &f->f_pos),
			(ssize_t)-EINVAL);
	filp_close(f, NULL);
	misc_deregister(&bare);
}

static void misc_dynamic_minors(struct kunit *test)
{
	struct miscdevice m[4];
	char names[4][16];
	int i, j;

	for (i = 0; i < 4; i++) {
		snprintf(names[i], sizeof(names[i]), "misc_dyn%d", i);
		m[i] = (struct miscdevice) {
			.minor = MISC_DYNAMIC_MINOR, .name = names[i], .fops = &bare_fops,
		};
		KUNIT_ASSERT_EQ(test, misc_register(&m[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_GE(test, m[i].minor, MISC_DYNAMIC_FIRST);
		KUNIT_EXPECT_NE(test, m[i].minor, MISC_DYNAMIC_MINOR);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_NE(test, m[i].minor, m[j].minor);
	}
	/* A freed minor is handed out again. */
	j = m[1].minor;
	misc_deregister(&m[1]);
	KUNIT_EXPECT_EQ(test, m[1].minor, MISC_DYNAMIC_MINOR);
	KUNIT_ASSERT_EQ(test, misc_register(&m[1]), 0);
	KUNIT_EXPECT_EQ(test, m[1].minor, j);
	for (i = 0; i < 4; i++)
		misc_deregister(&m[i]);
}

static void misc_conflicts(struct kunit *test)
{
	struct miscdevice a = { .minor = 240, .name = "misc_st_a", .fops = &bare_fops };
	struct miscdevice b = { .minor = 240, .name = "misc_st_b", .fops = &bare_fops };
	struct miscdevice c = { .minor = MISC_DYNAMIC_MINOR, .name = "misc_st_a",
				.fops = &bare_fops };
	struct miscdevice d = { .minor = MISC_DYNAMIC_MINOR, .name = NULL, .fops = &bare_fops };
	struct path p;

	KUNIT_ASSERT_EQ(test, misc_register(&a), 0);
	KUNIT_EXPECT_EQ(test, a.minor, 240);
	KUNIT_ASSERT_EQ(test, kern_path("/dev/misc_st_a", 0, &p), 0);
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_rdev, MKDEV(MISC_MAJOR, 240));
	path_put(&p);
	KUNIT_EXPECT_EQ(test, misc_register(&b), -EBUSY);
	KUNIT_EXPECT_EQ(test, kern_path("/dev/misc_st_b", 0, &p), -ENOENT);
	/* Same node name: refused, and the dynamic minor is given back. */
	KUNIT_EXPECT_EQ(test, misc_register(&c), -EEXIST);
	KUNIT_EXPECT_EQ(test, c.minor, MISC_DYNAMIC_MINOR);
	KUNIT_EXPECT_EQ(test, misc_register(&d), -EINVAL);
	misc_deregister(&a);
	KUNIT_EXPECT_EQ(test, a.minor, 240);	/* static minors stay */
	KUNIT_EXPECT_EQ(test, misc_register(&b), 0);
	misc_deregister(&b);
}

static void misc_device_gone(struct kunit *test)
{
	struct mt_dev *mt = mt_alloc(test, "misc_t3");
	char __user *ubuf = (char __user *)UBASE;
	struct file *f;
	dev_t devt;

	KUNIT_ASSERT_NOT_NULL(test, mt);
	KUNIT_ASSERT_EQ(test, misc_register(&mt->misc), 0);
	devt = MKDEV(MISC_MAJOR, mt->misc.minor);
	KUNIT_ASSERT_EQ(test, kern_mknod("/misc_t3_copy", S_IFCHR | 0600, devt), 0);
	f = filp_open("/misc_t3_copy", O_RDWR, 0);	/* any node with the number works */
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_ASSERT_EQ(test, copy_to_user(ubuf, "bye", 3), 0UL);
	KUNIT_EXPECT_EQ(test, vfs_write(f, ubuf, 3, &f->f_pos), 3L);

	misc_deregister(&mt->misc);
	/* devtmpfs removed its node; the extra node now leads nowhere. */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/dev/misc_t3", O_RDONLY, 0)), (long)-ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/misc_t3_copy", O_RDONLY, 0)), (long)-ENODEV);
	/* The open file still reaches the driver until it is closed. */
	KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf + 8, 8, &f->f_pos), 3L);
	KUNIT_EXPECT_EQ(test, mt->releases, 0);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, mt->releases, 1);
	KUNIT_EXPECT_EQ(test, kern_unlink("/misc_t3_copy"), 0);

	/* Unregistered minor of a node in /dev that was never misc's. */
	KUNIT_ASSERT_EQ(test, kern_mknod("/misc_t3_none", S_IFCHR | 0600, MKDEV(MISC_MAJOR, 250)),
			0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/misc_t3_none", O_RDONLY, 0)), (long)-ENODEV);
	KUNIT_EXPECT_EQ(test, kern_unlink("/misc_t3_none"), 0);
	kfree(mt);
}

static void misc_nodename_and_mode(struct kunit *test)
{
	struct miscdevice m = {
		.minor = MISC_DYNAMIC_MINOR, .name = "misc_t4", .fops = &bare_fops,
		.nodename = "misc_t4_node", .mode = 0644,
	};
	struct path p;

	KUNIT_ASSERT_EQ(test, misc_register(&m), 0);
	KUNIT_EXPECT_EQ(test, kern_path("/dev/misc_t4", 0, &p), -ENOENT);
	KUNIT_ASSERT_EQ(test, kern_path("/dev/misc_t4_node", 0, &p), 0);
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_mode, (umode_t)(S_IFCHR | 0644));
	path_put(&p);
	misc_deregister(&m);
	KUNIT_EXPECT_EQ(test, kern_path("/dev/misc_t4_node", 0, &p), -ENOENT);
}

static void misc_no_leak(struct kunit *test)
{
	unsigned long slab, pages;
	struct mt_dev *mt = mt_alloc(test, "misc_leak");
	struct file *f;

	KUNIT_ASSERT_NOT_NULL(test, mt);
	for (int round = 0; round < 2; round++) {
		slab = slab_allocated_bytes();
		pages = nr_free_pages();
		KUNIT_ASSERT_EQ(test, misc_register(&mt->misc), 0);
		f = filp_open("/dev/misc_leak", O_RDWR, 0);
		KUNIT_ASSERT_FALSE(test, IS_ERR(f));
		filp_close(f, NULL);
		misc_deregister(&mt->misc);
	}
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	kfree(mt);
}

static struct kunit_case misc_cases[] = {
	KUNIT_CASE(misc_node_created),
	KUNIT_CASE(misc_vfs_read_write_ioctl),
	KUNIT_CASE(misc_bare_driver),
	KUNIT_CASE(misc_dynamic_minors),
	KUNIT_CASE(misc_conflicts),
	KUNIT_CASE(misc_device_gone),
	KUNIT_CASE(misc_nodename_and_mode),
	KUNIT_CASE(misc_no_leak),
	{}
};

static struct kunit_suite misc_suite = {
	.name = "misc",
	.init = misc_test_init,
	.exit = misc_test_exit,
	.test_cases = misc_cases,
};
kunit_test_suites(&misc_suite);
