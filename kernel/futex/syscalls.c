// SPDX-License-Identifier: GPL-2.0-only
/*
 * futex(2), set_robust_list(2), get_robust_list(2), and what a thread's
 * exit does to futexes (exit_robust_list(), futex_wake_tid()).
 *
 * A futex word is reached through its page, pinned (faulted in first if
 * need be) with the mm's lock dropped again: the value is then read, and
 * FUTEX_WAKE_OP's operation done, with atomics on the kernel's mapping of
 * that page while the bucket locks are held, so no fault can happen under
 * a spinlock and no wake-up is lost between the test and the sleep.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/futex.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <uapi/linux/futex.h>
#include "futex.h"

/* Robust lists longer than this are taken for loops. */
#define ROBUST_LIST_LIMIT	2048

/*
 * Pin the page holding the futex word at @uaddr, faulting it in (for
 * writing if @write), and make its key. Returns the word's kernel address
 * (drop the page with put_page()) or ERR_PTR(-EINVAL: misaligned,
 * -EFAULT: not mapped or not accessible). May sleep.
 */
static u32 *futex_get_word(u32 __user *uaddr, bool write, bool private,
			   struct futex_key *key, struct page **pagep)
{
	unsigned long addr = (unsigned long)uaddr, off = addr & ~PAGE_MASK;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct page *page = NULL;
	bool shared = false;
	pte_t *pte;

	if (addr & 3)
		return ERR_PTR(-EINVAL);
	if (!access_ok(uaddr, sizeof(u32)) || !mm)
		return ERR_PTR(-EFAULT);
	for (;;) {
		mutex_lock(&mm->mmap_lock);
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr) {
			mutex_unlock(&mm->mmap_lock);
			return ERR_PTR(-EFAULT);
		}
		pte = user_pte_lookup(mm, addr & PAGE_MASK);
		if (pte && pte_present(*pte) && (!write || pte_write(*pte)) &&
		    pfn_valid(pte_pfn(*pte))) {
			page = pfn_to_page(pte_pfn(*pte));
			get_page(page);
			shared = !private && (vma->vm_flags & VM_SHARED);
		}
		mutex_unlock(&mm->mmap_lock);
		if (page)
			break;
		if (handle_user_page_fault(mm, addr, FAULT_FLAG_USER |
					   (write ? FAULT_FLAG_WRITE : 0)))
			return ERR_PTR(-EFAULT);
	}
	key->ptr = shared ? (const void *)page : mm;
	key->word = shared ? off : addr;
	*pagep = page;
	return (u32 *)((char *)page_address(page) + off);
}

/* The key of @uaddr, without keeping the page (for wakers). 0 or -errno. */
static int futex_get_key(u32 __user *uaddr, bool private, struct futex_key *key)
{
	struct page *page;
	u32 *word = futex_get_word(uaddr, false, private, key, &page);

	if (IS_ERR(word))
		return PTR_ERR(word);
	put_page(page);
	return 0;
}

/*
 * Sleep until @q is woken, a signal comes or the monotonic @deadline
 * (0: none) passes: 0, -ERESTARTSYS, -EINTR (@relative: a restart would
 * wait the whole time again) or -ETIMEDOUT.
 */
static int futex_sleep(struct futex_q *q, s64 deadline, bool relative)
{
	int ret = 0;

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!smp_load_acquire(&q->hb))
			break;
		if (signal_pending(current)) {
			ret = deadline && relative ? -EINTR : -ERESTARTSYS;
			break;
		}
		if (deadline) {
			s64 left = deadline - (s64)ktime_get_ns();

			if (left <= 0) {
				ret = -ETIMEDOUT;
				break;
			}
			schedule_timeout(DIV_ROUND_UP(left, NSEC_PER_SEC / HZ));
		} else {
			schedule();
		}
	}
	__set_current_state(TASK_RUNNING);
	/* Woken after all, between the test and now: that is a wake-up. */
	if (ret && !futex_unqueue(q))
		ret = 0;
	return ret;
}

static int futex_wait(u32 __user *uaddr, bool private, u32 val, s64 deadline,
		      bool relative, u32 bitset)
{
	struct futex_q q = { .task = current, .bitset = bitset };
	struct futex_hash_bucket *hb;
	struct page *page;
	u32 *word;
	int ret;

	if (!bitset)
		return -EINVAL;
	word = futex_get_word(uaddr, false, private, &q.key, &page);
	if (IS_ERR(word))
		return PTR_ERR(word);
	hb = futex_hash(&q.key);
	spin_lock(&hb->lock);
	if (READ_ONCE(*word) != val) {
		spin_unlock(&hb->lock);
		put_page(page);
		return -EAGAIN;
	}
	futex_queue(&q, hb);
	spin_unlock(&hb->lock);
	ret = futex_sleep(&q, deadline, relative);
	put_page(page);		/* kept so a shared key's page is not reused meanwhile */
	return ret;
}

