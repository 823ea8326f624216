// SPDX-License-Identifier: GPL-2.0-only
/*
 * User address spaces: mmap/munmap/mprotect/brk on the mappings (VMAs) of
 * an mm_struct, which mm/vma.c indexes (every lookup O(log n)). A new or
 * re-protected mapping merges with neighbours that continue it, as in
 * Linux; munmap and mprotect split mappings at their ends.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/file.h>
#include <linux/syscalls.h>
#include <linux/pgtable.h>
#include <asm/uaccess.h>
#include <uapi/linux/mman.h>
#include "internal.h"

/* Default top of the mmap area: below the stack and a guard gap. */
#define MMAP_BASE (TASK_SIZE_MAX - USER_STACK_SIZE - (128UL << 20))
#define MMAP_MIN_ADDR 0x10000UL
/* The flags MAP_SHARED_VALIDATE accepts on a file (none of Linux's MAP_SYNC). */
#define LEGACY_MAP_MASK (MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN | \
			 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_LOCKED | MAP_NORESERVE | \
			 MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | \
			 MAP_FIXED_NOREPLACE)

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	if (pgd_alloc(mm)) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	mm->mm_rb = RB_ROOT;
	refcount_set(&mm->mm_users, 1);
	mutex_init(&mm->mmap_lock);
	mm->mmap_base = PAGE_ALIGN(MMAP_BASE);
	return mm;
}

/* Unlink and free @vma after releasing its pages. */
static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	zap_page_range(mm, vma->vm_start, vma->vm_end);
	__vma_unlink(mm, vma);
	mm->total_vm -= vma_pages(vma);
	vma_free(vma);
}

void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	if (!refcount_dec_and_test(&mm->mm_users))
		return;
	WARN_ON(cpumask_weight(mm_cpumask(mm)));	/* still loaded: its CPU would keep the freed pages */
	mutex_lock(&mm->mmap_lock);
	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list)
		remove_vma(mm, vma);
	mutex_unlock(&mm->mmap_lock);
	pgd_free(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	kfree(mm);
}

struct mm_struct *get_task_mm(struct task_struct *p)
{
	struct mm_struct *mm;

	task_lock(p);
	mm = p->mm;
	if (mm)
		mmget(mm);
	task_unlock(p);
	return mm;
}

struct vm_area_struct *vma_dup(const struct vm_area_struct *old)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	*vma = *old;
	INIT_LIST_HEAD(&vma->vm_list);
	if (vma->vm_file)
		get_file(vma->vm_file);
	return vma;
}

/* Split @vma at @addr (inside it): @vma keeps the low part. */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *tail = vma_dup(vma);

	if (!tail)
		return -ENOMEM;
	tail->vm_start = addr;
	tail->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma_adjust(vma, vma->vm_start, addr, vma->vm_pgoff);
	__vma_link(mm, tail);
	return 0;
}

/* Make @start and @end (page aligned) fall on VMA boundaries. */
int vma_split_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int err;

	if (vma && vma->vm_start < start) {
		err = split_vma(mm, vma, start);
		if (err)
			return err;
	}
	vma = find_vma(mm, end);
	if (vma && vma->vm_start < end)
		return split_vma(mm, vma, end);
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma, *next;
	unsigned long end;
	int err;

	if (!PAGE_ALIGNED(start) || !len || start >= TASK_SIZE_MAX ||
	    len > TASK_SIZE_MAX - start)
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	err = vma_split_range(mm, start, end);
	if (err)
		return err;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = next) {
		next = vma_next(mm, vma);
		remove_vma(mm, vma);
	}
	return 0;
}

static bool range_free(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return !vma || vma->vm_start >= addr + len;
}

