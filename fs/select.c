// SPDX-License-Identifier: GPL-2.0-only
/*
 * poll, ppoll, select and pselect6. Each round asks every file's ->poll
 * for its state; the first round also queues the caller on the wait
 * queues the files name (poll_wait()), so that a state change wakes it
 * for the next round. Timeouts are timer-tick granular.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#define MAX_POLL_ENTRIES 64

struct poll_table_entry {
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
};

struct poll_wqueues {
	poll_table pt;
	struct task_struct *task;
	bool triggered;
	int n;
	struct poll_table_entry entries[MAX_POLL_ENTRIES];
};

static int pollwake(struct wait_queue_entry *wait, unsigned int mode, int wake_flags)
{
	struct poll_wqueues *pwq = wait->private;

	WRITE_ONCE(pwq->triggered, true);
	return try_to_wake_up(pwq->task, mode, wake_flags);
}

static void queue_poll(struct file *file, wait_queue_head_t *wq, poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_entry *e;

	if (pwq->n >= MAX_POLL_ENTRIES)
		return;		/* the timeout-driven rounds still see it */
	e = &pwq->entries[pwq->n++];
	e->wq = wq;
	e->wait.flags = 0;
	e->wait.private = pwq;
	e->wait.func = pollwake;
	INIT_LIST_HEAD(&e->wait.entry);
	add_wait_queue(wq, &e->wait);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	for (int i = 0; i < pwq->n; i++)
		remove_wait_queue(pwq->entries[i].wq, &pwq->entries[i].wait);
}

/* The revents of one descriptor, asking ->poll with @pt. */
static __poll_t poll_fd(int fd, __poll_t events, poll_table *pt)
{
	struct file *f;
	__poll_t mask;

	if (fd < 0)
		return 0;
	f = fget(fd);
	if (!f)
		return EPOLLNVAL;
	mask = vfs_poll(f, pt);
	fput(f);
	return mask & (events | EPOLLERR | EPOLLHUP);
}

struct pollfd {
	int fd;
	short events;
	short revents;
};

/*
 * Wait on @nfds descriptors, each described by @get (events) and reported
 * by @set; @timeout_ns < 0: forever. Returns the number ready or -errno.
 */
typedef __poll_t (*poll_get_fn)(void *ctx, int i, int *fd);
typedef void (*poll_set_fn)(void *ctx, int i, __poll_t revents);

static long do_poll_loop(unsigned int nfds, void *ctx, poll_get_fn get, poll_set_fn set,
			 s64 timeout_ns)
{
	struct poll_wqueues *pwq = kzalloc(sizeof(*pwq), GFP_KERNEL);
	u64 deadline = timeout_ns >= 0 ? ktime_get_ns() + timeout_ns : 0;
	poll_table *pt;
	long count;

	if (!pwq)
		return -ENOMEM;
	init_poll_funcptr(&pwq->pt, queue_poll);
	pwq->task = current;
	pt = timeout_ns == 0 ? NULL : &pwq->pt;
	for (;;) {
		count = 0;
		WRITE_ONCE(pwq->triggered, false);
		for (unsigned int i = 0; i < nfds; i++) {
			int fd;
			__poll_t events = get(ctx, i, &fd), rev = poll_fd(fd, events, pt);

			set(ctx, i, rev);
			if (rev)
				count++;
		}
		pt = NULL;	/* queued once */
		if (count || timeout_ns == 0)
			break;
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		if (timeout_ns > 0 && ktime_get_ns() >= deadline)
			break;
		set_current_state(TASK_INTERRUPTIBLE);
		if (!READ_ONCE(pwq->triggered) && !signal_pending(current)) {
			long ticks = MAX_SCHEDULE_TIMEOUT;

			if (timeout_ns > 0) {
				u64 now = ktime_get_ns();

				ticks = now >= deadline ? 0 :
					DIV_ROUND_UP(deadline - now, NSEC_PER_SEC / HZ);
			}
			if (pwq->n >= MAX_POLL_ENTRIES && ticks > HZ / 50)
				ticks = HZ / 50;	/* some files could not be waited on */
			schedule_timeout(ticks);
		}
		__set_current_state(TASK_RUNNING);
	}
	poll_freewait(pwq);
	kfree(pwq);
	return count;
}

