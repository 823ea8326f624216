/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual file system: inodes, open files, file and inode operations,
 * and the kernel-facing calls a system-call layer sits on (filp_open(),
 * vfs_read(), ...). Names and meanings follow Linux; see
 * Documentation/filesystems/vfs.rst for the model and the differences.
 *
 * Errors are negative errno values, or ERR_PTR() for pointer returns.
 * Unless said otherwise, the functions here may sleep and allocate
 * (GFP_KERNEL), so call them from process context without spinlocks held.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/compiler.h>
#include <linux/compiler_types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/err.h>
#include <linux/kdev_t.h>
#include <linux/stat.h>
#include <linux/uio.h>
#include <linux/dcache.h>
#include <asm/page.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/fs.h>
#include <uapi/linux/eventpoll.h>

struct cred;
struct file;
struct inode;
struct super_block;
struct kstatfs;
struct poll_table_struct;
struct vm_area_struct;
struct pipe_inode_info;

/* A driver's ioctl handler may return this for "not my command": -ENOTTY. */
#ifndef ENOIOCTLCMD
#define ENOIOCTLCMD 515
#endif

typedef void *fl_owner_t;
typedef unsigned int fmode_t;

/* file->f_mode: what this open file may do (set at open, from f_flags). */
#define FMODE_READ		((fmode_t)0x1)
#define FMODE_WRITE		((fmode_t)0x2)
#define FMODE_LSEEK		((fmode_t)0x4)	/* vfs_llseek() allowed */
#define FMODE_PREAD		((fmode_t)0x8)
#define FMODE_PWRITE		((fmode_t)0x10)
#define FMODE_UNSIGNED_OFFSET	((fmode_t)0x2000)	/* negative positions allowed */
#define FMODE_OPENED		((fmode_t)0x80000)	/* ->open succeeded: call ->release */
#define FMODE_STREAM		((fmode_t)0x200000)	/* no position at all */

/* Largest count one read or write transfers (Linux's value). */
#define MAX_RW_COUNT		(INT_MAX & PAGE_MASK)
#define MAX_LFS_FILESIZE	((loff_t)LLONG_MAX)

/* Directory entry types for dir_context actors (Linux ABI values). */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/* What a permission check asks for (inode_permission()'s @mask). */
#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4
#define MAY_APPEND	0x8
#define MAY_ACCESS	0x10	/* access(2): the real ids */
#define MAY_OPEN	0x20
#define MAY_CHDIR	0x40

/* Attributes to change (struct iattr's ia_valid), Linux's values. */
#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_ATIME_SET	(1 << 7)	/* ia_atime_ns given, not "now" */
#define ATTR_MTIME_SET	(1 << 8)
#define ATTR_FORCE	(1 << 9)	/* no permission checks (the kernel's own change) */
#define ATTR_KILL_SUID	(1 << 11)
#define ATTR_KILL_SGID	(1 << 12)
#define ATTR_TOUCH	(1 << 17)	/* utimes to now: owner, or write permission */

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	s64 ia_atime_ns, ia_mtime_ns;
};

/*
 * A location in the namespace: a dentry as seen through a mount (see
 * linux/mount.h), holding a reference on both (path_get()/path_put()). A
 * path whose mnt is NULL is taken to be on the root mount.
 */
struct vfsmount;
struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* One synchronous read or write in progress, for ->read_iter()/->write_iter(). */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;		/* where to transfer; the method advances it */
	int ki_flags;
};

#define IOCB_APPEND	(1 << 1)	/* write at end of file (O_APPEND) */
#define IOCB_NOWAIT	(1 << 7)	/* do not block (for later RWF_NOWAIT) */

/*
 * Directory iteration: ->iterate_shared() calls ctx->actor (through
 * dir_emit()) once per entry, from ctx->pos on, advancing ctx->pos; it
 * stops when the actor returns false.
 */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t offset, u64 ino, unsigned int d_type);

