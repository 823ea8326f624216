/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Signals (kernel/signal.c). A signal is sent by making it pending, with
 * its siginfo, for the target thread or its process (struct sigpending)
 * and waking a thread that does not block it; it is acted on when the
 * target next returns to user mode (exit_to_user_mode()): ignored, turned
 * into a handler call, or the default action (most end the process,
 * reported to the parent as killed by that signal).
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>
#include <linux/signal_types.h>
#include <uapi/linux/signal.h>

struct task_struct;
struct pt_regs;
struct k_sigaction;
struct user_stack_t;

/*
 * A signal's siginfo as the kernel keeps it (Linux's kernel_siginfo), from
 * the sender to the receiver's frame or sigtimedwait(): which fields mean
 * something depends on @signo and @code (siginfo_layout()).
 */
struct ksig_info {
	int signo;		/* si_signo */
	int err;		/* si_errno */
	int code;		/* si_code: SI_USER, SI_KERNEL, SI_TKILL, CLD_*... */
	pid_t pid;		/* the sender, or SIGCHLD's child; SI_TIMER: the timer id */
	uid_t uid;		/* its real uid; SI_TIMER: the overrun count */
	int status;		/* SIGCHLD: exit status or signal */
	unsigned long value;	/* si_value (sigqueue(), timers): an int or a pointer */
	unsigned long addr;	/* faults: the address */
};

/*
 * Instead of a ksig_info, senders may pass one of these (Linux's):
 * SEND_SIG_NOINFO for "sent by current" (SI_USER, its tgid and real uid),
 * SEND_SIG_PRIV for "sent by the kernel" (SI_KERNEL).
 */
#define SEND_SIG_NOINFO ((struct ksig_info *)0)
#define SEND_SIG_PRIV	((struct ksig_info *)1)

/* task->jobctl: job-control state, under tasklist_lock. */
#define JOBCTL_STOPPED		0x1	/* stopped by a signal */
#define JOBCTL_STOP_REPORT	0x2	/* the stop is not yet reported to wait4() */
#define JOBCTL_CONT_REPORT	0x4	/* a SIGCONT is not yet reported to wait4() */

/* wait4() status of a stopped child, and of a continued one. */
#define W_STOPCODE(sig) (((sig) << 8) | 0x7f)
#define W_CONTINUED 0xffff

/*
 * send_sig_info() - post @sig (1.._NSIG) with @info (a ksig_info or
 * SEND_SIG_*) to @p's process (process-directed, as kill(2)): pending
 * for the process, @p or another of its threads that does not block it
 * is woken to take it; SIGKILL goes to every thread.
 * send_sig() - the same with SEND_SIG_PRIV when @priv, else SEND_SIG_NOINFO.
 * Both wake a thread sleeping interruptibly (SIGKILL also from a stop).
 * A standard signal already pending is not queued twice (its first
 * siginfo stays); a real-time one is queued each time. Return 0, -EINVAL,
 * or -EAGAIN: a real-time signal whose siginfo could not be queued (the
 * receiver's RLIMIT_SIGPENDING, or no memory) and was not sent by kill().
 * Any context but NMI; never sleeps (allocates GFP_ATOMIC). Take
 * tasklist_lock: not to be called with it held.
 */
int send_sig_info(int sig, struct ksig_info *info, struct task_struct *p);
int send_sig(int sig, struct task_struct *p, int priv);

/* force_sig() - send @sig to current (SI_KERNEL), which may not block or ignore it. */
void force_sig(int sig);

/* force_sig_fault() - the same for a fault at @addr with si_code @code. */
void force_sig_fault(int sig, int code, unsigned long addr);

/*
 * flush_signals() - discard every signal pending for thread @t, and for
 * its process when @t is the last thread (freeing their siginfo). Never
 * sleeps.
 */
void flush_signals(struct task_struct *t);

/*
 * do_signal() - act on current's pending signals before it returns to user
 * mode with @regs. May not return (default action "terminate").
 */
void do_signal(struct pt_regs *regs);

/*
 * kill_pid() - kill(2): send @sig (0: only check) to process @pid (> 0),
 * the caller's group (0), every process but init and the caller (-1), or
 * group -@pid, if current may (Linux's rule: a real or effective uid
 * matching the target's real or saved uid, CAP_KILL, or SIGCONT within
 * the session). 0, -EINVAL, -ESRCH, or -EPERM (a process or a whole
 * group not permitted; -1 skips those it may not signal).
 */
