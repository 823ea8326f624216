// SPDX-License-Identifier: GPL-2.0-only

//! Rust printing sample: every `pr_*!` level, `pr_cont!`, Rust's
//! formatting (width, precision, alignment, radix, `Debug`), and C strings
//! made with `fmt!`.
//!
//! Messages are formatted on the stack, never allocated, so printing
//! cannot fail; only the `CString` at the end allocates, and its failure
//! is an `ENOMEM` like any other. Built with unsafe code forbidden.

#![no_std]
#![forbid(unsafe_code)]

use kernel::prelude::*;

module! {
    type: RustPrint,
    name: "rust_print",
    authors: ["Ferrite developers"],
    description: "Rust printing macros sample",
    license: "GPL",
}

struct RustPrint;

#[derive(Debug)]
#[allow(dead_code)] // Only printed.
struct Point {
    x: i32,
    y: i32,
    label: Option<&'static str>,
}

/// One message per log level, then a line built from pieces.
fn levels() {
    pr_emerg!("Emergency message (level 0) without args\n");
    pr_alert!("Alert message (level 1) without args\n");
    pr_crit!("Critical message (level 2) without args\n");
    pr_err!("Error message (level 3) without args\n");
    pr_warn!("Warning message (level 4) without args\n");
    pr_notice!("Notice message (level 5) without args\n");
    pr_info!("Info message (level 6) without args\n");
    pr_debug!("Debug message (level 7), shown with loglevel=8\n");

    pr_info!("A line ");
    pr_cont!("continued ");
    pr_cont!("in {} pieces\n", 3);
}

/// Rust's formatting, as printk sees it.
fn formatting() {
    let (n, neg, word) = (0x2au32, -7i32, "mid");
    pr_info!("decimal {n}, hex {n:x} {n:#X}, octal {n:o}, binary {n:#010b}\n");
    pr_info!("signed {n:+} {neg:+}, zero-padded {neg:05}\n");
    pr_info!("aligned |{n:6}|{n:<6}|{n:^6}|{n:>6}|, custom fill |{word:*^9}|\n");
    let (long, width) = ("truncated", 4);
    pr_info!("precision |{long:.3}|, width from args |{word:>width$}|\n");
    pr_info!("pointer-sized {:#018x}\n", usize::MAX);
    pr_info!(
        "debug char {:?}, str {:?}, escapes {:?}\n",
        'c',
        word,
        "\t\n"
    );

    let p = Point {
        x: 1,
        y: -2,
        label: Some("origin"),
    };
    pr_info!("debug {p:?}\n");
    pr_info!("pretty {p:#?}\n");
    let result: Result<(), Error> = Err(EINVAL);
    pr_info!(
        "slice {:?}, tuple {:?}, result {result:?}\n",
        [1, 2, 3],
        (1, "a")
    );
}

/// C strings: compile-time `c_str!` and formatted `CString`s.
fn c_strings() -> Result {
    let name: &CStr = c_str!("rust_print");
    pr_info!("c_str! {} ({} bytes), debug {:?}\n", name, name.len(), name);

    let s = CString::try_from_fmt(fmt!("{}-{:03}-{:x}", name, 7, 255))?;
    pr_info!("CString from fmt!: {} ({} bytes)\n", s, s.len());
    Ok(())
}

impl Module for RustPrint {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        pr_info!("Rust printing macros sample (init)\n");
        levels();
        formatting();
        c_strings()?;
        Ok(RustPrint)
    }
}

impl Drop for RustPrint {
    fn drop(&mut self) {
        pr_info!("Rust printing macros sample (exit)\n");
    }
}
