// SPDX-License-Identifier: GPL-2.0-only
/*
 * Signals: sending (a bit in the target's pending set and, for each
 * instance, a struct sigqueue with its siginfo) and acting on them on the
 * way back to user mode (do_signal()): a handler installed with
 * rt_sigaction() runs on a signal frame the architecture builds
 * (setup_rt_frame(), one frame per return to user mode), with sa_mask,
 * SA_NODEFER, SA_RESETHAND and SA_RESTART honoured; otherwise the default
 * action: ignore, stop the process until SIGCONT (job control), or end it
 * as "killed by signal N". Also the signal system calls: kill, tgkill,
 * rt_sigqueueinfo, rt_tgsigqueueinfo, rt_sigtimedwait, rt_sigprocmask,
 * rt_sigaction, rt_sigpending, rt_sigsuspend, sigaltstack.
 *
 * Queueing follows Linux: a standard signal (below SIGRTMIN) is pending
 * once, with the siginfo of its first sender; every real-time signal sent
 * is queued and delivered in order, lowest number first. Entries come
 * from a slab cache with GFP_ATOMIC (senders may hold locks or run in
 * interrupts) and count against the receiving process's
 * RLIMIT_SIGPENDING; a kernel signal or a standard one from a user
 * (si_code >= 0) may exceed it. Without an entry a signal is still sent,
 * its siginfo reduced to SI_USER with no sender, except a real-time one
 * queued with its own siginfo (sigqueue(), tgkill()), which fails with
 * EAGAIN.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/kconfig.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/process.h>
#include <linux/resource.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <asm/signal.h>
#include <asm/syscall.h>

#define SIG_DEFAULT_IGNORE (sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) | \
			    sigmask(SIGCONT))
/* Job-control stops: the default action sleeps until SIGCONT. */
#define SIG_DEFAULT_STOP (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
			  sigmask(SIGTTOU))
#define SIG_UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))
/* Synchronous faults: taken first, and their siginfo carries an address. */
#define SIG_SYNC_FAULT (sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | sigmask(SIGFPE) | \
			sigmask(SIGTRAP))

static unsigned long sig_handler(struct task_struct *p, int sig)
{
	return p->sighand ? p->sighand->action[sig - 1].handler : SIG_DFL;
}

/* A signal nobody will see: ignored, or default-ignored, and not blocked. */
static bool sig_ignored(struct task_struct *p, int sig, bool force)
{
	unsigned long handler;

	if (!p->sighand)
		return true;		/* kernel threads take no signals */
	handler = sig_handler(p, sig);
	/* init only gets the signals it asked for (Linux: SIGNAL_UNKILLABLE). */
	if (p == child_reaper && handler == SIG_DFL && !force)
		return true;
	if (p->blocked & sigmask(sig))
		return false;
	if (sigmask(sig) & SIG_UNBLOCKABLE)
		return false;
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && (sigmask(sig) & SIG_DEFAULT_IGNORE));
}

/* Wake @p from a job-control stop and note it for its parent. Any context. */
static void jobctl_continue(struct task_struct *p)
{
	unsigned long flags;
	bool was_stopped;

	spin_lock_irqsave(&tasklist_lock, flags);
	was_stopped = p->jobctl & JOBCTL_STOPPED;
	if (was_stopped)
		p->jobctl = (p->jobctl & ~(JOBCTL_STOPPED | JOBCTL_STOP_REPORT)) |
			    JOBCTL_CONT_REPORT;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (was_stopped) {
		wake_up_state(p, TASK_STOPPED);
		notify_parent_jobctl(p, CLD_CONTINUED);
	}
}