struct dir_context {
	filldir_t actor;
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

/*
 * struct file_operations - what an open file does, called through this
 * table by the VFS. Any member may be NULL:
 *   llseek	 NULL: the file is not seekable (vfs_llseek() gives -ESPIPE).
 *   read, write  take *user* buffers only; NULL: the VFS uses read_iter/
 *		 write_iter, else read/write give -EINVAL.
 *   read_iter, write_iter  take an iov_iter that is user or kernel memory;
 *		 the only methods kernel_read()/kernel_write() use.
 *   iterate_shared  directories: list the entries (iterate_dir()).
 *   poll	 NULL: DEFAULT_POLLMASK (always ready).
 *   unlocked_ioctl  NULL or -ENOIOCTLCMD: -ENOTTY.
 *   mmap	 reserved for user space (no caller yet).
 *   open	 called once per filp_open(), after f_op is set; may set
 *		 file->private_data. An error fails the open (release is
 *		 then not called).
 *   flush	 called at every filp_close().
 *   release	 called when the last reference to the file goes.
 *   fsync	 NULL: vfs_fsync() gives -EINVAL.
 * Methods run in process context and may sleep; the VFS holds no lock
 * around them (read/write/ioctl may run concurrently on one file).
 */
struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count,
			 loff_t *pos);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*flush)(struct file *file, fl_owner_t id);
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, loff_t start, loff_t end, int datasync);
};

/*
 * struct inode_operations - namespace operations of a directory inode (and
 * setattr of any inode). Called by the VFS with the namespace mutex held,
 * on a @dentry that is not linked yet (create/mkdir/mknod: the method
 * builds an inode and d_instantiate()s it) or that is linked (unlink,
 * rmdir, rename: the method updates link counts; the VFS unlinks the
 * dentry afterwards). They may sleep and allocate.
 */
struct inode_operations {
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/*
	 * lookup: for directories whose entries are made on demand (/proc,
	 * disk file systems): @name is not in the tree; create and link its
	 * dentry (d_add_child()) and return it, NULL if there is no such
	 * entry, or an ERR_PTR() (-EIO, -EUCLEAN...). Namespace mutex held.
	 * get_link: for symbolic links computed when followed (i_link NULL):
	 * write the target into @buf of @size bytes and return it, or an
	 * ERR_PTR(). Namespace mutex held.
	 */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *parent,
				 const struct qstr *name);
	const char *(*get_link)(struct dentry *dentry, char *buf, int size);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
};

/*
 * struct super_operations - what the VFS asks of a mounted file system.
 * Every member may be NULL. They may sleep; none is called with the
 * namespace mutex held except evict_inode/free_inode (from the last
 * iput(), which may come from a namespace operation).
 */
struct super_operations {
	/* Allocate an inode (usually embedded in a larger one); NULL: kzalloc. */
	struct inode *(*alloc_inode)(struct super_block *sb);
	/* Free an inode and everything it owns (last iput()); NULL: kfree. */
	void (*free_inode)(struct inode *inode);
	/*
	 * Last reference gone: release what the inode holds on disk (an
	 * unlinked inode's blocks), before free_inode.
	 */
	void (*evict_inode)(struct inode *inode);
	/* Write an inode marked dirty (mark_inode_dirty()) back; @wait: synchronously. */
	int (*write_inode)(struct inode *inode, int wait);
	/* Write every change of the file system to its device; @wait: wait for it. */
	int (*sync_fs)(struct super_block *sb, int wait);
	/* Fill in the sizes of statfs(2) (linux/statfs.h); f_type is set already. */
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
	/*
	 * MS_REMOUNT: *@flags holds the new SB_RDONLY; refuse with -errno or
	 * prepare (e.g. write everything back before going read-only).
	 */
	int (*remount_fs)(struct super_block *sb, int *flags, char *data);
	/* Unmounting (from generic_shutdown_super()): release s_fs_info. */
	void (*put_super)(struct super_block *sb);
};

/* super_block->s_flags (Linux's values: the MS_* flags they come from). */
#define SB_RDONLY	1	/* no changes through any mount */
#define SB_SILENT	32768	/* fill_super(): no messages about a wrong type */
#define SB_ACTIVE	(1 << 30)	/* fill_super() succeeded */

