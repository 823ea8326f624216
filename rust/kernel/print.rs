// SPDX-License-Identifier: GPL-2.0-only

//! Printing to the kernel log: [`pr_info!`](crate::pr_info) and the rest,
//! with Rust's formatting and the C `printk()` levels.
//!
//! A message is formatted into a buffer on the stack (never allocated, so
//! printing works in any context and never fails), then handed to C's
//! `printk()` with its level. Messages longer than [`LINE_MAX`] bytes are
//! cut. As in C, end a line with `\n`; [`pr_cont!`](crate::pr_cont)
//! continues the previous one.
//!
//! Every message but a continuation starts with `<prefix>: `, the
//! calling crate's `__LOG_PREFIX`: the module's name, which
//! [`module!`](crate::module!) defines (`rust_echo: ...`), or
//! `rust_kernel` in this crate. This is C's `pr_fmt()` convention (a C
//! file starts with `#define pr_fmt(fmt) "name: " fmt`) made automatic,
//! as in Linux's Rust. A crate without `module!` that prints defines the
//! constant itself: `const __LOG_PREFIX: &str = "name";` (an empty one
//! prints no prefix).
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//!
//! pr_info!("{} + {} = {}\n", 1, 2, 1 + 2);
//! pr_warn!("{:>8}|{:<8}|{:^8}|\n", "right", "left", "mid");
//! pr_info!("hex {:#x}, debug {:?}\n", 255, Some("x"));
//! ```

use core::fmt::{self, Write};

/// Longest message printed in one call; the rest is cut. It matches the
/// C `printk()`'s own limit (a 512-byte buffer with its NUL), so Rust and
/// C messages are cut at the same length.
pub const LINE_MAX: usize = 511;

/// Log levels (`KERN_EMERG`..`KERN_DEBUG`, `KERN_CONT`), as the
/// `printk()` format prefixes.
#[doc(hidden)]
pub mod format_strings {
    /// `printk()` formats: level prefix, then the Rust text as `%.*s`.
    pub type Format = [u8; 7];
    /// `KERN_EMERG`.
    pub const EMERG: Format = *b"\x010%.*s\0";
    /// `KERN_ALERT`.
    pub const ALERT: Format = *b"\x011%.*s\0";
    /// `KERN_CRIT`.
    pub const CRIT: Format = *b"\x012%.*s\0";
    /// `KERN_ERR`.
    pub const ERR: Format = *b"\x013%.*s\0";
    /// `KERN_WARNING`.
    pub const WARNING: Format = *b"\x014%.*s\0";
    /// `KERN_NOTICE`.
    pub const NOTICE: Format = *b"\x015%.*s\0";
    /// `KERN_INFO`.
    pub const INFO: Format = *b"\x016%.*s\0";
    /// `KERN_DEBUG`.
    pub const DEBUG: Format = *b"\x017%.*s\0";
    /// `KERN_CONT`.
    pub const CONT: Format = *b"\x01c%.*s\0";
}

/// A stack buffer that formats text, silently cutting what does not fit.
pub(crate) struct LineBuf {
    pub(crate) buf: [u8; LINE_MAX],
    pub(crate) len: usize,
}

impl LineBuf {
    /// `args` formatted into a new buffer.
    pub(crate) fn format(args: fmt::Arguments<'_>) -> Self {
        Self::format_prefixed("", args)
    }

    /// `args` formatted into a new buffer after `prefix` and `": "` (no
    /// separator when `prefix` is empty).
    pub(crate) fn format_prefixed(prefix: &str, args: fmt::Arguments<'_>) -> Self {
        let mut line = LineBuf {
            buf: [0; LINE_MAX],
            len: 0,
        };
        if !prefix.is_empty() {
            let _ = line.write_str(prefix);
            let _ = line.write_str(": ");
        }
        // LineBuf never fails; a failing Display impl just ends the text
        // early.
        let _ = line.write_fmt(args);
        line
    }
}

impl Write for LineBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let n = s.len().min(LINE_MAX - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
        self.len += n;
        Ok(())
    }
}

/// Formats `args` and prints them at the level of `format`, after
/// `prefix` and `": "` unless `prefix` is empty.
///
/// Used by the `pr_*!` macros; call those instead.
#[doc(hidden)]
pub fn call_printk(format: &format_strings::Format, prefix: &str, args: fmt::Arguments<'_>) {
    let line = LineBuf::format_prefixed(prefix, args);
    // `len` is at most LINE_MAX (512), so it fits in a C int.
    let len = line.len as ffi::c_int;
    // SAFETY: `format` is a NUL-terminated format string whose only
    // conversion `%.*s` takes an int length and a pointer to at least that
    // many bytes, which `line.buf` is.
    unsafe {
        bindings::printk(format.as_ptr(), len, line.buf.as_ptr());
    }
}