/* The default action of a stop signal: sleep until SIGCONT or SIGKILL. */
static void do_jobctl_stop(int sig)
{
	struct task_struct *t = current;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	t->jobctl = (t->jobctl & ~JOBCTL_CONT_REPORT) | JOBCTL_STOPPED | JOBCTL_STOP_REPORT;
	t->stop_signal = sig;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	notify_parent_jobctl(t, CLD_STOPPED);
	for (;;) {
		set_current_state(TASK_STOPPED);
		if (!(READ_ONCE(t->jobctl) & JOBCTL_STOPPED) || fatal_signal_pending(t))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Whether @t can take @sig now: not blocking it, not exiting (Linux's wants_signal()). */
static bool wants_signal(int sig, struct task_struct *t)
{
	return t->sighand && !(t->flags & PF_EXITING) && !(READ_ONCE(t->blocked) & sigmask(sig));
}

/*
 * The thread of @p's process to give a process-directed @sig to: @p if it
 * can take it, else another that can, else @p (or, when @p has exited, a
 * live thread) to keep it pending for the process. Caller holds
 * tasklist_lock.
 */
static struct task_struct *pick_thread(int sig, struct task_struct *p)
{
	struct task_struct *t, *alive = p->sighand ? p : NULL;

	lockdep_assert_held(&tasklist_lock);
	if (wants_signal(sig, p) || !p->signal)
		return p;
	list_for_each_entry(t, &p->signal->thread_head, thread_node) {
		if (wants_signal(sig, t))
			return t;
		if (!alive && t->sighand)
			alive = t;
	}
	return alive;
}

/* Wake @t for a newly pending @sig it may act on. */
static void signal_wake_up(int sig, struct task_struct *t)
{
	if (sig == SIGKILL)
		wake_up_state(t, TASK_INTERRUPTIBLE | TASK_STOPPED);
	else if (!(READ_ONCE(t->blocked) & sigmask(sig)))
		wake_up_state(t, TASK_INTERRUPTIBLE);
}

/* One pending instance of a signal, with its siginfo, on a sigpending's list. */
struct sigqueue {
	struct list_head list;
	struct ksig_info info;
};

static struct kmem_cache *sigqueue_cachep;

/*
 * An entry for a signal to @t's process, counted in its nr_sigqueue:
 * NULL past @t's RLIMIT_SIGPENDING (unless @override_rlimit) or without
 * memory. Never sleeps.
 */
static struct sigqueue *sigqueue_alloc(struct task_struct *t, bool override_rlimit)
{
	atomic_t *count = &t->signal->nr_sigqueue;
	struct sigqueue *q = NULL;

	if (atomic_inc_return(count) <= t->rlim[RLIMIT_SIGPENDING].rlim_cur || override_rlimit)
		q = kmem_cache_alloc(sigqueue_cachep, GFP_ATOMIC | __GFP_NOWARN);
	if (!q)
		atomic_dec(count);
	return q;
}

/* Free entry @q of a list of process @sig's. Never sleeps. */
static void sigqueue_free(struct sigqueue *q, struct signal_struct *sig)
{
	list_del(&q->list);
	atomic_dec(&sig->nr_sigqueue);
	kmem_cache_free(sigqueue_cachep, q);
}

/*
 * Discard the signals of @mask pending in @p (a list of process @sig's),
 * with their entries. Caller holds the siglock, or @p is unreachable.
 */
static void flush_sigqueue_mask(struct sigpending *p, sigset_t mask, struct signal_struct *sig)
{
	struct sigqueue *q, *tmp;

	p->signal &= ~mask;
	list_for_each_entry_safe(q, tmp, &p->list, list)
		if (mask & sigmask(q->info.signo))
			sigqueue_free(q, sig);
}

/* The siginfo @info (a ksig_info or SEND_SIG_*) stands for, for @sig. */
static void fill_ksig_info(struct ksig_info *to, int sig, const struct ksig_info *info)
{
	if (info == SEND_SIG_NOINFO) {
		*to = (struct ksig_info){ .code = SI_USER, .pid = current->tgid,
					  .uid = current_uid() };
	} else if (info == SEND_SIG_PRIV) {
		*to = (struct ksig_info){ .code = SI_KERNEL };
	} else {
		*to = *info;
	}
	to->signo = sig;
}

/*
 * Make @sig pending in @pending of @t's process, with @info (Linux's
 * __send_signal_locked() without the wake-up). 0, or -EAGAIN when a
 * real-time signal's own siginfo could not be queued. Caller holds the
 * siglock.
 */
static int sigqueue_add(int sig, const struct ksig_info *info, struct task_struct *t,
			struct sigpending *pending)
{
	bool special = info == SEND_SIG_NOINFO || info == SEND_SIG_PRIV;
	struct sigqueue *q;

	/* A standard signal is pending once: its first siginfo stays. */
	if (sig < SIGRTMIN && (pending->signal & sigmask(sig)))
		return 0;
	/* SIGKILL needs no siginfo: nobody sees it. */
	if (sig != SIGKILL) {
		q = sigqueue_alloc(t, sig < SIGRTMIN && (special || info->code >= 0));
		if (q) {
			fill_ksig_info(&q->info, sig, info);
			list_add_tail(&q->list, &pending->list);
		} else if (!special && sig >= SIGRTMIN && info->code != SI_USER) {
			return -EAGAIN;
		}
	}
	pending->signal |= sigmask(sig);
	return 0;
}

/*
 * Post @sig with @info to thread @t (@group false) or to its process
 * (@group true: the process's shared pending set, SIGKILL to every
 * thread). 0 or -EAGAIN (sigqueue_add()). Caller holds tasklist_lock.
 */
static int post_signal(int sig, const struct ksig_info *info, struct task_struct *t,
		       bool group, bool force)
{
	struct sighand_struct *sh = t->sighand;
	unsigned long flags;
	sigset_t cancel = 0;
	int ret;

	if (!sh)
		return 0;
	if (sigmask(sig) & SIG_DEFAULT_STOP)
		cancel = sigmask(SIGCONT);
	else if (sig == SIGCONT)
		cancel = SIG_DEFAULT_STOP;
	if (cancel) {
		spin_lock_irqsave(&sh->siglock, flags);
		flush_sigqueue_mask(&t->pending, cancel, t->signal);
		flush_sigqueue_mask(&t->signal->shared_pending, cancel, t->signal);
		spin_unlock_irqrestore(&sh->siglock, flags);
	}
	if (sig_ignored(t, sig, force))
		return 0;
	if (group && sig == SIGKILL) {
		struct task_struct *each;

		list_for_each_entry(each, &t->signal->thread_head, thread_node) {
			spin_lock_irqsave(&sh->siglock, flags);
			each->pending.signal |= sigmask(SIGKILL);
			spin_unlock_irqrestore(&sh->siglock, flags);
			signal_wake_up(sig, each);
		}
		return 0;
	}
	spin_lock_irqsave(&sh->siglock, flags);
	ret = sigqueue_add(sig, info, t, group ? &t->signal->shared_pending : &t->pending);
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (!ret)
		signal_wake_up(sig, t);
	return ret;
}

static int __send_sig(int sig, const struct ksig_info *info, struct task_struct *p, bool force,
		      bool group)
{
	unsigned long flags;
	int ret;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (group)
		p = pick_thread(sig, p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!p)
		return 0;
	/* SIGCONT continues a stopped process even when it is ignored; stops cancel it. */
	if (sig == SIGCONT)
		jobctl_continue(p);
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = post_signal(sig, info, p, group, force);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

int send_sig_info(int sig, struct ksig_info *info, struct task_struct *p)
{
	return __send_sig(sig, info, p, false, true);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p);
}

/* force_sig() with @info. */
static void force_sig_info(int sig, const struct ksig_info *info)
{
	struct task_struct *t = current;

	/* A fault signal that is blocked or ignored would loop: make it fatal. */
	if ((t->blocked & sigmask(sig)) || sig_handler(t, sig) == SIG_IGN) {
		t->blocked &= ~sigmask(sig);
		if (t->sighand)
			t->sighand->action[sig - 1].handler = SIG_DFL;
	}
	__send_sig(sig, info, t, true, false);
}

void force_sig(int sig)
{
	force_sig_info(sig, SEND_SIG_PRIV);
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct ksig_info info = { .code = code, .addr = addr };

	force_sig_info(sig, &info);
}

void do_notify_parent(struct task_struct *child, struct task_struct *parent, int sig, int status)
{
	const struct cred *cred = get_task_cred(child);
	struct ksig_info info = { .pid = child->tgid, .uid = cred->uid };

	put_cred(cred);
	decode_wait_status(status, &info.code, &info.status);
	send_sig_info(sig, &info, parent);
}

sigset_t task_pending_signals(struct task_struct *p)
{
	struct signal_struct *sig = READ_ONCE(p->signal);

	return READ_ONCE(p->pending.signal) | (sig ? READ_ONCE(sig->shared_pending.signal) : 0);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending.signal) & sigmask(SIGKILL);
}

void set_current_blocked(sigset_t mask)
{
	current->blocked = mask & ~SIG_UNBLOCKABLE;
}

/*
 * Take an instance of @sig off @pending (a list of process @ss's) into
 * @info: its first entry, or SI_USER without a sender when it has none
 * (Linux's collect_signal()). The signal stays pending while another
 * entry of it does. Caller holds the siglock.
 */
static void collect_signal(int sig, struct sigpending *pending, struct ksig_info *info,
			   struct signal_struct *ss)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &pending->list, list) {
		if (q->info.signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		pending->signal &= ~sigmask(sig);
	if (first) {
		*info = first->info;
		sigqueue_free(first, ss);
	} else {
		*info = (struct ksig_info){ .signo = sig, .code = SI_USER };
	}
}

/*
 * Take the lowest-numbered signal of @allowed pending for current, or
 * else for its process, with its siginfo into @info; 0 when there is none.
 */
static int dequeue_signal(sigset_t allowed, struct ksig_info *info)
{
	struct task_struct *t = current;
	struct sigpending *lists[2] = { &t->pending, &t->signal->shared_pending };
	unsigned long flags;
	int sig = 0;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	for (int i = 0; i < 2 && !sig; i++) {
		sigset_t ready = lists[i]->signal & allowed;

		if (ready) {
			/* Synchronous faults first, as Linux does. */
			sigset_t sync = ready & SIG_SYNC_FAULT;

			sig = __builtin_ctzll(sync ? sync : ready) + 1;
			collect_signal(sig, lists[i], info, t->signal);
		}
	}
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return sig;
}

/* An interrupted system call: restart it, or make it fail with EINTR. */
static void syscall_restart_or_eintr(struct pt_regs *regs, const struct k_sigaction *ka)
{
	if (!in_syscall(regs))
		return;
	switch (syscall_get_return_value(regs)) {
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		if (ka)
			syscall_set_return_value(regs, -EINTR);
		else if (syscall_get_return_value(regs) == -ERESTARTNOHAND)
			syscall_restart(regs);
		else
			syscall_set_return_value(regs, -EINTR);
		break;
	case -ERESTARTSYS:
		if (ka && !(ka->flags & SA_RESTART)) {
			syscall_set_return_value(regs, -EINTR);
			break;
		}
		fallthrough;
	case -ERESTARTNOINTR:
		syscall_restart(regs);
		break;
	}
	syscall_forget(regs);
}

static void handle_signal(int sig, const struct ksig_info *info, struct k_sigaction *ka,
			  struct pt_regs *regs)
{
	struct task_struct *t = current;
	sigset_t oldmask = t->restore_sigmask ? t->saved_sigmask : t->blocked;

	syscall_restart_or_eintr(regs, ka);
	/* Without user space (CONFIG_USER_SPACE) there is no user stack to use. */
	if (!IS_ENABLED(CONFIG_USER_SPACE) || setup_rt_frame(sig, ka, info, oldmask, regs)) {
		force_sig(SIGSEGV);
		return;
	}
	t->restore_sigmask = false;
	t->blocked |= ka->mask;
	if (!(ka->flags & SA_NODEFER))
		t->blocked |= sigmask(sig);
	t->blocked &= ~SIG_UNBLOCKABLE;
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL;
}

void do_signal(struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct ksig_info info;
	int sig;

	while ((sig = dequeue_signal(~(t->blocked & ~SIG_UNBLOCKABLE), &info))) {
		struct k_sigaction *ka = &t->sighand->action[sig - 1];

		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			handle_signal(sig, &info, ka, regs);
			return;		/* one frame per return to user mode */
		}
		if (sigmask(sig) & SIG_DEFAULT_IGNORE)
			continue;
		if (sigmask(sig) & SIG_DEFAULT_STOP) {
			if (t != child_reaper)
				do_jobctl_stop(sig);
			continue;
		}
		if (t == child_reaper && sig != SIGKILL && !(sigmask(sig) & SIG_SYNC_FAULT))
			continue;
		do_group_exit(sig);
	}
	/* No handler ran: an interrupted system call starts again. */
	syscall_restart_or_eintr(regs, NULL);
	if (t->restore_sigmask) {
		t->restore_sigmask = false;
		t->blocked = t->saved_sigmask;
	}
}

/*
 * One set of actions per process (64 of them, on 64-bit 2 KiB and a few
 * bytes): in a cache of its own it takes about 2.3 KiB of a four-page slab
 * instead of kmalloc's whole 4 KiB size class.
 */
static struct kmem_cache *sighand_cachep;

void __init signals_init(void)
{
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct), 0,
					   SLAB_PANIC, NULL);
	sigqueue_cachep = kmem_cache_create("sigqueue", sizeof(struct sigqueue), 0, SLAB_PANIC,
					    NULL);
}