/* A free range of @len bytes: @hint if free, else the highest below mmap_base. */
static unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long hint,
				       unsigned long len)
{
	if (len > TASK_SIZE_MAX - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (hint) {
		hint = PAGE_ALIGN(hint);
		if (hint >= MMAP_MIN_ADDR && hint <= TASK_SIZE_MAX - len &&
		    range_free(mm, hint, len))
			return hint;
	}
	return unmapped_area_topdown(mm, len, MMAP_MIN_ADDR, mm->mmap_base);
}

unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	struct vm_area_struct *vma;
	unsigned long vm_flags;
	int err;

	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE_MAX)
		return -ENOMEM;
	/*
	 * The file offset of the mapping's last byte must fit a loff_t (in
	 * 64 bits: with a 32-bit pgoff it always does).
	 */
	if (file && (u64)pgoff + (len >> PAGE_SHIFT) - 1 > (u64)MAX_LFS_FILESIZE >> PAGE_SHIFT)
		return -EOVERFLOW;
	/* Nor may the page offset of its end wrap (32-bit mmap2's large offsets), as on Linux. */
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr > TASK_SIZE_MAX - len)
			return -ENOMEM;
		if (!PAGE_ALIGNED(addr) || addr < PAGE_SIZE)
			return -EINVAL;
		if (flags & MAP_FIXED_NOREPLACE) {
			if (!range_free(mm, addr, len))
				return -EEXIST;
		} else {
			err = do_munmap(mm, addr, len);
			if (err)
				return err;
		}
	} else {
		addr = get_unmapped_area(mm, addr, len);
		if (IS_ERR_VALUE(addr))
			return addr;
	}
	vm_flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (prot & PROT_READ)
		vm_flags |= VM_READ;
	if (prot & PROT_WRITE)
		vm_flags |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm_flags |= VM_EXEC;
	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		vm_flags |= VM_SHARED;
	/* Stores through a shared mapping reach the file: it must be writable. */
	if (file && (vm_flags & VM_SHARED) && !(file->f_mode & FMODE_WRITE)) {
		if (prot & PROT_WRITE)
			return -EACCES;
		vm_flags &= ~VM_MAYWRITE;
	}
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;

	vma = kzalloc(sizeof(*vma), GFP_KERNEL);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_mm = mm;
	vma->vm_flags = vm_flags;
	/* Private anonymous memory counts in address pages, as in Linux. */
	vma->vm_pgoff = file || (vm_flags & VM_SHARED) ? pgoff : addr >> PAGE_SHIFT;
	vma->vm_file = file ? get_file(file) : NULL;
	INIT_LIST_HEAD(&vma->vm_list);
	if (file && file->f_op->mmap) {
		err = file->f_op->mmap(file, vma);
		if (err) {
			vma_free(vma);
			return err;
		}
	} else if (vm_flags & VM_SHARED && file) {
		vma_free(vma);
		return -ENODEV;		/* no page cache to share */
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
		if (err) {
			vma_free(vma);
			return err;
		}
	}
	vma_link(mm, vma);
	vma_merge(mm, vma);
	return addr;
}

/* brk(): move the end of the heap; the heap is one anonymous mapping. */
unsigned long mm_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long old_end = PAGE_ALIGN(mm->brk), new_end = PAGE_ALIGN(brk);
	struct vm_area_struct *vma;

	if (brk < mm->start_brk || brk >= TASK_SIZE_MAX)
		return mm->brk;
	if (new_end == old_end) {
		mm->brk = brk;
		return brk;
	}
	if (new_end < old_end) {
		if (do_munmap(mm, new_end, old_end - new_end))
			return mm->brk;
		mm->brk = brk;
		return brk;
	}
	if (!range_free(mm, old_end, new_end - old_end))
		return mm->brk;
	vma = old_end > mm->start_brk ? find_vma(mm, old_end - 1) : NULL;
	if (vma && vma->vm_end == old_end && !vma->vm_file &&
	    vma->vm_flags == (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)) {
		vma_adjust(vma, vma->vm_start, new_end, vma->vm_pgoff);
		mm->total_vm += (new_end - old_end) >> PAGE_SHIFT;
	} else if (IS_ERR_VALUE(do_mmap(mm, NULL, old_end, new_end - old_end,
					 PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, 0))) {
		return mm->brk;
	}
	mm->brk = brk;
	return brk;
}

/* --- System calls ------------------------------------------------------ */

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	mutex_lock(&mm->mmap_lock);
	ret = mm_brk(mm, brk);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
			      unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	unsigned long ret;

	if (!len)
		return -EINVAL;
	switch (flags & MAP_TYPE) {
	case MAP_PRIVATE:
	case MAP_SHARED:
		break;
	case MAP_SHARED_VALIDATE:
		/* Linux: anonymous memory has no use for it; files check every flag. */
		if (flags & MAP_ANONYMOUS)
			return -EINVAL;
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		break;
	default:
		return -EINVAL;
	}
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
		if (!(file->f_mode & FMODE_READ) || !S_ISREG(file_inode(file)->i_mode)) {
			fput(file);
			return S_ISREG(file_inode(file)->i_mode) ? -EACCES : -ENODEV;
		}
	}
	mutex_lock(&mm->mmap_lock);
	ret = do_mmap(mm, file, addr, len, prot, flags, pgoff);
	mutex_unlock(&mm->mmap_lock);
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	if (off & ~PAGE_MASK)
		return -EINVAL;
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

