// SPDX-License-Identifier: GPL-2.0-only

//! Tasks: [`Task`] (a C `struct task_struct`), the current task
//! ([`current!`](crate::current), [`Task::current`]), kernel threads
//! running a Rust closure ([`spawn`]), and sleeping ([`msleep`],
//! [`schedule`], [`yield_now`]).
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::task;
//!
//! let me = kernel::current!();
//! assert!(me.pid() >= 0);
//!
//! // A thread that adds up numbers and hands back the sum.
//! let data = KVec::from_elem(3u64, 10, GFP_KERNEL)?;
//! let t = task::spawn(c_str!("rust_sum"), move || data.iter().sum::<u64>())?;
//! assert_eq!(t.join(), 30);
//!
//! // A thread that runs until it is told to stop. On a busy machine with
//! // several CPUs it may first run only after the request: the round
//! // that sees it still counts.
//! let t = task::spawn(c_str!("rust_loop"), || {
//!     let mut rounds = 0u32;
//!     loop {
//!         rounds += 1;
//!         if task::should_stop() {
//!             break rounds;
//!         }
//!         task::msleep(1);
//!     }
//! })?;
//! task::msleep(10);
//! assert!(t.stop() >= 1);
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{flags::GFP_KERNEL, KBox};
use crate::error::{from_err_ptr, Result};
use crate::str::CStr;
use crate::types::{ARef, AlwaysRefCounted, Opaque};
use core::cell::UnsafeCell;
use core::marker::PhantomData;
use core::ops::Deref;
use core::ptr::NonNull;
use core::sync::atomic::{AtomicUsize, Ordering};

/// A task (`struct task_struct`): a kernel thread or the idle task.
///
/// Rust only sees tasks by reference: borrowed ([`Task::current`]) or
/// counted ([`ARef<Task>`](ARef), which holds a `get_task_struct()`
/// reference).
#[repr(transparent)]
pub struct Task(Opaque<bindings::task_struct>);

// SAFETY: a task's identity (pid, name) never changes, the reference
// count is atomic, and waking a task works from any thread.
unsafe impl Send for Task {}
// SAFETY: as above; `&Task` only allows those thread-safe operations.
unsafe impl Sync for Task {}

/// Process identifier.
pub type Pid = bindings::pid_t;

impl Task {
    /// The task running this code.
    ///
    /// The result borrows the task until the end of the calling function
    /// (the guard is neither `Send` nor `Sync`, so it stays on this
    /// thread, where the task is alive for as long as the code runs).
    pub fn current() -> CurrentTask {
        // SAFETY: `current` is always a valid task.
        let ptr = unsafe { bindings::get_current() };
        CurrentTask {
            // SAFETY: `get_current()` never returns null.
            task: unsafe { NonNull::new_unchecked(ptr.cast::<Task>()) },
            _not_send: PhantomData,
        }
    }

    /// A borrowed `Task` from a C pointer.
    ///
    /// # Safety
    ///
    /// `ptr` is a valid task that stays alive for `'a`.
    pub unsafe fn from_raw<'a>(ptr: *mut bindings::task_struct) -> &'a Task {
        // SAFETY: `Task` is a transparent wrapper of the C struct, and the
        // caller guarantees that it lives for 'a.
        unsafe { &*ptr.cast::<Task>() }
    }

    /// The C pointer.
    pub fn as_ptr(&self) -> *mut bindings::task_struct {
        self.0.get()
    }

    /// The process id.
    pub fn pid(&self) -> Pid {
        // SAFETY: the task is alive; the pid is set once at creation.
        unsafe { bindings::task_pid(self.as_ptr()) }
    }

    /// The name (`comm`), at most 15 bytes.
    pub fn comm(&self) -> &CStr {
        // SAFETY: the task is alive, so its `comm` (a NUL-terminated array
        // inside it, set once at creation) lives as long as `&self`.
        unsafe { CStr::from_char_ptr(bindings::task_comm(self.as_ptr())) }
    }

    /// Makes the task runnable if it sleeps; true if it did.
    pub fn wake_up(&self) -> bool {
        // SAFETY: the task is alive; any context.
        unsafe { bindings::wake_up_process(self.as_ptr()) }
    }
}

// SAFETY: `get_task_struct`/`put_task_struct` keep the task alive while
// the count is above zero; both are atomic and work from any thread.
unsafe impl AlwaysRefCounted for Task {
    fn inc_ref(&self) {
        // SAFETY: the task is alive (we have a reference to it).
        unsafe { bindings::get_task_struct(self.as_ptr()) }
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: the caller owns a reference, which it gives up.
        unsafe { bindings::put_task_struct(obj.as_ptr().cast()) }
    }
}