/* file_system_type->fs_flags */
#define FS_REQUIRES_DEV	1	/* mounted from a block device (mount_bdev()) */

/*
 * struct file_system_type - a kind of file system, registered by name
 * (register_filesystem()) so that mount(2) finds it.
 *   mount	make or find a super block for @dev_name and return its
 *		root dentry with a reference, with the super block active
 *		(s_active counted): mount_bdev(), mount_nodev() or
 *		mount_single() do it. ERR_PTR() on failure.
 *   kill_sb	undo what mount made, when the last mount of the super
 *		block goes: kill_block_super(), kill_litter_super() or
 *		kill_anon_super().
 * /proc/filesystems lists the types, "nodev" before those without
 * FS_REQUIRES_DEV.
 */
struct file_system_type {
	const char *name;
	int fs_flags;
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;	/* the registry's list */
};

/*
 * struct super_block - one mounted instance of a file system. Made by
 * mount_bdev(), mount_nodev() or mount_single(), counted by s_active (one
 * per mount), killed by its type's ->kill_sb when the last mount goes.
 */
struct block_device;
struct super_block {
	const struct super_operations *s_op;
	struct file_system_type *s_type;
	struct dentry *s_root;
	struct block_device *s_bdev;	/* mount_bdev(): the device, claimed */
	dev_t s_dev;			/* st_dev of its inodes (0: none yet) */
	unsigned long s_blocksize;	/* sb_bread() block size, bytes */
	unsigned char s_blocksize_bits;
	unsigned long s_flags;		/* SB_* */
	loff_t s_maxbytes;		/* largest file size */
	unsigned long s_magic;
	void *s_fs_info;		/* the file system's own data */
	atomic_long_t s_nr_inodes;	/* live inodes, for tests and leaks */
	/* Private to fs/super.c and fs/inode.c: */
	int s_active;			/* mounts, under the super blocks' lock */
	struct list_head s_list;	/* in the list of all super blocks */
	spinlock_t s_inode_wblist_lock;
	struct list_head s_dirty;	/* inodes to ->write_inode, each referenced */
};

static inline bool sb_rdonly(const struct super_block *sb)
{
	return sb->s_flags & SB_RDONLY;
}

#define IS_RDONLY(inode) sb_rdonly((inode)->i_sb)

#define S_DEAD (1 << 4)		/* i_flags: a removed directory */

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	unsigned long i_ino;
	dev_t i_rdev;			/* device nodes: the device number */
	loff_t i_size;
	/* Times in nanoseconds since 1970 (CLOCK_REALTIME); set by the VFS. */
	s64 i_atime_ns, i_mtime_ns, i_ctime_ns;
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;	/* copied to f_op at open */
	void *i_private;		/* for the file system or driver */
	const char *i_link;		/* symbolic links: the target */
	struct pipe_inode_info *i_pipe;	/* pipes and FIFOs */
	atomic_t i_count;
	struct mutex i_mutex;		/* inode_lock(): file data and size */
	unsigned long i_state;		/* I_DIRTY: on the super block's s_dirty; I_NEW */
	struct list_head i_io_list;	/* in s_dirty */
	struct hlist_node i_hash;	/* in the inode hash (iget_locked()) */
};

#define I_DIRTY		(1 << 0)
#define I_NEW		(1 << 3)	/* iget_locked() made it: being read in */

/*
 * struct file - one open file (Linux: an open file description). Reference
 * counted: filp_open() returns one reference, get_file() adds one, fput()
 * drops one; the last drop calls ->release. private_data belongs to the
 * driver (misc devices: preset to the struct miscdevice).
 */
struct file {
	atomic_long_t f_count;
	fmode_t f_mode;
	unsigned int f_flags;		/* O_* flags given at open (O_APPEND, O_NONBLOCK...) */
	const struct file_operations *f_op;
	struct path f_path;
	struct inode *f_inode;		/* == f_path.dentry->d_inode */
	loff_t f_pos;
	const struct cred *f_cred;	/* the opener's, referenced for the file's life */
	void *private_data;
};

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline struct dentry *file_dentry(const struct file *f)
{
	return f->f_path.dentry;
}

