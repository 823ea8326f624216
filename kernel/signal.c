// SPDX-License-Identifier: GPL-2.0-only
/*
 * Signals: sending (a bit in the target's pending mask) and acting on them
 * on the way back to user mode. Only default actions exist so far: the
 * signals whose default is to be ignored are dropped, every other one ends
 * the process as "killed by signal N".
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/process.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/syscall.h>

#define SIG_DEFAULT_IGNORE (sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) | \
			    sigmask(SIGCONT))
#define SIG_UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))

/* A signal nobody will see: ignored, or default-ignored, and not blocked. */
static bool sig_ignored(struct task_struct *p, int sig)
{
	unsigned long handler;

	if (!p->sighand || (p->blocked & sigmask(sig)))
		return false;
	handler = p->sighand->action[sig - 1].handler;
	if (sigmask(sig) & SIG_UNBLOCKABLE)
		return false;
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && (sigmask(sig) & SIG_DEFAULT_IGNORE));
}

int send_sig(int sig, struct task_struct *p)
{
	unsigned long flags;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (sig_ignored(p, sig))
		return 0;
	local_irq_save(flags);
	p->pending |= sigmask(sig);
	local_irq_restore(flags);
	if ((sigmask(sig) & SIG_UNBLOCKABLE) || !(READ_ONCE(p->blocked) & sigmask(sig)))
		wake_up_state(p, TASK_INTERRUPTIBLE);
	return 0;
}

void force_sig(int sig)
{
	current->blocked &= ~sigmask(sig);
	send_sig(sig, current);
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	force_sig(sig);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending) & sigmask(SIGKILL);
}

/* Take the lowest-numbered deliverable signal off current's pending mask. */
static int dequeue_signal(void)
{
	unsigned long flags, ready;
	int sig = 0;

	local_irq_save(flags);
	ready = current->pending & ~(current->blocked & ~SIG_UNBLOCKABLE);
	if (ready) {
		sig = __builtin_ctzl(ready) + 1;
		current->pending &= ~sigmask(sig);
	}
	local_irq_restore(flags);
	return sig;
}

void do_signal(struct pt_regs *regs)
{
	int sig;

	while ((sig = dequeue_signal())) {
		if (sigmask(sig) & SIG_DEFAULT_IGNORE)
			continue;
		do_exit(sig);
	}
	/* No handler ran: an interrupted system call starts again. */
	if (in_syscall(regs)) {
		switch (syscall_get_return_value(regs)) {
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
		case -ERESTARTNOHAND:
			syscall_restart(regs);
			break;
		case -ERESTART_RESTARTBLOCK:
			syscall_set_return_value(regs, -EINTR);
			break;
		}
		syscall_forget(regs);
	}
}

struct sighand_struct *sighand_alloc(const struct sighand_struct *old)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh), GFP_KERNEL);

	if (!sh)
		return NULL;
	refcount_set(&sh->count, 1);
	if (old)
		memcpy(sh->action, old->action, sizeof(sh->action));
	return sh;
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

	t->sighand = NULL;
	if (sh && refcount_dec_and_test(&sh->count))
		kfree(sh);
}

/* --- kill and friends ------------------------------------------------- */

struct kill_ctx {
	int sig;
	pid_t pgrp;		/* > 0: that group; 0: every process but init and self */
	int found;
};

static int kill_one(struct task_struct *p, void *data)
{
	struct kill_ctx *k = data;

	if (p->exit_state)
		return 0;
	if (k->pgrp ? p->pgrp != k->pgrp : (p == child_reaper || p == current))
		return 0;
	k->found++;
	if (k->sig)
		send_sig(k->sig, p);
	return 0;
}

int kill_pid(pid_t pid, int sig)
{
	struct kill_ctx k = { .sig = sig };
	struct task_struct *p;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		p = find_get_task_by_pid(pid);
		if (!p || !p->parent || p->exit_state == EXIT_DEAD) {
			if (p)
				put_task_struct(p);
			return -ESRCH;
		}
		if (sig && !p->exit_state)
			send_sig(sig, p);
		put_task_struct(p);
		return 0;
	}
	if (pid == 0)
		k.pgrp = current->pgrp;
	else if (pid < -1)
		k.pgrp = -pid;
	for_each_process(kill_one, &k);
	return k.found ? 0 : -ESRCH;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	return kill_pid(pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0)
		return -EINVAL;
	return kill_pid(pid, sig);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	if (tgid != pid)
		return -ESRCH;	/* no threads: a thread is its own group */
	return kill_pid(pid, sig);
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

SYSCALL_DEFINE4(rt_sigprocmask, int, how, unsigned long __user *, nset,
		unsigned long __user *, oset, size_t, sigsetsize)
{
	unsigned long old = current->blocked, set;

	if (sigsetsize != sizeof(unsigned long))
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
