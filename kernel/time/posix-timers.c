// SPDX-License-Identifier: GPL-2.0-only
/*
 * POSIX timers: timer_create, timer_settime, timer_gettime,
 * timer_getoverrun, timer_delete, on CLOCK_REALTIME, CLOCK_MONOTONIC and
 * CLOCK_BOOTTIME, notifying by a signal (SIGEV_SIGNAL, or SIGEV_THREAD_ID
 * naming the caller) or not at all (SIGEV_NONE).
 *
 * A timer is a kernel timer_list at tick resolution, in the timer wheel
 * (O(1) to arm or cancel); its deadline is kept on the monotonic clock,
 * and it never fires before it (arm_timer_at()). The signal carries
 * SI_TIMER, the timer id and the sigev_value (by default the id, as
 * Linux); an expiry that finds the timer's signal still pending, or
 * cannot queue it, counts as an overrun instead, which timer_getoverrun()
 * reports until the next signal is sent.
 *
 * A process's timers are in a red-black tree by id on its task_struct
 * (each thread has its own: linux/posix-timers.h), so that finding one
 * costs O(log n) whatever their number; how many it
 * may have is bounded by memory alone (Linux also charges each timer's
 * preallocated signal to RLIMIT_SIGPENDING). Ids are given as Linux
 * gives them (posix_timer_add()): from a per-process counter that starts
 * at 0 and only grows, skipping ids in use, back to 0 after INT_MAX, so a
 * deleted timer's id comes back only after the counter has wrapped.
 *
 * The tree and the counter are changed only by the process itself (its
 * system calls, exec, exit), so they need no lock; the expiry callback
 * (interrupt context) touches only its own timer.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/init.h>
#include <linux/posix-timers.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <kunit/posix-timers.h>

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_BOOTTIME		7
#define TIMER_ABSTIME		0x01

#define SIGEV_SIGNAL		0
#define SIGEV_NONE		1
#define SIGEV_THREAD		2
#define SIGEV_THREAD_ID		4

struct k_itimer {
	struct rb_node node;		/* in the process's tree, by id */
	int id;
	clockid_t clock;
	int notify, signo;
	struct task_struct *task;
	struct timer_list timer;
	u64 expires_ns;			/* monotonic deadline, 0: disarmed */
	u64 interval_ns;
	int overrun;
	unsigned long sigval;		/* sigev_value, for the signal's si_value */
};

struct kmem_cache *posix_timers_cache;

static int __init init_posix_timers(void)
{
	posix_timers_cache = kmem_cache_create("posix_timers_cache", sizeof(struct k_itimer),
					       0, SLAB_PANIC, NULL);
	return 0;
}
subsys_initcall(init_posix_timers);

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

/*
 * Current's timer @id, or NULL. With @link and @parent, also where a
 * timer of that id would be linked into the tree (for rb_link_node()).
 */
static struct k_itimer *timer_lookup(int id, struct rb_node ***link, struct rb_node **parent)
{
	struct rb_node **pos = &current->posix_timers.rb_node, *up = NULL;

	while (*pos) {
		struct k_itimer *t = rb_entry(*pos, struct k_itimer, node);

		if (id == t->id)
			return t;
		up = *pos;
		pos = id < t->id ? &up->rb_left : &up->rb_right;
	}
	if (link) {
		*link = pos;
		*parent = up;
	}
	return NULL;
}

static struct k_itimer *find_timer(int id)
{
	return timer_lookup(id, NULL, NULL);
}

/*
 * Give @t the next free id from current's counter and link it into the
 * tree (Linux's posix_timer_add()): the id or -EAGAIN when every id from
 * 0 to INT_MAX is in use.
 */
static int posix_timer_add(struct k_itimer *t)
{
	int first = current->posix_timer_id;
	struct rb_node **link, *parent;

	do {
		int id = current->posix_timer_id;

		current->posix_timer_id = id == INT_MAX ? 0 : id + 1;
		if (!timer_lookup(id, &link, &parent)) {
			t->id = id;
			rb_link_node(&t->node, parent, link);
			rb_insert_color(&t->node, &current->posix_timers);
			return id;
		}
	} while (current->posix_timer_id != first);
	return -EAGAIN;
}

/* Take @t out of its task's tree (@root), stop it and free it. May sleep. */
static void posix_timer_free(struct k_itimer *t, struct rb_root *root)
{
	rb_erase(&t->node, root);
	del_timer_sync(&t->timer);
	kmem_cache_free(posix_timers_cache, t);
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

int do_timer_create(clockid_t which_clock, const struct sigevent_abi *sevp)
{
	static const struct sigevent_abi alarm = { .sigev_signo = SIGALRM,
						   .sigev_notify = SIGEV_SIGNAL };
	const struct sigevent_abi *ev = sevp ?: &alarm;
	struct k_itimer *t;
	int err, id;

	if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC &&
	    which_clock != CLOCK_BOOTTIME)
		return -EINVAL;
	err = check_sigevent(ev);
	if (err)
		return err;
	/* Memory is the only limit, and running out of it is EAGAIN, as in Linux. */
	t = kmem_cache_zalloc(posix_timers_cache, GFP_KERNEL);
	if (!t)
		return -EAGAIN;
	t->clock = which_clock;
	t->notify = ev->sigev_notify & ~SIGEV_THREAD_ID;
	t->signo = ev->sigev_signo;
	t->sigval = ev->sigev_value;
	t->task = current;
	timer_setup(&t->timer, posix_timer_fn, 0);
	id = posix_timer_add(t);
	if (id < 0)
		kmem_cache_free(posix_timers_cache, t);
	else if (!sevp)	/* no sigevent: the value is the id, as in Linux */
		t->sigval = id;
	return id;
}

