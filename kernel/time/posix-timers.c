// SPDX-License-Identifier: GPL-2.0-only
/*
 * POSIX timers: timer_create, timer_settime, timer_gettime,
 * timer_getoverrun, timer_delete, on CLOCK_REALTIME, CLOCK_MONOTONIC and
 * CLOCK_BOOTTIME, notifying by a signal (SIGEV_SIGNAL, or SIGEV_THREAD_ID
 * naming the caller) or not at all (SIGEV_NONE).
 *
 * A timer is a kernel timer_list at tick resolution; its deadline is
 * kept on the monotonic clock, and it never fires before it
 * (arm_timer_at()). The signal carries SI_TIMER, the timer id and the
 * sigev_value (by default the id, as Linux); an expiry that finds the
 * timer's signal still pending, or cannot queue it, counts as an overrun
 * instead, which timer_getoverrun() reports until the next signal is sent.
 *
 * The list of a process's timers is changed only by the process itself;
 * the expiry callback (interrupt context) touches only its own timer.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/uaccess.h>

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_BOOTTIME		7
#define TIMER_ABSTIME		0x01

#define SIGEV_SIGNAL		0
#define SIGEV_NONE		1
#define SIGEV_THREAD		2
#define SIGEV_THREAD_ID		4

/* The most timers one process may have (Linux's bound is RLIMIT_SIGPENDING). */
#define MAX_POSIX_TIMERS	32

struct k_itimer {
	struct k_itimer *next;		/* the process's list, by id */
	int id;
	clockid_t clock;
	int notify, signo;
	unsigned long sigval;		/* the signal's si_value */
	struct task_struct *task;
	struct timer_list timer;
	u64 expires_ns;			/* monotonic deadline, 0: disarmed */
	u64 interval_ns;
	int overrun;
};

struct sigevent_abi {
	unsigned long sigev_value;	/* union sigval: a pointer's size */
	int sigev_signo;
	int sigev_notify;
	int sigev_tid;
	int __pad[11];
};

/* The monotonic time when @clock shows @ns. */
static u64 to_monotonic(clockid_t clock, u64 ns)
{
	if (clock != CLOCK_REALTIME)
		return ns;
	return ns + ktime_get_ns() - ktime_get_real_ns();
}

static void posix_timer_fn(struct timer_list *tl)
{
	struct k_itimer *t = from_timer(t, tl, timer);
	struct task_struct *p = t->task;

	if (ktime_get_ns() < t->expires_ns) {	/* jiffies ran ahead of the clock */
		arm_timer_at(tl, t->expires_ns);
		return;
	}
	if (t->notify != SIGEV_NONE) {
		struct ksig_info info = { .code = SI_TIMER, .pid = t->id, .value = t->sigval };

		if ((task_pending_signals(p) & sigmask(t->signo)) ||
		    send_sig_info(t->signo, &info, p))
			t->overrun++;
		else
			t->overrun = 0;
	}
	if (!t->interval_ns) {
		t->expires_ns = 0;
		return;
	}
	t->expires_ns += t->interval_ns;
	/* Periods missed altogether (a long stall) are overruns too. */
	while (t->expires_ns <= ktime_get_ns()) {
		t->expires_ns += t->interval_ns;
		t->overrun++;
	}
	arm_timer_at(&t->timer, t->expires_ns);
}

static struct k_itimer *find_timer(int id)
{
	for (struct k_itimer *t = current->posix_timers; t; t = t->next)
		if (t->id == id)
			return t;
	return NULL;
}