static int futex_wake(u32 __user *uaddr, bool private, int nr, u32 bitset)
{
	struct futex_key key;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = futex_get_key(uaddr, private, &key);
	return ret ? ret : futex_wake_key(&key, nr, bitset);
}

void futex_wake_tid(int __user *uaddr)
{
	futex_wake((u32 __user *)uaddr, false, 1, FUTEX_BITSET_MATCH_ANY);
}

static int futex_requeue(u32 __user *uaddr1, bool private, u32 __user *uaddr2,
			 int nr_wake, int nr_requeue, const u32 *cmpval)
{
	struct futex_key key1, key2;
	struct page *page;
	u32 *word;
	int ret;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	word = futex_get_word(uaddr1, false, private, &key1, &page);
	if (IS_ERR(word))
		return PTR_ERR(word);
	ret = futex_get_key(uaddr2, private, &key2);
	if (!ret)
		ret = futex_requeue_key(&key1, &key2, nr_wake, nr_requeue,
					cmpval ? word : NULL, cmpval ? *cmpval : 0);
	put_page(page);
	return ret;
}

/* FUTEX_WAKE_OP's 12-bit signed arguments. */
static int sext12(u32 field)
{
	return (int)(field << 20) >> 20;
}

/* FUTEX_WAKE_OP's operation on *@word; the old value in @old, or -ENOSYS. */
static int futex_atomic_op(u32 encoded, u32 *word, u32 *old)
{
	unsigned int op = (encoded >> 28) & 15;
	u32 arg = sext12(encoded >> 12);
	u32 cur = READ_ONCE(*word), new;

	if (op & FUTEX_OP_OPARG_SHIFT) {
		arg = 1U << (arg & 31);
		op &= ~FUTEX_OP_OPARG_SHIFT;
	}
	do {
		switch (op) {
		case FUTEX_OP_SET:	new = arg; break;
		case FUTEX_OP_ADD:	new = cur + arg; break;
		case FUTEX_OP_OR:	new = cur | arg; break;
		case FUTEX_OP_ANDN:	new = cur & ~arg; break;
		case FUTEX_OP_XOR:	new = cur ^ arg; break;
		default:		return -ENOSYS;
		}
	} while (!__atomic_compare_exchange_n(word, &cur, new, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	*old = cur;
	return 0;
}

/* FUTEX_WAKE_OP's comparison of the old value with its argument, or -ENOSYS. */
static int futex_op_cmp(u32 encoded, u32 old)
{
	int arg = sext12(encoded), val = old;

	switch ((encoded >> 24) & 15) {
	case FUTEX_OP_CMP_EQ:	return val == arg;
	case FUTEX_OP_CMP_NE:	return val != arg;
	case FUTEX_OP_CMP_LT:	return val < arg;
	case FUTEX_OP_CMP_LE:	return val <= arg;
	case FUTEX_OP_CMP_GT:	return val > arg;
	case FUTEX_OP_CMP_GE:	return val >= arg;
	default:		return -ENOSYS;
	}
}

static int futex_wake_op(u32 __user *uaddr1, bool private, u32 __user *uaddr2,
			 int nr_wake, int nr_wake2, u32 encoded)
{
	struct futex_key key1, key2;
	struct futex_hash_bucket *hb1, *hb2;
	struct page *page;
	u32 *word2, old;
	int ret, cmp;

	ret = futex_get_key(uaddr1, private, &key1);
	if (ret)
		return ret;
	word2 = futex_get_word(uaddr2, true, private, &key2, &page);
	if (IS_ERR(word2))
		return PTR_ERR(word2);
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
	double_lock_hb(hb1, hb2);
	ret = futex_atomic_op(encoded, word2, &old);
	double_unlock_hb(hb1, hb2);
	put_page(page);
	if (ret)
		return ret;
	cmp = futex_op_cmp(encoded, old);
	if (cmp < 0)
		return cmp;
	ret = futex_wake_key(&key1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	if (cmp)
		ret += futex_wake_key(&key2, nr_wake2, FUTEX_BITSET_MATCH_ANY);
	return ret;
}

/*
 * The monotonic deadline of a wait's @utime (a struct old_timespec32 if
 * @time32, else a __kernel_timespec): relative for FUTEX_WAIT, absolute on
 * CLOCK_MONOTONIC or (FUTEX_CLOCK_REALTIME) CLOCK_REALTIME for
 * FUTEX_WAIT_BITSET. 0 (none) for a NULL @utime; or -errno.
 */
static s64 futex_deadline(const void __user *utime, bool time32, int cmd, bool realtime)
{
	s64 ns, now = ktime_get_ns();
	struct timespec64 ts;
	int err;

	if (!utime)
		return 0;
	if (time32 ? get_old_timespec32(&ts, utime) : get_timespec64(&ts, utime))
		return -EFAULT;
	err = timespec64_ns(&ts, &ns);
	if (err)
		return err;
	if (cmd == FUTEX_WAIT)
		return now + min_t(s64, ns, LLONG_MAX / 2);
	if (realtime)
		ns -= ktime_get_real_ns() - now;
	return max_t(s64, ns, 1);
}

/* futex(2), whose timeouts are old_timespec32 if @time32. */
static long do_futex(u32 __user *uaddr, int op, u32 val, const void __user *utime,
		     u32 __user *uaddr2, u32 val3, bool time32)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool private = op & FUTEX_PRIVATE_FLAG, realtime = op & FUTEX_CLOCK_REALTIME;
	unsigned long val2 = (unsigned long)utime;	/* the count, for requeue and wake-op */
	s64 deadline;

	if (realtime && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAIT_BITSET:
		deadline = futex_deadline(utime, time32, cmd, realtime);
		if (deadline < 0)
			return deadline;
		return futex_wait(uaddr, private, val, deadline, cmd == FUTEX_WAIT, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, private, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, private, uaddr2, val, val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, private, uaddr2, val, val2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, private, uaddr2, val, val2, val3);
	default:
		return -ENOSYS;		/* the priority-inheritance operations */
	}
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	return do_futex(uaddr, op, val, utime, uaddr2, val3, false);
}

SYSCALL_DEFINE6(futex_time32, u32 __user *, uaddr, int, op, u32, val,
		const struct old_timespec32 __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	return do_futex(uaddr, op, val, utime, uaddr2, val3, true);
}

/* What set_robust_list() registers (Linux's struct robust_list_head). */
struct robust_list_head {
	unsigned long next;		/* the first held lock's list entry */
	long futex_offset;		/* from an entry to its futex word */
	unsigned long list_op_pending;	/* an entry being locked or unlocked */
};

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

SYSCALL_DEFINE3(get_robust_list, int, pid, void __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct task_struct *p = pid ? find_get_task_by_pid(pid) : current;
	void __user *head;

	if (!p)
		return -ESRCH;
	head = p->robust_list;
	if (pid)
		put_task_struct(p);
	if (put_user(sizeof(struct robust_list_head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr) ? -EFAULT : 0;
}

/* A robust futex @uaddr its dead owner @tid held: mark it, wake a waiter. */
static int handle_futex_death(u32 __user *uaddr, pid_t tid)
{
	struct futex_key key;
	struct page *page;
	u32 *word = futex_get_word(uaddr, true, false, &key, &page);
	u32 cur, new;

	if (IS_ERR(word))
		return PTR_ERR(word);
	cur = READ_ONCE(*word);
	do {
		if ((cur & FUTEX_TID_MASK) != (u32)tid) {
			put_page(page);
			return 0;
		}
		new = (cur & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	} while (!__atomic_compare_exchange_n(word, &cur, new, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	put_page(page);
	if (cur & FUTEX_WAITERS)
		futex_wake_key(&key, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* The futex word of robust list @entry (bit 0 marks a PI futex: ignored). */
static u32 __user *robust_word(unsigned long entry, long offset)
{
	return (u32 __user *)((entry & ~1UL) + offset);
}

void exit_robust_list(struct task_struct *tsk)
{
	struct robust_list_head __user *uhead = tsk->robust_list;
	struct robust_list_head head;
	unsigned long entry, next;
	int limit = ROBUST_LIST_LIMIT;

	tsk->robust_list = NULL;
	if (!uhead || copy_from_user(&head, uhead, sizeof(head)))
		return;
	/* The list ends where it started, at the head; a fault or a loop stops it too. */
	for (entry = head.next; entry != (unsigned long)&uhead->next && limit--; entry = next) {
		if (get_user(next, (unsigned long __user *)(entry & ~1UL)))
			break;
		if (entry != head.list_op_pending)
			handle_futex_death(robust_word(entry, head.futex_offset), tsk->pid);
	}
	if (head.list_op_pending)
		handle_futex_death(robust_word(head.list_op_pending, head.futex_offset), tsk->pid);
}