/*
 * replace_fops() - switch @f to the operations @fops (chrdev and misc
 * open do this to hand the file to the driver). Only inside ->open.
 */
#define replace_fops(f, fops) ((f)->f_op = (fops))

/* inode_lock() - serialise changes to an inode's data and size. May sleep. */
static inline void inode_lock(struct inode *inode)
{
	mutex_lock(&inode->i_mutex);
}

static inline void inode_unlock(struct inode *inode)
{
	mutex_unlock(&inode->i_mutex);
}

static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

/* Update i_size; caller holds inode_lock(). */
static inline void i_size_write(struct inode *inode, loff_t size)
{
	WRITE_ONCE(inode->i_size, size);
}

/* --- Inodes (fs/inode.c) --------------------------------------------- */

/*
 * inode_touch() - set @inode's modification and change times (@mtime) or
 * only its change time to now, and mark_inode_dirty() it. Never sleeps. file_update_time() is the
 * form for a successful write to @file.
 */
void inode_touch(struct inode *inode, bool mtime);

static inline void file_update_time(struct file *file)
{
	inode_touch(file_inode(file), true);
}

/*
 * new_inode() - a fresh inode of @sb with one reference, i_nlink 1, a new
 * i_ino, and everything else zero. Returns NULL on -ENOMEM.
 */
struct inode *new_inode(struct super_block *sb);

/* ihold() - take another reference on @inode. Never sleeps. */
void ihold(struct inode *inode);

/*
 * iget_locked() - the inode numbered @ino of @sb, with a reference: the
 * live one if there is one (waiting until its reader is done), else a new
 * one, hashed, with i_ino set and I_NEW in i_state, which the caller fills
 * in (from the disk) and then passes to unlock_new_inode(), or on failure
 * to iget_failed() (which drops it). NULL on -ENOMEM. May sleep.
 * insert_inode_hash() hashes an inode the file system made itself
 * (new_inode() and a number it chose), so iget_locked() finds it.
 * inode_unhashed() - whether @inode is outside the hash.
 */
struct inode *iget_locked(struct super_block *sb, unsigned long ino);
void unlock_new_inode(struct inode *inode);
void iget_failed(struct inode *inode);
void insert_inode_hash(struct inode *inode);

static inline bool inode_unhashed(const struct inode *inode)
{
	return hlist_unhashed(&inode->i_hash);
}

/*
 * iput() - drop a reference on @inode; the last one calls
 * s_op->evict_inode, then frees it through s_op->free_inode (with its
 * data). May sleep.
 */
void iput(struct inode *inode);

/*
 * init_special_inode() - make @inode a device node or FIFO/socket: sets
 * i_mode and i_rdev, and for character devices i_fop = &def_chr_fops, whose
 * open finds the driver (chrdev_open()), for block devices def_blk_fops
 * (block/fops.c). FIFOs and sockets get no operations yet: opening them
 * fails with -ENXIO.
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);

/*
 * Link counts (file systems keep them; the VFS only reads i_nlink). Caller
 * serialises (inode operations run under the namespace mutex). Never sleep.
 */
void set_nlink(struct inode *inode, unsigned int nlink);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);

/*
 * inode_init_owner() - give a new @inode of @mode, made in directory @dir
 * (NULL for a root), its owner: current's fsuid, and current's fsgid or,
 * below a setgid directory, @dir's group (a new directory then inherits
 * the setgid bit; a new group-executable setgid file loses it unless its
 * maker is in that group or has CAP_FSETID). Sets i_uid, i_gid, i_mode.
 */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);

/* --- Permissions (fs/permission.c) ------------------------------------ */

/*
 * generic_permission() - whether current may do @mask (MAY_READ, MAY_WRITE,
 * MAY_EXEC; other MAY_* bits are ignored) to @inode by its mode bits, as
 * Linux decides: the owner class for current's fsuid, else the group class
 * for its fsgid and supplementary groups, else other; failing that,
 * CAP_DAC_READ_SEARCH grants reading files and reading or searching
 * directories, CAP_DAC_OVERRIDE anything but executing a file without any
 * x bit. 0 or -EACCES. Never sleeps.
 */