struct sighand_struct *sighand_alloc(const struct sighand_struct *old)
{
	struct sighand_struct *sh = kmem_cache_zalloc(sighand_cachep, GFP_KERNEL);

	if (!sh)
		return NULL;
	refcount_set(&sh->count, 1);
	spin_lock_init(&sh->siglock);
	if (old)
		memcpy(sh->action, old->action, sizeof(sh->action));
	return sh;
}

struct signal_struct *signal_struct_alloc(struct task_struct *leader)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	refcount_set(&sig->count, 1);
	atomic_set(&sig->live, 1);
	sig->nr_threads = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	INIT_LIST_HEAD(&sig->shared_pending.list);
	init_waitqueue_head(&sig->wait_chldexit);
	list_add_tail(&leader->thread_node, &sig->thread_head);
	return sig;
}

void put_signal_struct(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;

	p->signal = NULL;
	if (sig && refcount_dec_and_test(&sig->count)) {
		flush_sigqueue_mask(&sig->shared_pending, ~(sigset_t)0, sig);
		kfree(sig);
	}
}

void flush_signal_handlers(struct task_struct *t)
{
	struct sighand_struct *sh = t->sighand;

	if (!sh)
		return;
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &sh->action[i];

		/* Ignored signals stay ignored across exec; handlers do not survive. */
		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = 0;
		ka->mask = 0;
	}
}

