// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-process file descriptor tables (see linux/fdtable.h, linux/file.h).
 * file_lock guards the slots; files are closed (fput) outside it, since
 * that may sleep.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/init.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#define BITS_PER_LONG_ (8 * sizeof(long))

static void set_bit_(unsigned long *map, unsigned int n, bool on)
{
	if (on)
		map[n / BITS_PER_LONG_] |= 1UL << (n % BITS_PER_LONG_);
	else
		map[n / BITS_PER_LONG_] &= ~(1UL << (n % BITS_PER_LONG_));
}

static bool test_bit_(const unsigned long *map, unsigned int n)
{
	return map[n / BITS_PER_LONG_] & (1UL << (n % BITS_PER_LONG_));
}

/* Marks a reserved but not yet installed slot. */
#define FD_RESERVED ((struct file *)1)

/*
 * One table per process: in a cache of its own, a table (on 64-bit, 2 KiB
 * and a few bytes) takes about 2.3 KiB of a four-page slab instead of
 * kmalloc's whole 4 KiB size class.
 */
static struct kmem_cache *files_cachep;

void __init files_init(void)
{
	files_cachep = kmem_cache_create("files_cache", sizeof(struct files_struct), 0,
					 SLAB_PANIC, NULL);
}

struct files_struct *files_alloc(void)
{
	struct files_struct *f = kmem_cache_zalloc(files_cachep, GFP_KERNEL);

	if (!f)
		return NULL;
	refcount_set(&f->count, 1);
	spin_lock_init(&f->file_lock);
	return f;
}

struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *f = files_alloc();
	unsigned long flags;

	if (!f)
		return NULL;
	spin_lock_irqsave(&old->file_lock, flags);
	for (int i = 0; i < NR_OPEN_DEFAULT; i++) {
		struct file *file = old->fd[i];

		if (file && file != FD_RESERVED)
			f->fd[i] = get_file(file);
	}
	memcpy(f->close_on_exec, old->close_on_exec, sizeof(f->close_on_exec));
	spin_unlock_irqrestore(&old->file_lock, flags);
	return f;
}

void put_files_struct(struct files_struct *files)
{
	if (!refcount_dec_and_test(&files->count))
		return;
	for (int i = 0; i < NR_OPEN_DEFAULT; i++)
		if (files->fd[i] && files->fd[i] != FD_RESERVED)
			filp_close(files->fd[i], files);
	kmem_cache_free(files_cachep, files);
}

void exit_files(void)
{
	struct files_struct *files = current->files;

	if (files) {
		current->files = NULL;
		put_files_struct(files);
	}
}

static int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned long irq;
	int fd = -EMFILE;

	if (!files)
		return -EMFILE;
	spin_lock_irqsave(&files->file_lock, irq);
	for (unsigned int i = start; i < NR_OPEN_DEFAULT; i++) {
		if (!files->fd[i]) {
			files->fd[i] = FD_RESERVED;
			set_bit_(files->close_on_exec, i, flags & O_CLOEXEC);
			fd = i;
			break;
		}
	}
	spin_unlock_irqrestore(&files->file_lock, irq);
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	unsigned long irq;

	spin_lock_irqsave(&files->file_lock, irq);
	if (files->fd[fd] == FD_RESERVED)
		files->fd[fd] = NULL;
	spin_unlock_irqrestore(&files->file_lock, irq);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;
	unsigned long irq;

	spin_lock_irqsave(&files->file_lock, irq);
	WARN_ON(files->fd[fd] != FD_RESERVED);
	files->fd[fd] = file;
	spin_unlock_irqrestore(&files->file_lock, irq);
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;
	unsigned long irq;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock_irqsave(&files->file_lock, irq);
	if (files->fd[fd] && files->fd[fd] != FD_RESERVED)
		file = get_file(files->fd[fd]);
	spin_unlock_irqrestore(&files->file_lock, irq);
	return file;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;
	unsigned long irq;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock_irqsave(&files->file_lock, irq);
	if (files->fd[fd] && files->fd[fd] != FD_RESERVED) {
		file = files->fd[fd];
		files->fd[fd] = NULL;
		set_bit_(files->close_on_exec, fd, false);
	}
	spin_unlock_irqrestore(&files->file_lock, irq);
	if (!file)
		return -EBADF;
	return filp_close(file, files);
}

int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;
	unsigned long irq;

	if (fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock_irqsave(&files->file_lock, irq);
	old = files->fd[fd];
	if (old == FD_RESERVED) {
		spin_unlock_irqrestore(&files->file_lock, irq);
		return -EBUSY;
	}
	files->fd[fd] = get_file(file);
	set_bit_(files->close_on_exec, fd, flags & O_CLOEXEC);
	spin_unlock_irqrestore(&files->file_lock, irq);
	if (old)
		filp_close(old, files);
	return fd;
}

int f_dupfd(unsigned int start, struct file *file, unsigned int flags)
{
	int fd;

	if (start >= NR_OPEN_DEFAULT)
		return -EINVAL;
	fd = alloc_fd(start, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current->files;
	unsigned long irq;

	spin_lock_irqsave(&files->file_lock, irq);
	set_bit_(files->close_on_exec, fd, on);
	spin_unlock_irqrestore(&files->file_lock, irq);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;

	return fd < NR_OPEN_DEFAULT && test_bit_(files->close_on_exec, fd);
}

void do_close_on_exec(void)
{
	struct files_struct *files = current->files;

	if (!files)
		return;
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *file = NULL;
		unsigned long irq;

		spin_lock_irqsave(&files->file_lock, irq);
		if (test_bit_(files->close_on_exec, fd) && files->fd[fd] &&
		    files->fd[fd] != FD_RESERVED) {
			file = files->fd[fd];
			files->fd[fd] = NULL;
			set_bit_(files->close_on_exec, fd, false);
		}
		spin_unlock_irqrestore(&files->file_lock, irq);
		if (file)
			filp_close(file, files);
	}
}