int generic_permission(struct inode *inode, int mask);

/*
 * inode_permission() - the check the VFS makes before it acts on @inode
 * on current's behalf (path walk, open, create, delete, exec...): today
 * generic_permission(), the place for a file system's own rules. 0 or
 * -EACCES.
 */
int inode_permission(struct inode *inode, int mask);

/*
 * inode_owner_or_capable() - whether current's fsuid owns @inode or it has
 * CAP_FOWNER: who may chmod, set times or clear the sticky rules.
 */
bool inode_owner_or_capable(const struct inode *inode);

/*
 * check_sticky() - in a sticky directory @dir, whether removing or
 * renaming @inode is refused (true): current owns neither and lacks
 * CAP_FOWNER.
 */
bool check_sticky(const struct inode *dir, const struct inode *inode);

/* --- Attributes (fs/attr.c) ------------------------------------------- */

/*
 * setattr_prepare() - check that current may make the change @attr asks
 * for to @dentry's inode, as Linux does: chown only by CAP_CHOWN (the
 * owner may give the file to one of its own groups), chmod and explicit
 * times only by the owner or CAP_FOWNER (-EPERM); a chmod by someone
 * outside the file's group without CAP_FSETID loses S_ISGID. ATTR_FORCE
 * skips the checks. 0 or -EPERM. Never sleeps.
 */
int setattr_prepare(struct dentry *dentry, struct iattr *attr);

/*
 * notify_change() - change @dentry's inode as @attr says, after
 * setattr_prepare() (ATTR_TOUCH: an owner, CAP_FOWNER or write
 * permission, else -EACCES): the size through ->setattr (-EPERM without
 * one), owner, mode and times here; ATTR_KILL_SUID/ATTR_KILL_SGID clear
 * those bits if set (S_ISGID only with S_IXGRP); the change time becomes
 * now and the inode is marked dirty. Takes inode_lock(). 0 or -errno (-EROFS on a read-only file
 * system). May sleep.
 */
int notify_change(struct dentry *dentry, struct iattr *attr);

/*
 * should_remove_suid() - the ATTR_KILL_* bits a write to @dentry's regular
 * file must clear: S_ISUID, and S_ISGID of a group-executable file, unless
 * current has CAP_FSETID. 0 when nothing is to be cleared.
 */
int should_remove_suid(struct dentry *dentry);

/*
 * file_remove_privs() - before a write to @file: clear what
 * should_remove_suid() names. 0 or -errno. May sleep.
 */
int file_remove_privs(struct file *file);

/* --- Namespace operations (fs/namei.c) -------------------------------- */

/*
 * vfs_create(), vfs_mkdir(), vfs_mknod() - create the object named by the
 * new, unlinked @dentry (from kern_path_create()) in directory @dir and link
 * it into the tree. Need the namespace mutex (held between
 * kern_path_create() and done_path_create()). vfs_mknod() takes S_IFCHR,
 * S_IFBLK, S_IFIFO, S_IFSOCK or S_IFREG in @mode. Return 0 or -errno:
 * -EPERM (no such method), -ENOENT (@dir was removed), -ENOMEM, or the
 * file system's error.
 */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool want_excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);

/*
 * vfs_unlink(), vfs_rmdir() - remove the linked @dentry from directory
 * @dir. Need the namespace mutex. vfs_unlink() refuses directories
 * (-EISDIR); vfs_rmdir() needs an empty directory (-ENOTEMPTY) other than
 * the root (-EBUSY). Open files of the object stay usable.
 */
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);

/*
 * vfs_rename() - move the linked @old_dentry (in @old_dir) to the name of
 * @new_dentry (in @new_dir), replacing @new_dentry if it is linked. Needs
 * the namespace mutex. -ENOTDIR/-EISDIR when a directory would replace a
 * non-directory or the reverse, -ENOTEMPTY for a non-empty target
 * directory, -EINVAL when moving a directory below itself. @flags must be 0.
 */
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);

/* --- Open files (fs/open.c, fs/file_table.c) -------------------------- */