static __poll_t pollfd_get(void *ctx, int i, int *fd)
{
	struct pollfd *fds = ctx;

	*fd = fds[i].fd;
	return (__poll_t)(unsigned short)fds[i].events;
}

static void pollfd_set(void *ctx, int i, __poll_t revents)
{
	struct pollfd *fds = ctx;

	fds[i].revents = (short)revents;
}

static long do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, s64 timeout_ns)
{
	struct pollfd *fds;
	long ret;

	if (nfds > 1024)
		return -EINVAL;
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		kfree(fds);
		return -EFAULT;
	}
	ret = do_poll_loop(nfds, fds, pollfd_get, pollfd_set, timeout_ns);
	if (ret >= 0) {
		for (unsigned int i = 0; i < nfds; i++)
			if (put_user(fds[i].revents, &ufds[i].revents))
				ret = -EFAULT;
	}
	kfree(fds);
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	return do_sys_poll(ufds, nfds, timeout_msecs < 0 ? -1 : (s64)timeout_msecs * NSEC_PER_MSEC);
}

/*
 * The timeout of ppoll()/pselect6() at user @uts (a struct old_timespec32
 * if @time32, else a __kernel_timespec) in @ns, -1 for none (NULL):
 * 0, -EFAULT or -EINVAL. May sleep (faults).
 */
static int get_timeout(const void __user *uts, bool time32, s64 *ns)
{
	struct timespec64 ts;

	if (!uts) {
		*ns = -1;
		return 0;
	}
	if (time32 ? get_old_timespec32(&ts, uts) : get_timespec64(&ts, uts))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = ts.tv_sec > 1000000000 ? (s64)1000000000 * NSEC_PER_SEC :
	      ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

/* ppoll/pselect: run @fn with the signal mask @umask (if any) in place. */
static int swap_sigmask(const sigset_t __user *umask, size_t size, sigset_t *saved)
{
	sigset_t mask;

	*saved = current->blocked;
	if (!umask)
		return 0;
	if (size != sizeof(mask))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	set_current_blocked(mask);
	return 0;
}

static void restore_sigmask_after(long ret, sigset_t saved)
{
	if (ret == -ERESTARTNOHAND && signal_pending(current)) {
		/* The handler runs with the temporary mask; sigreturn restores this. */
		current->saved_sigmask = saved;
		current->restore_sigmask = true;
	} else {
		current->blocked = saved;
	}
}

static long do_ppoll(struct pollfd __user *ufds, unsigned int nfds, const void __user *tsp,
		     bool time32, const sigset_t __user *sigmask, size_t sigsetsize)
{
	sigset_t saved;
	s64 ns;
	long ret = get_timeout(tsp, time32, &ns);

	if (ret)
		return ret;
	ret = swap_sigmask(sigmask, sigsetsize, &saved);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, ns);
	restore_sigmask_after(ret, saved);
	return ret;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		const struct __kernel_timespec __user *, tsp, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, false, sigmask, sigsetsize);
}

/* ppoll with a 32-bit time_t timeout (32-bit ARM's ppoll, number 336). */
SYSCALL_DEFINE5(ppoll_time32, struct pollfd __user *, ufds, unsigned int, nfds,
		const struct old_timespec32 __user *, tsp, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, true, sigmask, sigsetsize);
}

/* select(): the three fd_sets, each nfds bits (kernel copies). */
struct select_ctx {
	unsigned long *in, *out, *ex, *rin, *rout, *rex;
};

#define BITS (8 * sizeof(unsigned long))
#define TEST(set, i) ((set)[(i) / BITS] & (1UL << ((i) % BITS)))
#define SET(set, i) ((set)[(i) / BITS] |= 1UL << ((i) % BITS))

static __poll_t select_get(void *ctx, int i, int *fd)
{
	struct select_ctx *c = ctx;
	__poll_t ev = 0;

	if (TEST(c->in, i))
		ev |= EPOLLIN | EPOLLRDNORM | EPOLLHUP | EPOLLERR;
	if (TEST(c->out, i))
		ev |= EPOLLOUT | EPOLLWRNORM | EPOLLERR;
	if (TEST(c->ex, i))
		ev |= EPOLLPRI;
	*fd = ev ? i : -1;
	return ev;
}

