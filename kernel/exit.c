// SPDX-License-Identifier: GPL-2.0-only
/*
 * Process and thread exit and reaping: do_exit() releases what a thread
 * holds; the last thread of a process hands its children to init and
 * leaves the leader a zombie (the task_struct with its exit status) until
 * the parent collects it with wait4(). exit_group() and fatal signals end
 * every thread (do_group_exit()), exec from a thread ends the others
 * (de_thread()).
 *
 * The process tree (parent, children, sibling, exit_state) and the thread
 * lists are guarded by tasklist_lock; parents sleep on one wait queue for
 * any child's exit.
 */
#include <linux/kernel.h>
#include <linux/kconfig.h>
#include <linux/ktime.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/futex.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <linux/process.h>
#include <linux/proc_fs.h>
#include <linux/posix-timers.h>
#include <linux/resource.h>
#include <linux/string.h>
#include <linux/tty.h>

DEFINE_SPINLOCK(tasklist_lock);
struct task_struct *child_reaper;	/* init, the adopter of orphans */

/*
 * Wake @parent's threads waiting in wait4()/waitid() (its process's
 * wait_chldexit, as Linux's __wake_up_parent()), by a child about to
 * exit or stop: WF_SYNC. The caller keeps @parent alive. Never sleeps.
 */
static void wake_up_parent(struct task_struct *parent)
{
	struct signal_struct *sig = READ_ONCE(parent->signal);

	if (sig)
		__wake_up_sync(&sig->wait_chldexit, TASK_INTERRUPTIBLE);
}

static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;
	unsigned long flags;

	if (!mm)
		return;
	task_lock(current);	/* get_task_mm() takes a reference only before this */
	local_irq_save(flags);
	current->mm = NULL;
	switch_mm_irqs_off(NULL);
	local_irq_restore(flags);
	task_unlock(current);
	mmput(mm);
}

/*
 * Give @leader's children to init. A zombie among them is news for init.
 * Caller holds tasklist_lock.
 */
static bool forget_original_parent(struct task_struct *leader)
{
	struct task_struct *child, *tmp;
	bool reaper_has_zombie = false;

	lockdep_assert_held(&tasklist_lock);
	list_for_each_entry_safe(child, tmp, &leader->children, sibling) {
		child->parent = child_reaper;
		list_move_tail(&child->sibling, &child_reaper->children);
		if (child->exit_state == EXIT_ZOMBIE)
			reaper_has_zombie = true;
	}
	return reaper_has_zombie;
}

/*
 * @tsk leaves its process's thread list. A thread other than the leader
 * is gone for good (nobody waits for it); the leader becomes a zombie,
 * reported to its parent (with the children handed to init) only once
 * the last thread is gone, by that last thread.
 */
static void exit_notify(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *leader = tsk->group_leader, *parent = NULL;
	bool reaper_has_zombie = false, autoreap = false, notify = false;
	unsigned long flags;
	int exit_signal = 0, code = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&tsk->thread_node);
	sig->nr_threads--;
	if (tsk != leader)
		tsk->exit_state = EXIT_DEAD;
	else
		tsk->exit_state = EXIT_ZOMBIE;
	if (!sig->nr_threads) {
		reaper_has_zombie = forget_original_parent(leader);
		parent = leader->parent;
		if (sig->flags & SIGNAL_GROUP_EXIT)
			leader->exit_code = sig->group_exit_code;
		/* A parent that ignores SIGCHLD (or asked SA_NOCLDWAIT) reaps nothing. */
		if (parent->sighand &&
		    (parent->sighand->action[SIGCHLD - 1].handler == SIG_IGN ||
		     (parent->sighand->action[SIGCHLD - 1].flags & SA_NOCLDWAIT))) {
			autoreap = true;
			list_del_init(&leader->sibling);
			leader->exit_state = EXIT_DEAD;
		}
		notify = true;
		exit_signal = leader->exit_signal;
		code = leader->exit_code;
		get_task_struct(leader);	/* the parent may reap it once we unlock */
		get_task_struct(parent);	/* and itself exit */
	} else if (sig->group_exec_task && sig->nr_threads == 1) {
		wake_up_process(sig->group_exec_task);	/* de_thread() waits for this */
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (tsk != leader)
		proc_flush_thread(tsk->tgid, tsk->pid);
	if (!notify)
		return;
	if (exit_signal)
		do_notify_parent(leader, parent, exit_signal, code);
	if (reaper_has_zombie) {
		send_sig(SIGCHLD, child_reaper, 1);
		wake_up_parent(child_reaper);
	}
	wake_up_parent(parent);
	put_task_struct(parent);
	if (autoreap) {
		proc_flush_task(leader->pid);
		put_task_struct(leader);	/* the parent's reference */
	}
	put_task_struct(leader);
}