SYSCALL_DEFINE3(timer_create, clockid_t, which_clock, struct sigevent_abi __user *, sevp,
		int __user *, timer_id)
{
	struct sigevent_abi ev;
	int id;

	if (sevp && copy_from_user(&ev, sevp, sizeof(ev)))
		return -EFAULT;
	id = do_timer_create(which_clock, sevp ? &ev : NULL);
	if (id < 0)
		return id;
	if (put_user(id, timer_id)) {
		do_timer_delete(id);
		return -EFAULT;
	}
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

int do_timer_settime(int timer_id, int flags, const struct timespec64 *val,
		     const struct timespec64 *interval, struct __kernel_itimerspec *old)
{
	struct k_itimer *t = find_timer(timer_id);
	u64 value;

	if (!t || !ts_valid(val) || !ts_valid(interval))
		return -EINVAL;
	do_timer_gettime(t, old);
	del_timer_sync(&t->timer);
	t->overrun = 0;
	value = val->tv_sec * NSEC_PER_SEC + val->tv_nsec;
	t->interval_ns = interval->tv_sec * NSEC_PER_SEC + interval->tv_nsec;
	if (!value) {
		t->expires_ns = 0;
		return 0;
	}
	t->expires_ns = (flags & TIMER_ABSTIME) ? to_monotonic(t->clock, value) :
		       ktime_get_ns() + value;
	if (!t->expires_ns)
		t->expires_ns = 1;
	arm_timer_at(&t->timer, t->expires_ns);
	return 0;
}

SYSCALL_DEFINE4(timer_settime, int, timer_id, int, flags,
		const struct __kernel_itimerspec __user *, new_setting,
		struct __kernel_itimerspec __user *, old_setting)
{
	struct __kernel_itimerspec old;
	struct timespec64 interval, val;
	int err;

	if (!new_setting)
		return -EINVAL;
	if (get_timespec64(&interval, &new_setting->it_interval) ||
	    get_timespec64(&val, &new_setting->it_value))
		return -EFAULT;
	err = do_timer_settime(timer_id, flags, &val, &interval, &old);
	if (err)
		return err;
	if (old_setting && copy_to_user(old_setting, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

static void to_old_itimerspec32(struct old_itimerspec32 *o, const struct __kernel_itimerspec *v)
{
	o->it_interval.tv_sec = v->it_interval.tv_sec;
	o->it_interval.tv_nsec = v->it_interval.tv_nsec;
	o->it_value.tv_sec = v->it_value.tv_sec;
	o->it_value.tv_nsec = v->it_value.tv_nsec;
}

/* timer_gettime with a 32-bit time_t (32-bit ARM's timer_gettime, 259). */
SYSCALL_DEFINE2(timer_gettime32, int, timer_id, struct old_itimerspec32 __user *, setting)
{
	struct k_itimer *t = find_timer(timer_id);
	struct __kernel_itimerspec v;
	struct old_itimerspec32 o;

	if (!t)
		return -EINVAL;
	do_timer_gettime(t, &v);
	to_old_itimerspec32(&o, &v);
	return copy_to_user(setting, &o, sizeof(o)) ? -EFAULT : 0;
}

/* timer_settime with a 32-bit time_t (32-bit ARM's timer_settime, 258). */
SYSCALL_DEFINE4(timer_settime32, int, timer_id, int, flags,
		const struct old_itimerspec32 __user *, new_setting,
		struct old_itimerspec32 __user *, old_setting)
{
	struct __kernel_itimerspec old;
	struct old_itimerspec32 o;
	struct timespec64 interval, val;
	int err;

	if (!new_setting)
		return -EINVAL;
	if (get_old_timespec32(&interval, &new_setting->it_interval) ||
	    get_old_timespec32(&val, &new_setting->it_value))
		return -EFAULT;
	err = do_timer_settime(timer_id, flags, &val, &interval, &old);
	if (err)
		return err;
	to_old_itimerspec32(&o, &old);
	if (old_setting && copy_to_user(old_setting, &o, sizeof(o)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(timer_getoverrun, int, timer_id)
{
	struct k_itimer *t = find_timer(timer_id);

	return t ? t->overrun : -EINVAL;
}

int do_timer_delete(int timer_id)
{
	struct k_itimer *t = find_timer(timer_id);

	if (!t)
		return -EINVAL;
	posix_timer_free(t, &current->posix_timers);
	return 0;
}

SYSCALL_DEFINE1(timer_delete, int, timer_id)
{
	return do_timer_delete(timer_id);
}

void exit_itimers(struct task_struct *p)
{
	struct rb_node *n;

	while ((n = rb_first(&p->posix_timers)))
		posix_timer_free(rb_entry(n, struct k_itimer, node), &p->posix_timers);
}
