// SPDX-License-Identifier: GPL-2.0-only
/*
 * A small /proc: meminfo, uptime, version, mounts, stat, cpuinfo, loadavg,
 * filesystems, self, and per process <pid>/{stat,statm,cmdline,status,
 * comm,mounts,exe}, in Linux's formats (proc(5)) as far as busybox (ps, free,
 * uptime, top...) reads them; subsystems add their own directories and
 * files with proc_mkdir() and proc_create_single(). Times are in USER_HZ (100) ticks.
 *
 * /proc is the one super block of the "proc" file system type, mounted
 * on /proc at boot (and wherever mount -t proc puts it): its fixed
 * entries are ordinary dentries; <pid> directories
 * are made on demand (->lookup, or when /proc is listed) and removed when
 * the process is reaped (proc_flush_task()). File contents are generated
 * when the file is opened.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/kconfig.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/process.h>
#include <linux/ptrace.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/kdev_t.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <linux/cpumask.h>
#include <linux/pgtable.h>
#include <linux/resource.h>
#include <linux/statfs.h>
#include <linux/timekeeping.h>
#include <asm/elf.h>
#include "../internal.h"
#include "../mount.h"

#define PROC_BUF_SIZE 4096

enum proc_file {
	PROC_MEMINFO, PROC_UPTIME, PROC_VERSION, PROC_MOUNTS, PROC_STAT, PROC_CPUINFO,
	PROC_LOADAVG, PROC_FILESYSTEMS,
	PROC_PID_STAT, PROC_PID_STATM, PROC_PID_CMDLINE, PROC_PID_STATUS, PROC_PID_COMM,
};

#define USER_HZ 100
#define NS_TO_CLOCK_T(ns) ((ns) / (NSEC_PER_SEC / USER_HZ))

static struct super_block *proc_sb;
static struct dentry *proc_root;

struct proc_buf {
	size_t len;
	char data[PROC_BUF_SIZE];
};

/* The pid a /proc/<pid>/... dentry belongs to (0 for top-level files). */
static pid_t dentry_pid(struct dentry *d)
{
	struct dentry *dir = d->d_parent;

	return dir == proc_root ? 0 : (pid_t)(long)dir->d_inode->i_private;
}

static char task_state(struct task_struct *t)
{
	if (t->exit_state)
		return 'Z';
	if (READ_ONCE(t->jobctl) & JOBCTL_STOPPED)
		return 'T';
	if (t == current || task_is_running(t))
		return 'R';
	return (READ_ONCE(t->__state) & TASK_UNINTERRUPTIBLE) ? 'D' : 'S';
}

/* What a process's memory looks like, in pages, for stat, statm and status. */
struct mm_figures {
	unsigned long size, resident, shared, text, data;
};

static int count_page(pte_t *pte, unsigned long addr, void *data)
{
	(*(unsigned long *)data)++;
	return 0;
}

/* Walk @mm's mappings and page tables: resident pages are the mapped ones. */
static void mm_figures(struct mm_struct *mm, struct mm_figures *f)
{
	struct vm_area_struct *vma;

	memset(f, 0, sizeof(*f));
	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		unsigned long pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT, present = 0;

		user_pte_walk(mm, vma->vm_start, vma->vm_end, count_page, &present);
		f->size += pages;
		f->resident += present;
		if (vma->vm_file)
			f->shared += present;
		if ((vma->vm_flags & (VM_WRITE | VM_SHARED | VM_GROWSDOWN)) == VM_WRITE)
			f->data += pages;
	}
	f->text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	mutex_unlock(&mm->mmap_lock);
}

/* The signals @t ignores and catches, as proc(5)'s bitmaps. Caller holds tasklist_lock. */
static void sig_bitmaps(struct task_struct *t, sigset_t *ign, sigset_t *catch)
{
	*ign = *catch = 0;
	if (!t->sighand)
		return;
	for (int sig = 1; sig <= _NSIG; sig++) {
		unsigned long h = t->sighand->action[sig - 1].handler;

		if (h == SIG_IGN)
			*ign |= sigmask(sig);
		else if (h != SIG_DFL)
			*catch |= sigmask(sig);
	}
}

