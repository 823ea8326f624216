// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of the VFS core: path lookup and its errors, open flags, reading
 * and writing through user and kernel buffers, seeking, readdir, the
 * default ioctl/poll/fsync answers, and reference counting of open files.
 * Everything happens under /vfs_t, created and removed by each case.
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
#include <linux/ramfs.h>
#include <linux/uaccess.h>

#define UBASE	0x0000000041000000UL	/* user test page */
#define UEND	(UBASE + PAGE_SIZE)

static int vfs_test_init(struct kunit *test)
{
	int err = map_user_test_page(UBASE);

	if (err)
		return err;
	err = kern_mkdir("/vfs_t", 0755);
	if (err)
		unmap_user_test_page(UBASE);
	return err;
}

static void vfs_test_exit(struct kunit *test)
{
	unmap_user_test_page(UBASE);
	kern_rmdir("/vfs_t");
}

/* Create @path with @data through the VFS; returns 0 or -errno. */
static int make_file(const char *path, const char *data)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, data, strlen(data), &pos);
	filp_close(f, NULL);
	return n == (ssize_t)strlen(data) ? 0 : n < 0 ? n : -EIO;
}

static void vfs_lookup_basic(struct kunit *test)
{
	struct path a, b;
	static const char *same[] = {
		"/vfs_t/dir", "//vfs_t///dir//", "/./vfs_t/../vfs_t/./dir", "/../vfs_t/dir/.",
		"vfs_t/dir", "/vfs_t/dir/sub/..",
	};

	KUNIT_ASSERT_EQ(test, kern_mkdir("/vfs_t/dir", 0755), 0);
	KUNIT_ASSERT_EQ(test, kern_mkdir("/vfs_t/dir/sub", 0755), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/vfs_t/dir", 0, &a), 0);
	for (size_t i = 0; i < ARRAY_SIZE(same); i++) {
		KUNIT_EXPECT_EQ(test, kern_path(same[i], LOOKUP_DIRECTORY, &b), 0);
		KUNIT_EXPECT_PTR_EQ(test, b.dentry, a.dentry);
		path_put(&b);
	}
	KUNIT_EXPECT_STREQ(test, a.dentry->d_name.name, "dir");
	KUNIT_EXPECT_TRUE(test, S_ISDIR(a.dentry->d_inode->i_mode));
	path_put(&a);

	/* "/" and "/.." are the root, its own parent. */
	KUNIT_ASSERT_EQ(test, kern_path("/", 0, &a), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/..", 0, &b), 0);
	KUNIT_EXPECT_PTR_EQ(test, a.dentry, b.dentry);
	KUNIT_EXPECT_TRUE(test, IS_ROOT(a.dentry));
	path_put(&a);
	path_put(&b);

	KUNIT_EXPECT_EQ(test, kern_rmdir("/vfs_t/dir/sub"), 0);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/vfs_t/dir"), 0);
}

static void vfs_lookup_errors(struct kunit *test)
{
	struct path p;
	char *name = kmalloc(PATH_MAX + 1, GFP_KERNEL);
	int err;

	KUNIT_ASSERT_NOT_NULL(test, name);
	KUNIT_ASSERT_EQ(test, make_file("/vfs_t/file", "x"), 0);

	KUNIT_EXPECT_EQ(test, kern_path("", 0, &p), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_path("/vfs_t/missing", 0, &p), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_path("/vfs_t/missing/x", 0, &p), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_path("/vfs_t/file/x", 0, &p), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_path("/vfs_t/file/", 0, &p), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_path("/vfs_t/file/.", 0, &p), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_path("/vfs_t/file", LOOKUP_DIRECTORY, &p), -ENOTDIR);

	/* A component of NAME_MAX bytes is fine (absent); one more is too long. */
	strcpy(name, "/vfs_t/");
	memset(name + 7, 'n', NAME_MAX);
	name[7 + NAME_MAX] = '\0';
	KUNIT_EXPECT_EQ(test, kern_path(name, 0, &p), -ENOENT);
	name[7 + NAME_MAX] = 'n';
	name[8 + NAME_MAX] = '\0';
	KUNIT_EXPECT_EQ(test, kern_path(name, 0, &p), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(name, O_RDWR | O_CREAT, 0644)),
			(long)-ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, kern_mkdir(name, 0755), -ENAMETOOLONG);

	/* A whole path of PATH_MAX bytes (no room for the NUL) is too long. */
	for (int i = 0; i < PATH_MAX; i += 2) {
		name[i] = '/';
		name[i + 1] = '.';
	}
	name[PATH_MAX] = '\0';
	KUNIT_EXPECT_EQ(test, kern_path(name, 0, &p), -ENAMETOOLONG);
	name[PATH_MAX - 2] = '\0';
	err = kern_path(name, 0, &p);		/* "/./././..." is "/" */
	KUNIT_EXPECT_EQ(test, err, 0);
	if (!err) {
		KUNIT_EXPECT_TRUE(test, IS_ROOT(p.dentry));
		path_put(&p);
	}

	kfree(name);
	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/file"), 0);
}

static void vfs_open_flags(struct kunit *test)
{
	struct file *f;
	loff_t pos = 0;
	char c;

	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t/f", O_RDONLY, 0)), (long)-ENOENT);
	f = filp_open("/vfs_t/f", O_RDWR | O_CREAT | O_EXCL, 0600);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_TRUE(test, S_ISREG(file_inode(f)->i_mode));
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_mode & 0777, 0600);
	KUNIT_EXPECT_EQ(test, f->f_mode & (FMODE_READ | FMODE_WRITE), FMODE_READ | FMODE_WRITE);
	KUNIT_EXPECT_EQ(test, f->f_flags & (O_CREAT | O_EXCL), 0U);
	filp_close(f, NULL);

	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t/f", O_RDWR | O_CREAT | O_EXCL, 0600)),
			(long)-EEXIST);
	/* O_CREAT without O_EXCL opens the existing file. */
	f = filp_open("/vfs_t/f", O_RDWR | O_CREAT, 0600);
	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);

	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t", O_WRONLY, 0)), (long)-EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t", O_RDWR | O_CREAT, 0)), (long)-EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t/new/", O_RDWR | O_CREAT, 0)),
			(long)-EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t/f", O_RDONLY | O_DIRECTORY, 0)),
			(long)-ENOTDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t/g", O_CREAT | O_DIRECTORY, 0)),
			(long)-EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t/f", O_ACCMODE, 0)), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t/nodir/f", O_RDWR | O_CREAT, 0)),
			(long)-ENOENT);

	/* Access modes are enforced. */
	f = filp_open("/vfs_t/f", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, "x", 1, &pos), (ssize_t)-EBADF);
	KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)UBASE, 1, &pos), (ssize_t)-EBADF);
	filp_close(f, NULL);
	f = filp_open("/vfs_t/f", O_WRONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &pos), (ssize_t)-EBADF);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)UBASE, 1, &pos), (ssize_t)-EBADF);
	filp_close(f, NULL);

	/* O_DIRECTORY on a directory is fine, reading it is -EISDIR. */
	f = filp_open("/vfs_t", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)UBASE, 1, &f->f_pos), (ssize_t)-EISDIR);
	/* A directory has ->read but no ->read_iter: kernel_read() cannot. */
	KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &f->f_pos), (ssize_t)-EINVAL);
	filp_close(f, NULL);

	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/f"), 0);
}

