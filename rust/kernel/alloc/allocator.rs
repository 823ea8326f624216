// SPDX-License-Identifier: GPL-2.0-only

//! The allocators: [`Kmalloc`], [`Vmalloc`] and [`KVmalloc`], and the
//! global allocator shim that the `alloc` crate calls.
//!
//! # Alignment
//!
//! `kmalloc` aligns a block of a power-of-two size class to that size,
//! the 96- and 192-byte classes to 32 and 64, and large blocks to a page
//! (see `include/linux/slab.h`). Rounding the size up to a multiple of the
//! alignment therefore gives an aligned block for any alignment up to
//! `PAGE_SIZE`: a size class that holds a multiple of `align` bytes is
//! always aligned to at least `align`. Larger alignments are refused (the
//! allocation fails) by every allocator here but [`Vmalloc`], which asks
//! `__vmalloc_node()` for them.
//!
//! # Examples
//!
//! ```
//! use core::alloc::Layout;
//! use kernel::alloc::{flags::*, Allocator, Kmalloc};
//!
//! let layout = Layout::new::<[u64; 4]>();
//! let block = Kmalloc::alloc(layout, GFP_KERNEL | __GFP_ZERO)?;
//! assert!(block.len() >= 32);
//! assert_eq!(block.cast::<u8>().as_ptr() as usize % 8, 0);
//! // SAFETY: `block` was allocated just above for `layout`.
//! unsafe { Kmalloc::free(block.cast(), layout) };
//! # Ok::<(), kernel::error::Error>(())
//! ```

use super::{dangling, flags, AllocError, Allocator, Flags};
use core::alloc::Layout;
use core::mem::Alignment;
use core::ptr::{self, NonNull};

/// `PAGE_SIZE`, the largest alignment `kmalloc` guarantees.
const PAGE_SIZE: usize = bindings::PAGE_SIZE;

/// `kmalloc` memory (`krealloc()`/`kfree()`): physically contiguous, at
/// most `KMALLOC_MAX_SIZE` bytes, usable in any context with
/// [`flags::GFP_ATOMIC`] or [`flags::GFP_NOWAIT`].
pub struct Kmalloc;

/// `vmalloc` memory (`__vmalloc()`/`vfree()`): virtually contiguous
/// whole pages, for large buffers. Allocating and freeing may sleep, so
/// only process context may use it, and flags that forbid sleeping
/// ([`flags::GFP_ATOMIC`], [`flags::GFP_NOWAIT`]) make the allocation
/// fail.
pub struct Vmalloc;

/// `kvmalloc` memory (`kvmalloc()`/`kvfree()`): `kmalloc` when it can,
/// `vmalloc` otherwise; process context only, like [`Vmalloc`].
pub struct KVmalloc;

/// The size to ask `kmalloc` for so that the block is aligned to `align`
/// (see the module documentation), or `None` if that cannot be done.
#[inline]
fn kmalloc_size(size: usize, align: usize) -> Option<usize> {
    if align > PAGE_SIZE {
        return None;
    }
    size.checked_next_multiple_of(align)
}

/// The block a `realloc` was given: null when there is none (`ptr` is
/// `None`, or the old layout is empty and `ptr` dangling).
#[inline]
fn old_block(ptr: Option<NonNull<u8>>, old_layout: Layout) -> *mut u8 {
    match ptr {
        Some(p) if old_layout.size() != 0 => p.as_ptr(),
        _ => ptr::null_mut(),
    }
}

/// `krealloc()`s `old` (null: a new block) to `size` bytes (non-zero)
/// aligned to `align`; null on failure, with `old` left valid.
///
/// # Safety
///
/// `old` is null or a live block from `kmalloc`/`krealloc`.
///
/// # Panics
///
/// If `kmalloc` breaks its alignment promise (a bug in the slab
/// allocator that Rust's memory safety depends on).
#[inline]
unsafe fn krealloc_aligned(old: *mut u8, size: usize, align: usize, flags: Flags) -> *mut u8 {
    let Some(size) = kmalloc_size(size, align) else {
        return ptr::null_mut();
    };
    let new = if old.is_null() {
        // A new block: plain `kmalloc`, as C code would call it (krealloc
        // would first look up and then free the null block).
        // SAFETY: `kmalloc` may be called with any size and flags.
        unsafe { bindings::kmalloc(size, flags.as_raw()) }
    } else {
        // SAFETY: `old` is a live kmalloc block, as the caller guarantees;
        // `krealloc` leaves it valid on failure.
        unsafe { bindings::krealloc(old.cast(), size, flags.as_raw()) }
    }
    .cast::<u8>();
    assert!(
        new.is_null() || new.addr().is_multiple_of(align),
        "kmalloc returned a block not aligned to {align}"
    );
    new
}