static int fill_pid_file(struct proc_buf *b, enum proc_file which, pid_t pid)
{
	struct task_struct *t = find_get_task_by_pid(pid);
	struct mm_figures mf = { 0 };
	struct mm_struct *mm = NULL;
	struct task_cputime ct;
	sigset_t ign = 0, catch = 0;
	char comm[TASK_COMM_LEN];
	unsigned long flags;
	int n = 0, threads;
	pid_t ppid = 0;

	if (!t || !t->parent) {
		if (t)
			put_task_struct(t);
		return -ESRCH;
	}
	/*
	 * The process tree and the signal actions change under tasklist_lock
	 * (exit reparents, reaps and frees ->sighand there). A thread's
	 * parent field is its leader: the process's parent is the leader's,
	 * and an ended thread's leader may be gone.
	 */
	spin_lock_irqsave(&tasklist_lock, flags);
	if (t->exit_state != EXIT_DEAD)
		ppid = t->group_leader->parent ? t->group_leader->parent->tgid : 0;
	sig_bitmaps(t, &ign, &catch);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	task_lock(t);		/* exec renames it */
	memcpy(comm, t->comm, sizeof(comm));
	task_unlock(t);
	threads = t->signal ? READ_ONCE(t->signal->nr_threads) : 1;
	if (IS_ENABLED(CONFIG_USER_SPACE) && !t->exit_state) {
		mm = get_task_mm(t);	/* its exit or exec may free ->mm meanwhile */
		if (mm)
			mm_figures(mm, &mf);
	}
	task_cputime(t, &ct);
	switch (which) {
	case PROC_PID_STAT:
		n = scnprintf(b->data, PROC_BUF_SIZE,
			      "%d (%s) %c %d %d %d %d %d %u 0 0 0 0 %llu %llu %llu %llu 20 0 %d 0 "
			      "%llu %lu %lu %llu %lu %lu %lu 0 0 %llu %llu %llu %llu 0 0 0 %d %d 0 0 0 "
			      "0 0 %lu %lu %lu %lu %lu %lu %lu %d\n",
			      t->pid, comm, task_state(t), ppid, t->pgrp, t->session,
			      t->tty ? (int)new_encode_dev(t->tty->dev) : 0,
			      t->tty ? t->tty->pgrp : -1, t->flags,
			      NS_TO_CLOCK_T(ct.utime), NS_TO_CLOCK_T(ct.stime),
			      NS_TO_CLOCK_T(t->children_exec_ns - t->children_stime_ns),
			      NS_TO_CLOCK_T(t->children_stime_ns), threads,
			      NS_TO_CLOCK_T(t->start_time_ns), mf.size << PAGE_SHIFT, mf.resident,
			      t->rlim[RLIMIT_RSS].rlim_cur, mm ? mm->start_code : 0,
			      mm ? mm->end_code : 0, mm ? mm->start_stack : 0,
			      READ_ONCE(t->pending.signal), READ_ONCE(t->blocked), ign, catch,
			      t->exit_signal, smp_processor_id(),
			      mm ? mm->start_data : 0, mm ? mm->end_data : 0, mm ? mm->start_brk : 0,
			      mm ? mm->arg_start : 0, mm ? mm->arg_end : 0, mm ? mm->env_start : 0,
			      mm ? mm->env_end : 0, t->exit_state ? t->exit_code : 0);
		break;
	case PROC_PID_STATM:
		n = scnprintf(b->data, PROC_BUF_SIZE, "%lu %lu %lu %lu 0 %lu 0\n", mf.size,
			      mf.resident, mf.shared, mf.text, mf.data);
		break;
	case PROC_PID_STATUS:
		n = scnprintf(b->data, PROC_BUF_SIZE,
			      "Name:\t%s\nState:\t%c\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n"
			      "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nVmSize:\t%lu kB\nVmRSS:\t%lu kB\n"
			      "Threads:\t%d\n",
			      comm, task_state(t), t->tgid, t->pid, ppid,
			      mf.size << (PAGE_SHIFT - 10), mf.resident << (PAGE_SHIFT - 10), threads);
		break;
	case PROC_PID_COMM:
		n = scnprintf(b->data, PROC_BUF_SIZE, "%s\n", comm);
		break;
	case PROC_PID_CMDLINE:
		if (mm) {
			/* The start first: exec publishes it last (fs/binfmt_elf.c). */
			unsigned long start = READ_ONCE(mm->arg_start), end;

			smp_rmb();
			end = READ_ONCE(mm->arg_end);
			if (start && end > start)
				n = access_process_vm(mm, start, b->data,
						      min_t(unsigned long, end - start, PROC_BUF_SIZE));
		}
		break;
	default:
		break;
	}
	if (mm)
		mmput(mm);
	put_task_struct(t);
	b->len = n;
	return 0;
}

