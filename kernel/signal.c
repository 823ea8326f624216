// SPDX-License-Identifier: GPL-2.0-only
/*
 * Signals: sending (a bit in the target's pending mask) and acting on them
 * on the way back to user mode (do_signal()): a handler installed with
 * rt_sigaction() runs on a signal frame the architecture builds
 * (setup_rt_frame(), one frame per return to user mode), with sa_mask,
 * SA_NODEFER, SA_RESETHAND and SA_RESTART honoured; otherwise the default
 * action: ignore, stop the process until SIGCONT (job control), or end it
 * as "killed by signal N". Also the signal system calls: kill, tgkill,
 * rt_sigprocmask, rt_sigaction, rt_sigpending, rt_sigsuspend, sigaltstack.
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
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/signal.h>
#include <asm/syscall.h>

#define SIG_DEFAULT_IGNORE (sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) | \
			    sigmask(SIGCONT))
/* Job-control stops: the default action sleeps until SIGCONT. */
#define SIG_DEFAULT_STOP (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
			  sigmask(SIGTTOU))
#define SIG_UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))

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
		if (p->parent)
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

/*
 * Post @sig to thread @t (@group false) or to its process (@group true:
 * the process's shared pending mask, SIGKILL to every thread). Caller
 * holds tasklist_lock.
 */
