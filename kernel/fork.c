// SPDX-License-Identifier: GPL-2.0-only
/*
 * Process and thread creation: fork, vfork and clone. The child gets a
 * copy-on-write copy of the address space (or, for vfork, borrows the
 * parent's until it execs or exits), copies of the descriptor table,
 * working directory and signal actions, its parent's credentials (shared:
 * they are copied on write), and returns 0 to user mode. clone's CLONE_VM,
 * CLONE_FILES, CLONE_FS and CLONE_SIGHAND share those instead of copying;
 * CLONE_THREAD makes the child a thread of the caller's process (same
 * tgid and signal_struct, not a child anyone waits for).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/ktime.h>
#include <linux/namei.h>
#include <linux/mm.h>
#include <linux/process.h>
#include <linux/posix-timers.h>
#include <linux/resource.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/processor.h>
#include <asm/switch_to.h>

static struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	int err = 0;

	if (!mm)
		return NULL;
	mutex_lock(&old->mmap_lock);
	list_for_each_entry(vma, &old->mmap, vm_list) {
		struct vm_area_struct *copy = vma_dup(vma);

		if (!copy) {
			err = -ENOMEM;
			break;
		}
		copy->vm_mm = mm;
		vma_link(mm, copy);
		err = copy_page_range(mm, old, vma);
		if (err)
			break;
	}
	mm->mmap_base = old->mmap_base;
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_data = old->start_data;
	mm->end_data = old->end_data;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
	if (old->exe_file)
		mm->exe_file = get_file(old->exe_file);
	mutex_unlock(&old->mmap_lock);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/* The child's first code never runs this: create_task() needs a function. */
static int fork_placeholder(void *unused)
{
	return 0;
}

static void free_child(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	if (p->files)
		put_files_struct(p->files);
	if (p->fs) {
		struct fs_struct *fs = p->fs;

		if (refcount_dec_and_test(&fs->users)) {
			path_put(&fs->pwd);
			kfree(fs);
		}
	}
	exit_sighand(p);
	/* Only its own new signal_struct lists it (attach_task() failed or not called). */
	list_del_init(&p->thread_node);
	put_task_struct(p);
}

/* Linux's rules for clone flags that need others (copy_process()). */
static int clone_flags_valid(unsigned long flags)
{
	if (flags & CLONE_PIDFD)
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* init's siblings would have no parent to reap them. */
	if ((flags & CLONE_PARENT) && current->group_leader == child_reaper)
		return -EINVAL;
	return 0;
}

/*
 * Enter @p in the process tree: a thread in its process's thread list, a
 * process among its parent's children. Fails (-ERESTARTNOINTR, as Linux)
 * when the caller is being killed, so no thread escapes exit_group().
 */
static int attach_task(struct task_struct *p, unsigned long flags)
{
	struct task_struct *me = current;
	unsigned long irq;

	spin_lock_irqsave(&tasklist_lock, irq);
	if ((me->signal->flags & SIGNAL_GROUP_EXIT) || fatal_signal_pending(me)) {
		spin_unlock_irqrestore(&tasklist_lock, irq);
		return -ERESTARTNOINTR;
	}
	if (flags & CLONE_THREAD) {
		/* Its parent is the leader, which outlives it (wait_scan()). */
		p->parent = me->group_leader;
		list_add_tail(&p->thread_node, &p->signal->thread_head);
		p->signal->nr_threads++;
		atomic_inc(&p->signal->live);
	} else {
		get_task_struct(p);	/* the parent's, dropped when reaped */
		p->parent = (flags & CLONE_PARENT) ? me->group_leader->parent : me->group_leader;
		list_add_tail(&p->sibling, &p->parent->children);
	}
	spin_unlock_irqrestore(&tasklist_lock, irq);
	return 0;
}