/*
 * Idle CPU time of @cpu: its idle task's run time (it is not running now:
 * we are). Only CPUs that run tasks (active) count in /proc/stat,
 * /proc/uptime and /proc/cpuinfo, as in affinity masks (nproc): an online
 * CPU that is not active is halted, not idling.
 */
static u64 cpu_idle_ns(int cpu)
{
	return READ_ONCE(cpu_infos[cpu].idle->sum_exec_ns);
}

/* "cpu" and "cpuN" lines of /proc/stat: user, system and idle time of @cpu (or all, -1). */
static int cpu_stat_line(char *buf, size_t size, int which)
{
	u64 busy = 0, system = 0, idle = 0, now = ktime_get_ns();
	int cpu;

	for_each_cpu(cpu, cpu_active_mask) {
		if (which >= 0 && cpu != which)
			continue;
		idle += cpu_idle_ns(cpu);
		system += READ_ONCE(cpu_infos[cpu].system_ns);
		busy += now - cpu_idle_ns(cpu);
	}
	busy = max(busy, system);
	if (which < 0)
		return scnprintf(buf, size, "cpu  %llu 0 %llu %llu 0 0 0 0 0 0\n",
				 NS_TO_CLOCK_T(busy - system), NS_TO_CLOCK_T(system),
				 NS_TO_CLOCK_T(idle));
	return scnprintf(buf, size, "cpu%d %llu 0 %llu %llu 0 0 0 0 0 0\n", which,
			 NS_TO_CLOCK_T(busy - system), NS_TO_CLOCK_T(system), NS_TO_CLOCK_T(idle));
}

static int count_blocked(struct task_struct *p, void *data)
{
	if (READ_ONCE(p->__state) & TASK_UNINTERRUPTIBLE && !p->exit_state)
		(*(int *)data)++;
	return 0;
}

static int fill_stat(char *buf, size_t size)
{
	u64 intr = 0, ctxt = 0;
	int n, cpu, blocked = 0;

	n = cpu_stat_line(buf, size, -1);
	for_each_cpu(cpu, cpu_active_mask) {
		n += cpu_stat_line(buf + n, size - n, cpu);
		intr += cpu_infos[cpu].irq_count;
		ctxt += cpu_infos[cpu].ctxsw_count;
	}
	iterate_processes(count_blocked, &blocked);
	n += scnprintf(buf + n, size - n,
		       "intr %llu\nctxt %llu\nbtime %llu\nprocesses %d\nprocs_running %lu\n"
		       "procs_blocked %d\n",
		       intr, ctxt, (ktime_get_real_ns() - ktime_get_ns()) / NSEC_PER_SEC,
		       last_pid(), nr_running(), blocked);
	return n;
}

