// SPDX-License-Identifier: GPL-2.0-only
/*
 * The dentry tree, which in Ferrite is the whole namespace (see
 * <linux/dcache.h>), and its two indexes: the hash table of (parent,
 * name), as Linux's dcache has it, for O(1) lookups whatever the size of
 * the directory; and each directory's tree of readdir positions.
 *
 * The table has one bucket per page of RAM (256 KiB of heads per 128 MiB),
 * fixed at boot as Linux sizes its own, so chains stay a few entries long
 * until there are several dentries per page of memory.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/fs.h>
#include "internal.h"
#include "mount.h"

static struct hlist_head *dentry_hashtable;
static unsigned int d_hash_bits;
static struct kmem_cache *dentry_cache;

int __init dcache_init(void)
{
	unsigned long pages = totalram_pages();

	d_hash_bits = 10;
	while (d_hash_bits < 24 && (1UL << d_hash_bits) < pages)
		d_hash_bits++;
	dentry_hashtable = vzalloc(sizeof(struct hlist_head) << d_hash_bits);
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0, 0, NULL);
	return dentry_hashtable && dentry_cache ? 0 : -ENOMEM;
}

/* The bucket of @name in @parent: FNV-1a over the name, seeded with the parent. */
static struct hlist_head *d_hash(const struct dentry *parent, const struct qstr *name)
{
	u64 h = 0xcbf29ce484222325ULL ^ (unsigned long)parent;

	for (unsigned int i = 0; i < name->len; i++)
		h = (h ^ (unsigned char)name->name[i]) * 0x100000001b3ULL;
	h *= 0x9e3779b97f4a7c15ULL;	/* spread into the top bits we use */
	return dentry_hashtable + (h >> (64 - d_hash_bits));
}

static void d_free(struct dentry *dentry)
{
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
}

void dput(struct dentry *dentry)
{
	while (dentry && refcount_dec_and_test(&dentry->d_count)) {
		struct dentry *parent = dentry->d_parent;

		WARN_ON(dentry->d_flags & DCACHE_LINKED);
		WARN_ON(!list_empty(&dentry->d_subdirs));
		if (dentry->d_inode)
			iput(dentry->d_inode);
		d_free(dentry);
		/* The root is its own parent and holds no reference on itself. */
		dentry = parent == dentry ? NULL : parent;
	}
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	char *dname;

	if (!dentry)
		return NULL;
	if (name->len < DNAME_INLINE_LEN) {
		dname = dentry->d_iname;
	} else {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	refcount_set(&dentry->d_count, 1);
	dentry->d_sb = sb;
	INIT_HLIST_NODE(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	RB_CLEAR_NODE(&dentry->d_offset_node);
	dentry->d_offsets = RB_ROOT;
	dentry->d_next_offset = 2;	/* 0 is ".", 1 is ".." */
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (dentry)
		dentry->d_parent = dget(parent);
	return dentry;
}

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = QSTR_INIT("/", 1);
	struct dentry *dentry;

	if (!root_inode)
		return NULL;
	dentry = __d_alloc(root_inode->i_sb, &slash);
	if (!dentry) {
		iput(root_inode);
		return NULL;
	}
	dentry->d_parent = dentry;
	dentry->d_inode = root_inode;
	dentry->d_flags |= DCACHE_LINKED;	/* reachable: it is "/" */
	return dentry;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	WARN_ON(dentry->d_inode);
	dentry->d_inode = inode;
}

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d;

	hlist_for_each_entry(d, d_hash(parent, name), d_hash) {
		if (d->d_parent == parent && d->d_name.len == name->len &&
		    !memcmp(d->d_name.name, name->name, name->len))
			return d;
	}
	return NULL;
}

/*
 * Make @dentry findable under its parent and name: hash it, and give it
 * the parent's next readdir position (the largest, so it goes last in
 * d_subdirs and rightmost in d_offsets).
 */
static void d_link_child(struct dentry *dentry)
{
	struct dentry *parent = dentry->d_parent;
	struct rb_node **link = &parent->d_offsets.rb_node, *rb = NULL;

	hlist_add_head(&dentry->d_hash, d_hash(parent, &dentry->d_name));
	dentry->d_offset = parent->d_next_offset++;
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	while (*link) {
		rb = *link;
		link = &rb->rb_right;
	}
	rb_link_node(&dentry->d_offset_node, rb, link);
	rb_insert_color(&dentry->d_offset_node, &parent->d_offsets);
}

