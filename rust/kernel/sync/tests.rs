// SPDX-License-Identifier: GPL-2.0-only

//! KUnit tests of [`crate::sync`] and [`crate::init`]: the `rust_sync`
//! suite (`make test FILTER=rust_sync`).
//!
//! # Examples
//!
//! The property the contention cases check, in one thread: every update
//! made under the lock is kept.
//!
//! ```
//! use kernel::new_spinlock;
//!
//! kernel::stack_pin_init!(let counter = new_spinlock!(0u64));
//! for _ in 0..10 {
//!     *counter.lock() += 1;
//! }
//! assert_eq!(*counter.lock(), 10);
//! ```

#[crate::kunit_tests(rust_sync)]
mod cases {
    use crate::alloc::fault_inject;
    use crate::prelude::*;
    use crate::smp;
    use crate::sync::{
        Arc, ArcBorrow, Completion, CondVar, CondVarTimeoutResult, Mutex, SpinLock, UniqueArc,
    };
    use crate::task::{self, Thread};
    use crate::time;
    use core::ptr::addr_of_mut;
    use core::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

    /// Threads in the contention tests.
    const THREADS: usize = 4;
    /// Lock rounds per thread in the contention tests.
    const ROUNDS: u64 = 500;

    /// Starts `n` threads, the `i`-th running `make(i)`, and waits for all
    /// of them.
    fn run_threads<F>(n: usize, mut make: impl FnMut(usize) -> F) -> Result
    where
        F: FnOnce() + Send + 'static,
    {
        let mut threads: KVec<Thread<()>> = KVec::with_capacity(n, GFP_KERNEL)?;
        for i in 0..n {
            threads.push(task::spawn(c_str!("rust_sync_t"), make(i))?, GFP_KERNEL)?;
        }
        for t in threads {
            t.join();
        }
        Ok(())
    }

    /// Whether the C mutex's wait list is empty and points to itself, as
    /// a mutex initialised at its address has it.
    fn mutex_list_is_home<T>(m: &Mutex<T>) -> bool {
        let s = m.state_ptr();
        // SAFETY: `s` is the initialised mutex, unlocked and not waited
        // for: only its list head is read.
        unsafe {
            let home = addr_of_mut!((*s).wait_list);
            (*s).wait_list.next == home && (*s).wait_list.prev == home
        }
    }

    /// Values whose drops are counted.
    static DROPS: AtomicUsize = AtomicUsize::new(0);

    struct Counted(u32);

