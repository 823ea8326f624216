// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mounts (see linux/mount.h): the root ramfs, mounting and unmounting,
 * the mount hash the path walk consults, mount(2), umount2(2) and
 * /proc/mounts. One namespace for every process.
 *
 * The tree is changed and read under the namespace mutex (fs/namei.c), so
 * a walk sees a mount either attached or not. Mount counts are atomic;
 * the last mntput() happens outside the mutex because it may kill a super
 * block, which unlinks dentries under that mutex.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/ramfs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"
#include "mount.h"

struct dentry *vfs_root;
struct vfsmount *root_mnt;

#define MNT_HASH_BITS 8
static struct hlist_head mount_hashtable[1 << MNT_HASH_BITS];
static LIST_HEAD(mount_list);	/* attached mounts, in mount order */

static struct hlist_head *m_hash(struct vfsmount *mnt, struct dentry *dentry)
{
	u64 h = (unsigned long)mnt / 64 + (unsigned long)dentry / 64;

	h *= 0x9e3779b97f4a7c15ULL;
	return &mount_hashtable[h >> (64 - MNT_HASH_BITS)];
}

struct mount *__lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct mount *m, *found = NULL;

	hlist_for_each_entry(m, m_hash(mnt, dentry), mnt_hash)
		if (&m->mnt_parent->mnt == mnt && m->mnt_mountpoint == dentry)
			found = m;	/* the list is oldest first: keep the last */
	return found;
}

void follow_mount(struct path *path)
{
	while (d_mountpoint(path->dentry)) {
		struct mount *m = __lookup_mnt(path->mnt, path->dentry);

		if (!m)
			break;
		path->mnt = &m->mnt;
		path->dentry = m->mnt.mnt_root;
	}
}

bool follow_up(struct path *path)
{
	struct mount *m = real_mount(path->mnt);

	if (path->dentry != path->mnt->mnt_root || m->mnt_parent == m)
		return false;
	path->dentry = m->mnt_mountpoint;
	path->mnt = &m->mnt_parent->mnt;
	return true;
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		atomic_inc(&real_mount(mnt)->mnt_count);
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
	struct mount *m;

	if (!mnt)
		return;
	m = real_mount(mnt);
	if (!atomic_dec_and_test(&m->mnt_count))
		return;
	WARN_ON(m->mnt_parent != m || !list_empty(&m->mnt_mounts));
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(m->mnt_devname);
	kfree(m);
}

/* A mount of the super block @root belongs to (the caller's active reference). */
static struct mount *alloc_mnt(struct dentry *root, const char *name)
{
	struct mount *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return NULL;
	m->mnt_devname = kstrdup(name ? name : "none", GFP_KERNEL);
	if (!m->mnt_devname) {
		kfree(m);
		return NULL;
	}
	atomic_set(&m->mnt_count, 1);
	m->mnt_parent = m;
	m->mnt.mnt_root = root;
	m->mnt.mnt_sb = root->d_sb;
	INIT_HLIST_NODE(&m->mnt_hash);
	INIT_LIST_HEAD(&m->mnt_mounts);
	INIT_LIST_HEAD(&m->mnt_child);
	INIT_LIST_HEAD(&m->mnt_list);
	return m;
}

struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags, const char *name,
				void *data)
{
	struct dentry *root = type->mount(type, flags, name, data);
	struct mount *m;

	if (IS_ERR(root))
		return ERR_CAST(root);
	m = alloc_mnt(root, name);
	if (!m) {
		struct super_block *sb = root->d_sb;

		dput(root);
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return &m->mnt;
}

struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt = vfs_kern_mount(type, 0, type->name, NULL);

	if (!IS_ERR(mnt))
		mnt->mnt_flags |= MNT_INTERNAL;
	return mnt;
}

void kern_unmount(struct vfsmount *mnt)
{
	mntput(mnt);
}

/* Put @m on @mp (looked up, mounts followed), taking the tree's references. */
static void attach_mnt(struct mount *m, const struct path *mp)
{
	m->mnt_parent = real_mount(mntget(mp->mnt));
	m->mnt_mountpoint = dget(mp->dentry);
	mp->dentry->d_mounted++;
	hlist_add_head(&m->mnt_hash, m_hash(mp->mnt, mp->dentry));
	list_add_tail(&m->mnt_child, &m->mnt_parent->mnt_mounts);
	list_add_tail(&m->mnt_list, &mount_list);
}

