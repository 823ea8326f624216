// SPDX-License-Identifier: GPL-2.0-only

//! Memory allocation: GFP [`Flags`], the [`Allocator`] trait and the
//! kernel's own owning types, [`KBox`] and [`KVec`].
//!
//! Every allocation takes the GFP flags that say where it may happen
//! ([`flags::GFP_KERNEL`] in process context, [`flags::GFP_ATOMIC`] with
//! a lock held or in an interrupt) and returns a `Result`: running out of
//! memory is an [`AllocError`] (which `?` turns into `ENOMEM`), never a
//! panic.
//!
//! Three allocators back the containers:
//!
//! - [`Kmalloc`]: `krealloc()`/`kfree()`, physically contiguous, any
//!   context with the right flags ([`KBox`], [`KVec`]);
//! - [`Vmalloc`]: `__vmalloc()`/`vfree()`, virtually contiguous, process
//!   context only ([`VBox`], [`VVec`]);
//! - [`KVmalloc`]: `kvmalloc()`/`kvfree()`, `kmalloc` with a `vmalloc`
//!   fallback ([`KVBox`], [`KVVec`]).
//!
//! The fallible parts of the `alloc` crate (`Box::try_new`,
//! `Vec::try_reserve`...) still work: their global allocator is
//! `kmalloc` with `GFP_KERNEL` (see `allocator.rs`). Prefer the types
//! here, which take flags.
//!
//! [`fault_inject`] makes allocations fail on purpose, to test error
//! paths.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//!
//! let b = KBox::new(42u32, GFP_KERNEL)?;
//! assert_eq!(*b, 42);
//!
//! let mut v = KVec::new();
//! v.push(1u8, GFP_KERNEL)?;
//! v.extend_from_slice(&[2, 3], GFP_KERNEL)?;
//! assert_eq!(v.as_slice(), &[1, 2, 3]);
//!
//! // Zeroed memory, from an atomic-safe allocation.
//! let z = KVec::<u64>::from_elem(0, 8, GFP_ATOMIC | __GFP_ZERO)?;
//! assert!(z.iter().all(|&x| x == 0));
//! # Ok::<(), Error>(())
//! ```

pub mod allocator;
pub mod kbox;
pub mod kvec;

use core::alloc::Layout;
use core::ops::{BitAnd, BitOr, BitOrAssign, Not};
use core::ptr::NonNull;

pub use self::allocator::{KVmalloc, Kmalloc, Vmalloc};
pub use self::kbox::{Box, KBox, KVBox, VBox};
pub use self::kvec::{IntoIter, KVVec, KVec, VVec, Vec};
pub use core::alloc::AllocError;

/// GFP ("get free pages") flags: how an allocation may go about finding
/// memory. Combine them with `|`: `GFP_KERNEL | __GFP_ZERO`.
///
/// The values are the C ones from `include/linux/gfp.h`; see [`flags`]
/// for the usual combinations.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Flags(u32);

impl Flags {
    /// The flags as the C `gfp_t`.
    #[inline]
    pub const fn as_raw(self) -> bindings::gfp_t {
        self.0
    }

    /// The flags of both (`self | other`), usable in constants.
    #[inline]
    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    /// Whether every flag of `other` is set in `self`.
    #[inline]
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether the allocator may sleep (`gfpflags_allow_blocking()`).
    #[inline]
    pub const fn allows_blocking(self) -> bool {
        self.0 & bindings::__GFP_DIRECT_RECLAIM != 0
    }
}