static int fill_file(struct proc_buf *b, enum proc_file which)
{
	u64 ns = ktime_get_ns(), idle = 0;
	int n = 0, cpu;

	switch (which) {
	case PROC_MEMINFO:
		kmem_cache_shrink_all();
		n = scnprintf(b->data, PROC_BUF_SIZE,
			      "MemTotal:       %8lu kB\nMemFree:        %8lu kB\n"
			      "MemAvailable:   %8lu kB\nBuffers:               0 kB\n"
			      "Cached:                0 kB\nSwapCached:            0 kB\n"
			      "SwapTotal:             0 kB\nSwapFree:              0 kB\n"
			      "Shmem:                 0 kB\n",
			      totalram_pages() << 2, nr_free_pages() << 2, nr_free_pages() << 2);
		break;
	case PROC_UPTIME:
		for_each_cpu(cpu, cpu_active_mask)
			idle += cpu_idle_ns(cpu);
		n = scnprintf(b->data, PROC_BUF_SIZE, "%llu.%02llu %llu.%02llu\n",
			      ns / NSEC_PER_SEC, NS_TO_CLOCK_T(ns % NSEC_PER_SEC),
			      idle / NSEC_PER_SEC, NS_TO_CLOCK_T(idle % NSEC_PER_SEC));
		break;
	case PROC_STAT:
		n = fill_stat(b->data, PROC_BUF_SIZE);
		break;
	case PROC_CPUINFO:
		for_each_cpu(cpu, cpu_active_mask)
			n += scnprintf(b->data + n, PROC_BUF_SIZE - n,
				       "processor\t: %d\nmodel name\t: %s\n\n", cpu, ELF_PLATFORM);
		break;
	case PROC_LOADAVG:
#define LOAD_INT(x) ((x) >> 11)
#define LOAD_FRAC(x) (LOAD_INT(((x) & 2047) * 100))
		n = scnprintf(b->data, PROC_BUF_SIZE, "%lu.%02lu %lu.%02lu %lu.%02lu %lu/%d %d\n",
			      LOAD_INT(avenrun[0]), LOAD_FRAC(avenrun[0]),
			      LOAD_INT(avenrun[1]), LOAD_FRAC(avenrun[1]),
			      LOAD_INT(avenrun[2]), LOAD_FRAC(avenrun[2]),
			      nr_running(), nr_tasks(), last_pid());
		break;
	case PROC_FILESYSTEMS:
		n = filesystems_show(b->data, PROC_BUF_SIZE);
		break;
	case PROC_VERSION:
		n = scnprintf(b->data, PROC_BUF_SIZE,
			      "Linux version 6.1.0-ferrite-" FERRITE_VERSION " (Ferrite) #1\n");
		break;
	case PROC_MOUNTS:
		n = mounts_show(b->data, PROC_BUF_SIZE);
		if (n < 0)
			return n;
		break;
	default:
		break;
	}
	b->len = n;
	return 0;
}

static int proc_file_open(struct inode *inode, struct file *file)
{
	struct proc_buf *b = kzalloc(sizeof(*b), GFP_KERNEL);
	enum proc_file which = (enum proc_file)(long)inode->i_private;
	pid_t pid = dentry_pid(file_dentry(file));
	int err;

	if (!b)
		return -ENOMEM;
	/* <pid>/mounts: every process sees the one namespace. */
	err = pid && which != PROC_MOUNTS ? fill_pid_file(b, which, pid) : fill_file(b, which);
	if (err) {
		kfree(b);
		return err;
	}
	file->private_data = b;
	return 0;
}

static ssize_t proc_file_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct proc_buf *b = file->private_data;
	size_t n;

	if (*ppos >= (loff_t)b->len)
		return 0;
	n = min_t(size_t, count, b->len - *ppos);
	if (copy_to_user(buf, b->data + *ppos, n))
		return -EFAULT;
	*ppos += n;
	return n;
}

static int proc_file_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static loff_t proc_file_lseek(struct file *file, loff_t offset, int whence)
{
	struct proc_buf *b = file->private_data;

	return generic_file_llseek_size(file, offset, whence, PROC_BUF_SIZE, b->len);
}

static const struct file_operations proc_file_fops = {
	.open = proc_file_open,
	.read = proc_file_read,
	.llseek = proc_file_lseek,
	.release = proc_file_release,
};

/* A proc_create_single() file: its show() fills the buffer at open. */
static int proc_single_open(struct inode *inode, struct file *file)
{
	int (*show)(struct seq_file *, void *) = inode->i_private;
	struct proc_buf *b = kzalloc(sizeof(*b), GFP_KERNEL);
	struct seq_file m;
	int err;

	if (!b)
		return -ENOMEM;
	m = (struct seq_file){ .buf = b->data, .size = PROC_BUF_SIZE };
	err = show(&m, NULL);
	if (err) {
		kfree(b);
		return err;
	}
	b->len = min(m.count, (size_t)PROC_BUF_SIZE);
	file->private_data = b;
	return 0;
}

static const struct file_operations proc_single_fops = {
	.open = proc_single_open,
	.read = proc_file_read,
	.llseek = proc_file_lseek,
	.release = proc_file_release,
};

/* --- Symbolic links: self and <pid>/exe ----------------------------------- */