static void vfs_user_buffers(struct kunit *test)
{
	char __user *ubuf = (char __user *)UBASE;
	char kb[16];
	struct file *f;
	loff_t pos;

	KUNIT_ASSERT_EQ(test, copy_to_user(ubuf, "user data!", 10), 0UL);
	f = filp_open("/vfs_t/u", O_RDWR | O_CREAT, 0644);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, vfs_write(f, ubuf, 10, &f->f_pos), 10L);
	KUNIT_EXPECT_EQ(test, f->f_pos, 10LL);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, 10LL);

	/* Read back into another part of the user page. */
	pos = 0;
	KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf + 100, 64, &pos), 10L);
	KUNIT_EXPECT_EQ(test, pos, 10LL);
	KUNIT_EXPECT_EQ(test, copy_from_user(kb, ubuf + 100, 10), 0UL);
	KUNIT_EXPECT_MEMEQ(test, kb, "user data!", 10);
	KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf + 100, 64, &pos), 0L);	/* EOF */

	/* Bad user buffers: refused, or as much as fits before the fault. */
	pos = 0;
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)kb, 4, &pos), (ssize_t)-EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)kb, 4, &pos), (ssize_t)-EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_read(f, NULL, 4, &pos), (ssize_t)-EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_write(f, NULL, 4, &pos), (ssize_t)-EFAULT);
	KUNIT_EXPECT_EQ(test, pos, 0LL);
	KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)(UEND - 3), 10, &pos), 3L);
	KUNIT_EXPECT_EQ(test, pos, 3LL);
	pos = 10;
	KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)(UEND - 4), 10, &pos), 4L);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, 14LL);
	/* Negative position. */
	pos = -1;
	KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf, 1, &pos), (ssize_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "x", 1, &pos), (ssize_t)-EINVAL);

	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/u"), 0);
}