/*
 * filp_open() - open the file at @filename (absolute, or relative to the
 * root: there is no current directory yet) with O_* @flags; O_CREAT creates
 * a regular file with permission bits @mode. Returns a file with one
 * reference, or ERR_PTR(): -ENOENT, -ENOTDIR, -ENAMETOOLONG, -EEXIST
 * (O_CREAT|O_EXCL), -EISDIR (writing a directory), -EINVAL (bad O_ACCMODE),
 * -ENXIO/-ENODEV (device node without a driver), -EACCES (current may not
 * search the path, create there, or open the file so: see may_open() in
 * fs/open.c), -ENOMEM, or the error of the driver's ->open.
 */
struct file *filp_open(const char *filename, int flags, umode_t mode);

/*
 * file_open_at() - filp_open() with a relative @filename taken from @base
 * (NULL: the current working directory). A final symbolic link is followed
 * unless O_NOFOLLOW (then opening it is -ELOOP).
 */
struct file *file_open_at(const struct path *base, const char *filename, int flags,
			  umode_t mode);

/*
 * dfd_base() - for the *at() system calls: the directory @dfd names as the
 * base of the relative path @name, in *@filp with a reference (NULL when
 * @name is absolute or @dfd is AT_FDCWD). 0, -EBADF or -ENOTDIR.
 */
int dfd_base(int dfd, const char *name, struct file **filp);

/*
 * user_path_at() - look up the user path @filename relative to @dfd with
 * LOOKUP_* @flags into @path (referenced). With @empty_ok an empty name
 * means @dfd itself (AT_EMPTY_PATH). 0 or -errno (-EFAULT, -ENOENT...).
 */
int user_path_at(int dfd, const char __user *filename, unsigned int flags, bool empty_ok,
		 struct path *path);

/*
 * dentry_open() - open the object at @path (the caller keeps its own
 * reference) with O_* @flags (creation flags ignored). As filp_open().
 */
struct file *dentry_open(const struct path *path, int flags);

/*
 * filp_close() - the close(2) of @file: calls ->flush, then drops the
 * caller's reference (fput()). Returns ->flush's result (0 without one).
 * @id is the closing owner (NULL for kernel callers).
 */
int filp_close(struct file *file, fl_owner_t id);

/* get_file() - take another reference on @f; returns @f. Never sleeps. */
static inline struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

/*
 * fput() - drop a reference on @file; the last one calls ->release (if
 * ->open succeeded) and frees the file. Synchronous (Linux defers it).
 * May sleep.
 */
void fput(struct file *file);

/*
 * stream_open() - from ->open: the file has no position (pipes, sockets,
 * most character devices): vfs_llseek() gives -ESPIPE and read/write get
 * a NULL position pointer when the caller passes none. Returns 0.
 */
int stream_open(struct inode *inode, struct file *file);

/* nonseekable_open() - from ->open: forbid seeking only. Returns 0. */
int nonseekable_open(struct inode *inode, struct file *file);

/*
 * vfs_truncate() - truncate(2): set the size of the regular file at @path
 * to @length through ->setattr, if current may write it. -EISDIR, -EINVAL
 * (negative or not regular), -EACCES, -EPERM (no setattr), -EFBIG,
 * -ENOMEM.
 */
int vfs_truncate(const struct path *path, loff_t length);

/* --- Reading and writing (fs/read_write.c) ---------------------------- */

/*
 * vfs_read() - read up to @count bytes into the *user* buffer @buf at *@pos
 * (usually &file->f_pos; NULL is allowed for stream files), advancing
 * *@pos. Uses ->read, else ->read_iter with a user iov_iter. Returns the
 * bytes read (0 at end of file) or -EBADF (not open for reading), -EINVAL
 * (no method, negative position), -EFAULT (@buf not a user range, or
 * nothing could be copied), or the driver's error. Counts are capped at
 * MAX_RW_COUNT.
 */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos);

/* vfs_write() - the same for writing from the user buffer @buf. */
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);