static const char *proc_self_get_link(struct dentry *dentry, char *buf, int size)
{
	if (!current->parent)
		return ERR_PTR(-ENOENT);
	scnprintf(buf, size, "%d", current->tgid);
	return buf;
}

static const char *proc_exe_get_link(struct dentry *dentry, char *buf, int size)
{
	struct task_struct *t = find_get_task_by_pid(dentry_pid(dentry));
	const char *ret = ERR_PTR(-ENOENT);
	struct mm_struct *mm = NULL;

	if (t && !ptrace_may_access(t))
		ret = ERR_PTR(-EACCES);
	else if (t && !t->exit_state)
		mm = get_task_mm(t);
	if (mm && mm->exe_file && __d_path_copy(&mm->exe_file->f_path, buf, size) >= 0)
		ret = buf;
	if (mm)
		mmput(mm);
	if (t)
		put_task_struct(t);
	return ret;
}

static const struct inode_operations proc_self_iops = { .get_link = proc_self_get_link };
static const struct inode_operations proc_exe_iops = { .get_link = proc_exe_get_link };

/* --- Building the tree -------------------------------------------------- */

/* A new inode of /proc, or NULL. */
static struct inode *proc_inode(umode_t mode, const struct inode_operations *iop,
				const struct file_operations *fop, void *priv)
{
	struct inode *inode = new_inode(proc_sb);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_op = iop;
	inode->i_fop = fop;
	inode->i_private = priv;
	if (S_ISDIR(mode))
		inc_nlink(inode);
	return inode;
}

/* Link @name with @inode under @parent. Namespace mutex held. */
static struct dentry *proc_add(struct dentry *parent, const char *name, struct inode *inode)
{
	struct qstr q = QSTR_INIT(name, strlen(name));
	struct dentry *d;

	if (!inode)
		return NULL;
	d = d_alloc(parent, &q);
	if (!d) {
		iput(inode);
		return NULL;
	}
	d_instantiate(d, inode);
	d_attach(d);
	dput(d);		/* the tree keeps its own reference */
	return d;
}

static const struct {
	const char *name;
	enum proc_file which;
} pid_files[] = {
	{ "stat", PROC_PID_STAT }, { "statm", PROC_PID_STATM }, { "cmdline", PROC_PID_CMDLINE },
	{ "status", PROC_PID_STATUS }, { "comm", PROC_PID_COMM }, { "mounts", PROC_MOUNTS },
};

/* As Linux: a process's directory and files belong to its effective ids. */
static void proc_pid_owner(struct dentry *dir, pid_t pid)
{
	struct task_struct *t = find_get_task_by_pid(pid);
	const struct cred *cred;
	struct dentry *d;

	if (!t)
		return;
	cred = get_task_cred(t);
	dir->d_inode->i_uid = cred->euid;
	dir->d_inode->i_gid = cred->egid;
	list_for_each_entry(d, &dir->d_subdirs, d_child) {
		d->d_inode->i_uid = cred->euid;
		d->d_inode->i_gid = cred->egid;
	}
	put_cred(cred);
	put_task_struct(t);
}

/* Unlink @d and everything below it. Namespace mutex held. */
static void proc_remove_tree(struct dentry *d)
{
	while (!list_empty(&d->d_subdirs))
		proc_remove_tree(list_first_entry(&d->d_subdirs, struct dentry, d_child));
	d_detach(d);
}

/* The entry @name (a pid) under @dir, or NULL. Namespace mutex held. */
static struct dentry *proc_lookup_pid(struct dentry *dir, pid_t pid)
{
	char name[16];
	struct qstr q;

	if (!dir)
		return NULL;
	q.len = scnprintf(name, sizeof(name), "%d", pid);
	q.name = name;
	return d_lookup(dir, &q);
}

static const struct inode_operations proc_task_iops;
static const struct file_operations proc_task_fops;

/*
 * /proc/<pid> and its files under proc_root, or a thread's
 * /proc/<pid>/task/<tid> (the same files) under @parent, the task
 * directory. Namespace mutex held.
 */
static struct dentry *proc_pid_dir(struct dentry *parent, pid_t pid)
{
	struct dentry *dir;
	char name[16];

