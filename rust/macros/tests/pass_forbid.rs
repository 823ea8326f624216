// SPDX-License-Identifier: GPL-2.0-only

//! `make rustmacrocheck`: every macro's output compiles in a crate that
//! forbids unsafe code (this one, also built with `-Funsafe_code`).

#![no_std]
#![forbid(unsafe_code)]

use kernel::prelude::*;

module! {
    type: Check,
    name: "rustmacrocheck_pass",
    authors: ["Ferrite developers"],
    description: "macro output under forbid(unsafe_code)",
    license: "GPL",
}

struct Check;

impl Module for Check {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        Ok(Check)
    }
}

/// A `#[vtable]` trait.
#[vtable]
pub trait Ops {
    /// Required.
    fn a(&self) -> u32;
    /// Provided.
    fn b(&self) -> u32 {
        0
    }
}

#[vtable]
impl Ops for Check {
    fn a(&self) -> u32 {
        1
    }
}

// The impl's `#[vtable]` sets HAS_A; HAS_B keeps its default, which
// evaluates because the impl has the attribute.
const _: () = assert!(<Check as Ops>::HAS_A && !<Check as Ops>::HAS_B);

/// Uses the constants.
pub fn has_b() -> bool {
    <Check as Ops>::HAS_B
}

#[kunit_tests(rustmacrocheck)]
mod tests {
    use kernel::prelude::*;

    #[test]
    fn plain() {
        kunit_assert!(true);
    }

    #[test]
    #[allow(clippy::eq_op)]
    fn returns_result() -> Result {
        kunit_assert_eq!(1 + 1, 2);
        Ok(())
    }
}