static void vfs_append_and_trunc(struct kunit *test)
{
	char buf[16] = { 0 };
	struct file *f;
	loff_t pos = 0;

	KUNIT_ASSERT_EQ(test, make_file("/vfs_t/a", "hello"), 0);
	f = filp_open("/vfs_t/a", O_WRONLY | O_APPEND, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, f->f_flags & O_APPEND, (unsigned int)O_APPEND);
	/* The position given is ignored: O_APPEND writes at the end. */
	KUNIT_EXPECT_EQ(test, kernel_write(f, " world", 6, &pos), 6L);
	KUNIT_EXPECT_EQ(test, pos, 11LL);
	filp_close(f, NULL);

	f = filp_open("/vfs_t/a", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &f->f_pos), 11L);
	KUNIT_EXPECT_STREQ(test, buf, "hello world");
	filp_close(f, NULL);

	f = filp_open("/vfs_t/a", O_RDWR | O_TRUNC, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, 0LL);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &f->f_pos), 0L);
	filp_close(f, NULL);

	/* O_TRUNC on a read-only open leaves the data (as in Linux). */
	KUNIT_ASSERT_EQ(test, make_file("/vfs_t/b", "keep"), 0);
	f = filp_open("/vfs_t/b", O_RDONLY | O_TRUNC, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_size, 4LL);
	filp_close(f, NULL);

	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/a"), 0);
	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/b"), 0);
}

static void vfs_llseek_generic(struct kunit *test)
{
	struct file *f;
	char c = 0;

	KUNIT_ASSERT_EQ(test, make_file("/vfs_t/s", "0123456789"), 0);
	f = filp_open("/vfs_t/s", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 4, SEEK_SET), 4LL);
	KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &f->f_pos), 1L);
	KUNIT_EXPECT_EQ(test, c, '4');
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 2, SEEK_CUR), 7LL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_CUR), 7LL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -3, SEEK_END), 7LL);
	KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &f->f_pos), 1L);
	KUNIT_EXPECT_EQ(test, c, '7');
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -11, SEEK_END), (loff_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), (loff_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, f->f_pos, 8LL);	/* unchanged by failures */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 100, SEEK_SET), 100LL);	/* past EOF is fine */
	KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &f->f_pos), 0L);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, (loff_t)1 << 40, SEEK_SET), (loff_t)1 << 40);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 3, SEEK_DATA), 3LL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 3, SEEK_HOLE), 10LL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 10, SEEK_DATA), (loff_t)-ENXIO);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, 42), (loff_t)-EINVAL);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/s"), 0);
}