	scnprintf(name, sizeof(name), "%d", pid);
	dir = proc_add(parent, name, proc_inode(S_IFDIR | 0555, NULL, &simple_dir_operations,
						(void *)(long)pid));
	if (!dir)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(pid_files); i++)
		proc_add(dir, pid_files[i].name,
			 proc_inode(S_IFREG | 0444, NULL, &proc_file_fops,
				    (void *)(long)pid_files[i].which));
	proc_add(dir, "exe", proc_inode(S_IFLNK | 0777, &proc_exe_iops, NULL, NULL));
	if (parent == proc_root)
		proc_add(dir, "task", proc_inode(S_IFDIR | 0555, &proc_task_iops, &proc_task_fops,
						 (void *)(long)pid));
	proc_pid_owner(dir, pid);
	return dir;
}

static bool live_process(pid_t pid)
{
	struct task_struct *t = find_get_task_by_pid(pid);
	bool live = t && t->parent && t->exit_state != EXIT_DEAD;

	if (t)
		put_task_struct(t);
	return live;
}

/* The pid a /proc name spells, or 0 if it spells none. */
static pid_t name_to_pid(const struct qstr *name)
{
	long pid = 0;

	if (!name->len || name->len > 10)
		return 0;
	for (unsigned int i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return 0;
		pid = pid * 10 + (name->name[i] - '0');
	}
	return pid > INT_MAX ? 0 : pid;
}

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *parent,
				       const struct qstr *name)
{
	pid_t pid = name_to_pid(name);

	if (pid <= 0 || !live_process(pid))
		return NULL;
	return proc_pid_dir(proc_root, pid);
}

#define PROC_MAX_THREADS 256	/* listed in one task directory */

/* Whether @tid is a live thread of process @tgid. */
static bool is_thread_of(pid_t tgid, pid_t tid)
{
	pid_t tids[PROC_MAX_THREADS];
	int n = process_thread_ids(tgid, tids, PROC_MAX_THREADS);

	for (int i = 0; i < n; i++)
		if (tids[i] == tid)
			return true;
	return false;
}

static struct dentry *proc_task_lookup(struct inode *dir, struct dentry *parent,
				       const struct qstr *name)
{
	pid_t tid = name_to_pid(name);

	if (tid <= 0 || !is_thread_of((pid_t)(long)dir->i_private, tid))
		return NULL;
	return proc_pid_dir(parent, tid);
}

/*
 * Listing /proc/<pid>/task: from the start, first drop the directories of
 * threads gone and give every live thread its own.
 */
static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *d, *tmp;
	pid_t tids[PROC_MAX_THREADS];
	int n;

	if (ctx->pos)
		return dcache_readdir(file, ctx);
	n = process_thread_ids((pid_t)(long)file_inode(file)->i_private, tids,
			       PROC_MAX_THREADS);
	list_for_each_entry_safe(d, tmp, &dir->d_subdirs, d_child) {
		pid_t tid = (pid_t)(long)d->d_inode->i_private;
		bool live = false;

		for (int i = 0; i < n && !live; i++)
			live = tids[i] == tid;
		if (!live)
			proc_remove_tree(d);
	}
	for (int i = 0; i < n; i++)
		if (!proc_lookup_pid(dir, tids[i]))
			proc_pid_dir(dir, tids[i]);
	return dcache_readdir(file, ctx);
}

static const struct inode_operations proc_task_iops = {
	.lookup = proc_task_lookup,
};

static const struct file_operations proc_task_fops = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = proc_task_readdir,
};

static int add_missing_pid(struct task_struct *p, void *data)
{
	pid_t *pids = data;

	if (pids[0] < 511)
		pids[++pids[0]] = p->pid;
	return 0;
}

/* Listing /proc: first give every live process its directory. */
static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	pid_t *pids = kmalloc(512 * sizeof(pid_t), GFP_KERNEL);

	if (pids) {
		pids[0] = 0;
		iterate_processes(add_missing_pid, pids);
		for (int i = 1; i <= pids[0]; i++)
			if (!proc_lookup_pid(proc_root, pids[i]))
				proc_pid_dir(proc_root, pids[i]);
		kfree(pids);
	}
	return dcache_readdir(file, ctx);
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_fops = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = proc_root_readdir,
};

