// SPDX-License-Identifier: GPL-2.0-only
/*
 * The registry of file system types: a list under a mutex, in
 * registration order (the order /proc/filesystems shows).
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/fs.h>
#include "mount.h"

static struct file_system_type *file_systems;
static DEFINE_MUTEX(file_systems_lock);

/* The link pointing at the type called @name, or at the list's end. */
static struct file_system_type **find_filesystem(const char *name)
{
	struct file_system_type **p = &file_systems;

	while (*p && strcmp((*p)->name, name))
		p = &(*p)->next;
	return p;
}

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int err = 0;

	if (WARN_ON(fs->next || !fs->name || !fs->mount || !fs->kill_sb))
		return -EINVAL;
	mutex_lock(&file_systems_lock);
	p = find_filesystem(fs->name);
	if (*p)
		err = -EBUSY;
	else
		*p = fs;
	mutex_unlock(&file_systems_lock);
	return err;
}

int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int err = -EINVAL;

	mutex_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == fs) {
			*p = fs->next;
			fs->next = NULL;
			err = 0;
			break;
		}
	}
	mutex_unlock(&file_systems_lock);
	return err;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	mutex_lock(&file_systems_lock);
	fs = *find_filesystem(name);
	mutex_unlock(&file_systems_lock);
	return fs;
}

int filesystems_show(char *buf, size_t size)
{
	struct file_system_type *fs;
	size_t n = 0;

	mutex_lock(&file_systems_lock);
	for (fs = file_systems; fs; fs = fs->next)
		n += scnprintf(buf + n, size - n, "%s\t%s\n",
			       (fs->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev", fs->name);
	mutex_unlock(&file_systems_lock);
	return n;
}