void exit_sighand(struct task_struct *t)
{
	struct sighand_struct *sh = t->sighand;
	unsigned long flags;

	/* Senders look at t->sighand under tasklist_lock. */
	spin_lock_irqsave(&tasklist_lock, flags);
	t->sighand = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!sh)
		return;
	/* The thread's own pending signals go with it (its process's stay). */
	spin_lock_irqsave(&sh->siglock, flags);
	flush_sigqueue_mask(&t->pending, ~(sigset_t)0, t->signal);
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (refcount_dec_and_test(&sh->count))
		kmem_cache_free(sighand_cachep, sh);
}

/* --- kill and friends ------------------------------------------------- */

/*
 * Linux's kill_ok_by_cred(): the sender's real or effective uid is the
 * target's real or saved uid, or the sender has CAP_KILL.
 */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *cred = current_cred(), *tcred = get_task_cred(t);
	bool ok = cred->euid == tcred->suid || cred->euid == tcred->uid ||
		  cred->uid == tcred->suid || cred->uid == tcred->uid || capable(CAP_KILL);

	put_cred(tcred);
	return ok;
}

/* May current signal @t with @sig (SIGCONT: anyone in its session)? 0 or -EPERM. */
static int check_kill_permission(int sig, struct task_struct *t)
{
	if (t == current || kill_ok_by_cred(t))
		return 0;
	if (sig == SIGCONT && t->session == current->session)
		return 0;
	return -EPERM;
}