/* Add @name under @parent (NULL: /proc), or find it if it exists. */
static struct proc_dir_entry *proc_create(const char *name, struct proc_dir_entry *parent,
					  umode_t mode, const struct file_operations *fops,
					  void *priv)
{
	struct dentry *dir = parent ? (struct dentry *)parent : proc_root, *d;
	struct qstr q = QSTR_INIT(name, strlen(name));

	if (!proc_root || !q.len || strchr(name, '/'))
		return NULL;
	vfs_ns_lock();
	d = d_lookup(dir, &q);
	if (d && (!S_ISDIR(mode) || !S_ISDIR(d->d_inode->i_mode)))
		d = NULL;		/* a name taken by something else */
	else if (!d)
		d = proc_add(dir, name, proc_inode(mode, NULL, fops, priv));
	vfs_ns_unlock();
	return (struct proc_dir_entry *)d;
}

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return proc_create(name, parent, S_IFDIR | 0555, &simple_dir_operations, NULL);
}

struct proc_dir_entry *proc_create_single(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  int (*show)(struct seq_file *, void *))
{
	return proc_create(name, parent, S_IFREG | (mode & 0444), &proc_single_fops,
			   (void *)show);
}

/* Remove /proc/<pid> (@tgid 0) or /proc/<tgid>/task/<pid>, if there. */
static void proc_flush(pid_t tgid, pid_t pid)
{
	struct dentry *dir = proc_root, *d;

	if (!proc_root)
		return;
	vfs_ns_lock();
	if (tgid) {
		struct qstr task = QSTR_INIT("task", 4);

		dir = proc_lookup_pid(proc_root, tgid);
		dir = dir ? d_lookup(dir, &task) : NULL;
	}
	d = proc_lookup_pid(dir, pid);
	if (d) {
		dget(d);
		proc_remove_tree(d);
	}
	vfs_ns_unlock();
	dput(d);
}

void proc_flush_task(pid_t pid)
{
	proc_flush(0, pid);
}

void proc_flush_thread(pid_t tgid, pid_t tid)
{
	proc_flush(0, tid);
	proc_flush(tgid, tid);
}

/* The one proc super block: the root and its fixed files. */
static int proc_fill_super(struct super_block *sb, void *data, int silent)
{
	static const struct {
		const char *name;
		enum proc_file which;
	} files[] = {
		{ "meminfo", PROC_MEMINFO }, { "uptime", PROC_UPTIME },
		{ "version", PROC_VERSION }, { "mounts", PROC_MOUNTS },
		{ "stat", PROC_STAT }, { "cpuinfo", PROC_CPUINFO },
		{ "loadavg", PROC_LOADAVG }, { "filesystems", PROC_FILESYSTEMS },
	};

	proc_sb = sb;
	sb->s_maxbytes = PROC_BUF_SIZE;
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_root = d_make_root(proc_inode(S_IFDIR | 0555, &proc_root_iops, &proc_root_fops,
					    NULL));
	if (!sb->s_root)
		return -ENOMEM;
	vfs_ns_lock();
	for (size_t i = 0; i < ARRAY_SIZE(files); i++)
		proc_add(sb->s_root, files[i].name,
			 proc_inode(S_IFREG | 0444, NULL, &proc_file_fops,
				    (void *)(long)files[i].which));
	proc_add(sb->s_root, "self", proc_inode(S_IFLNK | 0777, &proc_self_iops, NULL, NULL));
	proc_root = sb->s_root;
	vfs_ns_unlock();
	return 0;
}

static struct dentry *proc_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return mount_single(fs_type, flags, data, proc_fill_super);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = kill_anon_super,
};

/*
 * Register "proc", make its super block with an internal mount that is
 * never dropped (so every mount(2) of proc shares it and it never dies),
 * and mount it on /proc.
 */
static int __init proc_root_init(void)
{
	struct vfsmount *mnt;
	int err = register_filesystem(&proc_fs_type);

	if (err)
		return err;
	mnt = kern_mount(&proc_fs_type);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	err = kern_mkdir("/proc", 0555);
	if (err && err != -EEXIST)
		return err;
	return kern_mount_at("proc", "/proc", "proc", 0, NULL);
}
fs_initcall(proc_root_init);