impl BitOr for Flags {
    type Output = Flags;
    #[inline]
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl BitOrAssign for Flags {
    #[inline]
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for Flags {
    type Output = Flags;
    #[inline]
    fn bitand(self, rhs: Flags) -> Flags {
        Flags(self.0 & rhs.0)
    }
}

impl Not for Flags {
    type Output = Flags;
    #[inline]
    fn not(self) -> Flags {
        Flags(!self.0)
    }
}

/// The GFP flags, as [`Flags`] values.
///
/// # Examples
///
/// ```
/// use kernel::alloc::flags::*;
///
/// let f = GFP_KERNEL | __GFP_ZERO;
/// assert!(f.contains(GFP_KERNEL) && f.contains(__GFP_ZERO));
/// assert!(GFP_KERNEL.allows_blocking());
/// assert!(!GFP_ATOMIC.allows_blocking() && !GFP_NOWAIT.allows_blocking());
/// ```
pub mod flags {
    use super::Flags;

    /// Normal allocation from process context: may sleep.
    pub const GFP_KERNEL: Flags = Flags(bindings::GFP_KERNEL);
    /// Never sleeps and may use the emergency reserve: for interrupts and
    /// code holding a spinlock.
    pub const GFP_ATOMIC: Flags = Flags(bindings::GFP_ATOMIC);
    /// Never sleeps and does not touch the reserve: may fail rather than
    /// wait.
    pub const GFP_NOWAIT: Flags = Flags(bindings::GFP_NOWAIT);
    /// Return zeroed memory (for a reallocation, the new part is zeroed).
    pub const __GFP_ZERO: Flags = Flags(bindings::__GFP_ZERO);
    /// Do not log a message when the allocation fails.
    pub const __GFP_NOWARN: Flags = Flags(bindings::__GFP_NOWARN);
    /// May use the emergency reserve.
    pub const __GFP_HIGH: Flags = Flags(bindings::__GFP_HIGH);
}

/// A memory allocator that the kernel's containers are generic over.
///
/// Everything goes through [`Allocator::realloc`]: allocating is
/// reallocating nothing, freeing is reallocating to size zero.
///
/// # Safety
///
/// A block returned by an implementation is valid for reads and writes
/// of `layout.size()` bytes, aligned to `layout.align()`, and stays so
/// until it is passed back to `realloc` or `free`; it does not overlap
/// any other live block. On failure, the old block is left untouched.
pub unsafe trait Allocator {
    /// Allocates a block for `layout`.
    ///
    /// A zero-sized `layout` allocates nothing and returns a dangling,
    /// well-aligned pointer.
    #[inline]
    fn alloc(layout: Layout, flags: Flags) -> Result<NonNull<[u8]>, AllocError> {
        // SAFETY: no old block, so there is nothing for the caller to
        // guarantee.
        unsafe { Self::realloc(None, layout, Layout::new::<()>(), flags) }
    }

    /// Resizes `ptr`'s block to `layout`, keeping its contents up to the
    /// smaller of the two sizes; `None` allocates a new block.
    ///
    /// A zero-sized `layout` frees the block and returns a dangling
    /// pointer. With [`flags::__GFP_ZERO`], bytes past the old size are
    /// zero. On failure, the old block is still valid and unchanged.
    ///
    /// # Safety
    ///
    /// `ptr` is `None`, or a block this allocator returned for
    /// `old_layout` and that is still live (if `old_layout` is zero-sized,
    /// `ptr` is a dangling pointer and is ignored). `layout.align()` is
    /// `old_layout.align()` when `ptr` is a live block. On success, the
    /// old pointer must not be used any more.
    unsafe fn realloc(
        ptr: Option<NonNull<u8>>,
        layout: Layout,
        old_layout: Layout,
        flags: Flags,
    ) -> Result<NonNull<[u8]>, AllocError>;

    /// Frees `ptr`'s block.
    ///
    /// # Safety
    ///
    /// `ptr` is a live block this allocator returned for `layout` (or a
    /// dangling pointer when `layout` is zero-sized); it is not used
    /// afterwards.
    #[inline]
    unsafe fn free(ptr: NonNull<u8>, layout: Layout) {
        let to = Layout::from_size_align(0, layout.align()).unwrap_or(Layout::new::<()>());
        // SAFETY: `ptr` is a live block for `layout`, as the caller
        // guarantees; a zero-sized reallocation frees it and cannot fail.
        let _ = unsafe { Self::realloc(Some(ptr), to, layout, Flags(0)) };
    }
}

/// A dangling, well-aligned, empty block for a zero-sized layout.
#[inline]
fn dangling(layout: Layout) -> NonNull<[u8]> {
    // An alignment is never zero, so the address is not null.
    let ptr = NonNull::new(layout.align() as *mut u8).unwrap_or(NonNull::dangling());
    NonNull::slice_from_raw_parts(ptr, 0)
}

/// Allocation fault injection, for tests: make a chosen allocation fail.
///
/// Wraps `include/linux/fault-inject.h`. Every allocation request counts
/// once (a `kmalloc`, `krealloc` that must allocate, `vmalloc`, a page
/// allocation), and the countdown is global: anything else allocating
/// meanwhile consumes it too, so keep the armed window short.
///
/// # Examples
///
/// ```
/// use kernel::alloc::fault_inject;
/// use kernel::prelude::*;
///
/// let before = fault_inject::count();
/// fault_inject::fail_after(0);
/// assert!(fault_inject::armed());
/// assert!(KBox::new(1u64, GFP_KERNEL | __GFP_NOWARN).is_err());
/// assert!(!fault_inject::armed());
/// assert_eq!(fault_inject::count(), before + 1);
/// // Disarmed again: the next allocation succeeds.
/// assert!(KBox::new(2u64, GFP_KERNEL).is_ok());
/// ```
pub mod fault_inject {
    /// Arms the injection: the next `n` allocation requests succeed and
    /// the one after fails (once; then it disarms itself).
    pub fn fail_after(n: u32) {
        // SAFETY: `alloc_fail_after` only sets a countdown; callable from
        // any context.
        unsafe { bindings::alloc_fail_after(n) }
    }

    /// Disarms the injection without making anything fail.
    pub fn off() {
        // SAFETY: `alloc_fail_off` only clears the countdown.
        unsafe { bindings::alloc_fail_off() }
    }

    /// Whether the injection is armed (its failure has not happened yet).
    pub fn armed() -> bool {
        // SAFETY: `alloc_fail_armed` only reads the countdown.
        unsafe { bindings::alloc_fail_armed() }
    }

    /// The number of failures injected since boot.
    pub fn count() -> usize {
        // SAFETY: `alloc_fail_count` only reads a counter.
        unsafe { bindings::alloc_fail_count() }
    }

    /// Memory in use, for tests that check a failure leaked nothing: the
    /// bytes in slab objects, the pages in vmalloc areas and the free
    /// pages, read after giving empty slabs back (`kmem_cache_shrink_all()`,
    /// so cached empty slabs do not count). May sleep.
    #[cfg(CONFIG_KUNIT)]
    pub fn memory_in_use() -> (usize, usize, usize) {
        // SAFETY: these only read counters, or free empty slabs; callable
        // from any sleepable context.
        unsafe {
            bindings::kmem_cache_shrink_all();
            (
                bindings::slab_allocated_bytes(),
                bindings::vmalloc_nr_pages(),
                bindings::nr_free_pages(),
            )
        }
    }

    /// Bytes in slab objects now (`slab_allocated_bytes()`), for tests
    /// that check an operation freed what it allocated. Any context.
    #[cfg(CONFIG_KUNIT)]
    pub fn slab_bytes() -> usize {
        // SAFETY: only reads a counter.
        unsafe { bindings::slab_allocated_bytes() }
    }

    /// Arms the injection for as long as the guard lives: the next `n`
    /// allocation requests succeed, the one after fails. Dropping the
    /// guard disarms it (if it has not fired yet).
    pub fn fail_after_scoped(n: u32) -> FailGuard {
        fail_after(n);
        FailGuard(())
    }

    /// Disarms the fault injection when dropped; see
    /// [`fail_after_scoped`].
    #[must_use = "dropping the guard disarms the injection at once"]
    pub struct FailGuard(());

    impl Drop for FailGuard {
        fn drop(&mut self) {
            off();
        }
    }
}

#[crate::kunit_tests(rust_alloc)]
mod tests {
    use super::fault_inject;
    use crate::prelude::*;
    use core::mem::MaybeUninit;

    /// Memory in use: see [`fault_inject::memory_in_use`].
    fn usage() -> (usize, usize, usize) {
        fault_inject::memory_in_use()
    }

    #[test]
    fn kbox_basics() -> Result {
        let mut b = KBox::new([7u32; 4], GFP_KERNEL)?;
        kunit_assert_eq!(b[3], 7);
        b[0] = 1;
        let raw = KBox::into_raw(b);
        // SAFETY: `raw` comes from `into_raw` just above.
        let b = unsafe { KBox::from_raw(raw) };
        kunit_assert_eq!(*b, [1, 7, 7, 7]);
        kunit_assert_eq!(KBox::into_inner(b), [1, 7, 7, 7]);

        let p = KBox::pin(5u8, GFP_ATOMIC)?;
        kunit_assert_eq!(*p, 5);

        // Zero-sized values allocate nothing.
        let z = KBox::new((), GFP_KERNEL)?;
        kunit_assert_eq!(*z, ());
        Ok(())
    }

    #[test]
    fn kbox_big_alignment() -> Result {
        #[repr(align(256))]
        struct Aligned(u8);
        let b = KBox::new(Aligned(3), GFP_KERNEL)?;
        kunit_assert_eq!((&*b as *const Aligned as usize) % 256, 0);
        kunit_assert_eq!(b.0, 3);

        #[repr(align(8192))]
        struct TooAligned(u8);
        // Larger than a page: refused, not misaligned.
        kunit_assert!(KBox::new(TooAligned(0), GFP_KERNEL).map(|b| b.0).is_err());
        Ok(())
    }

    #[test]
    fn kvec_push_beyond_capacity() -> Result {
        let mut v = KVec::with_capacity(2, GFP_KERNEL)?;
        kunit_assert!(v.capacity() >= 2);
        for i in 0..100u32 {
            v.push(i, GFP_KERNEL)?;
        }
        kunit_assert_eq!(v.len(), 100);
        kunit_assert!(v.capacity() >= 100);
        kunit_assert_eq!(v.iter().sum::<u32>(), 4950);
        kunit_assert_eq!(v.pop(), Some(99));
        v.truncate(10);
        kunit_assert_eq!(v.as_slice(), &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        kunit_assert_eq!(v.remove(0), Some(0));
        kunit_assert_eq!(v.remove(100), None);
        v.retain(|x| x % 2 == 0);
        kunit_assert_eq!(v.as_slice(), &[2, 4, 6, 8]);
        v.clear();
        kunit_assert!(v.is_empty());
        kunit_assert_eq!(v.pop(), None);
        Ok(())
    }

    #[test]
    fn kvec_extend_and_into_iter() -> Result {
        let mut v = KVec::new();
        v.extend_from_slice(b"hello", GFP_KERNEL)?;
        v.extend_from_slice(b", world", GFP_KERNEL)?;
        kunit_assert_eq!(v.as_slice(), b"hello, world");
        v.reserve(100, GFP_KERNEL)?;
        kunit_assert!(v.capacity() >= v.len() + 100);

        let mut names = KVec::new();
        for s in ["a", "bb", "ccc"] {
            names.push(CString::try_from_fmt(fmt!("{s}"))?, GFP_KERNEL)?;
        }
        let mut total = 0;
        for s in names {
            total += s.len();
        }
        kunit_assert_eq!(total, 6);
        Ok(())
    }

    #[test]
    fn kvec_drops_elements() -> Result {
        use core::sync::atomic::{AtomicUsize, Ordering};
        static DROPS: AtomicUsize = AtomicUsize::new(0);
        struct Counted;
        impl Drop for Counted {
            fn drop(&mut self) {
                DROPS.fetch_add(1, Ordering::Relaxed);
            }
        }
        DROPS.store(0, Ordering::Relaxed);
        let mut v = KVec::new();
        for _ in 0..10 {
            v.push(Counted, GFP_KERNEL)?;
        }
        v.truncate(7);
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), 3);
        let mut it = v.into_iter();
        drop(it.next());
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), 4);
        drop(it);
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), 10);
        Ok(())
    }

    #[test]
    fn gfp_zero_zeroes() -> Result {
        // Dirty a block, free it, then ask for a zeroed one of the same
        // size class (most likely the same memory).
        let dirty = KBox::new([0xa5u8; 200], GFP_KERNEL)?;
        drop(dirty);
        let b = KBox::<[u8; 200]>::new_uninit(GFP_KERNEL | __GFP_ZERO)?;
        // SAFETY: `__GFP_ZERO` zeroed the block, and all-zero is a valid
        // `[u8; 200]`.
        let b = unsafe { b.assume_init() };
        kunit_assert!(b.iter().all(|&x| x == 0));

        // Growing a zeroed vector keeps the new part zero.
        let mut v = KVec::<u8>::new();
        v.extend_from_slice(&[0xff; 16], GFP_KERNEL)?;
        v.reserve(1000, GFP_KERNEL | __GFP_ZERO)?;
        let spare: &[MaybeUninit<u8>] = v.spare_capacity_mut();
        // SAFETY: the spare capacity was zeroed by `__GFP_ZERO`.
        kunit_assert!(spare.iter().all(|b| unsafe { b.assume_init() } == 0));
        Ok(())
    }

    #[test]
    fn vmalloc_containers() -> Result {
        let mut v = VVec::with_capacity(3000, GFP_KERNEL)?;
        for i in 0..5000u32 {
            v.push(i, GFP_KERNEL)?;
        }
        kunit_assert_eq!(v[4999], 4999);
        kunit_assert_eq!(v.iter().map(|&x| u64::from(x)).sum::<u64>(), 12_497_500);
        let b = VBox::new([1u64; 1024], GFP_KERNEL)?;
        kunit_assert_eq!(b.iter().sum::<u64>(), 1024);
        // vmalloc may sleep: atomic flags are refused.
        kunit_assert!(VBox::new(0u8, GFP_ATOMIC).is_err());
        let mut kv = KVVec::new();
        kv.extend_from_slice(&[3u16; 10000], GFP_KERNEL)?;
        kunit_assert_eq!(kv.len(), 10000);
        Ok(())
    }

    #[test]
    fn failure_returns_enomem_and_leaks_nothing() -> Result {
        let before = usage();
        let count = fault_inject::count();
        {
            let _guard = fault_inject::fail_after_scoped(0);
            let r = KBox::new([0u8; 64], GFP_KERNEL | __GFP_NOWARN);
            kunit_assert!(r.is_err());
            let e: Error = r.err().map(Error::from).unwrap_or(EINVAL);
            kunit_assert_eq!(e, ENOMEM);
        }
        kunit_assert_eq!(fault_inject::count(), count + 1);

        // A vector that fails to grow keeps its contents.
        let mut v = KVec::new();
        v.extend_from_slice(&[1u32, 2, 3], GFP_KERNEL)?;
        let cap = v.capacity();
        {
            let _guard = fault_inject::fail_after_scoped(0);
            kunit_assert!(v.reserve(cap + 1, GFP_KERNEL | __GFP_NOWARN).is_err());
        }
        kunit_assert_eq!(v.as_slice(), &[1, 2, 3]);
        kunit_assert_eq!(v.capacity(), cap);
        v.push(4, GFP_KERNEL)?;
        drop(v);

        // Failing in the middle of a build-up frees what was built.
        {
            let _guard = fault_inject::fail_after_scoped(3);
            let mut boxes = KVec::new();
            let mut failed = false;
            for i in 0..8u64 {
                match KBox::new(i, GFP_KERNEL | __GFP_NOWARN) {
                    Ok(b) => {
                        if boxes.push(b, GFP_KERNEL | __GFP_NOWARN).is_err() {
                            failed = true;
                            break;
                        }
                    }
                    Err(_) => {
                        failed = true;
                        break;
                    }
                }
            }
            kunit_assert!(failed);
        }
        kunit_assert_eq!(usage(), before);
        Ok(())
    }

    #[test]
    fn global_alloc_still_works() -> Result {
        use ::alloc::{boxed::Box, vec::Vec};
        let mut v: Vec<u32> = Vec::new();
        v.try_reserve(16)?;
        kunit_assert!(v.capacity() >= 16);
        let b = Box::try_new(9u16)?;
        kunit_assert_eq!(*b, 9);
        Ok(())
    }
}