static void select_set(void *ctx, int i, __poll_t rev)
{
	struct select_ctx *c = ctx;

	if (TEST(c->in, i) && (rev & (EPOLLIN | EPOLLRDNORM | EPOLLHUP | EPOLLERR)))
		SET(c->rin, i);
	if (TEST(c->out, i) && (rev & (EPOLLOUT | EPOLLWRNORM | EPOLLERR)))
		SET(c->rout, i);
	if (TEST(c->ex, i) && (rev & EPOLLPRI))
		SET(c->rex, i);
}

static long do_select(int n, unsigned long __user *inp, unsigned long __user *outp,
		      unsigned long __user *exp, s64 ns)
{
	size_t words, bytes;
	unsigned long *bits;
	struct select_ctx c;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (n > 1024)
		n = 1024;
	words = DIV_ROUND_UP(n, BITS);
	bytes = words * sizeof(long);
	bits = kzalloc(6 * bytes + 1, GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	c = (struct select_ctx){ bits, bits + words, bits + 2 * words, bits + 3 * words,
				 bits + 4 * words, bits + 5 * words };
	ret = -EFAULT;
	if ((inp && copy_from_user(c.in, inp, bytes)) ||
	    (outp && copy_from_user(c.out, outp, bytes)) ||
	    (exp && copy_from_user(c.ex, exp, bytes)))
		goto out;
	/* Bad descriptors in the sets are EBADF, as on Linux. */
	for (int i = 0; i < n; i++) {
		if (TEST(c.in, i) || TEST(c.out, i) || TEST(c.ex, i)) {
			struct file *f = fget(i);

			if (!f) {
				ret = -EBADF;
				goto out;
			}
			fput(f);
		}
	}
	ret = do_poll_loop(n, &c, select_get, select_set, ns);
	if (ret >= 0) {
		ret = 0;
		for (int i = 0; i < n; i++)
			ret += !!TEST(c.rin, i) + !!TEST(c.rout, i) + !!TEST(c.rex, i);
		if ((inp && copy_to_user(inp, c.rin, bytes)) ||
		    (outp && copy_to_user(outp, c.rout, bytes)) ||
		    (exp && copy_to_user(exp, c.rex, bytes)))
			ret = -EFAULT;
	}
out:
	kfree(bits);
	return ret;
}

struct ktv {
	long tv_sec, tv_usec;
};

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct ktv __user *, tvp)
{
	s64 ns = -1;
	long ret;

	if (tvp) {
		struct ktv tv;

		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		ns = (s64)tv.tv_sec * NSEC_PER_SEC + (s64)tv.tv_usec * NSEC_PER_USEC;
	}
	ret = do_select(n, inp, outp, exp, ns);
	if (tvp && ret >= 0) {
		struct ktv zero = { 0, 0 };

		if (!ret && copy_to_user(tvp, &zero, sizeof(zero)))
			return -EFAULT;
	}
	return ret;
}

struct sigset_arg {
	const sigset_t __user *p;
	size_t size;
};

static long do_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
			unsigned long __user *exp, const void __user *tsp, bool time32,
			const struct sigset_arg __user *sig)
{
	struct sigset_arg sa = { NULL, 0 };
	sigset_t saved;
	s64 ns;
	long ret = get_timeout(tsp, time32, &ns);

	if (ret)
		return ret;
	if (sig && copy_from_user(&sa, sig, sizeof(sa)))
		return -EFAULT;
	ret = swap_sigmask(sa.p, sa.size, &saved);
	if (ret)
		return ret;
	ret = do_select(n, inp, outp, exp, ns);
	restore_sigmask_after(ret, saved);
	return ret;
}

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, const struct __kernel_timespec __user *, tsp,
		const struct sigset_arg __user *, sig)
{
	return do_pselect6(n, inp, outp, exp, tsp, false, sig);
}

/* pselect6 with a 32-bit time_t timeout (32-bit ARM's pselect6, number 335). */
SYSCALL_DEFINE6(pselect6_time32, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp, unsigned long __user *, exp,
		const struct old_timespec32 __user *, tsp, const struct sigset_arg __user *, sig)
{
	return do_pselect6(n, inp, outp, exp, tsp, true, sig);
}