static void post_signal(int sig, struct task_struct *t, bool group, bool force)
{
	struct sighand_struct *sh = t->sighand;
	unsigned long flags;

	if (!sh)
		return;
	spin_lock_irqsave(&sh->siglock, flags);
	if (sigmask(sig) & SIG_DEFAULT_STOP) {
		t->pending &= ~sigmask(SIGCONT);
		if (t->signal)
			t->signal->shared_pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		t->pending &= ~SIG_DEFAULT_STOP;
		if (t->signal)
			t->signal->shared_pending &= ~SIG_DEFAULT_STOP;
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (sig_ignored(t, sig, force))
		return;
	if (group && sig == SIGKILL && t->signal) {
		struct task_struct *each;

		list_for_each_entry(each, &t->signal->thread_head, thread_node) {
			spin_lock_irqsave(&sh->siglock, flags);
			each->pending |= sigmask(SIGKILL);
			spin_unlock_irqrestore(&sh->siglock, flags);
			signal_wake_up(sig, each);
		}
		return;
	}
	spin_lock_irqsave(&sh->siglock, flags);
	if (group && t->signal)
		t->signal->shared_pending |= sigmask(sig);
	else
		t->pending |= sigmask(sig);
	spin_unlock_irqrestore(&sh->siglock, flags);
	signal_wake_up(sig, t);
}

static int __send_sig(int sig, struct task_struct *p, bool force, bool group)
{
	unsigned long flags;

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
	post_signal(sig, p, group, force);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

int send_sig(int sig, struct task_struct *p)
{
	return __send_sig(sig, p, false, true);
}

int send_sig_thread(int sig, struct task_struct *t)
{
	return __send_sig(sig, t, false, false);
}

void force_sig(int sig)
{
	struct task_struct *t = current;

	/* A fault signal that is blocked or ignored would loop: make it fatal. */
	if ((t->blocked & sigmask(sig)) || sig_handler(t, sig) == SIG_IGN) {
		t->blocked &= ~sigmask(sig);
		if (t->sighand)
			t->sighand->action[sig - 1].handler = SIG_DFL;
	}
	__send_sig(sig, t, true, false);
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	current->fault_addr = addr;
	current->fault_code = code;
	force_sig(sig);
}

void do_notify_parent(struct task_struct *child, struct task_struct *parent, int status)
{
	parent->chld_pid = child->pid;
	parent->chld_status = status;
	send_sig(SIGCHLD, parent);
}

sigset_t task_pending_signals(struct task_struct *p)
{
	struct signal_struct *sig = READ_ONCE(p->signal);

	return READ_ONCE(p->pending) | (sig ? READ_ONCE(sig->shared_pending) : 0);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending) & sigmask(SIGKILL);
}

void set_current_blocked(sigset_t mask)
{
	current->blocked = mask & ~SIG_UNBLOCKABLE;
}

/*
 * Take the lowest-numbered deliverable signal off current's pending mask,
 * or else its process's.
 */
static int dequeue_signal(void)
{
	struct task_struct *t = current;
	sigset_t allowed = ~(t->blocked & ~SIG_UNBLOCKABLE);
	sigset_t *masks[2] = { &t->pending, t->signal ? &t->signal->shared_pending : NULL };
	unsigned long flags;
	int sig = 0;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	for (int i = 0; i < 2 && !sig; i++) {
		sigset_t ready = masks[i] ? *masks[i] & allowed : 0;

		if (ready) {
			/* Synchronous faults first, as Linux does. */
			sigset_t sync = ready & (sigmask(SIGSEGV) | sigmask(SIGBUS) |
						      sigmask(SIGILL) | sigmask(SIGFPE) |
						      sigmask(SIGTRAP));

			sig = __builtin_ctzll(sync ? sync : ready) + 1;
			*masks[i] &= ~sigmask(sig);
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

static void handle_signal(int sig, struct k_sigaction *ka, struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct ksig_info info = { .code = SI_USER };
	sigset_t oldmask = t->restore_sigmask ? t->saved_sigmask : t->blocked;

	if (sig == SIGCHLD) {
		/* Noted on the leader (the parent of the process's children). */
		int st = t->group_leader->chld_status;

		info.pid = t->group_leader->chld_pid;
		if (st == W_CONTINUED) {
			info.code = CLD_CONTINUED;
			info.status = SIGCONT;
		} else if ((st & 0xff) == 0x7f) {
			info.code = CLD_STOPPED;
			info.status = (st >> 8) & 0xff;
		} else if (st & 0x7f) {
			info.code = CLD_KILLED;
			info.status = st & 0x7f;
		} else {
			info.code = CLD_EXITED;
			info.status = (st >> 8) & 0xff;
		}
	} else if (sigmask(sig) & (sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) |
				   sigmask(SIGFPE) | sigmask(SIGTRAP))) {
		info.code = t->fault_code;
		info.addr = t->fault_addr;
	}
	syscall_restart_or_eintr(regs, ka);
	/* Without user space (CONFIG_USER_SPACE) there is no user stack to use. */
	if (!IS_ENABLED(CONFIG_USER_SPACE) || setup_rt_frame(sig, ka, &info, oldmask, regs)) {
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
	int sig;

	while ((sig = dequeue_signal())) {
		struct k_sigaction *ka = &t->sighand->action[sig - 1];

		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			handle_signal(sig, ka, regs);
			return;		/* one frame per return to user mode */
		}
		if (sigmask(sig) & SIG_DEFAULT_IGNORE)
			continue;
		if (sigmask(sig) & SIG_DEFAULT_STOP) {
			if (t != child_reaper)
				do_jobctl_stop(sig);
			continue;
		}
		if (t == child_reaper && sig != SIGKILL && !(sigmask(sig) & (sigmask(SIGSEGV) |
		    sigmask(SIGBUS) | sigmask(SIGILL) | sigmask(SIGFPE) | sigmask(SIGTRAP))))
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
	list_add_tail(&leader->thread_node, &sig->thread_head);
	return sig;
}

void put_signal_struct(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;

	p->signal = NULL;
	if (sig && refcount_dec_and_test(&sig->count))
		kfree(sig);
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
	if (sh && refcount_dec_and_test(&sh->count))
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
		send_sig(k->sig, p);
	return 0;
}

int kill_pid(pid_t pid, int sig)
{
	struct kill_ctx k = { .sig = sig, .check = true };
	struct task_struct *p;
	int err;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		p = find_get_task_by_pid(pid);
		if (!p || !p->parent || p->exit_state == EXIT_DEAD) {
			if (p)
				put_task_struct(p);
			return -ESRCH;
		}
		err = check_kill_permission(sig, p);
		if (!err && sig && process_alive(p))
			send_sig(sig, p);
		put_task_struct(p);
		return err;
	}
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

/* tkill/tgkill: @sig (0: only check) to thread @tid of @tgid (<= 0: any process). */
static int do_tkill(pid_t tgid, pid_t tid, int sig)
{
	struct task_struct *t;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	t = find_get_thread(tgid, tid);
	if (!t)
		return -ESRCH;
	if (sig)
		send_sig_thread(sig, t);
	put_task_struct(t);
	return 0;
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
			current->signal->shared_pending &= ~sigmask(sig);
			list_for_each_entry(t, &current->signal->thread_head, thread_node)
				t->pending &= ~sigmask(sig);
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

void fill_user_siginfo(struct user_siginfo *si, int sig, const struct ksig_info *info)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = info->code;
	if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP) {
		si->addr = info->addr;
	} else {
		si->kill_chld.pid = info->pid;
		si->kill_chld.status = info->status;
	}
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
	struct kill_ctx k = { .sig = sig, .pgrp = pgrp };

	if (pgrp > 0)
		iterate_processes(kill_one, &k);
}