static int check_sigevent(const struct sigevent_abi *ev)
{
	switch (ev->sigev_notify) {
	case SIGEV_NONE:
		return 0;
	case SIGEV_THREAD_ID | SIGEV_SIGNAL:
		if (ev->sigev_tid != current->pid)
			return -EINVAL;
		fallthrough;
	case SIGEV_SIGNAL:
	case SIGEV_THREAD:
		return ev->sigev_signo > 0 && ev->sigev_signo <= _NSIG ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(timer_create, clockid_t, which_clock, struct sigevent_abi __user *, sevp,
		int __user *, timer_id)
{
	struct sigevent_abi ev = { .sigev_signo = SIGALRM, .sigev_notify = SIGEV_SIGNAL };
	struct k_itimer *t, **pos;
	int id = 0, err;

	if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC &&
	    which_clock != CLOCK_BOOTTIME)
		return -EINVAL;
	if (sevp && copy_from_user(&ev, sevp, sizeof(ev)))
		return -EFAULT;
	err = check_sigevent(&ev);
	if (err)
		return err;
	/* The lowest free id; the list stays sorted by id. */
	for (pos = &current->posix_timers; *pos && (*pos)->id == id; pos = &(*pos)->next)
		id++;
	if (id >= MAX_POSIX_TIMERS)
		return -EAGAIN;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -EAGAIN;
	t->id = id;
	t->clock = which_clock;
	t->notify = ev.sigev_notify & ~SIGEV_THREAD_ID;
	t->signo = ev.sigev_signo;
	t->sigval = sevp ? ev.sigev_value : id;
	t->task = current;
	timer_setup(&t->timer, posix_timer_fn, 0);
	if (put_user(id, timer_id)) {
		kfree(t);
		return -EFAULT;
	}
	t->next = *pos;
	*pos = t;
	return 0;
}

static void put_ts(struct __kernel_timespec *ts, u64 ns)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

static void do_timer_gettime(struct k_itimer *t, struct __kernel_itimerspec *v)
{
	u64 exp = READ_ONCE(t->expires_ns), now = ktime_get_ns();

	put_ts(&v->it_interval, t->interval_ns);
	/* An armed timer whose tick has not come yet reads 1 ns, not 0 (disarmed). */
	put_ts(&v->it_value, !exp ? 0 : exp > now ? exp - now : 1);
}

SYSCALL_DEFINE2(timer_gettime, int, timer_id, struct __kernel_itimerspec __user *, setting)
{
	struct k_itimer *t = find_timer(timer_id);
	struct __kernel_itimerspec v;

	if (!t)
		return -EINVAL;
	do_timer_gettime(t, &v);
	return copy_to_user(setting, &v, sizeof(v)) ? -EFAULT : 0;
}

static bool ts_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC &&
	       ts->tv_sec <= (s64)(LLONG_MAX / NSEC_PER_SEC) / 2;
}

SYSCALL_DEFINE4(timer_settime, int, timer_id, int, flags,
		const struct __kernel_itimerspec __user *, new_setting,
		struct __kernel_itimerspec __user *, old_setting)
{
	struct __kernel_itimerspec old;
	struct timespec64 interval, val;
	struct k_itimer *t;
	u64 value;

	if (!new_setting)
		return -EINVAL;
	if (get_timespec64(&interval, &new_setting->it_interval) ||
	    get_timespec64(&val, &new_setting->it_value))
		return -EFAULT;
	t = find_timer(timer_id);
	if (!t)
		return -EINVAL;
	if (!ts_valid(&val) || !ts_valid(&interval))
		return -EINVAL;
	do_timer_gettime(t, &old);
	del_timer_sync(&t->timer);
	t->overrun = 0;
	value = val.tv_sec * NSEC_PER_SEC + val.tv_nsec;
	t->interval_ns = interval.tv_sec * NSEC_PER_SEC + interval.tv_nsec;
	if (!value) {
		t->expires_ns = 0;
	} else {
		t->expires_ns = (flags & TIMER_ABSTIME) ? to_monotonic(t->clock, value) :
			       ktime_get_ns() + value;
		if (!t->expires_ns)
			t->expires_ns = 1;
		arm_timer_at(&t->timer, t->expires_ns);
	}
	if (old_setting && copy_to_user(old_setting, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(timer_getoverrun, int, timer_id)
{
	struct k_itimer *t = find_timer(timer_id);

	return t ? t->overrun : -EINVAL;
}

SYSCALL_DEFINE1(timer_delete, int, timer_id)
{
	struct k_itimer **pos, *t;

	for (pos = &current->posix_timers; (t = *pos); pos = &t->next) {
		if (t->id == timer_id) {
			*pos = t->next;
			del_timer_sync(&t->timer);
			kfree(t);
			return 0;
		}
	}
	return -EINVAL;
}

void exit_itimers(struct task_struct *p)
{
	struct k_itimer *t;

	while ((t = p->posix_timers)) {
		p->posix_timers = t->next;
		del_timer_sync(&t->timer);
		kfree(t);
	}
}