static void vfs_default_methods(struct kunit *test)
{
	struct file *f;

	KUNIT_ASSERT_EQ(test, make_file("/vfs_t/m", "m"), 0);
	f = filp_open("/vfs_t/m", O_RDWR, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, 0x5401, 0), (long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, vfs_poll(f, NULL), DEFAULT_POLLMASK);
	KUNIT_EXPECT_EQ(test, vfs_fsync(f, 0), 0);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/m"), 0);
}

struct readdir_result {
	struct dir_context ctx;
	int n;
	char names[8][16];
	unsigned int types[8];
	int stop_after;		/* return false after this many (0: never) */
};

static bool collect(struct dir_context *ctx, const char *name, int len, loff_t off,
		    u64 ino, unsigned int type)
{
	struct readdir_result *r = container_of(ctx, struct readdir_result, ctx);

	if (r->n >= 8 || len >= 16)
		return false;
	memcpy(r->names[r->n], name, len);
	r->names[r->n][len] = '\0';
	r->types[r->n] = type;
	r->n++;
	return !r->stop_after || r->n < r->stop_after;
}

static void vfs_readdir(struct kunit *test)
{
	struct readdir_result r = { .ctx.actor = collect };
	struct file *f;

	KUNIT_ASSERT_EQ(test, kern_mkdir("/vfs_t/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file("/vfs_t/d/one", "1"), 0);
	KUNIT_ASSERT_EQ(test, kern_mkdir("/vfs_t/d/two", 0755), 0);
	KUNIT_ASSERT_EQ(test, kern_mknod("/vfs_t/d/three", S_IFCHR | 0600, MKDEV(1, 3)), 0);

	f = filp_open("/vfs_t/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &r.ctx), 0);
	KUNIT_ASSERT_EQ(test, r.n, 5);
	KUNIT_EXPECT_STREQ(test, r.names[0], ".");
	KUNIT_EXPECT_STREQ(test, r.names[1], "..");
	KUNIT_EXPECT_STREQ(test, r.names[2], "one");
	KUNIT_EXPECT_STREQ(test, r.names[3], "two");
	KUNIT_EXPECT_STREQ(test, r.names[4], "three");
	KUNIT_EXPECT_EQ(test, r.types[0], (unsigned int)DT_DIR);
	KUNIT_EXPECT_EQ(test, r.types[2], (unsigned int)DT_REG);
	KUNIT_EXPECT_EQ(test, r.types[3], (unsigned int)DT_DIR);
	KUNIT_EXPECT_EQ(test, r.types[4], (unsigned int)DT_CHR);
	KUNIT_EXPECT_EQ(test, f->f_pos, 5LL);

	/* At the end: nothing more. Rewound and stopped early: resumes. */
	r.n = 0;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &r.ctx), 0);
	KUNIT_EXPECT_EQ(test, r.n, 0);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);
	r.stop_after = 3;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &r.ctx), 0);
	KUNIT_EXPECT_EQ(test, r.n, 3);
	KUNIT_EXPECT_EQ(test, f->f_pos, 2LL);	/* the refused entry is not consumed */
	r.n = 0;
	r.stop_after = 0;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &r.ctx), 0);
	KUNIT_EXPECT_EQ(test, r.n, 3);
	KUNIT_EXPECT_STREQ(test, r.names[0], "one");

	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/d/one"), 0);
	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/d/three"), 0);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/vfs_t/d/two"), 0);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/vfs_t/d"), 0);
	/* The open directory was removed: listing it fails, creating in it too. */
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &r.ctx), -ENOENT);
	filp_close(f, NULL);

	/* Not a directory. */
	KUNIT_ASSERT_EQ(test, make_file("/vfs_t/nd", "x"), 0);
	f = filp_open("/vfs_t/nd", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &r.ctx), -ENOTDIR);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/nd"), 0);
}

