// SPDX-License-Identifier: GPL-2.0-only

//! Small ID allocators (Linux's IDA, `include/linux/idr.h`): a fixed
//! range `0..N` of IDs, each handed out once until it is given back,
//! e.g. the index in a disk's name (`rnullb0`, `vda`).
//!
//! # Examples
//!
//! ```
//! use kernel::ida::Ida;
//!
//! static IDS: Ida<2> = Ida::new();
//! let a = IDS.alloc()?;
//! let b = IDS.alloc()?;
//! assert_eq!((a.id(), b.id()), (0, 1));
//! assert!(IDS.alloc().is_err()); // ENOSPC: all taken
//! drop(a);
//! assert_eq!(IDS.alloc()?.id(), 0); // the lowest free one
//! # Ok::<(), kernel::error::Error>(())
//! ```

use crate::error::{code::ENOSPC, Result};
use core::sync::atomic::{AtomicBool, Ordering};

/// IDs `0..N`, free or taken; usable from any context (atomic flags).
pub struct Ida<const N: usize> {
    used: [AtomicBool; N],
}

impl<const N: usize> Default for Ida<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Ida<N> {
    /// All `N` IDs free.
    pub const fn new() -> Self {
        Ida {
            used: [const { AtomicBool::new(false) }; N],
        }
    }

    /// Takes the lowest free ID (`ida_alloc()`), given back when the
    /// returned [`IdaId`] is dropped; `ENOSPC` when all are taken. Never
    /// sleeps.
    pub fn alloc(&self) -> Result<IdaId<'_, N>> {
        self.used
            .iter()
            .position(|used| {
                used.compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
                    .is_ok()
            })
            .map(|id| IdaId { ida: self, id })
            .ok_or(ENOSPC)
    }
}

/// An ID taken from an [`Ida`]; dropping it frees it (`ida_free()`).
pub struct IdaId<'a, const N: usize> {
    ida: &'a Ida<N>,
    id: usize,
}

impl<const N: usize> IdaId<'_, N> {
    /// The ID, below `N`.
    pub fn id(&self) -> usize {
        self.id
    }
}

impl<const N: usize> Drop for IdaId<'_, N> {
    fn drop(&mut self) {
        self.ida.used[self.id].store(false, Ordering::Release);
    }
}
