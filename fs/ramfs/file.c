// SPDX-License-Identifier: GPL-2.0-only
/*
 * ramfs regular files: data in whole pages, indexed by an array of page
 * pointers that grows on write. A missing page is a hole and reads as
 * zeroes. Shared anonymous mappings are backed by unlinked files of this
 * kind too.
 *
 * Locking, in Linux's order i_rwsem -> mmap_lock -> the page cache's own
 * locks: inode_lock() serialises readers, writers and truncation of one
 * file, and is held while copying to or from user memory, which may fault
 * and take mmap_lock. The fault handler, called under mmap_lock, never
 * takes inode_lock(); it takes only ri->pages_lock, which guards pages[]
 * and nr_slots and is never held across a user copy. Pages only leave
 * pages[] under both locks (truncation), so a reader or writer holding
 * inode_lock() may use a page it looked up after dropping pages_lock.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/ramfs.h>
#include "../internal.h"
#include "internal.h"

void ramfs_free_data(struct ramfs_inode *ri)
{
	for (unsigned long i = 0; i < ri->nr_slots; i++)
		if (ri->pages[i])
			__free_pages(ri->pages[i], 0);
	kvfree(ri->pages);
	ri->pages = NULL;
	ri->nr_slots = 0;
}

/* Make pages[] cover @nr pages. pages_lock held; may sleep. */
static int ramfs_grow_slots(struct ramfs_inode *ri, unsigned long nr)
{
	struct page **slots;
	unsigned long want;

	if (nr <= ri->nr_slots)
		return 0;
	want = max(nr, 2 * ri->nr_slots);
	want = max(want, 8UL);
	want = min(want, (unsigned long)(RAMFS_MAX_DATA >> PAGE_SHIFT));
	slots = kvzalloc(want * sizeof(*slots), GFP_KERNEL);
	if (!slots)
		return -ENOMEM;
	if (ri->nr_slots)
		memcpy(slots, ri->pages, ri->nr_slots * sizeof(*slots));
	kvfree(ri->pages);
	ri->pages = slots;
	ri->nr_slots = want;
	return 0;
}

/*
 * The page at @index, allocated (zeroed) in a hole, pages[] first grown to
 * cover @want pages (at least @index + 1); NULL if memory ran out.
 * pages_lock held; may sleep.
 */
static struct page *ramfs_get_slot_locked(struct ramfs_inode *ri, unsigned long index,
					  unsigned long want)
{
	if (ramfs_grow_slots(ri, want))
		return NULL;
	if (!ri->pages[index])
		ri->pages[index] = alloc_page(GFP_KERNEL | __GFP_ZERO);
	return ri->pages[index];
}

/* ramfs_get_slot_locked() taking pages_lock itself. inode_lock() held. */
static struct page *ramfs_get_slot(struct ramfs_inode *ri, unsigned long index,
				   unsigned long want)
{
	struct page *page;

	mutex_lock(&ri->pages_lock);
	page = ramfs_get_slot_locked(ri, index, want);
	mutex_unlock(&ri->pages_lock);
	return page;
}

static ssize_t ramfs_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	struct ramfs_inode *ri = RAMFS_I(inode);
	loff_t pos = iocb->ki_pos, size;
	ssize_t done = 0;

	inode_lock(inode);
	size = i_size_read(inode);
	while (iov_iter_count(to) && pos < size) {
		unsigned long index = pos >> PAGE_SHIFT;
		size_t off = pos & (PAGE_SIZE - 1);
		size_t n = min(min(PAGE_SIZE - off, (size_t)(size - pos)), iov_iter_count(to));
		struct page *page;
		size_t copied;

		mutex_lock(&ri->pages_lock);
		page = index < ri->nr_slots ? ri->pages[index] : NULL;
		mutex_unlock(&ri->pages_lock);
		if (page)
			copied = copy_to_iter((char *)page_address(page) + off, n, to);
		else
			copied = iov_iter_zero(n, to);
		pos += copied;
		done += copied;
		if (copied < n)
			break;
	}
	inode_unlock(inode);
	iocb->ki_pos = pos;
	if (!done && iov_iter_count(to) && pos < size)
		return -EFAULT;
	return done;
}

static ssize_t ramfs_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	struct ramfs_inode *ri = RAMFS_I(inode);
	loff_t pos, limit = inode->i_sb->s_maxbytes;
	ssize_t done = 0, err = 0;
	size_t count;

	/* A write clears setuid/setgid, as Linux's generic write path does. */
	if (iov_iter_count(from)) {
		err = file_remove_privs(iocb->ki_filp);
		if (err)
			return err;
	}
	inode_lock(inode);
	pos = (iocb->ki_flags & IOCB_APPEND) ? i_size_read(inode) : iocb->ki_pos;
	count = iov_iter_count(from);
	if (!count)
		goto out;
	if (pos >= limit) {
		err = -EFBIG;
		goto out;
	}
	if (pos >= RAMFS_MAX_DATA) {
		err = -ENOSPC;
		goto out;
	}
	count = min_t(loff_t, count, RAMFS_MAX_DATA - pos);
	while (count) {
		unsigned long index = pos >> PAGE_SHIFT;
		size_t off = pos & (PAGE_SIZE - 1);
		size_t n = min(PAGE_SIZE - off, count), copied;
		struct page *page = ramfs_get_slot(ri, index, DIV_ROUND_UP(pos + count, PAGE_SIZE));

		if (!page) {
			err = -ENOMEM;
			break;
		}
		copied = copy_from_iter((char *)page_address(page) + off, n, from);
		pos += copied;
		done += copied;
		count -= copied;
		if (copied < n) {
			err = -EFAULT;
			break;
		}
	}
	if (pos > i_size_read(inode))
		i_size_write(inode, pos);
	iocb->ki_pos = pos;
