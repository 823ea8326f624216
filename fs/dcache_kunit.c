// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the dentry cache at size (suite "dcache"): 100,000 files
 * created, listed, looked up, renamed and removed in one ramfs directory;
 * a listing that keeps going while entries come and go neither skips nor
 * repeats one that stays; and everything is given back at the end.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <uapi/linux/fcntl.h>

#define DIR "/dcache_t"
#define NR_FILES 100000
#define CHUNK 500		/* entries per "getdents" call */

static int file_op(int (*op)(const char *), char prefix, int i)
{
	char name[32];

	scnprintf(name, sizeof(name), DIR "/%c%06d", prefix, i);
	return op(name);
}

static int create_one(const char *name)
{
	return kern_mknod(name, S_IFREG | 0644, 0);
}

static int lookup_one(const char *name)
{
	struct path path;
	int err = kern_path(name, 0, &path);

	if (!err)
		path_put(&path);
	return err;
}

static int rename_one(char from, char to, int i)
{
	char a[32], b[32];

	scnprintf(a, sizeof(a), DIR "/%c%06d", from, i);
	scnprintf(b, sizeof(b), DIR "/%c%06d", to, i);
	return kern_rename(a, b);
}

/* How often each entry "<prefix>NNNNNN" was listed, and anything else. */
struct listing {
	struct dir_context ctx;
	char prefix;
	u8 *seen;		/* NR_FILES counters */
	int in_call;		/* entries this call */
	int others;		/* names that are not ours (".", "..", other prefix) */
};

static bool count_entry(struct dir_context *ctx, const char *name, int len, loff_t pos,
			u64 ino, unsigned int type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);
	int i = 0;

	if (l->in_call == CHUNK)
		return false;		/* the buffer is full: resume here next call */
	l->in_call++;
	if (len != 7 || name[0] != l->prefix) {
		l->others++;
		return true;
	}
	for (int k = 1; k < 7; k++)
		i = i * 10 + name[k] - '0';
	if (i < NR_FILES && l->seen[i] < 255)
		l->seen[i]++;
	return true;
}

/* One call of the listing; returns how many entries it gave. */
static int list_chunk(struct file *dir, struct listing *l)
{
	l->in_call = 0;
	return iterate_dir(dir, &l->ctx) ? -1 : l->in_call;
}

static int count_not(const u8 *seen, int times)
{
	int bad = 0;

	for (int i = 0; i < NR_FILES; i++)
		bad += seen[i] != times;
	return bad;
}

static void dcache_100k_files(struct kunit *test)
{
	struct listing l = { .ctx.actor = count_entry, .prefix = 'f' };
	unsigned long pages = (kmem_cache_shrink_all(), nr_free_pages());
	unsigned long slab = slab_allocated_bytes();
	struct file *dir;
	int i, err = 0, n;

	l.seen = kzalloc(NR_FILES, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, l.seen);
	KUNIT_ASSERT_EQ(test, kern_mkdir(DIR, 0755), 0);
	for (i = 0; i < NR_FILES && !err; i++)
		err = file_op(create_one, 'f', i);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, file_op(create_one, 'f', 4242), -EEXIST);

	/* Listed in chunks: every file exactly once. */
	dir = filp_open(DIR, O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(dir));
	while ((n = list_chunk(dir, &l)) > 0)
		;
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_EQ(test, count_not(l.seen, 1), 0);
	KUNIT_EXPECT_EQ(test, l.others, 2);

	for (i = 0; i < NR_FILES && !err; i++)
		err = file_op(lookup_one, 'f', i);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, file_op(lookup_one, 'f', NR_FILES), -ENOENT);

	/* Renamed: the old names are gone, the new ones found, listed once. */
	for (i = 0; i < NR_FILES && !err; i++)
		err = rename_one('f', 'r', i);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, file_op(lookup_one, 'f', 777), -ENOENT);
	KUNIT_EXPECT_EQ(test, file_op(lookup_one, 'r', 777), 0);
	memset(l.seen, 0, NR_FILES);
	l.prefix = 'r';
	l.others = 0;
	vfs_llseek(dir, 0, SEEK_SET);
	while ((n = list_chunk(dir, &l)) > 0)
		;
	KUNIT_EXPECT_EQ(test, count_not(l.seen, 1), 0);
	KUNIT_EXPECT_EQ(test, l.others, 2);

	/*
	 * Listed again while, after each chunk, the next 400 files in
	 * creation order go (some listed already, some not), and new ones
	 * come: a file that stays is listed exactly once.
	 */
	memset(l.seen, 0, NR_FILES);
	l.others = 0;
	vfs_llseek(dir, 0, SEEK_SET);
	for (int gone = 0; (n = list_chunk(dir, &l)) > 0;) {
		for (int k = 0; k < 400 && gone < NR_FILES / 2 && !err; k++, gone += 2)
			err = file_op(kern_unlink, 'r', gone);	/* the even ones */
		if (!err && gone < NR_FILES / 2)
			err = file_op(create_one, 'n', gone);
	}
	KUNIT_EXPECT_EQ(test, err, 0);
	for (i = 1, n = 0; i < NR_FILES; i += 2)
		n += l.seen[i] != 1;
	KUNIT_EXPECT_EQ(test, n, 0);
	for (i = 0, n = 0; i < NR_FILES; i += 2)
		n += l.seen[i] > 1;
	KUNIT_EXPECT_EQ(test, n, 0);
	filp_close(dir, NULL);

	/* Everything goes; so does every byte it used. */
	for (i = 0; i < NR_FILES; i++) {
		int e = file_op(kern_unlink, 'r', i);

		if (i % 2 || i >= NR_FILES / 2 ? e : e != -ENOENT)
			err = err ? err : e ? e : -EINVAL;
		if (i % 2 == 0 && i < NR_FILES / 2)
			file_op(kern_unlink, 'n', i);	/* may not exist */
	}
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, kern_rmdir(DIR), 0);
	kfree(l.seen);
	kmem_cache_shrink_all();
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
}

static struct kunit_case dcache_cases[] = {
	KUNIT_CASE(dcache_100k_files),
	{}
};

static struct kunit_suite dcache_suite = {
	.name = "dcache",
	.test_cases = dcache_cases,
};
kunit_test_suites(&dcache_suite);
