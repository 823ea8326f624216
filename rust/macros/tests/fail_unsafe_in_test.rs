// SPDX-License-Identifier: GPL-2.0-only

//! `make rustmacrocheck`: must NOT compile. An `unsafe` block written in
//! a `#[kunit_tests]` test keeps its span, so `-Funsafe_code` rejects it.
// expect: usage of an `unsafe` block

#![no_std]

#[kernel::kunit_tests(rustmacrocheck_fail)]
mod tests {
    #[test]
    fn sneaky() {
        let x = 1u8;
        // SAFETY: none; this must be refused.
        let y = unsafe { core::ptr::read(&x) };
        kernel::kunit_assert_eq!(x, y);
    }
}