static void d_unlink_child(struct dentry *dentry)
{
	hlist_del_init(&dentry->d_hash);
	list_del_init(&dentry->d_child);
	rb_erase(&dentry->d_offset_node, &dentry->d_parent->d_offsets);
	RB_CLEAR_NODE(&dentry->d_offset_node);
}

struct dentry *d_first_child_from(struct dentry *dir, loff_t pos)
{
	struct rb_node *rb = dir->d_offsets.rb_node;
	struct dentry *found = NULL;

	while (rb) {
		struct dentry *d = rb_entry(rb, struct dentry, d_offset_node);

		if (d->d_offset >= pos) {
			found = d;
			rb = rb->rb_left;
		} else {
			rb = rb->rb_right;
		}
	}
	return found;
}

void d_attach(struct dentry *dentry)
{
	d_link_child(dentry);
	dentry->d_flags |= DCACHE_LINKED;
	dget(dentry);		/* the tree's reference */
}

struct dentry *d_add_child(struct dentry *parent, const struct qstr *name,
			   struct inode *inode)
{
	struct dentry *d = d_alloc(parent, name);

	if (!d) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_instantiate(d, inode);
	d_attach(d);
	dput(d);		/* the tree keeps its own reference */
	return d;
}

void d_detach(struct dentry *dentry)
{
	d_unlink_child(dentry);
	dentry->d_flags &= ~DCACHE_LINKED;
	dput(dentry);		/* the tree's reference; the caller still has one */
}

static void swap_names(struct dentry *a, struct dentry *b)
{
	bool a_inline = a->d_name.name == a->d_iname;
	bool b_inline = b->d_name.name == b->d_iname;
	const char *a_name = a->d_name.name, *b_name = b->d_name.name;
	unsigned int len = a->d_name.len;
	char tmp[DNAME_INLINE_LEN];

	memcpy(tmp, a->d_iname, sizeof(tmp));
	memcpy(a->d_iname, b->d_iname, sizeof(tmp));
	memcpy(b->d_iname, tmp, sizeof(tmp));
	a->d_name.name = b_inline ? a->d_iname : b_name;
	b->d_name.name = a_inline ? b->d_iname : a_name;
	a->d_name.len = b->d_name.len;
	b->d_name.len = len;
}

/*
 * Give the linked @dentry the name and parent of the unlinked @target
 * (which gets @dentry's old name and keeps its own parent reference).
 * @dentry gets a new readdir position at the end of its new parent, so a
 * listing in progress may show it under both names, as POSIX allows for
 * an entry renamed meanwhile.
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = dentry->d_parent;

	d_unlink_child(dentry);
	swap_names(dentry, target);
	dentry->d_parent = dget(target->d_parent);
	d_link_child(dentry);
	dput(old_parent);
}

bool is_subdir(struct dentry *dentry, struct dentry *ancestor)
{
	for (;;) {
		if (dentry == ancestor)
			return true;
		if (IS_ROOT(dentry))
			return false;
		dentry = dentry->d_parent;
	}
}

bool simple_empty(struct dentry *dentry)
{
	return list_empty(&dentry->d_subdirs);
}

int __d_path_copy(const struct path *path, char *buf, int size)
{
	struct path p;
	int pos = size - 1;

	if (size < 2)
		return -ENAMETOOLONG;
	buf[pos] = '\0';
	p.mnt = path->mnt ? path->mnt : root_mnt;
	for (p.dentry = path->dentry; ; p.dentry = p.dentry->d_parent) {
		struct dentry *d;
		int len;

		while (follow_up(&p))
			;
		d = p.dentry;
		if (d == p.mnt->mnt_root || IS_ROOT(d))
			break;
		len = d->d_name.len;
		if (pos < len + 1)
			return -ENAMETOOLONG;
		pos -= len;
		memcpy(buf + pos, d->d_name.name, len);
		buf[--pos] = '/';
	}
	if (pos == size - 1)
		buf[--pos] = '/';
	memmove(buf, buf + pos, size - pos);
	return size - 1 - pos;
}

struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name,
			      struct inode *inode)
{
	struct dentry *dentry = __d_alloc(sb, name);

	if (!dentry) {
		iput(inode);
		return NULL;
	}
	dentry->d_parent = dentry;
	dentry->d_inode = inode;
	return dentry;
}

int d_path_copy(const struct path *path, char *buf, int size)
{
	int ret;

	vfs_ns_lock();
	ret = __d_path_copy(path, buf, size);
	vfs_ns_unlock();
	return ret;
}