out:
	inode_unlock(inode);
	return done ? done : err;
}

/* Shrink or grow to @size; inode_lock() held. Pages past the end go. */
static int ramfs_truncate(struct inode *inode, loff_t size)
{
	struct ramfs_inode *ri = RAMFS_I(inode);
	unsigned long keep = DIV_ROUND_UP(size, PAGE_SIZE);
	size_t tail = size & (PAGE_SIZE - 1);

	if (size > inode->i_sb->s_maxbytes)
		return -EFBIG;
	/* Under pages_lock, so a fault sees the old size and pages or the new. */
	mutex_lock(&ri->pages_lock);
	for (unsigned long i = keep; i < ri->nr_slots; i++) {
		if (ri->pages[i]) {
			__free_pages(ri->pages[i], 0);
			ri->pages[i] = NULL;
		}
	}
	/* Old bytes past the new end must not come back if the file grows again. */
	if (tail && keep <= ri->nr_slots && ri->pages[keep - 1])
		memset((char *)page_address(ri->pages[keep - 1]) + tail, 0, PAGE_SIZE - tail);
	if (!size)
		ramfs_free_data(ri);
	i_size_write(inode, size);
	mutex_unlock(&ri->pages_lock);
	return 0;
}

static int ramfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	int err = 0;

	if (attr->ia_valid & ATTR_SIZE)
		err = ramfs_truncate(inode, attr->ia_size);
	return err;
}

/*
 * The page at @pgoff, allocated (zeroed) in a hole; NULL past the end of
 * file or of the data a file can hold. Called under mmap_lock, so it takes
 * pages_lock only, never inode_lock() (see the top of this file).
 */
static struct page *ramfs_fault(struct vm_area_struct *vma, unsigned long pgoff)
{
	struct inode *inode = file_inode(vma->vm_file);
	struct ramfs_inode *ri = RAMFS_I(inode);
	struct page *page = NULL;

	mutex_lock(&ri->pages_lock);
	if (pgoff < DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE) &&
	    pgoff < RAMFS_MAX_DATA >> PAGE_SHIFT)
		page = ramfs_get_slot_locked(ri, pgoff, pgoff + 1);
	if (page)
		get_page(page);
	mutex_unlock(&ri->pages_lock);
	return page;
}

/*
 * Fault-around: the pages of [@start, @start + @nr) the file holds; never
 * allocates. Under mmap_lock, so pages_lock only, as ramfs_fault().
 */
static void ramfs_map_pages(struct vm_area_struct *vma, unsigned long start, unsigned int nr,
			    struct page **pages)
{
	struct inode *inode = file_inode(vma->vm_file);
	struct ramfs_inode *ri = RAMFS_I(inode);
	unsigned long end;

	mutex_lock(&ri->pages_lock);
	end = min(DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE), ri->nr_slots);
	for (unsigned int i = 0; i < nr; i++) {
		pages[i] = start + i < end ? ri->pages[start + i] : NULL;
		if (pages[i])
			get_page(pages[i]);
	}
	mutex_unlock(&ri->pages_lock);
}

static const struct vm_operations_struct ramfs_vm_ops = {
	.fault = ramfs_fault,
	.map_pages = ramfs_map_pages,
};

static int ramfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &ramfs_vm_ops;
	return 0;
}

int shmem_zero_setup(struct vm_area_struct *vma)
{
	static const struct qstr name = QSTR_INIT("dev/zero", 8);
	struct super_block *sb = vfs_root->d_sb;
	loff_t size = vma->vm_end - vma->vm_start;
	struct inode *inode;
	struct dentry *dentry;
	struct file *file;

	if (size > RAMFS_MAX_DATA)
		return -ENOMEM;
	inode = ramfs_get_inode(sb, NULL, S_IFREG | 0600, 0);
	if (!inode)
		return -ENOMEM;
	i_size_write(inode, size);
	dentry = d_alloc_pseudo(sb, &name, inode);
	if (!dentry)
		return -ENOMEM;
	file = alloc_empty_file(O_RDWR);
	if (IS_ERR(file)) {
		dput(dentry);
		return PTR_ERR(file);
	}
	file->f_path.dentry = dentry;
	file->f_inode = inode;
	file->f_op = &ramfs_file_operations;
	file->f_mode = FMODE_READ | FMODE_WRITE | FMODE_OPENED;
	vma->vm_file = file;
	vma->vm_pgoff = 0;
	return ramfs_mmap(file, vma);
}

const struct file_operations ramfs_file_operations = {
	.mmap = ramfs_mmap,
	.llseek = generic_file_llseek,
	.read_iter = ramfs_read_iter,
	.write_iter = ramfs_write_iter,
	.fsync = noop_fsync,
};

const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_setattr,
};