/*
 * Take @m and everything mounted below it out of the tree. The references
 * the tree held are handed to @dead (mounts to mntput(), parents and
 * mountpoints to drop) for release outside the mutex.
 */
static void umount_tree(struct mount *m, struct list_head *dead)
{
	struct mount *p, *c;

	list_move_tail(&m->mnt_list, dead);
	/* @dead grows while walked: each mount's children join it after it. */
	list_for_each_entry(p, dead, mnt_list)
		list_for_each_entry(c, &p->mnt_mounts, mnt_child)
			list_move_tail(&c->mnt_list, dead);
	list_for_each_entry(p, dead, mnt_list) {
		hlist_del_init(&p->mnt_hash);
		list_del_init(&p->mnt_child);
		p->mnt_mountpoint->d_mounted--;
	}
}

/* Release what umount_tree() collected. Outside the namespace mutex. */
static void release_mounts(struct list_head *dead)
{
	while (!list_empty(dead)) {
		struct mount *m = list_first_entry(dead, struct mount, mnt_list);
		struct mount *parent = m->mnt_parent;
		struct dentry *mp = m->mnt_mountpoint;

		list_del_init(&m->mnt_list);
		m->mnt_parent = m;
		m->mnt_mountpoint = NULL;
		dput(mp);
		mntput(&parent->mnt);
		mntput(&m->mnt);	/* the tree's reference */
	}
}

/* MS_REMOUNT: change the super block's read-only state. */
static int do_remount(const struct path *path, unsigned long flags, void *data)
{
	struct super_block *sb = path->mnt->mnt_sb;
	int sb_flags = flags & SB_RDONLY;
	int err = 0;

	if (path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	if (sb->s_op && sb->s_op->remount_fs)
		err = sb->s_op->remount_fs(sb, &sb_flags, data);
	else if (sb_flags && !sb_rdonly(sb))
		err = sync_filesystem(sb);
	if (!err)
		sb->s_flags = (sb->s_flags & ~SB_RDONLY) | (sb_flags & SB_RDONLY);
	return err;
}

/* Attach @m on @path, unless the path's directory went away meanwhile. */
static int graft(struct mount *m, const struct path *path)
{
	struct path mp = *path;
	int err = 0;

	vfs_ns_lock();
	follow_mount(&mp);	/* someone may have mounted here since the lookup */
	if (d_unhashed(mp.dentry) || (mp.dentry->d_flags & DCACHE_DEAD))
		err = -ENOENT;
	else if (S_ISDIR(m->mnt.mnt_root->d_inode->i_mode) != S_ISDIR(mp.dentry->d_inode->i_mode))
		err = -ENOTDIR;		/* a directory on a file or the reverse */
	else
		attach_mnt(m, &mp);
	vfs_ns_unlock();
	return err;
}

/* MS_BIND: show @old_name's directory (or file) at @path too. */
static int do_loopback(const struct path *path, const char *old_name)
{
	struct path old;
	struct mount *m;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	err = -ENOMEM;
	m = alloc_mnt(dget(old.dentry), real_mount(old.mnt)->mnt_devname);
	if (m) {
		super_get_active(m->mnt.mnt_sb);
		err = graft(m, path);
		if (err)
			mntput(&m->mnt);
	} else {
		dput(old.dentry);
	}
	path_put(&old);
	return err;
}

static int do_new_mount(const struct path *path, const char *type_name, int flags,
			const char *name, void *data)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	int err;

	if (!type_name)
		return -EINVAL;
	type = get_fs_type(type_name);
	if (!type)
		return -ENODEV;
	mnt = vfs_kern_mount(type, flags, name, data);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	err = graft(real_mount(mnt), path);
	if (err)
		mntput(mnt);
	return err;
}

int path_mount(const char *dev_name, struct path *path, const char *type_page,
	       unsigned long flags, void *data_page)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & MS_REMOUNT)
		return do_remount(path, flags, data_page);
	if (flags & MS_BIND)
		return do_loopback(path, dev_name);
	if (flags & (MS_MOVE | MS_REC))
		return -EINVAL;
	return do_new_mount(path, type_page, flags & (SB_RDONLY | SB_SILENT), dev_name,
			    data_page);
}

