// SPDX-License-Identifier: GPL-2.0-only

//! Rust module parameters sample: `params:` in `module!`, set on the
//! kernel command line as `rust_params.NAME=VALUE`.
//!
//! `make test` boots the KUnit run with `rust_params.count=7
//! rust_params.flag rust_params.greeting="hi there" rust_params.level=300`
//! (`scripts/run_tests.py`), and this module's suite checks that the
//! first three arrived, that `offset` (not given) kept its default and
//! that `level` (300 does not fit a `u8`) was refused and kept its own.

#![no_std]
#![forbid(unsafe_code)]

use kernel::prelude::*;

module! {
    type: RustParams,
    name: "rust_params",
    authors: ["Ferrite developers"],
    description: "Rust module parameters sample",
    license: "GPL",
    params: {
        count: u32 {
            default: 4,
            description: "A count, printed at init",
        },
        offset: i64 {
            default: -1,
            description: "A signed value that nothing sets",
        },
        level: u8 {
            default: 3,
            description: "A small number; too large a value is refused",
        },
        flag: bool {
            default: false,
            description: "A switch: `rust_params.flag` alone turns it on",
        },
        greeting: str {
            default: "hello",
            description: "What to print",
        },
    },
}

struct RustParams;

impl Module for RustParams {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        let count = *module_parameters::count.value();
        pr_info!(
            "count={} offset={} level={} flag={} greeting={:?}\n",
            count,
            module_parameters::offset.value(),
            module_parameters::level.value(),
            module_parameters::flag.value(),
            module_parameters::greeting.value().as_str(),
        );
        Ok(RustParams)
    }
}

#[kunit_tests(rust_params)]
mod tests {
    use super::module_parameters::*;
    use kernel::prelude::*;

    #[test]
    fn set_on_the_command_line() {
        kunit_assert!(count.is_set() && flag.is_set() && greeting.is_set());
        kunit_assert_eq!(*count.value(), 7);
        kunit_assert!(*flag.value());
        kunit_assert_eq!(greeting.value().as_str(), "hi there");
    }

    #[test]
    fn defaults_when_absent() {
        kunit_assert!(!offset.is_set());
        kunit_assert_eq!(*offset.value(), -1);
    }

    #[test]
    fn refused_value_keeps_the_default() {
        kunit_assert!(!level.is_set());
        kunit_assert_eq!(*level.value(), 3);
    }

    #[test]
    fn names_and_descriptions() {
        kunit_assert_eq!(count.name(), "count");
        kunit_assert_eq!(count.description(), "A count, printed at init");
    }
}