/// The current task, borrowed for as long as this guard lives; see
/// [`Task::current`]. Dereferences to [`Task`].
pub struct CurrentTask {
    task: NonNull<Task>,
    /// Not `Send` nor `Sync`: the guard belongs to its thread.
    _not_send: PhantomData<*mut ()>,
}

impl Deref for CurrentTask {
    type Target = Task;

    fn deref(&self) -> &Task {
        // SAFETY: the current task lives at least as long as the code
        // running on it, and the guard cannot leave this thread.
        unsafe { self.task.as_ref() }
    }
}

/// The current task, as a [`CurrentTask`] that dereferences to
/// [`Task`].
///
/// # Examples
///
/// ```
/// let t = kernel::current!();
/// kernel::pr_info!("running in {} (pid {})\n", t.comm(), t.pid());
/// ```
#[macro_export]
macro_rules! current {
    () => {
        $crate::task::Task::current()
    };
}

/// The part of a thread's bookkeeping that the [`Thread`] handle uses;
/// it does not depend on the closure's type.
#[repr(C)]
struct Shared<T> {
    /// Owners: the [`Thread`] handle and the thread itself.
    refs: AtomicUsize,
    /// The closure's result, written by the thread before it completes
    /// `done`.
    result: UnsafeCell<Option<T>>,
    /// Completed when `result` has been written.
    done: Opaque<bindings::completion>,
}

/// A thread's bookkeeping, in one allocation shared by the thread and its
/// handle. `repr(C)` with `shared` first, so a pointer to it is also a
/// pointer to its [`Shared`] part.
#[repr(C)]
struct Packet<F, T> {
    shared: Shared<T>,
    /// The closure, taken by the thread when it starts.
    func: UnsafeCell<Option<F>>,
}

/// Drops one owner's reference to a `Packet<F, T>`; the last one frees
/// it.
///
/// # Safety
///
/// `shared` points into a `Packet<F, T>` from `KBox::into_raw`, and the
/// caller owns one of its references, which it does not use afterwards.
unsafe fn put_packet<F, T>(shared: NonNull<Shared<T>>) {
    // SAFETY: the caller owns a reference, so the packet is alive.
    let refs = unsafe { &shared.as_ref().refs };
    if refs.fetch_sub(1, Ordering::AcqRel) == 1 {
        // SAFETY: that was the last reference, so nobody else uses the
        // packet; `shared` is its first field (`repr(C)`), so the pointer
        // is the packet's.
        drop(unsafe { KBox::from_raw(shared.as_ptr().cast::<Packet<F, T>>()) });
    }
}

/// The C entry point of a thread made by [`spawn`]: runs the closure.
///
/// # Safety
///
/// `data` is a `Packet<F, T>` from [`spawn`], with a reference owned by
/// this thread.
unsafe extern "C" fn thread_main<F, T>(data: *mut ffi::c_void) -> ffi::c_int
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let packet = data.cast::<Packet<F, T>>();
    // SAFETY: the thread owns a reference, so the packet is alive; only
    // the thread touches `func`, and `result` until `done` is completed.
    let func = unsafe { (*(*packet).func.get()).take() };
    if let Some(func) = func {
        let value = func();
        // SAFETY: as above.
        unsafe { *(*packet).shared.result.get() = Some(value) };
    }
    // SAFETY: the completion was initialised by `spawn` and lives as long
    // as the packet; after this, the handle may read `result`.
    unsafe { bindings::complete((*packet).shared.done.get()) };
    // SAFETY: the thread's reference, given up; the packet is not touched
    // again. `packet` is not null.
    unsafe { put_packet::<F, T>(NonNull::new_unchecked(packet.cast())) };
    0
}

/// A kernel thread running a Rust closure; made by [`spawn`].
///
/// [`Thread::join`] waits for the closure to return and the thread to end,
/// and gives its value;
/// [`Thread::stop`] asks it to stop first ([`should_stop`] turns true in
/// the thread). Dropping the handle detaches the thread: it runs to the
/// end on its own, and its result is dropped. Dropping, joining or
/// stopping may sleep (process context only).
pub struct Thread<T: Send + 'static> {
    /// The thread, with a reference held so that it can be stopped even
    /// after it exited.
    task: ARef<Task>,
    /// Shared with the thread (one reference is ours).
    shared: NonNull<Shared<T>>,
    /// Drops our reference (knows the packet's real type).
    put: unsafe fn(NonNull<Shared<T>>),
}

// SAFETY: the handle only waits for the thread and takes its `T: Send`
// result; the task reference is thread-safe.
unsafe impl<T: Send + 'static> Send for Thread<T> {}
// SAFETY: `&Thread` only gives `&Task` and reads the completion state.
unsafe impl<T: Send + 'static> Sync for Thread<T> {}

