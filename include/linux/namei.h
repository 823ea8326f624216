/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Path lookup and path-based namespace calls.
 *
 * A relative path starts at the current process's working directory (the
 * root for kernel threads), or at an explicit base for the *_at forms.
 * "." and ".." are understood ("/.." is "/"), repeated slashes are one, a
 * trailing slash requires a directory. Mounts are crossed both ways (a
 * mounted directory leads into the mount's root, ".." from that root to
 * the mountpoint's parent), and the result names the mount it is on
 * (path->mnt). Symbolic links are followed in
 * every component but the last, and in the last with LOOKUP_FOLLOW (or a
 * trailing slash); more than 40 give -ELOOP. Errors: -ENOENT (a component
 * is missing, or the path is empty), -ENOTDIR (a non-final component, or a
 * final one followed by '/', is not a directory), -ENAMETOOLONG (a
 * component longer than NAME_MAX, or the path PATH_MAX bytes or more).
 * There are no permission checks yet (everything runs as root).
 *
 * All functions may sleep and allocate; process context only.
 */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/fs.h>

#define LOOKUP_FOLLOW		0x0001	/* follow a final symbolic link */
#define LOOKUP_DIRECTORY	0x0002	/* the result must be a directory */

/*
 * kern_path() - look up @name and store the result, with a reference, in
 * @path (release it with path_put()). @flags: LOOKUP_DIRECTORY or 0.
 * Returns 0 or -errno (see above).
 */
int kern_path(const char *name, unsigned int flags, struct path *path);

/*
 * vfs_path_lookup() - kern_path() with relative names taken from @base
 * (NULL: the working directory of the current process, or the root for
 * kernel threads). Every *_at function below takes @base the same way.
 */
int vfs_path_lookup(const struct path *base, const char *name, unsigned int flags,
		    struct path *path);

/* path_get()/path_put() - take or drop the reference a struct path holds. */
void path_get(const struct path *path);
void path_put(const struct path *path);

/*
 * kern_path_create() - prepare to create @name: look up its parent
 * directory (stored in @path, referenced) and return a new, unlinked
 * dentry for the last component, to pass to vfs_create()/vfs_mkdir()/
 * vfs_mknod(). Returns with the namespace mutex held, or ERR_PTR() without
 * it: -EEXIST (the name exists, or is "." or ".."), -ENOENT, -ENOTDIR,
 * -ENAMETOOLONG, -ENOMEM. @lookup_flags: LOOKUP_DIRECTORY allows a trailing
 * slash (for mkdir).
 */
struct dentry *kern_path_create(const char *name, struct path *path,
				unsigned int lookup_flags);

struct dentry *kern_path_create_at(const struct path *base, const char *name,
				   struct path *path, unsigned int lookup_flags);

/* done_path_create() - drop what kern_path_create() returned, unlock. */
void done_path_create(struct path *path, struct dentry *dentry);

/*
 * Path-based forms of the namespace operations (what mkdir(2), mknod(2),
 * unlink(2), rmdir(2) and rename(2) will call). Return 0 or -errno: those
 * of the lookup, then of vfs_mkdir() etc. kern_unlink() of a directory is
 * -EISDIR; kern_rmdir() of "." is -EINVAL and of ".." -ENOTEMPTY;
 * kern_rename() onto an ancestor of the source is -ENOTEMPTY.
 */
int kern_mkdir(const char *name, umode_t mode);
int kern_mknod(const char *name, umode_t mode, dev_t dev);
int kern_unlink(const char *name);
int kern_rmdir(const char *name);
int kern_rename(const char *oldname, const char *newname);

/*
 * The system calls' forms, relative to @base (see vfs_path_lookup()).
 * do_mkdirat() and do_mknodat() apply the process's umask. do_renameat()
 * takes RENAME_NOREPLACE (-EEXIST if the target exists) and no other flag.
 * do_symlinkat() creates @name pointing at @target (-ENOENT if empty).
 * do_linkat() adds the name @newname for @oldname (followed when @flags
 * has LOOKUP_FOLLOW): -EPERM for directories, -EXDEV across file systems.
 * do_readlinkat() copies at most @size bytes of the link's target into
 * @buf (not terminated) and returns the count, or -EINVAL if @name is not
 * a symbolic link.
 */
int do_mkdirat(const struct path *base, const char *name, umode_t mode);
int do_mknodat(const struct path *base, const char *name, umode_t mode, dev_t dev);
int do_symlinkat(const char *target, const struct path *base, const char *name);
int do_linkat(const struct path *obase, const char *oldname, const struct path *nbase,
	      const char *newname, unsigned int flags);
int do_readlinkat(const struct path *base, const char *name, char *buf, int size);
int do_unlinkat(const struct path *base, const char *name);
int do_rmdirat(const struct path *base, const char *name);
int do_renameat(const struct path *obase, const char *oldname, const struct path *nbase,
		const char *newname, unsigned int flags);

#endif /* _LINUX_NAMEI_H */
