// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the namespace features processes brought (suite
 * "namei"): symbolic links and loops, hard links, lookups relative to a
 * base directory, *at() creation and removal, absolute paths of dentries.
 * Everything happens under /namei_t, created and removed by each case.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/string.h>

static int namei_test_init(struct kunit *test)
{
	return kern_mkdir("/namei_t", 0755);
}

static void namei_test_exit(struct kunit *test)
{
	static const char *const names[] = {
		"/namei_t/d/f", "/namei_t/f", "/namei_t/hard", "/namei_t/sl", "/namei_t/sd",
		"/namei_t/loop", "/namei_t/dangling", "/namei_t/g",
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		kern_unlink(names[i]);
	kern_rmdir("/namei_t/d");
	kern_rmdir("/namei_t");
}

static int touch(const char *path)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT, 0644);

	if (IS_ERR(f))
		return PTR_ERR(f);
	return filp_close(f, NULL);
}

/* Symbolic links are followed in the middle of a path and, when asked, at its end. */
static void namei_symlinks(struct kunit *test)
{
	struct path p, target;
	char buf[32];

	KUNIT_ASSERT_EQ(test, kern_mkdir("/namei_t/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, touch("/namei_t/d/f"), 0);
	KUNIT_ASSERT_EQ(test, do_symlinkat("d", NULL, "/namei_t/sd"), 0);
	KUNIT_ASSERT_EQ(test, do_symlinkat("/namei_t/d/f", NULL, "/namei_t/sl"), 0);
	KUNIT_EXPECT_EQ(test, do_symlinkat("x", NULL, "/namei_t/sl"), -EEXIST);
	KUNIT_EXPECT_EQ(test, do_symlinkat("", NULL, "/namei_t/g"), -ENOENT);

	KUNIT_ASSERT_EQ(test, kern_path("/namei_t/d/f", 0, &target), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/namei_t/sd/f", 0, &p), 0);	/* relative link */
	KUNIT_EXPECT_PTR_EQ(test, p.dentry, target.dentry);
	path_put(&p);
	KUNIT_ASSERT_EQ(test, kern_path("/namei_t/sl", LOOKUP_FOLLOW, &p), 0);
	KUNIT_EXPECT_PTR_EQ(test, p.dentry, target.dentry);
	path_put(&p);
	KUNIT_ASSERT_EQ(test, kern_path("/namei_t/sl", 0, &p), 0);	/* the link itself */
	KUNIT_EXPECT_TRUE(test, S_ISLNK(p.dentry->d_inode->i_mode));
	path_put(&p);
	path_put(&target);

	KUNIT_EXPECT_EQ(test, do_readlinkat(NULL, "/namei_t/sl", buf, sizeof(buf)), 12);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "/namei_t/d/f", 12), 0);
	KUNIT_EXPECT_EQ(test, do_readlinkat(NULL, "/namei_t/sl", buf, 4), 4);
	KUNIT_EXPECT_EQ(test, do_readlinkat(NULL, "/namei_t/d/f", buf, 4), -EINVAL);

	KUNIT_ASSERT_EQ(test, do_symlinkat("loop", NULL, "/namei_t/loop"), 0);
	KUNIT_EXPECT_EQ(test, kern_path("/namei_t/loop", LOOKUP_FOLLOW, &p), -ELOOP);
	KUNIT_EXPECT_EQ(test, kern_path("/namei_t/loop/x", 0, &p), -ELOOP);
	KUNIT_ASSERT_EQ(test, do_symlinkat("nowhere", NULL, "/namei_t/dangling"), 0);
	KUNIT_EXPECT_EQ(test, kern_path("/namei_t/dangling", LOOKUP_FOLLOW, &p), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_path("/namei_t/sl/", 0, &p), -ENOTDIR);
}

/* A hard link is a second name for the same inode; the data lives until both go. */
static void namei_hard_links(struct kunit *test)
{
	struct path a, b;

	KUNIT_ASSERT_EQ(test, touch("/namei_t/f"), 0);
	KUNIT_ASSERT_EQ(test, do_linkat(NULL, "/namei_t/f", NULL, "/namei_t/hard", 0), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/namei_t/f", 0, &a), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/namei_t/hard", 0, &b), 0);
	KUNIT_EXPECT_PTR_EQ(test, a.dentry->d_inode, b.dentry->d_inode);
	KUNIT_EXPECT_EQ(test, a.dentry->d_inode->i_nlink, 2);
	KUNIT_EXPECT_EQ(test, do_linkat(NULL, "/namei_t", NULL, "/namei_t/g", 0), -EPERM);
	KUNIT_EXPECT_EQ(test, do_linkat(NULL, "/namei_t/f", NULL, "/namei_t/hard", 0), -EEXIST);
	KUNIT_EXPECT_EQ(test, kern_unlink("/namei_t/f"), 0);
	KUNIT_EXPECT_EQ(test, b.dentry->d_inode->i_nlink, 1);
	path_put(&a);
	path_put(&b);
}

/* Relative names start at the given base; *at() forms create and remove there. */
static void namei_relative_base(struct kunit *test)
{
	struct path base, p;
	char buf[64];

	KUNIT_ASSERT_EQ(test, kern_mkdir("/namei_t/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/namei_t/d", LOOKUP_DIRECTORY, &base), 0);
	KUNIT_EXPECT_EQ(test, do_mkdirat(&base, "sub", 0755), 0);
	KUNIT_EXPECT_EQ(test, vfs_path_lookup(&base, "sub/..", 0, &p), 0);
	KUNIT_EXPECT_PTR_EQ(test, p.dentry, base.dentry);
	path_put(&p);
	KUNIT_EXPECT_EQ(test, vfs_path_lookup(&base, "/namei_t", 0, &p), 0);	/* absolute */
	KUNIT_EXPECT_PTR_EQ(test, p.dentry, base.dentry->d_parent);
	path_put(&p);
	KUNIT_EXPECT_EQ(test, vfs_path_lookup(&base, "sub", 0, &p), 0);
	KUNIT_EXPECT_EQ(test, d_path_copy(&p, buf, sizeof(buf)), 14);
	KUNIT_EXPECT_STREQ(test, buf, "/namei_t/d/sub");
	KUNIT_EXPECT_EQ(test, d_path_copy(&p, buf, 8), -ENAMETOOLONG);
	path_put(&p);
	KUNIT_EXPECT_EQ(test, do_renameat(&base, "sub", &base, "sub2", RENAME_NOREPLACE), 0);
	KUNIT_EXPECT_EQ(test, do_mkdirat(&base, "sub", 0755), 0);
	KUNIT_EXPECT_EQ(test, do_renameat(&base, "sub", &base, "sub2", RENAME_NOREPLACE),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, do_renameat(&base, "sub", &base, "sub2", RENAME_EXCHANGE),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, do_rmdirat(&base, "sub"), 0);
	KUNIT_EXPECT_EQ(test, do_rmdirat(&base, "sub2"), 0);
	KUNIT_EXPECT_EQ(test, do_unlinkat(&base, "sub2"), -ENOENT);
	path_put(&base);
}

static struct kunit_case namei_cases[] = {
	KUNIT_CASE(namei_symlinks),
	KUNIT_CASE(namei_hard_links),
	KUNIT_CASE(namei_relative_base),
	{}
};

static struct kunit_suite namei_suite = {
	.name = "namei",
	.init = namei_test_init,
	.exit = namei_test_exit,
	.test_cases = namei_cases,
};
kunit_test_suites(&namei_suite);