long kernel_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
		  int __user *child_tid, unsigned long tls, struct pt_regs *regs)
{
	struct task_struct *p, *me = current;
	struct completion vfork_done;
	pid_t pid;
	int err;

	err = clone_flags_valid(flags);
	if (err)
		return err;
	p = create_task(fork_placeholder, NULL, me->comm);
	if (!p)
		return -ENOMEM;
	INIT_LIST_HEAD(&p->pending.list);
	if (flags & CLONE_VM) {
		mmget(me->mm);
		p->mm = me->mm;
	} else {
		p->mm = dup_mm(me->mm);
	}
	if (flags & CLONE_FILES) {
		refcount_inc(&me->files->count);
		p->files = me->files;
	} else {
		p->files = dup_fd(me->files);
	}
	if (flags & CLONE_FS) {
		refcount_inc(&me->fs->users);
		p->fs = me->fs;
	} else {
		p->fs = copy_fs_struct(me->fs);
	}
	if (flags & CLONE_SIGHAND) {
		refcount_inc(&me->sighand->count);
		p->sighand = me->sighand;
	} else {
		p->sighand = sighand_alloc(me->sighand);
	}
	if (flags & CLONE_THREAD) {
		refcount_inc(&me->signal->count);
		p->signal = me->signal;
		p->group_leader = me->group_leader;
	} else {
		p->signal = signal_struct_alloc(p);
	}
	if (!p->mm || !p->files || !p->fs || !p->sighand || !p->signal) {
		free_child(p);
		return -ENOMEM;
	}
	pid = p->pid;
	p->tgid = p->group_leader->pid;
	p->blocked = me->blocked;
	p->pgrp = me->pgrp;
	p->session = me->session;
	p->umask = me->umask;
	memcpy(p->rlim, me->rlim, sizeof(p->rlim));
	itimers_init(p);
	p->cpus_mask = me->cpus_mask;
	copy_creds(p);
	p->exit_signal = (flags & CLONE_THREAD) ? 0 : flags & CSIGNAL;
	p->sas_ss_sp = me->sas_ss_sp;
	p->sas_ss_size = me->sas_ss_size;
	p->sas_ss_flags = me->sas_ss_flags;
	p->start_time_ns = ktime_get_ns();
	p->tty = me->tty;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tid;
	arch_copy_thread(p, regs, newsp, tls, flags & CLONE_SETTLS);
	if ((flags & CLONE_PARENT_SETTID) && put_user(pid, parent_tid)) {
		free_child(p);
		return -EFAULT;
	}
	if (flags & CLONE_VFORK) {
		init_completion(&vfork_done);
		p->vfork_done = &vfork_done;
	}
	err = attach_task(p, flags);
	if (err) {
		free_child(p);
		return err;
	}
	wake_up_new_task(p);
	if (flags & CLONE_VFORK)
		wait_for_completion(&vfork_done);
	return pid;
}

void mm_release_vfork(struct task_struct *tsk)
{
	struct completion *done = tsk->vfork_done;

	if (done) {
		tsk->vfork_done = NULL;
		complete(done);
	}
}

int process_init(void)
{
	struct task_struct *me = current;

	INIT_LIST_HEAD(&me->pending.list);
	me->files = files_alloc();
	me->fs = copy_fs_struct(NULL);
	me->sighand = sighand_alloc(NULL);
	me->signal = signal_struct_alloc(me);
	if (!me->files || !me->fs || !me->sighand || !me->signal)
		return -ENOMEM;
	me->tgid = me->pid;
	me->pgrp = me->session = me->pid;
	me->umask = 022;
	init_rlimits(me->rlim);
	itimers_init(me);
	me->parent = this_cpu()->idle;
	me->start_time_ns = ktime_get_ns();
	child_reaper = me;
	return 0;
}

SYSCALL_DEFINE0(fork)
{
	return kernel_clone(SIGCHLD, 0, NULL, NULL, 0, current_pt_regs());
}

SYSCALL_DEFINE0(vfork)
{
	return kernel_clone(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, NULL, NULL, 0,
			    current_pt_regs());
}

#ifdef CONFIG_CLONE_BACKWARDS
/* arm64, riscv64 (Linux's CONFIG_CLONE_BACKWARDS): the TLS comes before child_tid. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls, int __user *, child_tidptr)
#else
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr, unsigned long, tls)
#endif
{
	return kernel_clone(clone_flags, newsp, parent_tidptr, child_tidptr, tls,
			    current_pt_regs());
}

/* clone3's argument block (Linux's struct clone_args), version 0 to 2. */
struct clone_args {
	u64 flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	u64 set_tid, set_tid_size, cgroup;
};

#define CLONE_ARGS_SIZE_VER0	64
#define CLONE_INTO_CGROUP	0x200000000ULL

/*
 * clone3(2): clone with its arguments in a block whose size says which
 * version user space knows. A larger block than ours is accepted when the
 * unknown tail is zero (else E2BIG), as Linux does. The stack is given
 * as its lowest address and size. set_tid, pidfds and cgroups are not
 * supported (EINVAL, as a kernel without them would answer).
 */
SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	struct clone_args args;
	unsigned long sp = 0;

	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	if (size > PAGE_SIZE)
		return -E2BIG;
	memset(&args, 0, sizeof(args));
	if (copy_from_user(&args, uargs, min(size, sizeof(args))))
		return -EFAULT;
	for (size_t off = sizeof(args); off < size; off++) {
		char c;

		if (get_user(c, (char __user *)uargs + off))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	if ((args.flags & (CSIGNAL | CLONE_PIDFD | CLONE_INTO_CGROUP)) || args.set_tid ||
	    args.set_tid_size || args.exit_signal > _NSIG || args.flags >> 32)
		return -EINVAL;
	if (args.stack_size ? !args.stack : args.stack)
		return -EINVAL;
	if ((args.flags & (CLONE_THREAD | CLONE_PARENT)) && args.exit_signal)
		return -EINVAL;
	if (args.stack)
		sp = args.stack + args.stack_size;
	return kernel_clone(args.flags | args.exit_signal, sp,
			    (int __user *)(unsigned long)args.parent_tid,
			    (int __user *)(unsigned long)args.child_tid, args.tls,
			    current_pt_regs());
}
