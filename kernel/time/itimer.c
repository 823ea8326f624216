// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interval timers: alarm, setitimer, getitimer. ITIMER_REAL is a kernel
 * timer that sends SIGALRM; ITIMER_VIRTUAL (user CPU time, SIGVTALRM) and
 * ITIMER_PROF (all CPU time, SIGPROF) are checked on each tick against the
 * process's CPU time (kernel/sched/cputime.c). Resolution is the tick
 * (1/HZ); a timer never fires early: its deadline is kept on the clock,
 * and a kernel timer that comes before it (jiffies may lag the clock and
 * then catch up) is set again for the rest.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/timer.h>
#include <linux/uaccess.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

struct old_timeval {
	long tv_sec, tv_usec;
};

struct itimerval {
	struct old_timeval it_interval, it_value;
};

/* Arm @t to run about when the clock reaches @deadline (never before a tick). */
void arm_timer_at(struct timer_list *t, u64 deadline)
{
	u64 now = ktime_get_ns();

	mod_timer(t, jiffies + DIV_ROUND_UP(deadline > now ? deadline - now : 0, TICK_NSEC) + 1);
}

static void it_real_fn(struct timer_list *t)
{
	struct task_struct *p = from_timer(p, t, real_timer);
	u64 now = ktime_get_ns();

	if (now < p->it_real_expires_ns) {
		arm_timer_at(t, p->it_real_expires_ns);
		return;
	}
	/*
	 * The new state before the signal: its handler may run at once on
	 * another CPU and read the timer (getitimer(), alarm()), which must
	 * not still look armed (send_sig()'s lock orders the store first).
	 */
	if (!p->it_real_incr_ns) {
		WRITE_ONCE(p->it_real_expires_ns, 0);
		send_sig(SIGALRM, p, 1);
		return;
	}
	WRITE_ONCE(p->it_real_expires_ns,
		   max(p->it_real_expires_ns + p->it_real_incr_ns, now + 1));
	send_sig(SIGALRM, p, 1);
	arm_timer_at(t, p->it_real_expires_ns);
}

void itimers_init(struct task_struct *p)
{
	timer_setup(&p->real_timer, it_real_fn, 0);
	p->it_real_expires_ns = p->it_real_incr_ns = 0;
	for (int i = 0; i < 2; i++)
		p->it_cpu_expires_ns[i] = p->it_cpu_incr_ns[i] = 0;
}

void itimers_exit(struct task_struct *p)
{
	del_timer_sync(&p->real_timer);
	p->it_real_expires_ns = 0;
	p->it_cpu_expires_ns[0] = p->it_cpu_expires_ns[1] = 0;
}

/* CPU time that ITIMER_VIRTUAL (idx 0) or ITIMER_PROF (idx 1) counts. */
static u64 itimer_cpu_now(struct task_struct *p, int idx)
{
	struct task_cputime ct;

	task_cputime(p, &ct);
	return idx ? ct.utime + ct.stime : ct.utime;
}

void run_posix_cpu_timers(struct task_struct *p)
{
	static const int sig[2] = { SIGVTALRM, SIGPROF };

	for (int i = 0; i < 2; i++) {
		u64 exp = p->it_cpu_expires_ns[i], now;

		if (!exp)
			continue;
		now = itimer_cpu_now(p, i);
		if (now < exp)
			continue;
		send_sig(sig[i], p, 1);
		p->it_cpu_expires_ns[i] = p->it_cpu_incr_ns[i] ?
			max(exp + p->it_cpu_incr_ns[i], now + 1) : 0;
	}
}

/* In 64 bits: where long is 32 bits, seconds times NSEC_PER_SEC overflows it. */
static u64 tv_to_ns(const struct old_timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

/* A time in ns as a timeval, rounded up to whole microseconds. */
static struct old_timeval ns_to_tv(u64 ns)
{
	ns = DIV_ROUND_UP(ns, NSEC_PER_USEC) * NSEC_PER_USEC;
	return (struct old_timeval){ ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / NSEC_PER_USEC };
}

static void do_getitimer(int which, struct itimerval *v)
{
	struct task_struct *p = current;
	u64 value = 0, incr;

	if (which == ITIMER_REAL) {
		u64 exp = READ_ONCE(p->it_real_expires_ns), now = ktime_get_ns();

		incr = p->it_real_incr_ns;
		/* Never zero (which means "disarmed") while armed. */
		if (exp)
			value = exp > now ? exp - now : NSEC_PER_USEC;
	} else {
		int i = which - ITIMER_VIRTUAL;
		u64 exp = p->it_cpu_expires_ns[i], now = itimer_cpu_now(p, i);

		incr = p->it_cpu_incr_ns[i];
		if (exp)
			value = exp > now ? exp - now : NSEC_PER_USEC;
	}
	v->it_value = ns_to_tv(value);
	v->it_interval = ns_to_tv(incr);
}

static bool tv_valid(const struct old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < (long)USEC_PER_SEC &&
	       tv->tv_sec <= (long)(LLONG_MAX / NSEC_PER_SEC) / 2;
}

/* Store the old value in @old (if not NULL), then arm or disarm as @new says. */
static int do_setitimer(int which, const struct itimerval *new, struct itimerval *old)
{
	struct task_struct *p = current;
	u64 value, incr;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (!tv_valid(&new->it_value) || !tv_valid(&new->it_interval))
		return -EINVAL;
	if (old)
		do_getitimer(which, old);
	value = tv_to_ns(&new->it_value);
	incr = value ? tv_to_ns(&new->it_interval) : 0;
	if (which == ITIMER_REAL) {
		del_timer_sync(&p->real_timer);
		p->it_real_incr_ns = incr;
		p->it_real_expires_ns = value ? ktime_get_ns() + value : 0;
		if (value)
			arm_timer_at(&p->real_timer, p->it_real_expires_ns);
	} else {
		int i = which - ITIMER_VIRTUAL;

		p->it_cpu_incr_ns[i] = incr;
		p->it_cpu_expires_ns[i] = value ? itimer_cpu_now(p, i) + value : 0;
	}
	return 0;
}

SYSCALL_DEFINE2(getitimer, int, which, struct itimerval __user *, value)
{
	struct itimerval v;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	do_getitimer(which, &v);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

/* A NULL new value disarms, as Linux has always accepted. */
SYSCALL_DEFINE3(setitimer, int, which, struct itimerval __user *, value,
		struct itimerval __user *, ovalue)
{
	struct itimerval new = { 0 }, old;
	int err;

	if (value && copy_from_user(&new, value, sizeof(new)))
		return -EFAULT;
	err = do_setitimer(which, &new, ovalue ? &old : NULL);
	if (!err && ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}

/* alarm(2): the seconds left on the previous alarm, rounded to nearest, at least 1. */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct itimerval new = { .it_value = { seconds, 0 } }, old;
	long left;

	do_setitimer(ITIMER_REAL, &new, &old);
	left = old.it_value.tv_sec;
	if ((!left && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
		left++;
	return left;
}