/// Starts a kernel thread named `name` (cut to 15 bytes) running `f`.
///
/// The closure and what it captures move to the new thread. Fails with
/// `ENOMEM` if the thread or its bookkeeping cannot be allocated (then
/// `f` is dropped without running). Process context only: it may sleep.
pub fn spawn<F, T>(name: &CStr, f: F) -> Result<Thread<T>>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let packet = KBox::new(
        Packet::<F, T> {
            shared: Shared {
                refs: AtomicUsize::new(2),
                result: UnsafeCell::new(None),
                done: Opaque::uninit(),
            },
            func: UnsafeCell::new(Some(f)),
        },
        GFP_KERNEL,
    )?;
    // SAFETY: the completion is in a heap block that will not move, and is
    // initialised before anything else uses it.
    unsafe { bindings::init_completion(packet.shared.done.get()) };
    let packet = KBox::into_raw(packet);

    // SAFETY: `thread_main::<F, T>` matches the packet; "%s" takes one
    // NUL-terminated string, which `name` is, and copies it.
    let task = unsafe {
        bindings::kthread_create(
            Some(thread_main::<F, T>),
            packet.cast(),
            c"%s".as_ptr().cast(),
            name.as_ptr(),
        )
    };
    let task = match from_err_ptr(task) {
        Ok(task) => task,
        Err(e) => {
            // SAFETY: no thread was made, so the packet is ours alone.
            drop(unsafe { KBox::from_raw(packet) });
            return Err(e);
        }
    };
    // SAFETY: `kthread_create` returned a valid task, which cannot exit
    // before it is woken below.
    let task = ARef::from(unsafe { Task::from_raw(task) });
    task.wake_up();
    Ok(Thread {
        task,
        // SAFETY: from `KBox::into_raw`, so not null; `shared` is the
        // first field of the `repr(C)` packet.
        shared: unsafe { NonNull::new_unchecked(packet.cast()) },
        put: put_packet::<F, T>,
    })
}

impl<T: Send + 'static> Thread<T> {
    /// The thread's task.
    pub fn task(&self) -> &Task {
        &self.task
    }

    /// Waits for the closure to return and the thread to end (its task
    /// switched away from for the last time, so that nothing of it is
    /// freed later, on another CPU), and gives the closure's value. May
    /// sleep.
    pub fn join(self) -> T {
        self.wait();
        // SAFETY: we hold a reference to the task, so it is alive; it is a
        // kthread, which calls `do_exit()` once `thread_main` returns, and
        // no one else waits for its end (`join` and `stop` consume the
        // handle; `stop`'s `kthread_stop` waits instead).
        unsafe { bindings::wait_task_dead(self.task.as_ptr()) };
        self.take_result()
    }

    /// Asks the thread to stop ([`should_stop`] becomes true in it), wakes
    /// it, and waits for the closure to return; gives its value. May
    /// sleep.
    pub fn stop(self) -> T {
        // SAFETY: we hold a reference to the task, so it is alive even if it
        // has exited already (then this returns at once); it is a kthread.
        unsafe { bindings::kthread_stop(self.task.as_ptr()) };
        self.wait();
        self.take_result()
    }

    /// Whether the closure has returned.
    pub fn is_finished(&self) -> bool {
        // SAFETY: we own a reference, so the initialised completion is
        // alive; this only reads its state.
        unsafe { bindings::completion_done(self.shared().done.get()) }
    }

    /// The shared part of the packet.
    fn shared(&self) -> &Shared<T> {
        // SAFETY: we own a reference, so the packet is alive.
        unsafe { self.shared.as_ref() }
    }

    /// Waits until the thread has written the result.
    fn wait(&self) {
        // SAFETY: we own a reference, so the initialised completion is
        // alive. It is waited for once: `join`/`stop` consume the handle.
        unsafe { bindings::wait_for_completion(self.shared().done.get()) }
    }

    /// Takes the result, once `wait` returned.
    fn take_result(self) -> T {
        // SAFETY: `done` has completed, so the thread wrote the result and
        // no longer touches it; we own a reference, so it is alive.
        let value = unsafe { (*self.shared().result.get()).take() };
        match value {
            Some(v) => v,
            // The thread always runs the closure before completing.
            None => unreachable!(),
        }
    }
}

impl<T: Send + 'static> Drop for Thread<T> {
    fn drop(&mut self) {
        // SAFETY: our reference, given up; the handle is gone after this.
        unsafe { (self.put)(self.shared) }
    }
}