/*
 * The user-space side of a thread's exit that its process's other threads
 * may watch: the robust futexes it holds are marked FUTEX_OWNER_DIED and
 * the clear-child-tid word is zeroed, each with a futex wake.
 */
static void exit_mm_release(struct task_struct *tsk)
{
	exit_robust_list(tsk);
	if (tsk->clear_child_tid) {
		if (!put_user(0, tsk->clear_child_tid))
			futex_wake_tid(tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
}

void do_exit(int code)
{
	struct task_struct *tsk = current;

	tsk->flags |= PF_EXITING;
	/* Only processes have a parent; without user space there are none. */
	if (IS_ENABLED(CONFIG_USER_SPACE) && tsk->parent) {
		/* A thread of a process (it has a parent to report to). */
		bool group_dead = atomic_dec_and_test(&tsk->signal->live);

		if (group_dead && tsk->group_leader == child_reaper)
			panic("Attempted to kill init! exitcode=0x%08x", code);
		exit_mm_release(tsk);
		mm_release_vfork(tsk);
		itimers_exit(tsk);
		exit_itimers(tsk);
		disassociate_ctty();
		exit_mm();
		exit_files();
		exit_fs();
		exit_sighand(tsk);
		tsk->exit_code = code;
		exit_notify(tsk);
	}
	do_task_dead(code);
}

int zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;
	unsigned long flags;
	int n = 0;

	list_for_each_entry(t, &p->signal->thread_head, thread_node) {
		if (t == p || !t->sighand)
			continue;
		spin_lock_irqsave(&t->sighand->siglock, flags);
		t->pending.signal |= sigmask(SIGKILL);
		spin_unlock_irqrestore(&t->sighand->siglock, flags);
		wake_up_state(t, TASK_INTERRUPTIBLE | TASK_STOPPED);
		n++;
	}
	return n;
}

void do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	if (sig) {
		spin_lock_irqsave(&tasklist_lock, flags);
		if (sig->flags & SIGNAL_GROUP_EXIT) {
			code = sig->group_exit_code;
		} else {
			sig->flags |= SIGNAL_GROUP_EXIT;
			sig->group_exit_code = code;
			zap_other_threads(current);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	do_exit(code);
}

/* @tsk, no longer a thread, takes the place of its dead @leader in the process tree. */
static void take_leader_place(struct task_struct *tsk, struct task_struct *leader)
{
	struct task_struct *child, *tmp;
	unsigned long flags;

	get_task_struct(tsk);		/* the parent's, as the leader had */
	spin_lock_irqsave(&tasklist_lock, flags);
	tsk->parent = leader->parent;
	list_add(&tsk->sibling, &leader->sibling);
	list_del_init(&leader->sibling);
	list_for_each_entry_safe(child, tmp, &leader->children, sibling) {
		child->parent = tsk;
		list_move_tail(&child->sibling, &tsk->children);
	}
	tsk->exit_signal = leader->exit_signal;
	tsk->start_time_ns = leader->start_time_ns;
	tsk->group_leader = tsk;
	leader->group_leader = tsk;
	leader->exit_state = EXIT_DEAD;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	exchange_tids(tsk, leader);
	proc_flush_thread(tsk->pid, leader->pid);
	put_task_struct(leader);	/* the parent's reference */
}

int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *leader = tsk->group_leader;
	unsigned long flags;

	if (!sig)
		return 0;		/* a kernel thread becoming init's first program */
	spin_lock_irqsave(&tasklist_lock, flags);
	if (sig->nr_threads == 1 && tsk == leader) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return 0;
	}
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -EAGAIN;
	}
	sig->flags |= SIGNAL_GROUP_EXIT;
	sig->group_exec_task = tsk;
	zap_other_threads(tsk);
	/* Wait until @tsk is the only thread left (a dead leader is off the list too). */
	while (sig->nr_threads > 1) {
		__set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		schedule();
		spin_lock_irqsave(&tasklist_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	sig->group_exec_task = NULL;
	sig->flags &= ~SIGNAL_GROUP_EXIT;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (tsk != leader)
		take_leader_place(tsk, leader);
	return 0;
}

int process_thread_ids(pid_t tgid, pid_t *ids, int max)
{
	struct task_struct *p = find_get_task_by_pid(tgid), *t;
	unsigned long flags;
	int n = 0;

	if (!p)
		return 0;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (p->tgid == tgid && p->signal && p->parent) {
		list_for_each_entry(t, &p->signal->thread_head, thread_node) {
			if (n == max)
				break;
			ids[n++] = t->pid;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task_struct(p);
	return n;
}

void notify_parent_jobctl(struct task_struct *child, int why)
{
	struct task_struct *parent;
	unsigned long flags;
	bool notify = false;

	/* The parent may be exiting (reparenting us, freeing its ->sighand): look under the lock. */
	spin_lock_irqsave(&tasklist_lock, flags);
	parent = child->parent;
	if (parent) {
		get_task_struct(parent);
		notify = parent->sighand &&
			 !(parent->sighand->action[SIGCHLD - 1].flags & SA_NOCLDSTOP);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!parent)
		return;
	if (notify)
		do_notify_parent(child, parent, SIGCHLD, why == CLD_STOPPED ?
				 W_STOPCODE(child->stop_signal) : W_CONTINUED);
	wake_up_parent(parent);
	put_task_struct(parent);
}

/* Whether child @c is in the group @pid (< 1) names: -1 any, 0 ours, else -@pid. */
static bool wait_match(struct task_struct *c, pid_t pid)
{
	if (pid == -1)
		return true;
	if (pid == 0)
		return c->pgrp == current->pgrp;
	return c->pgrp == -pid;
}

/* What a wait reports: the child, its wait status and, once reaped, its CPU time. */
struct wait_result {
	pid_t pid;
	int status;
	struct task_cputime ct;
};

enum wait_found { WAIT_NOTHING, WAIT_STATE, WAIT_ZOMBIE };

/*
 * What child @c has for a wait with @options: a stop or continue
 * (WAIT_STATE, @wr filled in and the report consumed unless WNOWAIT), a
 * zombie (WAIT_ZOMBIE, taken off the children unless WNOWAIT) or nothing.
 * Caller holds tasklist_lock.
 */
static enum wait_found wait_consider(struct task_struct *c, int options,
				     struct wait_result *wr)
{
	lockdep_assert_held(&tasklist_lock);

	if ((options & WUNTRACED) && (c->jobctl & JOBCTL_STOP_REPORT) && !c->exit_state) {
		if (!(options & WNOWAIT))
			c->jobctl &= ~JOBCTL_STOP_REPORT;
		wr->status = W_STOPCODE(c->stop_signal);
		wr->pid = c->pid;
		return WAIT_STATE;
	}
	if ((options & WCONTINUED) && (c->jobctl & JOBCTL_CONT_REPORT) && !c->exit_state) {
		if (!(options & WNOWAIT))
			c->jobctl &= ~JOBCTL_CONT_REPORT;
		wr->status = W_CONTINUED;
		wr->pid = c->pid;
		return WAIT_STATE;
	}
	/* A leader is a zombie to wait for only once its last thread is gone. */
	if ((options & WEXITED) && c->exit_state == EXIT_ZOMBIE && !c->signal->nr_threads) {
		if (!(options & WNOWAIT)) {
			list_del_init(&c->sibling);
			c->exit_state = EXIT_DEAD;
		}
		return WAIT_ZOMBIE;
	}
	return WAIT_NOTHING;
}

/* Report zombie @c (found by wait_consider()): its pid, reaped unless WNOWAIT. */
static long wait_reap(struct task_struct *c, int options, struct wait_result *wr)
{
	wr->status = c->exit_code;
	wr->pid = c->pid;
	wr->ct.stime = c->stime_ns + c->children_stime_ns;
	wr->ct.utime = c->sum_exec_ns + c->children_exec_ns - wr->ct.stime;
	if (!(options & WNOWAIT)) {
		current->children_exec_ns += wr->ct.utime + wr->ct.stime;
		current->children_stime_ns += wr->ct.stime;
		proc_flush_task(c->pid);
		put_task_struct(c);	/* the parent's reference */
	}
	return wr->pid;
}

/*
 * One pass over current's children matching @pid: a reported pid, 0 (wait
 * on), or -ECHILD. A wait for one pid looks the task up by pid instead of
 * walking the children (as Linux's do_wait_pid()), so it costs the same
 * however many children there are.
 */
static long wait_scan(pid_t pid, int options, struct wait_result *wr)
{
	struct task_struct *leader = current->group_leader, *c, *one = NULL;
	enum wait_found found = WAIT_NOTHING;
	unsigned long flags;
	bool any = false;
	long ret;

	if (pid > 0) {
		one = find_get_task_by_pid(pid);
		if (!one)
			return -ECHILD;
	}
	spin_lock_irqsave(&tasklist_lock, flags);
	if (one) {
		/* Only processes are linked by sibling; a thread's stays empty. */
		c = one;
		any = c->parent == leader && !list_empty(&c->sibling);
		if (any)
			found = wait_consider(c, options, wr);
	} else {
		list_for_each_entry(c, &leader->children, sibling) {
			if (!wait_match(c, pid))
				continue;
			any = true;
			found = wait_consider(c, options, wr);
			if (found)
				break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (found == WAIT_ZOMBIE)
		ret = wait_reap(c, options, wr);
	else if (found == WAIT_STATE)
		ret = wr->pid;
	else
		ret = any ? 0 : -ECHILD;
	if (one)
		put_task_struct(one);
	return ret;
}

/* Wait for a child matching @pid to have something @options ask for. */
static long do_wait(pid_t pid, int options, struct wait_result *wr)
{
	struct wait_queue_head *wq = &current->signal->wait_chldexit;
	DEFINE_WAIT(wait);
	long ret;

	memset(wr, 0, sizeof(*wr));
	for (;;) {
		prepare_to_wait(wq, &wait, TASK_INTERRUPTIBLE);
		ret = wait_scan(pid, options, wr);
		if (ret || (options & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(wq, &wait);
	return ret;
}

long kernel_wait4(pid_t pid, int __user *stat_addr, int options, void __user *ru)
{
	struct wait_result wr;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | WNOWAIT | __WALL | __WCLONE))
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH;
	ret = do_wait(pid, options | WEXITED, &wr);
	if (ret > 0) {
		if (stat_addr && put_user(wr.status, stat_addr))
			return -EFAULT;
		if (ru && put_rusage(ru, &wr.ct, 0, 0))
			return -EFAULT;
	}
	return ret;
}

SYSCALL_DEFINE4(wait4, pid_t, pid, int __user *, stat_addr, int, options,
		void __user *, ru)
{
	return kernel_wait4(pid, stat_addr, options, ru);
}

#define P_ALL	0
#define P_PID	1
#define P_PGID	2
#define __WNOTHREAD 0x20000000

/*
 * The SIGCHLD fields of a siginfo_t, Linux's layout: the union after
 * si_code is aligned as a long (a hole before it only where long is 64
 * bits), and so are the clock_t times.
 */
struct waitid_info {
	int si_signo, si_errno, si_code;
	struct {
		int si_pid, si_uid, si_status;
		long si_utime, si_stime;
	} chld;
};

/* si_code and si_status for a wait status. */
void decode_wait_status(int status, int *code, int *si_status)
{
	if (status == W_CONTINUED) {
		*code = CLD_CONTINUED;
		*si_status = SIGCONT;
	} else if ((status & 0xff) == 0x7f) {
		*code = CLD_STOPPED;
		*si_status = (status >> 8) & 0xff;
	} else if (status & 0x7f) {
		*code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		*si_status = status & 0x7f;
	} else {
		*code = CLD_EXITED;
		*si_status = (status >> 8) & 0xff;
	}
}

/*
 * waitid(2): like wait4 but chosen by id type, with WEXITED, WSTOPPED and
 * WCONTINUED asked for explicitly, and the result in a siginfo_t (zeroed
 * when WNOHANG finds nothing).
 */
SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, void __user *, infop, int, options,
		void __user *, ru)
{
	struct waitid_info info;
	struct wait_result wr;
	pid_t pid;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		pid = -1;
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		pid = upid;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		pid = upid ? -upid : 0;
		break;
	default:
		return -EINVAL;
	}
	ret = do_wait(pid, options, &wr);
	if (ret < 0)
		return ret;
	memset(&info, 0, sizeof(info));
	if (ret > 0) {
		info.si_signo = SIGCHLD;
		info.chld.si_pid = wr.pid;
		decode_wait_status(wr.status, &info.si_code, &info.chld.si_status);
		info.chld.si_utime = wr.ct.utime / (NSEC_PER_SEC / 100);
		info.chld.si_stime = wr.ct.stime / (NSEC_PER_SEC / 100);
		if (ru && put_rusage(ru, &wr.ct, 0, 0))
			return -EFAULT;
	}
	if (infop && copy_to_user(infop, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}

/* exit(2): end the calling thread only; the process ends with its last thread. */
SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