int kill_pid(pid_t pid, int sig);

/*
 * setup_rt_frame() - arch: build the signal frame for @sig on the user
 * stack (or the alternate stack) and point @regs at the handler of @ka,
 * with @oldmask to restore on sigreturn. 0 or -EFAULT (then the caller
 * kills the process with SIGSEGV).
 */
int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct ksig_info *info,
		   sigset_t oldmask, struct pt_regs *regs);

/* Set current's blocked mask (SIGKILL and SIGSTOP stay unblocked). */
void set_current_blocked(sigset_t mask);

/* sigreturn: restore the alternate stack saved in a frame (best effort). */
void restore_altstack(unsigned long sp, int flags, unsigned long size);

/*
 * sigreturn_finish() - the end of every arch's rt_sigreturn, once @regs
 * hold the registers of the frame: restore the blocked @mask and the
 * alternate stack @st of its ucontext, and return the restored result
 * register (the interrupted code's, which the system call exit writes
 * back unchanged: the call is marked finished, never restarted). Never
 * sleeps.
 */
long sigreturn_finish(struct pt_regs *regs, sigset_t mask, const struct user_stack_t *st);

/*
 * A signal frame's stack_t (uc_stack), as sigaltstack(2) takes it: the C
 * layout of Linux's, 12 bytes where long is 32 bits, 24 (with a hole
 * after ss_flags) where it is 64. Copies to user space start zeroed.
 */
struct user_stack_t {
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

/*
 * A signal frame's siginfo: Linux's 128 bytes, whose union of fields is
 * aligned as a long (so there is a hole after si_code only on 64-bit
 * architectures) and whose addresses are longs.
 */
#define SI_PREAMBLE_SIZE (sizeof(long) == 8 ? 4 * sizeof(s32) : 3 * sizeof(s32))
struct user_siginfo {
	s32 si_signo, si_errno, si_code;
	union {
		/* kill, SIGCHLD (status), sigqueue (value); timers: tid, overrun, value. */
		struct {
			s32 pid;
			u32 uid;
			union { s32 status; unsigned long value; };
		} kill_chld;
		unsigned long addr;
		u8 raw[128 - SI_PREAMBLE_SIZE];
	};
};
_Static_assert(sizeof(struct user_siginfo) == 128, "siginfo is 128 bytes");

/*
 * Helpers for the arch's setup_rt_frame() (kernel/signal.c), never sleeping:
 * sigframe_sp() - where a frame for @ka goes below: the top of the
 * alternate stack for SA_ONSTACK when it is set up and not in use, else
 * the interrupted @sp (the arch subtracts its red zone, size and alignment).
 * save_altstack() - the uc_stack describing the alternate stack seen from @sp.
 * fill_user_siginfo() - the siginfo of @sig with @info (zeroes it first).
 */
unsigned long sigframe_sp(const struct k_sigaction *ka, unsigned long sp);
void save_altstack(struct user_stack_t *st, unsigned long sp);
void fill_user_siginfo(struct user_siginfo *si, int sig, const struct ksig_info *info);

/*
 * do_notify_parent() - send @parent SIGCHLD (or @sig) for @child, whose
 * wait status is @status (CLD_EXITED, CLD_KILLED, CLD_STOPPED,
 * CLD_CONTINUED...). Never sleeps; not with tasklist_lock held.
 */
void do_notify_parent(struct task_struct *child, struct task_struct *parent, int sig, int status);

/* decode_wait_status() - a wait status as waitid()'s si_code and si_status. */
void decode_wait_status(int status, int *code, int *si_status);

/*
 * notify_parent_jobctl() - tell @child's parent that it stopped or
 * continued (CLD_STOPPED/CLD_CONTINUED): SIGCHLD unless SA_NOCLDSTOP, and
 * a wake-up for wait4(); nothing for a task without a parent. Takes
 * tasklist_lock; does not sleep. kernel/exit.c.
 */
void notify_parent_jobctl(struct task_struct *child, int why);

/* Send @sig to every process of group @pgrp (SI_KERNEL, any context). */
void kill_pgrp(pid_t pgrp, int sig);

/* Whether SIGKILL (or another fatal signal) is pending for @p. */
bool fatal_signal_pending(struct task_struct *p);

#endif /* _LINUX_SIGNAL_H */
