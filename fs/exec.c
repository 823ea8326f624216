// SPDX-License-Identifier: GPL-2.0-only
/*
 * execve: open the program, copy its arguments into the kernel, let a
 * binary format load it (fs/binfmt_elf.c, fs/binfmt_script.c), and switch
 * the process over at the point of no return (begin_new_exec()).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/mm.h>
#include <linux/posix-timers.h>
#include <linux/namei.h>
#include <linux/process.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/pgtable.h>
#include <linux/mutex.h>
#include <linux/mm_types.h>
#include <uapi/linux/mman.h>
#include <asm/cacheflush.h>
#include <asm/processor.h>

/* An argv/envp array: either user or kernel memory. */
struct arg_array {
	bool kernel;
	union {
		const char __user *const __user *user;
		const char *const *kern;
	};
};

/* Append the strings of @arr to bprm->strings; returns the count or -errno. */
static int copy_strings(struct linux_binprm *bprm, struct arg_array arr)
{
	int count = 0;

	if (arr.kernel ? !arr.kern : !arr.user)
		return 0;
	for (;;) {
		const char __user *ustr;
		long len;

		if (arr.kernel) {
			const char *s = arr.kern[count];

			if (!s)
				break;
			len = strlen(s) + 1;
			if (len > MAX_ARG_STRINGS_SIZE - (long)bprm->strings_len)
				return -E2BIG;
			memcpy(bprm->strings + bprm->strings_len, s, len);
		} else {
			if (get_user(ustr, arr.user + count))
				return -EFAULT;
			if (!ustr)
				break;
			len = strncpy_from_user(bprm->strings + bprm->strings_len, ustr,
						MAX_ARG_STRINGS_SIZE - bprm->strings_len);
			if (len < 0)
				return len;
			if (len == MAX_ARG_STRINGS_SIZE - (long)bprm->strings_len)
				return -E2BIG;
			len++;
		}
		bprm->strings_len += len;
		count++;
		if (count > 0x7fffff)
			return -E2BIG;
	}
	return count;
}

/* Prepend @s as argv[0..] (used by "#!": interpreter, its argument, script). */
int bprm_prepend_arg(struct linux_binprm *bprm, const char *s)
{
	size_t len = strlen(s) + 1;

	if (len > MAX_ARG_STRINGS_SIZE - bprm->strings_len)
		return -E2BIG;
	memmove(bprm->strings + len, bprm->strings, bprm->strings_len);
	memcpy(bprm->strings, s, len);
	bprm->strings_len += len;
	bprm->argc++;
	return 0;
}

/* Drop the first argument string (the "#!" loader replaces argv[0]). */
void bprm_remove_arg(struct linux_binprm *bprm)
{
	size_t len = strlen(bprm->strings) + 1;

	memmove(bprm->strings, bprm->strings + len, bprm->strings_len - len);
	bprm->strings_len -= len;
	bprm->argc--;
}

int bprm_open(struct linux_binprm *bprm, const char *path)
{
	struct file *file;
	struct path p;
	loff_t pos = 0;
	ssize_t n;
	int err;

	/* Execute permission on a regular file; reading it is not needed. */
	err = vfs_path_lookup(NULL, path, LOOKUP_FOLLOW, &p);
	if (err)
		return err;
	err = S_ISREG(p.dentry->d_inode->i_mode) ? 0 : -EACCES;
	if (!err)
		err = inode_permission(p.dentry->d_inode, MAY_EXEC | MAY_OPEN);
	file = err ? ERR_PTR(err) : dentry_open(&p, O_RDONLY);
	path_put(&p);
	if (IS_ERR(file))
		return PTR_ERR(file);
	memset(bprm->buf, 0, sizeof(bprm->buf));
	n = kernel_read(file, bprm->buf, sizeof(bprm->buf), &pos);
	if (n < 0) {
		fput(file);
		return n;
	}
	if (bprm->file)
		fput(bprm->file);
	bprm->file = file;
	return 0;
}

int __weak arch_setup_additional_pages(struct mm_struct *mm)
{
	return 0;
}