static void vfs_unlinked_open_file(struct kunit *test)
{
	struct super_block *sb;
	struct file *f, *g;
	char buf[8] = { 0 };
	long inodes;
	loff_t pos = 0;

	KUNIT_ASSERT_EQ(test, make_file("/vfs_t/gone", "still"), 0);
	f = filp_open("/vfs_t/gone", O_RDWR, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	sb = file_inode(f)->i_sb;
	inodes = atomic_long_read(&sb->s_nr_inodes);
	g = get_file(f);
	KUNIT_EXPECT_PTR_EQ(test, g, f);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&f->f_count), 2L);

	KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/gone"), 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/vfs_t/gone", O_RDONLY, 0)), (long)-ENOENT);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_nlink, 0U);
	KUNIT_EXPECT_TRUE(test, d_unhashed(file_dentry(f)));
	/* The data lives while the file is open. */
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 5, &pos), 5L);
	KUNIT_EXPECT_STREQ(test, buf, "still");
	KUNIT_EXPECT_EQ(test, kernel_write(f, "!", 1, &pos), 1L);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&sb->s_nr_inodes), inodes);

	fput(g);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&sb->s_nr_inodes), inodes);
	filp_close(f, NULL);	/* last reference: the inode goes */
	KUNIT_EXPECT_EQ(test, atomic_long_read(&sb->s_nr_inodes), inodes - 1);
}

static void vfs_no_leak(struct kunit *test)
{
	unsigned long pages, slab;
	char *data = kzalloc(3 * PAGE_SIZE, GFP_KERNEL);
	struct file *f;
	loff_t pos = 0;

	KUNIT_ASSERT_NOT_NULL(test, data);
	/* Warm up: the first cycle may fill slab caches. */
	for (int round = 0; round < 2; round++) {
		pages = nr_free_pages();
		slab = slab_allocated_bytes();
		KUNIT_ASSERT_EQ(test, kern_mkdir("/vfs_t/leak", 0755), 0);
		f = filp_open("/vfs_t/leak/a-rather-long-file-name-that-is-not-inline",
			      O_RDWR | O_CREAT, 0644);
		KUNIT_ASSERT_FALSE(test, IS_ERR(f));
		pos = 0;
		KUNIT_EXPECT_EQ(test, kernel_write(f, data, 3 * PAGE_SIZE, &pos),
				(ssize_t)(3 * PAGE_SIZE));
		KUNIT_EXPECT_EQ(test, kern_rename("/vfs_t/leak/a-rather-long-file-name-that-is-not-inline",
						  "/vfs_t/leak/b"), 0);
		KUNIT_EXPECT_EQ(test, kern_unlink("/vfs_t/leak/b"), 0);
		filp_close(f, NULL);
		KUNIT_EXPECT_EQ(test, kern_rmdir("/vfs_t/leak"), 0);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	kfree(data);
}

static struct kunit_case vfs_cases[] = {
	KUNIT_CASE(vfs_lookup_basic),
	KUNIT_CASE(vfs_lookup_errors),
	KUNIT_CASE(vfs_open_flags),
	KUNIT_CASE(vfs_user_buffers),
	KUNIT_CASE(vfs_append_and_trunc),
	KUNIT_CASE(vfs_llseek_generic),
	KUNIT_CASE(vfs_default_methods),
	KUNIT_CASE(vfs_readdir),
	KUNIT_CASE(vfs_unlinked_open_file),
	KUNIT_CASE(vfs_no_leak),
	{}
};

static struct kunit_suite vfs_suite = {
	.name = "vfs",
	.init = vfs_test_init,
	.exit = vfs_test_exit,
	.test_cases = vfs_cases,
};
kunit_test_suites(&vfs_suite);
