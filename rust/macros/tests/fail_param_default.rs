// SPDX-License-Identifier: GPL-2.0-only

//! `make rustmacrocheck`: must NOT compile. A parameter's default is
//! checked against its type when `module!` expands.
// expect: 300 does not fit in `u8`

#![no_std]

use kernel::prelude::*;

module! {
    type: Check,
    name: "fail_param_default",
    license: "GPL",
    params: {
        level: u8 {
            default: 300,
            description: "Too small a type for the default",
        },
    },
}

struct Check;

impl Module for Check {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        Ok(Check)
    }
}