/*
 * kernel_read()/kernel_write() - vfs_read()/vfs_write() for a *kernel*
 * buffer, for in-kernel callers and tests. They use only ->read_iter/
 * ->write_iter (with a kernel iov_iter, ITER_KVEC); a file with only
 * ->read/->write gives -EINVAL, as in Linux, because those take __user
 * pointers.
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);

/*
 * vfs_llseek() - move @file's position. -ESPIPE if the file is not
 * seekable (no ->llseek, stream_open(), nonseekable_open(), no_llseek),
 * otherwise ->llseek's result: the new position or -EINVAL/-ENXIO.
 */
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);

/*
 * generic_file_llseek() - ->llseek for files whose size is i_size: SEEK_SET,
 * SEEK_CUR, SEEK_END, SEEK_DATA/SEEK_HOLE (all data, one hole at the end);
 * positions above s_maxbytes or below 0 give -EINVAL.
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);

/* The same with an explicit maximum position and end of file. */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof);

/* ->llseek for a fixed-size object of @size bytes. */
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);

/* ->llseek that refuses: always -ESPIPE. */
loff_t no_llseek(struct file *file, loff_t offset, int whence);

/* ->llseek that accepts and does nothing: returns the current position. */
loff_t noop_llseek(struct file *file, loff_t offset, int whence);

/*
 * vfs_setpos() - set f_pos to @offset if 0 <= @offset <= @maxsize; returns
 * it, or -EINVAL.
 */
loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize);

/* --- Other file calls ------------------------------------------------- */

/*
 * vfs_ioctl() - call ->unlocked_ioctl. -ENOTTY without one, or when it
 * returns -ENOIOCTLCMD; otherwise its result. (fs/ioctl.c)
 */
long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/*
 * vfs_fsync_range()/vfs_fsync() - flush the file's data to its backing
 * store through ->fsync; -EINVAL without one. (fs/sync.c)
 */
int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync);
int vfs_fsync(struct file *file, int datasync);

/* ->fsync for memory-backed files: nothing to do, returns 0. */
int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync);

/*
 * iterate_dir() - list the directory @file from ctx->pos (then stored back
 * in f_pos) through ctx->actor. -ENOTDIR if not a directory, -ENOENT if it
 * was removed. The actor runs with the namespace mutex held: it must not
 * call namespace operations. (fs/readdir.c)
 */
int iterate_dir(struct file *file, struct dir_context *ctx);

/* ->iterate_shared of dcache-backed directories (".", "..", then children). */
int dcache_readdir(struct file *file, struct dir_context *ctx);

/* ->llseek of dcache-backed directories: SEEK_SET/SEEK_CUR to an entry index. */
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);

/* ->read of directories: -EISDIR. */
ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count, loff_t *pos);

/* Directory file operations of dcache-backed file systems (ramfs). */
extern const struct file_operations simple_dir_operations;

/* --- Character devices (fs/char_dev.c) -------------------------------- */

/* The f_op of every character device node until its open finds the driver. */
extern const struct file_operations def_chr_fops;

/*
 * register_chrdev_region() - reserve the @count device numbers from @from
 * (they may span majors) under @name. Returns 0, -EBUSY if any is taken,
 * -EINVAL for a bad range, -ENOMEM. Sleeps.
 */
int register_chrdev_region(dev_t from, unsigned int count, const char *name);

/*
 * alloc_chrdev_region() - reserve @count minors from @baseminor of a free
 * dynamic major (254 down to 234, then 511 down to 384) and store the first
 * number in *@dev. Returns 0, -EBUSY (no free major), -EINVAL, -ENOMEM.
 */
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name);

/* unregister_chrdev_region() - release what register/alloc reserved. */
void unregister_chrdev_region(dev_t from, unsigned int count);

/*
 * __register_chrdev() - reserve minors [@baseminor, @baseminor + @count) of
 * @major (0: allocate one) and serve them all with @fops through an
 * internal cdev. Returns the major (when @major was 0) or 0, or -errno.
 * register_chrdev() is the 256-minor form.
 */
int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			 const char *name);

static inline int register_chrdev(unsigned int major, const char *name,
				  const struct file_operations *fops)
{
	return __register_chrdev(major, 0, 256, name, fops);
}