int install_code_page(struct mm_struct *mm, unsigned long addr, const void *code, size_t size)
{
	struct vm_area_struct *vma;
	int err;

	if (size > PAGE_SIZE)
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	addr = do_mmap(mm, NULL, addr, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0);
	mutex_unlock(&mm->mmap_lock);
	if (IS_ERR_VALUE(addr))
		return (long)addr;
	if (copy_to_user((void __user *)addr, code, size))
		return -EFAULT;
	/* Make the instructions visible to instruction fetch, then W^X. */
	flush_icache_range(addr, addr + size);
	mutex_lock(&mm->mmap_lock);
	/* The page may have merged with a neighbour: only it changes. */
	err = vma_split_range(mm, addr, addr + PAGE_SIZE);
	if (!err) {
		vma = find_vma(mm, addr);
		vma->vm_flags = (vma->vm_flags & ~(VM_WRITE | VM_MAYWRITE)) | VM_EXEC;
		change_protection(vma);
	}
	mutex_unlock(&mm->mmap_lock);
	return err;
}

void begin_new_exec(struct linux_binprm *bprm, struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old = tsk->mm;
	const char *name = strrchr(bprm->filename, '/');
	unsigned long flags;

	/* Alone in its process from here on (a failure: it is being killed anyway). */
	de_thread(tsk);
	exit_robust_list(tsk);
	tsk->clear_child_tid = NULL;
	mm->exe_file = get_file(bprm->file);
	task_lock(tsk);		/* get_task_mm() sees the old mm or the new */
	local_irq_save(flags);
	tsk->mm = mm;
	switch_mm_irqs_off(mm);
	local_irq_restore(flags);
	task_unlock(tsk);
	if (old)
		mmput(old);
	mm_release_vfork(tsk);
	bprm_creds_from_file(bprm);
	commit_creds(bprm->cred);
	bprm->cred = NULL;
	tsk->flags &= ~PF_KTHREAD;
	do_close_on_exec();
	exit_itimers(tsk);
	flush_signal_handlers(tsk);
	task_lock(tsk);
	strscpy(tsk->comm, name ? name + 1 : bprm->filename, sizeof(tsk->comm));
	task_unlock(tsk);
}

static int exec_binprm(struct linux_binprm *bprm, struct pt_regs *regs)
{
	int err;

	for (;;) {
		err = load_script(bprm);
		if (err == -EAGAIN) {
			/* A script: bprm now holds the interpreter; load that. */
			if (++bprm->depth > 4)
				return -ELOOP;
			continue;
		}
		if (err != -ENOEXEC)
			return err;
		return load_elf_binary(bprm, regs);
	}
}

static int do_execve_common(char *filename, struct arg_array argv, struct arg_array envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	int err;

	if (!bprm) {
		kfree(filename);
		return -ENOMEM;
	}
	bprm->filename = filename;
	err = -ENOMEM;
	bprm->strings = vmalloc(MAX_ARG_STRINGS_SIZE);
	if (!bprm->strings)
		goto out;
	err = prepare_bprm_creds(bprm);
	if (err)
		goto out;
	err = bprm_open(bprm, filename);
	if (err)
		goto out;
	err = copy_strings(bprm, argv);
	if (err < 0)
		goto out;
	bprm->argc = err;
	err = copy_strings(bprm, envp);
	if (err < 0)
		goto out;
	bprm->envc = err;
	err = exec_binprm(bprm, current_pt_regs());
out:
	if (bprm->cred)
		abort_creds(bprm->cred);
	if (bprm->file)
		fput(bprm->file);
	vfree(bprm->strings);
	kfree(bprm->interp);
	kfree(bprm->filename);
	kfree(bprm);
	return err;
}

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	char *name = kstrdup(filename, GFP_KERNEL);
	struct arg_array a = { .kernel = true, .kern = argv };
	struct arg_array e = { .kernel = true, .kern = envp };

	if (!name)
		return -ENOMEM;
	return do_execve_common(name, a, e);
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	char *name = getname(filename);
	struct arg_array a = { .kernel = false, .user = argv };
	struct arg_array e = { .kernel = false, .user = envp };

	if (IS_ERR(name))
		return PTR_ERR(name);
	return do_execve_common(name, a, e);
}