struct kill_ctx {
	int sig;
	struct ksig_info *info;
	pid_t pgrp;		/* > 0: that group; 0: every process but init and self */
	bool check;		/* kill(2): check_kill_permission() for each */
	int found, sent;
};

/* Whether process @p (its leader) still has a thread to take a signal. */
static bool process_alive(struct task_struct *p)
{
	return p->signal && !list_empty(&p->signal->thread_head);
}

static int kill_one(struct task_struct *p, void *data)
{
	struct kill_ctx *k = data;

	if (!process_alive(p))
		return 0;
	if (k->pgrp ? p->pgrp != k->pgrp : (p == child_reaper || p == current))
		return 0;
	k->found++;
	if (k->check && check_kill_permission(k->sig, p))
		return 0;
	k->sent++;
	if (k->sig)
		send_sig_info(k->sig, k->info, p);
	return 0;
}

/* @sig (0: only check) with @info to process @pid (> 0), if current may. */
static int kill_proc_info(int sig, struct ksig_info *info, pid_t pid)
{
	struct task_struct *p = find_get_task_by_pid(pid);
	int err = -ESRCH;

	if (p && p->parent && p->exit_state != EXIT_DEAD) {
		err = check_kill_permission(sig, p);
		if (!err && sig && process_alive(p))
			err = send_sig_info(sig, info, p);
	}
	if (p)
		put_task_struct(p);
	return err;
}