// SAFETY: `krealloc` returns blocks of at least the size asked for,
// aligned as explained in the module documentation (and checked), and
// leaves the old block valid when it fails.
unsafe impl Allocator for Kmalloc {
    #[inline]
    unsafe fn realloc(
        ptr: Option<NonNull<u8>>,
        layout: Layout,
        old_layout: Layout,
        flags: Flags,
    ) -> Result<NonNull<[u8]>, AllocError> {
        let old = old_block(ptr, old_layout);
        if layout.size() == 0 {
            // SAFETY: `old` is null or a live kmalloc block, as the caller
            // guarantees; it is not used again.
            unsafe { bindings::kfree(old.cast()) };
            return Ok(dangling(layout));
        }
        // SAFETY: as above.
        let new = unsafe { krealloc_aligned(old, layout.size(), layout.align(), flags) };
        let new = NonNull::new(new).ok_or(AllocError)?;
        Ok(NonNull::slice_from_raw_parts(new, layout.size()))
    }
}

/// Reallocates through an allocator without a `realloc` of its own:
/// allocates with `alloc`, copies, frees the old block with `free`.
///
/// # Safety
///
/// `old` is null or a live block of at least `old_size` bytes that `free`
/// accepts; `alloc` returns null or a block of at least `size` bytes.
unsafe fn realloc_by_copy(
    old: *mut u8,
    old_size: usize,
    layout: Layout,
    flags: Flags,
    alloc: impl FnOnce(usize, Flags) -> *mut u8,
    free: unsafe fn(*const ffi::c_void),
) -> Result<NonNull<[u8]>, AllocError> {
    if layout.size() == 0 {
        // SAFETY: `old` is null or a live block `free` accepts.
        unsafe { free(old.cast()) };
        return Ok(dangling(layout));
    }
    let new = NonNull::new(alloc(layout.size(), flags)).ok_or(AllocError)?;
    if !old.is_null() {
        // SAFETY: both blocks are live, distinct, and at least this long.
        unsafe { ptr::copy_nonoverlapping(old, new.as_ptr(), old_size.min(layout.size())) };
        if flags.contains(flags::__GFP_ZERO) && layout.size() > old_size {
            // SAFETY: the tail of the new block, in bounds.
            unsafe { ptr::write_bytes(new.as_ptr().add(old_size), 0, layout.size() - old_size) };
        }
        // SAFETY: `old` is a live block `free` accepts; it has been copied
        // and is not used again.
        unsafe { free(old.cast()) };
    }
    Ok(NonNull::slice_from_raw_parts(new, layout.size()))
}

/// `vfree()` with the signature [`realloc_by_copy`] takes.
///
/// # Safety
///
/// As `vfree()`: `p` is null or a live vmalloc area.
unsafe fn vfree(p: *const ffi::c_void) {
    // SAFETY: as the caller guarantees.
    unsafe { bindings::vfree(p) }
}

/// `kvfree()` with the signature [`realloc_by_copy`] takes.
///
/// # Safety
///
/// As `kvfree()`: `p` is null or a live kmalloc or vmalloc block.
unsafe fn kvfree(p: *const ffi::c_void) {
    // SAFETY: as the caller guarantees.
    unsafe { bindings::kvfree(p) }
}

// SAFETY: vmalloc areas are whole pages aligned to a page (or to `align`
// through `__vmalloc_node`), at least as long as asked for; on failure the
// old block is not touched.
unsafe impl Allocator for Vmalloc {
    unsafe fn realloc(
        ptr: Option<NonNull<u8>>,
        layout: Layout,
        old_layout: Layout,
        flags: Flags,
    ) -> Result<NonNull<[u8]>, AllocError> {
        let old = old_block(ptr, old_layout);
        if layout.size() != 0 && !flags.allows_blocking() {
            return Err(AllocError); // vmalloc may sleep
        }
        if !old.is_null() && layout.size() != 0 {
            // SAFETY: `old` is a live vmalloc area; this only looks it up.
            let area = unsafe { bindings::vmalloc_size(old.cast()) } as usize;
            if layout.size() <= area {
                // It still fits: keep the area.
                if flags.contains(flags::__GFP_ZERO) && layout.size() > old_layout.size() {
                    // SAFETY: in bounds of the live area.
                    unsafe {
                        ptr::write_bytes(
                            old.add(old_layout.size()),
                            0,
                            layout.size() - old_layout.size(),
                        )
                    };
                }
                // SAFETY: `old` is not null.
                let old = unsafe { NonNull::new_unchecked(old) };
                return Ok(NonNull::slice_from_raw_parts(old, layout.size()));
            }
        }
        let align = layout.align();
        let alloc = |size: usize, flags: Flags| -> *mut u8 {
            if align <= PAGE_SIZE {
                // SAFETY: `__vmalloc` has no preconditions; it may sleep,
                // which `flags` allows.
                unsafe { bindings::__vmalloc(size as ffi::c_ulong, flags.as_raw()) }.cast()
            } else {
                // SAFETY: as above; `align` is a power of two above a page.
                unsafe {
                    bindings::__vmalloc_node(
                        size as ffi::c_ulong,
                        align as ffi::c_ulong,
                        flags.as_raw(),
                        bindings::NUMA_NO_NODE,
                        ptr::null(),
                    )
                }
                .cast()
            }
        };
        // SAFETY: `old` is null or a live vmalloc area of at least
        // `old_layout.size()` bytes, and `alloc` returns vmalloc areas.
        unsafe { realloc_by_copy(old, old_layout.size(), layout, flags, alloc, vfree) }
    }
}