/// Copies the newest text of the kernel log into `buf` (oldest byte
/// first) and returns how many bytes were copied: what `dmesg` would end
/// with. Never sleeps or allocates.
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
///
/// pr_info!("doctest marker {}\n", 7);
/// let mut tail = [0u8; 64];
/// let n = kernel::print::log_tail(&mut tail);
/// kunit_assert!(tail[..n].windows(16).any(|w| w == b"doctest marker 7"));
/// ```
pub fn log_tail(buf: &mut [u8]) -> usize {
    // SAFETY: `buf` is valid for writes of `buf.len()` bytes; the C
    // function writes at most that many and keeps no pointer.
    unsafe { bindings::log_buf_copy(buf.as_mut_ptr().cast(), buf.len()) }
}

// `crate::__LOG_PREFIX` (not `$crate::`) names the constant of the crate
// where the macro is used: the module's name.
/// Whether the newest 512 bytes of the kernel log contain `needle`: for
/// tests that check what was just printed. Never sleeps or allocates.
pub fn log_tail_contains(needle: &[u8]) -> bool {
    let mut tail = [0u8; 512];
    let n = log_tail(&mut tail);
    tail[..n].windows(needle.len()).any(|w| w == needle)
}

#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! print_macro (
    (CONT, $($arg:tt)+) => (
        $crate::print::call_printk(&$crate::print::format_strings::CONT, "",
                                   ::core::format_args!($($arg)+))
    );
    ($level:ident, $($arg:tt)+) => (
        $crate::print::call_printk(&$crate::print::format_strings::$level,
                                   crate::__LOG_PREFIX, ::core::format_args!($($arg)+))
    );
);

/// Prints an emergency-level message (level 0): the system is unusable.
#[macro_export]
macro_rules! pr_emerg (($($arg:tt)+) => ($crate::print_macro!(EMERG, $($arg)+)));
/// Prints an alert-level message (level 1).
#[macro_export]
macro_rules! pr_alert (($($arg:tt)+) => ($crate::print_macro!(ALERT, $($arg)+)));
/// Prints a critical-level message (level 2).
#[macro_export]
macro_rules! pr_crit (($($arg:tt)+) => ($crate::print_macro!(CRIT, $($arg)+)));
/// Prints an error-level message (level 3).
#[macro_export]
macro_rules! pr_err (($($arg:tt)+) => ($crate::print_macro!(ERR, $($arg)+)));
/// Prints a warning-level message (level 4).
#[macro_export]
macro_rules! pr_warn (($($arg:tt)+) => ($crate::print_macro!(WARNING, $($arg)+)));
/// Prints a notice-level message (level 5).
#[macro_export]
macro_rules! pr_notice (($($arg:tt)+) => ($crate::print_macro!(NOTICE, $($arg)+)));
/// Prints an info-level message (level 6).
#[macro_export]
macro_rules! pr_info (($($arg:tt)+) => ($crate::print_macro!(INFO, $($arg)+)));
/// Prints a debug-level message (level 7; shown with `loglevel=8`).
#[macro_export]
macro_rules! pr_debug (($($arg:tt)+) => ($crate::print_macro!(DEBUG, $($arg)+)));
/// Continues the previous message's line (no prefix).
#[macro_export]
macro_rules! pr_cont (($($arg:tt)+) => ($crate::print_macro!(CONT, $($arg)+)));

#[crate::kunit_tests(rust_print)]
mod tests {
    use crate::prelude::*;

    use super::log_tail_contains;

    #[test]
    fn formats_reach_the_log() {
        pr_info!("rust_print: {} {:#x} {:>5}|{:?}\n", -3, 255, "ab", Some(1));
        kunit_assert!(log_tail_contains(b"rust_print: -3 0xff    ab|Some(1)"));
    }

    #[test]
    fn the_crate_prefix_comes_first() {
        // This crate's prefix; a module's is its name (see module!).
        pr_info!("prefix marker\n");
        kunit_assert!(log_tail_contains(b"rust_kernel: prefix marker\n"));
        pr_info!("cont marker");
        pr_cont!(" second\n");
        kunit_assert!(log_tail_contains(b"rust_kernel: cont marker second\n"));
    }

    #[test]
    fn cont_joins_the_line() {
        pr_info!("rust_print: first");
        pr_cont!(" second\n");
        kunit_assert!(log_tail_contains(b"rust_print: first second"));
    }

    #[test]
    fn long_lines_are_cut_not_lost() {
        let long = [b'x'; super::LINE_MAX + 100];
        let s = core::str::from_utf8(&long).unwrap_or("");
        pr_info!("{}never-shown-marker\n", s);
        // The cut keeps exactly LINE_MAX bytes, the prefix included, and
        // drops the rest.
        let mut tail = [0u8; 2 * super::LINE_MAX];
        let n = super::log_tail(&mut tail);
        let prefix = b"rust_kernel: ";
        kunit_assert!(!tail[..n].windows(18).any(|w| w == b"never-shown-marker"));
        // The cut line is the newest text.
        let text = tail[..n].strip_suffix(b"\n").unwrap_or(&tail[..n]);
        kunit_assert!(text.len() > super::LINE_MAX);
        let line = &text[text.len() - super::LINE_MAX..];
        kunit_assert!(line.starts_with(prefix));
        kunit_assert!(line[prefix.len()..].iter().all(|&b| b == b'x'));
        kunit_assert!(text[text.len() - super::LINE_MAX - 1] != b'x');
    }
}