/* The siginfo of kill(2) and tgkill(2) from current: @code with its tgid and real uid. */
static struct ksig_info user_kill_info(int code)
{
	return (struct ksig_info){ .code = code, .pid = current->tgid, .uid = current_uid() };
}

int kill_pid(pid_t pid, int sig)
{
	struct ksig_info info = user_kill_info(SI_USER);
	struct kill_ctx k = { .sig = sig, .info = &info, .check = true };

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0)
		return kill_proc_info(sig, &info, pid);
	if (pid == 0)
		k.pgrp = current->pgrp;
	else if (pid < -1)
		k.pgrp = -pid;
	iterate_processes(kill_one, &k);
	if (!k.found)
		return -ESRCH;
	/* As Linux: a group needs one permitted member; -1 never says EPERM. */
	return k.sent || !k.pgrp ? 0 : -EPERM;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	return kill_pid(pid, sig);
}

/* A live thread @tid of process @tgid (<= 0: any), with a reference; or NULL. */
static struct task_struct *find_get_thread(pid_t tgid, pid_t tid)
{
	struct task_struct *t = find_get_task_by_pid(tid);

	if (t && (!t->parent || t->exit_state || (tgid > 0 && t->tgid != tgid))) {
		put_task_struct(t);
		t = NULL;
	}
	return t;
}

/*
 * tkill, tgkill, rt_tgsigqueueinfo: @sig (0: only check) with @info to
 * thread @tid of @tgid (<= 0: any process), if current may (Linux's
 * do_send_specific()).
 */
static int do_send_specific(pid_t tgid, pid_t tid, int sig, struct ksig_info *info)
{
	struct task_struct *t;
	int err;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	t = find_get_thread(tgid, tid);
	if (!t)
		return -ESRCH;
	err = check_kill_permission(sig, t);
	if (!err && sig)
		err = __send_sig(sig, info, t, false, false);
	put_task_struct(t);
	return err;
}