// SAFETY: `kvmalloc` returns either a kmalloc block (aligned as explained
// in the module documentation, for the rounded size) or a page-aligned
// vmalloc area; on failure the old block is not touched.
unsafe impl Allocator for KVmalloc {
    unsafe fn realloc(
        ptr: Option<NonNull<u8>>,
        layout: Layout,
        old_layout: Layout,
        flags: Flags,
    ) -> Result<NonNull<[u8]>, AllocError> {
        let old = old_block(ptr, old_layout);
        if layout.size() != 0 && !flags.allows_blocking() {
            return Err(AllocError); // vmalloc may sleep
        }
        let Some(size) = kmalloc_size(layout.size(), layout.align()) else {
            return Err(AllocError);
        };
        let alloc = |_size: usize, flags: Flags| -> *mut u8 {
            // SAFETY: `kvmalloc` has no preconditions; it may sleep, which
            // `flags` allows.
            unsafe { bindings::kvmalloc(size, flags.as_raw()) }.cast()
        };
        // SAFETY: `old` is null or a live kvmalloc block of at least
        // `old_layout.size()` bytes, and `alloc` returns kvmalloc blocks
        // of `size >= layout.size()` bytes.
        unsafe { realloc_by_copy(old, old_layout.size(), layout, flags, alloc, kvfree) }
    }
}

// The symbols `alloc` calls (`__rust_alloc` & co.) are normally generated
// by rustc, for the final executable, from the `#[global_allocator]`.
// vmlinux is linked by `ld`, not by rustc, so the kernel defines them
// itself, under the same (mangled) names. They serve the `alloc` crate's
// `Box`, `Vec`... with `GFP_KERNEL`.

/// `alloc`'s `__rust_alloc`.
///
/// # Safety
///
/// As `GlobalAlloc::alloc`.
#[rustc_std_internal_symbol]
unsafe fn __rust_alloc(size: usize, align: Alignment) -> *mut u8 {
    // SAFETY: a new block. Size 0 would make krealloc() free the block,
    // so ask for at least 1 byte.
    unsafe {
        krealloc_aligned(
            ptr::null_mut(),
            size.max(1),
            align.as_usize(),
            flags::GFP_KERNEL,
        )
    }
}

/// `alloc`'s `__rust_alloc_zeroed`.
///
/// # Safety
///
/// As `GlobalAlloc::alloc_zeroed`.
#[rustc_std_internal_symbol]
unsafe fn __rust_alloc_zeroed(size: usize, align: Alignment) -> *mut u8 {
    // SAFETY: a new block, at least 1 byte as above.
    unsafe {
        krealloc_aligned(
            ptr::null_mut(),
            size.max(1),
            align.as_usize(),
            flags::GFP_KERNEL | flags::__GFP_ZERO,
        )
    }
}

/// `alloc`'s `__rust_realloc`.
///
/// # Safety
///
/// As `GlobalAlloc::realloc`: `ptr` was allocated here with `align`.
#[rustc_std_internal_symbol]
unsafe fn __rust_realloc(
    ptr: NonNull<u8>,
    _old_size: usize,
    align: Alignment,
    new_size: usize,
) -> *mut u8 {
    // SAFETY: `ptr` is a live block from this allocator, as the caller
    // guarantees; at least 1 byte as above.
    unsafe {
        krealloc_aligned(
            ptr.as_ptr(),
            new_size.max(1),
            align.as_usize(),
            flags::GFP_KERNEL,
        )
    }
}

/// `alloc`'s `__rust_dealloc`.
///
/// # Safety
///
/// As `GlobalAlloc::dealloc`: `ptr` was allocated here.
#[rustc_std_internal_symbol]
unsafe fn __rust_dealloc(ptr: NonNull<u8>, _size: usize, _align: Alignment) {
    // SAFETY: `ptr` is a live kmalloc block, as the caller guarantees.
    unsafe { bindings::kfree(ptr.as_ptr().cast()) }
}

/// Marks that the allocator shim exists (`alloc` calls it to make sure of
/// that); it has nothing to do.
#[rustc_std_internal_symbol]
fn __rust_no_alloc_shim_is_unstable_v2() {}