/// Whether [`Thread::stop`] was called on the current thread: a thread
/// made by [`spawn`] that runs until stopped polls this.
pub fn should_stop() -> bool {
    // SAFETY: reads the current task's flag; false for non-kthreads.
    unsafe { bindings::kthread_should_stop() }
}

/// Sleeps for at least `ms` milliseconds. Process context only.
pub fn msleep(ms: u32) {
    // SAFETY: sleeping is allowed in process context, which is where Rust
    // code that calls this runs (documented above).
    unsafe { bindings::msleep(ms) }
}

/// Gives up the CPU to any other runnable task; returns when this one is
/// picked again. Process context only.
pub fn schedule() {
    // SAFETY: the current task is `TASK_RUNNING` (safe Rust cannot change
    // that), so it stays runnable and comes back.
    unsafe { bindings::schedule() }
}

/// Lets another runnable task run first (`yield()`). Process context
/// only.
pub fn yield_now() {
    // SAFETY: as `schedule`.
    unsafe { bindings::yield_() }
}

/// How many tasks are alive (`nr_tasks()`), for leak checks in tests; the
/// count may change as soon as it is read. Any context.
pub fn nr_tasks() -> usize {
    // SAFETY: only reads a counter; any context.
    let n = unsafe { bindings::nr_tasks() };
    n as usize
}

#[crate::kunit_tests(rust_task)]
mod tests {
    use super::*;
    use crate::prelude::*;
    use core::sync::atomic::{AtomicBool, AtomicU32};

    #[test]
    fn current_task() {
        let t = Task::current();
        kunit_assert!(t.pid() > 0);
        kunit_assert!(!t.comm().is_empty());
        let counted: ARef<Task> = ARef::from(&*t);
        kunit_assert_eq!(counted.pid(), t.pid());
        kunit_assert_eq!(crate::current!().as_ptr(), t.as_ptr());
    }

    #[test]
    fn spawn_and_join() -> Result {
        let data = KVec::from_elem(7u32, 6, GFP_KERNEL)?;
        let me = Task::current().pid();
        let t = spawn(c_str!("rust_join"), move || {
            let cur = Task::current();
            (
                data.iter().sum::<u32>(),
                cur.pid(),
                cur.comm().to_cstring(GFP_KERNEL),
            )
        })?;
        let child = t.task().pid();
        let (sum, pid, name) = t.join();
        kunit_assert_eq!(sum, 42);
        kunit_assert_eq!(pid, child);
        kunit_assert!(pid != me);
        kunit_assert_eq!(name?.to_str(), Ok("rust_join"));
        Ok(())
    }

    #[test]
    fn spawn_and_stop() -> Result {
        static ROUNDS: AtomicU32 = AtomicU32::new(0);
        ROUNDS.store(0, Ordering::Relaxed);
        let t = spawn(c_str!("rust_stop"), || {
            while !should_stop() {
                ROUNDS.fetch_add(1, Ordering::Relaxed);
                msleep(1);
            }
            -5i32
        })?;
        while ROUNDS.load(Ordering::Relaxed) < 3 {
            msleep(1);
        }
        kunit_assert!(!t.is_finished());
        kunit_assert_eq!(t.stop(), -5);
        // Not our own thread: `should_stop` is false here.
        kunit_assert!(!should_stop());
        Ok(())
    }

    #[test]
    fn stop_after_exit_and_detach() -> Result {
        let t = spawn(c_str!("rust_quick"), || 1u8)?;
        while !t.is_finished() {
            yield_now();
        }
        // The thread is gone; stopping it just collects the result.
        kunit_assert_eq!(t.stop(), 1);

        static RAN: AtomicBool = AtomicBool::new(false);
        RAN.store(false, Ordering::Relaxed);
        let t = spawn(c_str!("rust_detach"), || RAN.store(true, Ordering::Release))?;
        drop(t);
        let start = crate::time::jiffies();
        while !RAN.load(Ordering::Acquire) {
            msleep(1);
            kunit_assert!(crate::time::jiffies().wrapping_sub(start) < 1000);
        }
        Ok(())
    }

    #[test]
    fn spawn_failure_is_clean() {
        let before = crate::alloc::fault_inject::slab_bytes();
        // The packet, the kthread bookkeeping, the task, its stack.
        for n in 0..4 {
            let _guard = crate::alloc::fault_inject::fail_after_scoped(n);
            let r = spawn(c_str!("rust_fail"), || 0u8);
            if let Ok(t) = r {
                kunit_assert_eq!(t.join(), 0);
            } else {
                kunit_assert_eq!(r.err(), Some(ENOMEM));
            }
        }
        // `join` returns once the thread is gone, and so does `spawn`'s
        // failure: nothing is freed later.
        kunit_assert_eq!(crate::alloc::fault_inject::slab_bytes(), before);
    }
}