int mm_mprotect(struct mm_struct *mm, unsigned long start, unsigned long end,
		unsigned long prot)
{
	struct vm_area_struct *vma;
	unsigned long addr = start;
	int ret;

	/* The whole range must be mapped. */
	vma = find_vma(mm, start);
	while (vma && addr < end && vma->vm_start <= addr) {
		/* A shared mapping of a file opened read-only stays read-only. */
		if ((prot & PROT_WRITE) && !(vma->vm_flags & VM_MAYWRITE))
			return -EACCES;
		addr = vma->vm_end;
		vma = vma_next(mm, vma);
	}
	if (addr < end)
		return -ENOMEM;
	ret = vma_split_range(mm, start, end);
	if (ret)
		return ret;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(mm, vma)) {
		vma->vm_flags &= ~(VM_READ | VM_WRITE | VM_EXEC);
		vma->vm_flags |= (prot & PROT_READ ? VM_READ : 0) |
				 (prot & PROT_WRITE ? VM_WRITE : 0) |
				 (prot & PROT_EXEC ? VM_EXEC : 0);
		change_protection(vma);
		vma = vma_merge(mm, vma);
	}
	return 0;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int ret;

	if (!PAGE_ALIGNED(start) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC |
					      PROT_GROWSDOWN | PROT_GROWSUP)))
		return -EINVAL;
	if (!len)
		return 0;
	end = start + PAGE_ALIGN(len);
	if (end <= start || end > TASK_SIZE_MAX)
		return -ENOMEM;
	mutex_lock(&mm->mmap_lock);
	ret = mm_mprotect(mm, start, end, prot);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

struct move_ctx {
	struct mm_struct *mm;
	long delta;		/* new address - old address */
};

/*
 * A move is two walks of the old range: the first makes every table the
 * new range needs (a failure there moved nothing, and the empty tables
 * stay until the mm goes), the second moves the entries and cannot fail.
 */
static int move_prepare_one(pte_t *pte, unsigned long addr, void *data)
{
	struct move_ctx *c = data;

	return user_pte_alloc(c->mm, addr + c->delta) ? 0 : -ENOMEM;
}

static int move_one(pte_t *pte, unsigned long addr, void *data)
{
	struct move_ctx *c = data;
	pte_t *dst = user_pte_lookup(c->mm, addr + c->delta);	/* move_prepare_one() made it */

	*dst = *pte;
	*pte = 0;
	flush_tlb_mm_range(c->mm, addr, addr + PAGE_SIZE);
	return 0;
}

unsigned long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
			unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma, *copy;
	unsigned long ret, old_end, move_end, target;
	struct move_ctx c;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (!PAGE_ALIGNED(addr) || !new_len)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len || !old_len || addr >= TASK_SIZE_MAX || old_len > TASK_SIZE_MAX - addr)
		return -EINVAL;
	old_end = addr + old_len;
	vma = find_vma(mm, addr);
	ret = -EFAULT;
	if (!vma || vma->vm_start > addr || vma->vm_end < old_end)
		goto out;
	if (!(flags & MREMAP_FIXED)) {
		if (new_len <= old_len) {
			ret = addr;
			if (new_len < old_len && do_munmap(mm, addr + new_len, old_len - new_len))
				ret = -ENOMEM;
			goto out;
		}
		/* Grow in place when the mapping ends here and the room is free. */
		if (vma->vm_end == old_end && old_end <= TASK_SIZE_MAX - (new_len - old_len) &&
		    range_free(mm, old_end, new_len - old_len)) {
			vma_adjust(vma, vma->vm_start, addr + new_len, vma->vm_pgoff);
			mm->total_vm += (new_len - old_len) >> PAGE_SHIFT;
			ret = addr;
			goto out;
		}
	}
	ret = -ENOMEM;
	if (!(flags & MREMAP_MAYMOVE))
		goto out;
	if (flags & MREMAP_FIXED) {
		ret = -EINVAL;
		if (!PAGE_ALIGNED(new_addr) || new_addr > TASK_SIZE_MAX - new_len ||
		    (new_addr < old_end && addr < new_addr + new_len))
			goto out;
		if (do_munmap(mm, new_addr, new_len))
			goto out;
		target = new_addr;
		/* The unmap may have split or moved our mapping's neighbours. */
		vma = find_vma(mm, addr);
	} else {
		target = get_unmapped_area(mm, 0, new_len);
		if (IS_ERR_VALUE(target)) {
			ret = target;
			goto out;
		}
	}
	ret = -ENOMEM;
	if (vma_split_range(mm, addr, old_end))
		goto out;
	vma = find_vma(mm, addr);
	copy = vma_dup(vma);
	if (!copy)
		goto out;
	copy->vm_start = target;
	copy->vm_end = target + new_len;
	c = (struct move_ctx){ .mm = mm, .delta = (long)(target - addr) };
	move_end = min(old_end, addr + new_len);
	if (user_pte_walk(mm, addr, move_end, move_prepare_one, &c)) {
		vma_free(copy);
		goto out;
	}
	user_pte_walk(mm, addr, move_end, move_one, &c);
	vma_link(mm, copy);
	do_munmap(mm, addr, old_len);	/* what is left there (nothing moved stays) */
	ret = target;
out:
	return ret;
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}