static int do_tkill(pid_t tgid, pid_t tid, int sig)
{
	struct ksig_info info = user_kill_info(SI_TKILL);

	return do_send_specific(tgid, tid, sig, &info);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

/* Which fields of a siginfo mean something (Linux's siginfo_layout()). */
enum siginfo_layout { SIL_KILL, SIL_FAULT, SIL_CHLD, SIL_RT };

static enum siginfo_layout siginfo_layout(int sig, int code)
{
	if (code > SI_USER && code < SI_KERNEL) {
		if (sigmask(sig) & SIG_SYNC_FAULT)
			return SIL_FAULT;
		return sig == SIGCHLD ? SIL_CHLD : SIL_KILL;
	}
	return code < 0 ? SIL_RT : SIL_KILL;	/* SI_TIMER's tid, overrun: pid, uid */
}

void fill_user_siginfo(struct user_siginfo *si, int sig, const struct ksig_info *info)
{
	enum siginfo_layout layout = siginfo_layout(sig, info->code);

	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_errno = info->err;
	si->si_code = info->code;
	if (layout == SIL_FAULT) {
		si->addr = info->addr;
		return;
	}
	si->kill_chld.pid = info->pid;
	si->kill_chld.uid = info->uid;
	if (layout == SIL_CHLD)
		si->kill_chld.status = info->status;
	else if (layout == SIL_RT)
		si->kill_chld.value = info->value;
}

/*
 * A user siginfo for rt_[tg]sigqueueinfo() sending @sig to thread or
 * process @pid: 0, -EFAULT, or -EPERM when it claims to come from the
 * kernel or from kill()/tgkill() (si_code >= 0 or SI_TKILL) and @pid is
 * not the caller, which only Linux's own such calls may.
 */
static int copy_siginfo_from_user(struct ksig_info *info, int sig,
				  const struct user_siginfo __user *u, pid_t pid)
{
	struct user_siginfo si;

	if (copy_from_user(&si, u, sizeof(si)))
		return -EFAULT;
	if ((si.si_code >= 0 || si.si_code == SI_TKILL) && pid != current->pid)
		return -EPERM;
	*info = (struct ksig_info){ .err = si.si_errno, .code = si.si_code };
	switch (siginfo_layout(sig, si.si_code)) {
	case SIL_FAULT:
		info->addr = si.addr;
		break;
	case SIL_CHLD:
		info->status = si.kill_chld.status;
		fallthrough;
	case SIL_KILL:
	case SIL_RT:
		info->pid = si.kill_chld.pid;
		info->uid = si.kill_chld.uid;
		info->value = si.kill_chld.value;
		break;
	}
	return 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, const struct user_siginfo __user *, uinfo)
{
	struct ksig_info info;
	int err = copy_siginfo_from_user(&info, sig, uinfo, pid);

	if (err)
		return err;
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	return pid > 0 ? kill_proc_info(sig, &info, pid) : -ESRCH;
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig,
		const struct user_siginfo __user *, uinfo)
{
	struct ksig_info info;
	int err;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	err = copy_siginfo_from_user(&info, sig, uinfo, pid);
	return err ? err : do_send_specific(tgid, pid, sig, &info);
}

/*
 * rt_sigtimedwait: wait up to @timeout ns (NULL: for ever) for a signal of
 * @uthese, unblocking them meanwhile; take it without running its handler
 * and return its number and siginfo. -EAGAIN when the time runs out,
 * -EINTR when another signal interrupts. May sleep.
 */
static long do_sigtimedwait(const sigset_t __user *uthese, struct user_siginfo __user *uinfo,
			    const s64 *timeout, size_t sigsetsize)
{
	struct task_struct *t = current;
	u64 deadline = timeout ? ktime_get_ns() + *timeout : 0;
	struct ksig_info info;
	sigset_t these, saved;
	int sig;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	these &= ~SIG_UNBLOCKABLE;
	sig = dequeue_signal(these, &info);
	if (!sig && (!timeout || ktime_get_ns() < deadline)) {
		saved = t->blocked;
		t->blocked &= ~these;
		for (;;) {
			u64 now = ktime_get_ns();

			set_current_state(TASK_INTERRUPTIBLE);
			if (signal_pending(t) || (timeout && now >= deadline))
				break;
			if (timeout)
				schedule_timeout(DIV_ROUND_UP(deadline - now, TICK_NSEC));
			else
				schedule();
		}
		__set_current_state(TASK_RUNNING);
		t->blocked = saved;
		sig = dequeue_signal(these, &info);
		if (!sig && signal_pending(t))
			return -EINTR;
	}
	if (!sig)
		return -EAGAIN;
	if (uinfo) {
		struct user_siginfo si;

		fill_user_siginfo(&si, sig, &info);
		if (copy_to_user(uinfo, &si, sizeof(si)))
			return -EFAULT;
	}
	return sig;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese,
		struct user_siginfo __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	s64 ns;

	if (uts) {
		int err = get_timespec_ns(uts, &ns);

		if (err)
			return err;
	}
	return do_sigtimedwait(uthese, uinfo, uts ? &ns : NULL, sigsetsize);
}

/* The same with a 32-bit time_t timeout (32-bit ARM's glibc, when it fits). */
SYSCALL_DEFINE4(rt_sigtimedwait_time32, const sigset_t __user *, uthese,
		struct user_siginfo __user *, uinfo,
		const struct old_timespec32 __user *, uts, size_t, sigsetsize)
{
	struct timespec64 ts;
	s64 ns;

	if (uts) {
		int err = get_old_timespec32(&ts, uts) ? -EFAULT : timespec64_ns(&ts, &ns);

		if (err)
			return err;
	}
	return do_sigtimedwait(uthese, uinfo, uts ? &ns : NULL, sigsetsize);
}

SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		set &= ~SIG_UNBLOCKABLE;
		switch (how) {
		case SIG_BLOCK:
			current->blocked |= set;
			break;
		case SIG_UNBLOCK:
			current->blocked &= ~set;
			break;
		case SIG_SETMASK:
			current->blocked = set;
			break;
		default:
			return -EINVAL;
		}
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* --- Actions, masks and stacks ------------------------------------------ */

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct kernel_sigaction __user *, act,
		struct kernel_sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction *ka, old, new;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG || (act && (sigmask(sig) & SIG_UNBLOCKABLE)))
		return -EINVAL;
	if (act) {
		struct kernel_sigaction k;

		if (copy_from_user(&k, act, sizeof(k)))
			return -EFAULT;
		sigaction_from_abi(&new, &k);
		new.mask &= ~SIG_UNBLOCKABLE;
	}
	ka = &current->sighand->action[sig - 1];
	old = *ka;
	if (act) {
		unsigned long flags;

		*ka = new;
		/* Setting "ignore" discards what is pending (POSIX), in every thread. */
		if (sig_ignored(current, sig, false)) {
			struct task_struct *t;

			spin_lock_irqsave(&tasklist_lock, flags);
			spin_lock(&current->sighand->siglock);
			flush_sigqueue_mask(&current->signal->shared_pending, sigmask(sig),
					    current->signal);
			list_for_each_entry(t, &current->signal->thread_head, thread_node)
				flush_sigqueue_mask(&t->pending, sigmask(sig), current->signal);
			spin_unlock(&current->sighand->siglock);
			spin_unlock_irqrestore(&tasklist_lock, flags);
		}
	}
	if (oact) {
		struct kernel_sigaction k;

		memset(&k, 0, sizeof(k));
		sigaction_to_abi(&k, &old);
		if (copy_to_user(oact, &k, sizeof(k)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t set = task_pending_signals(current) & current->blocked;

	/* Linux copies out a smaller set too (its first sigsetsize bytes). */
	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	struct task_struct *t = current;
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	t->saved_sigmask = t->blocked;
	t->restore_sigmask = true;
	set_current_blocked(newset);
	while (!signal_pending(t)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(t))
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return -ERESTARTNOHAND;
}

/* The alternate signal stack: user stack pointers, so user space only. */
#ifdef CONFIG_USER_SPACE
static bool on_altstack(unsigned long sp)
{
	struct task_struct *t = current;

	return t->sas_ss_size && sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

unsigned long sigframe_sp(const struct k_sigaction *ka, unsigned long sp)
{
	struct task_struct *t = current;

	if ((ka->flags & SA_ONSTACK) && t->sas_ss_size && !on_altstack(sp))
		return t->sas_ss_sp + t->sas_ss_size;
	return sp;
}

void save_altstack(struct user_stack_t *st, unsigned long sp)
{
	struct task_struct *t = current;

	st->ss_sp = t->sas_ss_sp;
	st->ss_size = t->sas_ss_size;
	st->ss_flags = !t->sas_ss_size ? SS_DISABLE : on_altstack(sp) ? SS_ONSTACK : 0;
}

void restore_altstack(unsigned long sp, int flags, unsigned long size)
{
	struct task_struct *t = current;

	if (on_altstack(user_stack_pointer(current_pt_regs())))
		return;
	if (flags & SS_DISABLE) {
		t->sas_ss_sp = t->sas_ss_size = 0;
	} else if (size >= MINSIGSTKSZ) {
		t->sas_ss_sp = sp;
		t->sas_ss_size = size;
	}
}

long sigreturn_finish(struct pt_regs *regs, sigset_t mask, const struct user_stack_t *st)
{
	set_current_blocked(mask);
	restore_altstack(st->ss_sp, st->ss_flags, st->ss_size);
	syscall_forget(regs);
	return syscall_get_return_value(regs);
}

SYSCALL_DEFINE2(sigaltstack, const struct user_stack_t __user *, uss,
		struct user_stack_t __user *, uoss)
{
	struct task_struct *t = current;
	unsigned long sp = user_stack_pointer(current_pt_regs());
	struct user_stack_t old;

	memset(&old, 0, sizeof(old));	/* no padding bytes of the kernel stack to user space */
	save_altstack(&old, sp);
	if (uss) {
		struct user_stack_t ss;

		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on_altstack(sp))
			return -EPERM;
		if (ss.ss_flags & ~(SS_DISABLE | SS_ONSTACK | (1U << 31)))
			return -EINVAL;
		if (ss.ss_flags & SS_DISABLE) {
			t->sas_ss_sp = t->sas_ss_size = 0;
		} else {
			if (ss.ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			t->sas_ss_sp = ss.ss_sp;
			t->sas_ss_size = ss.ss_size;
		}
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
#endif /* CONFIG_USER_SPACE */

void kill_pgrp(pid_t pgrp, int sig)
{
	struct kill_ctx k = { .sig = sig, .info = SEND_SIG_PRIV, .pgrp = pgrp };

	if (pgrp > 0)
		iterate_processes(kill_one, &k);
}