    impl Drop for Counted {
        fn drop(&mut self) {
            DROPS.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn drops() -> usize {
        DROPS.load(Ordering::Relaxed)
    }

    #[test]
    fn spinlock_lock_unlock() {
        stack_pin_init!(let lock = new_spinlock!(5u32));
        {
            let mut g = lock.lock();
            *g += 1;
            kunit_assert!(lock.try_lock().is_none());
        }
        // The guard's drop released the lock.
        match lock.try_lock() {
            Some(mut g) => *g += 1,
            None => kunit_assert!(false, "try_lock failed on a free lock"),
        }
        {
            let mut g = lock.lock_irqsave();
            *g += 1;
            kunit_assert!(lock.try_lock().is_none());
        }
        kunit_assert_eq!(*lock.lock(), 8);
    }

    #[test]
    fn mutex_lock_unlock() -> Result {
        let m = KBox::pin_init(new_mutex!(KVec::<u32>::new()), GFP_KERNEL)?;
        kunit_assert!(mutex_list_is_home(&m));
        m.lock().push(1, GFP_KERNEL)?;
        {
            let g = m.lock();
            kunit_assert!(m.is_locked());
            kunit_assert!(m.try_lock().is_none());
            kunit_assert_eq!(g.as_slice(), &[1]);
        }
        kunit_assert!(!m.is_locked());
        let g = m.lock_interruptible()?;
        kunit_assert_eq!(g.len(), 1);
        drop(g);
        kunit_assert!(m.try_lock().is_some());
        kunit_assert!(!m.is_locked());
        Ok(())
    }

    #[test]
    fn guard_drop_hands_over_to_waiter() -> Result {
        let m = Arc::pin_init(new_mutex!(0u32), GFP_KERNEL)?;
        let g = m.lock();
        let m2 = m.clone();
        let t = task::spawn(c_str!("rust_sync_w"), move || {
            let mut g = m2.lock();
            *g += 1;
            *g
        })?;
        // The thread sleeps in `lock()` while we hold the mutex.
        task::msleep(20);
        kunit_assert!(!t.is_finished());
        kunit_assert_eq!(*g, 0);
        drop(g);
        kunit_assert_eq!(t.join(), 1);
        kunit_assert_eq!(*m.lock(), 1);
        kunit_assert_eq!(Arc::strong_count(&m), 1);
        Ok(())
    }

    #[test]
    fn mutex_contention_exact_total() -> Result {
        let counter = Arc::pin_init(new_mutex!(0u64), GFP_KERNEL)?;
        let c = counter.clone();
        run_threads(THREADS, move |_| {
            let c = c.clone();
            move || {
                for i in 0..ROUNDS {
                    let mut g = c.lock();
                    let v = *g;
                    // Give the CPU away mid-update now and then: the others
                    // must queue on the mutex, not see `v`.
                    if i % 8 == 0 {
                        task::yield_now();
                    }
                    *g = v + 1;
                }
            }
        })?;
        kunit_assert_eq!(*counter.lock(), THREADS as u64 * ROUNDS);
        kunit_assert!(mutex_list_is_home(&counter));
        Ok(())
    }

    #[test]
    fn spinlock_contention_exact_total() -> Result {
        const SPINS: u32 = 400;
        let counter = Arc::pin_init(new_spinlock!(0u64), GFP_KERNEL)?;
        let c = counter.clone();
        run_threads(THREADS, move |n| {
            let c = c.clone();
            move || {
                for i in 0..ROUNDS {
                    let mut g = if (i + n as u64).is_multiple_of(2) {
                        c.lock()
                    } else {
                        c.lock_irqsave()
                    };
                    let v = *g;
                    // Long enough for timer ticks to land in the critical
                    // section: without the lock, updates would get lost.
                    for _ in 0..SPINS {
                        core::hint::spin_loop();
                    }
                    *g = v + 1;
                }
            }
        })?;
        kunit_assert_eq!(*counter.lock(), THREADS as u64 * ROUNDS);
        Ok(())
    }

    /// A `SpinLock`, atomics and `Arc` clones used by every online CPU at
    /// once through cross-CPU calls: no update under the lock is lost, each
    /// CPU runs the function once, and every clone is dropped again.
    #[test]
    fn spinlock_and_arc_on_every_cpu() -> Result {
        const SPINS: u32 = 400;
        let counter = Arc::pin_init(new_spinlock!(0u64), GFP_KERNEL)?;
        let cpus = AtomicU64::new(0);
        let calls = AtomicUsize::new(0);
        smp::on_each_cpu(&|| {
            cpus.fetch_or(1 << smp::processor_id(), Ordering::Relaxed);
            calls.fetch_add(1, Ordering::Relaxed);
            for _ in 0..ROUNDS {
                let c = counter.clone();
                let mut g = c.lock();
                let v = *g;
                // Long enough for another CPU to reach the lock meanwhile:
                // without it, updates would get lost.
                for _ in 0..SPINS {
                    core::hint::spin_loop();
                }
                *g = v + 1;
            }
        });
        let n = smp::num_online_cpus();
        kunit_assert_eq!(calls.load(Ordering::Relaxed), n as usize);
        kunit_assert_eq!(cpus.load(Ordering::Relaxed).count_ones(), n);
        // With interrupts off, as everywhere else outside the cross-CPU
        // calls' interrupt: the lock is IRQ-safe (lockdep checks this).
        kunit_assert_eq!(*counter.lock_irqsave(), u64::from(n) * ROUNDS);
        kunit_assert_eq!(Arc::strong_count(&counter), 1);
        Ok(())
    }

    kernel::pin_data! {
        /// A one-item channel: a producer and a consumer hand items over.
        struct Channel {
            #[pin]
            slot: Mutex<Option<u64>>,
            #[pin]
            not_empty: CondVar,
            #[pin]
            not_full: CondVar,
        }
    }

    #[test]
    fn condvar_producer_consumer() -> Result {
        const ITEMS: u64 = 200;
        let ch = Arc::pin_init(
            pin_init!(Channel {
                slot <- new_mutex!(None),
                not_empty <- CondVar::new(),
                not_full <- CondVar::new(),
            }),
            GFP_KERNEL,
        )?;
        let producer = {
            let ch = ch.clone();
            task::spawn(c_str!("rust_sync_prod"), move || {
                for i in 1..=ITEMS {
                    let mut g = ch.slot.lock();
                    while g.is_some() {
                        ch.not_full.wait(&mut g);
                    }
                    *g = Some(i);
                    ch.not_empty.notify_one();
                }
            })?
        };
        let (mut sum, mut in_order) = (0, true);
        for expected in 1..=ITEMS {
            let mut g = ch.slot.lock();
            let item = loop {
                if let Some(item) = g.take() {
                    break item;
                }
                ch.not_empty.wait(&mut g);
            };
            drop(g);
            ch.not_full.notify_one();
            in_order &= item == expected;
            sum += item;
        }
        producer.join();
        kunit_assert!(in_order);
        kunit_assert_eq!(sum, ITEMS * (ITEMS + 1) / 2);
        Ok(())
    }

    #[test]
    fn condvar_timeout_and_early_wake() -> Result {
        stack_pin_init!(let m = new_mutex!(()));
        stack_pin_init!(let cv = CondVar::new());
        let mut g = m.lock();
        let start = time::jiffies();
        let r = cv.wait_timeout(&mut g, 5);
        let elapsed = time::jiffies().wrapping_sub(start);
        kunit_assert_eq!(r, CondVarTimeoutResult::Timeout);
        kunit_assert!(elapsed >= 5, "woke after {elapsed} jiffies");
        drop(g);

        // A notification before the time runs out ends the wait early.
        let ch = Arc::pin_init(
            pin_init!(Channel {
                slot <- new_mutex!(None),
                not_empty <- CondVar::new(),
                not_full <- CondVar::new(),
            }),
            GFP_KERNEL,
        )?;
        let ch2 = ch.clone();
        let t = task::spawn(c_str!("rust_sync_n"), move || {
            task::msleep(10);
            *ch2.slot.lock() = Some(1);
            ch2.not_empty.notify_all();
        })?;
        let long = time::msecs_to_jiffies(10_000);
        let mut g = ch.slot.lock();
        let mut woken = None;
        while g.is_none() {
            match ch.not_empty.wait_interruptible_timeout(&mut g, long) {
                CondVarTimeoutResult::Woken { jiffies } => woken = Some(jiffies),
                r => kunit_assert!(false, "unexpected {r:?}"),
            }
        }
        drop(g);
        t.join();
        kunit_assert!(matches!(woken, Some(j) if j > 0 && j < long));
        Ok(())
    }

    kernel::pin_data! {
        /// Waiters counting how often they wake.
        struct Gate {
            #[pin]
            state: Mutex<GateState>,
            #[pin]
            cv: CondVar,
        }
    }

    struct GateState {
        tokens: u32,
        waiting: usize,
        wakeups: usize,
    }

    #[test]
    fn condvar_notify_one_and_all() -> Result {
        let gate = Arc::pin_init(
            pin_init!(Gate {
                state <- new_mutex!(GateState { tokens: 0, waiting: 0, wakeups: 0 }),
                cv <- CondVar::new(),
            }),
            GFP_KERNEL,
        )?;
        let mut threads = KVec::new();
        for _ in 0..THREADS {
            let gate = gate.clone();
            let t = task::spawn(c_str!("rust_sync_g"), move || {
                let mut g = gate.state.lock();
                g.waiting += 1;
                while g.tokens == 0 {
                    gate.cv.wait(&mut g);
                    g.wakeups += 1;
                }
                g.tokens -= 1;
                g.waiting -= 1;
            })?;
            threads.push(t, GFP_KERNEL)?;
        }
        // Wait until every thread sleeps on the condition variable.
        for _ in 0..500 {
            if gate.state.lock().waiting == THREADS {
                break;
            }
            task::msleep(2);
        }
        kunit_assert_eq!(gate.state.lock().waiting, THREADS);

        // Until `wakeups` reaches `n` (at most a second: with several CPUs
        // a woken thread may wait for a virtual CPU the host runs later),
        // then 20 ms more for any wrongly woken one to show.
        let settle = |n: usize| {
            for _ in 0..500 {
                if gate.state.lock().wakeups >= n {
                    break;
                }
                task::msleep(2);
            }
            task::msleep(20);
        };
        // One notification wakes one waiter, which finds no token and
        // sleeps again.
        gate.cv.notify_one();
        settle(1);
        kunit_assert_eq!(gate.state.lock().wakeups, 1);
        // One token and one notification: exactly one thread passes.
        gate.state.lock().tokens += 1;
        gate.cv.notify_one();
        settle(2);
        {
            let g = gate.state.lock();
            kunit_assert_eq!(g.wakeups, 2);
            kunit_assert_eq!(g.waiting, THREADS - 1);
        }
        // All the others, at once.
        gate.state.lock().tokens += THREADS as u32 - 1;
        gate.cv.notify_all();
        for t in threads {
            t.join();
        }
        let g = gate.state.lock();
        kunit_assert_eq!(g.wakeups, 2 + THREADS - 1);
        kunit_assert_eq!((g.tokens, g.waiting), (0, 0));
        Ok(())
    }

    #[test]
    fn condvar_with_irqsave_spinlock() -> Result {
        kernel::pin_data! {
            struct Flag {
                #[pin]
                set: SpinLock<bool>,
                #[pin]
                cv: CondVar,
            }
        }
        let f = Arc::pin_init(
            pin_init!(Flag { set <- new_spinlock!(false), cv <- CondVar::new() }),
            GFP_KERNEL,
        )?;
        let f2 = f.clone();
        let t = task::spawn(c_str!("rust_sync_f"), move || {
            let mut g = f2.set.lock_irqsave();
            let mut waits = 0u32;
            while !*g {
                f2.cv.wait(&mut g);
                waits += 1;
            }
            waits
        })?;
        task::msleep(10);
        *f.set.lock() = true;
        f.cv.notify_all();
        kunit_assert!(t.join() >= 1);
        Ok(())
    }

    kernel::pin_data! {
        struct PingPong {
            #[pin]
            ping: Completion,
            #[pin]
            pong: Completion,
        }
    }

    #[test]
    fn completion_across_threads() -> Result {
        let p = Arc::pin_init(
            pin_init!(PingPong { ping <- Completion::new(), pong <- Completion::new() }),
            GFP_KERNEL,
        )?;
        let p2 = p.clone();
        let t = task::spawn(c_str!("rust_sync_pp"), move || {
            for _ in 0..20 {
                p2.ping.wait();
                p2.pong.complete();
            }
        })?;
        let second = time::msecs_to_jiffies(5000);
        for _ in 0..20 {
            p.ping.complete();
            p.pong.wait_timeout(second)?;
        }
        t.join();
        kunit_assert!(!p.ping.is_done() && !p.pong.try_wait());
        kunit_assert_eq!(p.pong.wait_timeout(2), Err(ETIMEDOUT));

        // `complete_all` releases every waiter, and later ones too.
        let all = Arc::pin_init(Completion::new(), GFP_KERNEL)?;
        let passed = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        let (a, n) = (all.clone(), passed.clone());
        let threads = run_threads_detached(THREADS, move || {
            let (a, n) = (a.clone(), n.clone());
            move || {
                a.wait();
                n.fetch_add(1, Ordering::Relaxed);
            }
        })?;
        task::msleep(10);
        kunit_assert_eq!(passed.load(Ordering::Relaxed), 0);
        all.complete_all();
        for t in threads {
            t.join();
        }
        kunit_assert_eq!(passed.load(Ordering::Relaxed), THREADS);
        kunit_assert!(all.try_wait() && all.is_done());
        all.wait();
        Ok(())
    }

    /// Starts `n` threads running `make()` and returns their handles.
    fn run_threads_detached<F>(n: usize, mut make: impl FnMut() -> F) -> Result<KVec<Thread<()>>>
    where
        F: FnOnce() + Send + 'static,
    {
        let mut threads = KVec::with_capacity(n, GFP_KERNEL)?;
        for _ in 0..n {
            threads.push(task::spawn(c_str!("rust_sync_c"), make())?, GFP_KERNEL)?;
        }
        Ok(threads)
    }

    #[test]
    fn arc_refcount_and_drop() -> Result {
        let before = drops();
        let a = Arc::new(Counted(7), GFP_KERNEL)?;
        let b = a.clone();
        let c = b.clone();
        kunit_assert_eq!(Arc::strong_count(&a), 3);
        kunit_assert!(Arc::ptr_eq(&a, &c));
        drop(a);
        drop(b);
        kunit_assert_eq!(drops(), before);
        kunit_assert_eq!(Arc::strong_count(&c), 1);

        // Clones dropped on other threads.
        let shared = c.clone();
        run_threads(THREADS, move |_| {
            let mine = shared.clone();
            move || kunit_assert_eq!(mine.0, 7)
        })?;
        kunit_assert_eq!(Arc::strong_count(&c), 1);
        kunit_assert_eq!(drops(), before);

        // Borrowing takes no reference; making an `Arc` from it does.
        let borrowed: ArcBorrow<'_, Counted> = c.as_arc_borrow();
        kunit_assert_eq!(borrowed.0, 7);
        kunit_assert_eq!(Arc::strong_count(&c), 1);
        let again: Arc<Counted> = borrowed.into();
        kunit_assert_eq!(Arc::strong_count(&c), 2);
        drop(again);

        // Through C and back.
        let ptr = c.into_foreign();
        // SAFETY: `ptr` is from `into_foreign` and not taken back yet.
        let b = unsafe { <Arc<Counted> as ForeignOwnable>::borrow(ptr) };
        kunit_assert_eq!(b.0, 7);
        // SAFETY: from `into_foreign`, taken back once; the borrow is over.
        let c = unsafe { <Arc<Counted> as ForeignOwnable>::from_foreign(ptr) };
        kunit_assert_eq!(Arc::strong_count(&c), 1);
        kunit_assert_eq!(drops(), before);
        drop(c);
        kunit_assert_eq!(drops(), before + 1);

        // `UniqueArc`: changed, then shared.
        let mut u = UniqueArc::new(Counted(1), GFP_KERNEL)?;
        u.0 += 1;
        let shared: Arc<Counted> = u.into();
        kunit_assert_eq!(shared.0, 2);
        drop(shared);
        kunit_assert_eq!(drops(), before + 2);
        Ok(())
    }

    #[test]
    fn allocation_failure_is_an_error() -> Result {
        let before = drops();
        {
            let _f = fault_inject::fail_after_scoped(0);
            kunit_assert!(Arc::new(Counted(0), GFP_KERNEL | __GFP_NOWARN).is_err());
        }
        // The value was dropped, not leaked.
        kunit_assert_eq!(drops(), before + 1);
        {
            let _f = fault_inject::fail_after_scoped(0);
            let r = Arc::pin_init(new_mutex!(0u8), GFP_KERNEL | __GFP_NOWARN);
            kunit_assert_eq!(r.err(), Some(ENOMEM));
        }
        {
            let _f = fault_inject::fail_after_scoped(0);
            let r = KBox::pin_init(CondVar::new(), GFP_KERNEL | __GFP_NOWARN);
            kunit_assert_eq!(r.err(), Some(ENOMEM));
        }
        Ok(())
    }

    kernel::pin_data! {
        struct Partial {
            #[pin]
            lock: Mutex<Counted>,
            plain: Counted,
            number: u32,
        }
    }

    #[test]
    fn pin_init_failure_drops_initialised_fields() -> Result {
        let before = drops();
        let r = KBox::pin_init(
            pin_init!(Partial {
                lock <- new_mutex!(Counted(1)),
                plain: Counted(2),
                number: u32::try_from(-1i32)?,
            }? Error),
            GFP_KERNEL,
        );
        kunit_assert_eq!(r.err(), Some(EINVAL));
        kunit_assert_eq!(drops(), before + 2);

        // The same initialiser, succeeding; its fields are dropped with it.
        let n = 3;
        let p = KBox::pin_init(
            pin_init!(Partial {
                lock <- new_mutex!(Counted(1)),
                plain: Counted(2),
                number: u32::try_from(n)?,
            }? Error),
            GFP_KERNEL,
        )?;
        kunit_assert_eq!(p.lock.lock().0 + p.plain.0 + p.number, 6);
        kunit_assert!(mutex_list_is_home(&p.lock));
        drop(p);
        kunit_assert_eq!(drops(), before + 4);

        // A failing chained step drops the value it was given.
        let r: Result<Pin<KBox<Partial>>> = KBox::pin_init(
            try_pin_init!(Partial {
                lock <- new_mutex!(Counted(5)),
                plain: Counted(6),
                number: 7,
            })
            .pin_chain(|p| {
                if p.lock.lock().0 == 5 {
                    Err(EBUSY)
                } else {
                    Ok(())
                }
            }),
            GFP_KERNEL,
        );
        kunit_assert_eq!(r.err(), Some(EBUSY));
        kunit_assert_eq!(drops(), before + 6);

        // A chained step that succeeds sees the value on its final address.
        let m: Pin<KBox<Mutex<u32>>> = KBox::pin_init(
            new_mutex!(1u32).pin_chain(|m| {
                *m.lock() += 1;
                Ok(())
            }),
            GFP_KERNEL,
        )?;
        kunit_assert_eq!(*m.lock(), 2);
        Ok(())
    }

    kernel::global_lock! {
        static TEST_MUTEX: Mutex<u64> = 0;
        static TEST_SPIN: SpinLock<u32> = 0;
        static TEST_CV: CondVar;
        static TEST_DONE: Completion;
    }

    #[test]
    fn static_locks() -> Result {
        kunit_assert!(mutex_list_is_home(&TEST_MUTEX));
        let start = *TEST_MUTEX.lock();
        // Contention on the static mutex: waiters queue on its wait list,
        // which points into the static itself.
        run_threads(THREADS, |_| {
            || {
                for i in 0..ROUNDS {
                    let mut g = TEST_MUTEX.lock();
                    let v = *g;
                    if i % 8 == 0 {
                        task::yield_now();
                    }
                    *g = v + 1;
                }
            }
        })?;
        kunit_assert_eq!(*TEST_MUTEX.lock(), start + THREADS as u64 * ROUNDS);
        kunit_assert!(mutex_list_is_home(&TEST_MUTEX));

        // A thread sleeps on the static condition variable (with the
        // static spinlock) and the static completion.
        *TEST_SPIN.lock() = 0;
        let t = task::spawn(c_str!("rust_sync_s"), || {
            TEST_DONE.wait();
            let mut g = TEST_SPIN.lock();
            while *g == 0 {
                TEST_CV.wait(&mut g);
            }
            *g
        })?;
        task::msleep(10);
        TEST_DONE.complete();
        task::msleep(10);
        *TEST_SPIN.lock() = 9;
        TEST_CV.notify_one();
        kunit_assert_eq!(t.join(), 9);
        kunit_assert!(!TEST_DONE.is_done());
        Ok(())
    }

    #[test]
    fn in_place_everywhere() -> Result {
        // KBox, Arc, UniqueArc, the stack: the C mutex is initialised on
        // its final address in each.
        let b = KBox::pin_init(new_mutex!(1u8), GFP_KERNEL)?;
        kunit_assert!(mutex_list_is_home(&b));
        let a = Arc::pin_init(new_mutex!(2u8), GFP_KERNEL)?;
        kunit_assert!(mutex_list_is_home(&a));
        let u = UniqueArc::pin_init(new_mutex!(3u8), GFP_KERNEL)?;
        kunit_assert!(mutex_list_is_home(&u));
        stack_pin_init!(let s = new_mutex!(4u8));
        kunit_assert!(mutex_list_is_home(&s));
        kunit_assert_eq!(*b.lock() + *a.lock() + *u.lock() + *s.lock(), 10);

        // Fallible initialisers on the stack.
        stack_try_pin_init!(let v =? try_pin_init!(Partial {
            lock <- new_mutex!(Counted(1)),
            plain: Counted(2),
            number: 3,
        }));
        kunit_assert_eq!(v.number, 3);
        stack_try_pin_init!(let e = try_pin_init!(Partial {
            lock <- new_mutex!(Counted(1)),
            plain: Counted(2),
            number: u32::try_from(-5i64)?,
        }));
        kunit_assert!(e.is_err());

        // `Init` (no pinning) for plain values.
        let plain: KBox<[u32; 3]> = KBox::init([1, 2, 3], GFP_KERNEL)?;
        kunit_assert_eq!(plain.iter().sum::<u32>(), 6);
        Ok(())
    }
}