int path_umount(struct path *path, int flags)
{
	struct mount *m = real_mount(path->mnt);
	LIST_HEAD(dead);
	int err = 0;

	if (!capable(CAP_SYS_ADMIN)) {
		path_put(path);
		return -EPERM;
	}
	vfs_ns_lock();
	if (path->dentry != m->mnt.mnt_root || list_empty(&m->mnt_list))
		err = -EINVAL;		/* not a mount root, or not attached */
	else if (m->mnt_parent == m)
		err = -EBUSY;		/* the root of the namespace */
	else if (!(flags & MNT_DETACH) &&
		 (!list_empty(&m->mnt_mounts) || atomic_read(&m->mnt_count) > 2))
		err = -EBUSY;		/* the tree's reference and @path's only */
	else
		umount_tree(m, &dead);
	vfs_ns_unlock();
	path_put(path);
	release_mounts(&dead);
	return err;
}

int kern_mount_at(const char *dev_name, const char *dir, const char *type,
		  unsigned long flags, void *data)
{
	struct path path;
	int err = kern_path(dir, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = (flags & (MS_REMOUNT | MS_BIND)) ? -EINVAL :
	      do_new_mount(&path, type, flags & (SB_RDONLY | SB_SILENT), dev_name, data);
	path_put(&path);
	return err;
}

int kern_umount(const char *dir, int flags)
{
	struct path path;
	int err = kern_path(dir, (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &path);

	return err ? err : path_umount(&path, flags);
}

/* A string argument of mount(2): NULL stays NULL; at most a page. */
static char *copy_mount_string(const void __user *data)
{
	char *s;
	long len;

	if (!data)
		return NULL;
	s = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(s, data, PAGE_SIZE);
	if (len < 0 || len == PAGE_SIZE) {
		kfree(s);
		return ERR_PTR(len < 0 ? len : -EINVAL);
	}
	return s;
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name, char __user *, type,
		unsigned long, flags, void __user *, data)
{
	char *kdev = NULL, *ktype = NULL, *kdata = NULL;
	struct path path;
	int err;

	ktype = copy_mount_string(type);
	if (IS_ERR(ktype))
		return PTR_ERR(ktype);
	kdev = copy_mount_string(dev_name);
	err = PTR_ERR_OR_ZERO(kdev);
	if (!err) {
		kdata = copy_mount_string(data);
		err = PTR_ERR_OR_ZERO(kdata);
		if (err)
			kdata = NULL;
	} else {
		kdev = NULL;
	}
	if (!err)
		err = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, false, &path);
	if (!err) {
		err = path_mount(kdev, &path, ktype, flags, kdata);
		path_put(&path);
	}
	kfree(kdata);
	kfree(kdev);
	kfree(ktype);
	return err;
}

SYSCALL_DEFINE2(umount2, char __user *, name, int, flags)
{
	struct path path;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	err = user_path_at(AT_FDCWD, name, (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   false, &path);
	return err ? err : path_umount(&path, flags);
}

int mounts_show(char *buf, size_t size)
{
	char *dir = kmalloc(PATH_MAX, GFP_KERNEL);
	struct mount *m;
	size_t n = 0;

	if (!dir)
		return -ENOMEM;
	vfs_ns_lock();
	list_for_each_entry(m, &mount_list, mnt_list) {
		struct path root = { .mnt = &m->mnt, .dentry = m->mnt.mnt_root };

		if (__d_path_copy(&root, dir, PATH_MAX) < 0)
			continue;
		n += scnprintf(buf + n, size - n, "%s %s %s %s 0 0\n", m->mnt_devname, dir,
			       m->mnt.mnt_sb->s_type->name,
			       sb_rdonly(m->mnt.mnt_sb) ? "ro" : "rw");
	}
	vfs_ns_unlock();
	kfree(dir);
	return n;
}

static int __init init_rootfs(void)
{
	struct vfsmount *mnt;
	int err = dcache_init();

	if (err)
		return err;
	mnt = vfs_kern_mount(&ramfs_fs_type, 0, "ramfs", NULL);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	root_mnt = mnt;
	vfs_root = mnt->mnt_root;
	list_add_tail(&real_mount(mnt)->mnt_list, &mount_list);
	pr_info("VFS: ramfs mounted as root\n");
	return 0;
}
core_initcall(init_rootfs);