static inline void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, 256, name);
}

/* --- File systems and super blocks (fs/filesystems.c, fs/super.c) ------ */

/*
 * register_filesystem() - make @fs findable by mount(2) under @fs->name.
 * -EBUSY if that name is taken. unregister_filesystem() undoes it
 * (-EINVAL if not registered); the caller makes sure nothing is mounted.
 */
int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);

/* get_fs_type() - the registered type called @name, or NULL. */
struct file_system_type *get_fs_type(const char *name);

/*
 * mount_bdev() - ->mount of a disk file system: open the block device at
 * the path @dev_name exclusively (a second mount of it is -EBUSY), make a
 * super block with s_bdev, s_dev and a block size of the device's logical
 * block size, and call @fill_super(sb, @data, @flags & SB_SILENT) to read
 * it and set s_root; SB_RDONLY from @flags. Returns the root with a
 * reference, or ERR_PTR(): -ENOTBLK (not a block device node), -ENXIO (no
 * such device), -ENOENT..., -EBUSY, -ENOMEM, or fill_super's error
 * (everything undone then). May sleep.
 */
struct dentry *mount_bdev(struct file_system_type *fs_type, int flags, const char *dev_name,
			  void *data, int (*fill_super)(struct super_block *, void *, int));

/* mount_nodev() - the same for a file system without a device: a new super block each time. */
struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *, void *, int));

/*
 * mount_single() - one super block shared by every mount of @fs_type
 * (made by the first, with @fill_super): proc and devtmpfs.
 */
struct dentry *mount_single(struct file_system_type *fs_type, int flags, void *data,
			    int (*fill_super)(struct super_block *, void *, int));

/*
 * generic_shutdown_super() - the common part of every ->kill_sb: write
 * everything back (sync_filesystem()), drop the root dentry, call
 * ->put_super. The super block must have no users left.
 * kill_anon_super() is that alone; kill_litter_super() first unlinks
 * every dentry (ramfs: the dentries are the files); kill_block_super()
 * does too (the dentries ->lookup made), then writes back and releases
 * the block device.
 */
void generic_shutdown_super(struct super_block *sb);
void kill_anon_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
void kill_block_super(struct super_block *sb);

/*
 * deactivate_super() - drop a mount's reference on @sb; the last one
 * calls ->kill_sb and frees @sb. May sleep.
 */
void deactivate_super(struct super_block *sb);

/*
 * sync_filesystem() - write @sb's dirty inodes (->write_inode), then
 * ->sync_fs, then its block device's buffers. 0 or the first error.
 * iterate_supers() - call @f on every live super block.
 */
int sync_filesystem(struct super_block *sb);
void iterate_supers(void (*f)(struct super_block *sb, void *arg), void *arg);

/*
 * sb_set_blocksize() - make @size (a power of two, at least the device's
 * logical block size, at most PAGE_SIZE) @sb's block size for sb_bread().
 * Returns @size, or 0 if the size is not possible. May sleep.
 */
int sb_set_blocksize(struct super_block *sb, int size);

/*
 * mark_inode_dirty() - @inode has changes ->write_inode must store; the
 * next sync_filesystem() (sync(2), syncfs(2), umount) writes it. Takes a
 * reference until then. Nothing to do (no reference taken) where the
 * super block has no ->write_inode. An inode without links is not kept
 * (and is taken off the list, its reference dropped): ->evict_inode frees
 * it when its last user goes, not at the next sync. The caller holds a
 * reference. Never sleeps.
 */
void mark_inode_dirty(struct inode *inode);

/*
 * getname() - copy the path at user @filename into a new kmalloc'd string
 * (kfree() it). ERR_PTR(-EFAULT), -ENAMETOOLONG (PATH_MAX or more),
 * -ENOENT (empty), -ENOMEM. May sleep. (fs/exec.c)
 */
char *getname(const char __user *filename);

/* The current process's umask (0 for kernel threads). (fs/fs_struct.c) */
unsigned int current_umask(void);

#endif /* _LINUX_FS_H */
