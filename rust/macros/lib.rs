// SPDX-License-Identifier: GPL-2.0-only

//! Procedural macros for Ferrite's Rust code: [`module!`], [`vtable`] and
//! [`kunit_tests`].
//!
//! A host crate (built for the machine running the compiler, with its
//! `std`), loaded by rustc while it compiles the kernel's crates. Use the
//! macros through the `kernel` crate (`kernel::prelude::*`), which
//! re-exports them; their output names `::kernel::...` items.
//!
//! There is no `syn` or `quote`: the input is walked by hand (see
//! `helpers.rs`), and the output is written as Rust source text and
//! lexed. `Documentation/rust/macros.rst` describes what each macro
//! generates and how the generated code coexists with
//! `#![forbid(unsafe_code)]`.

mod helpers;
mod kunit;
mod module;
mod vtable;

use proc_macro::TokenStream;

/// Declares a built-in Rust module.
///
/// ```ignore
/// use kernel::prelude::*;
///
/// module! {
///     type: RustMinimal,
///     name: "rust_minimal",
///     authors: ["Ferrite developers"],
///     description: "A minimal Rust module",
///     license: "GPL",
/// }
///
/// struct RustMinimal;
///
/// impl kernel::Module for RustMinimal {
///     fn init(_module: &'static ThisModule) -> Result<Self> {
///         pr_info!("Hello from Rust\n");
///         Ok(RustMinimal)
///     }
/// }
/// ```
///
/// The keys come in this order; `type`, `name` and `license` are required:
///
/// - `type`: the type implementing `kernel::Module` (an identifier);
/// - `name`: the module's name, a C identifier;
/// - `authors`: a list of strings;
/// - `description`: a string;
/// - `license`: one of Linux's GPL-compatible licence strings (`"GPL"`,
///   `"GPL v2"`, `"Dual MIT/GPL"`...); anything else does not compile.
///
/// It generates a private `THIS_MODULE` static (`kernel::ThisModule`) and,
/// out of sight, the storage for the module's instance, an initcall at
/// level 6 (`device_initcall`) that calls `Module::init` and stores the
/// result (or logs the error and returns its errno), and an exit call
/// that drops the instance at shutdown. The C-visible functions are
/// named `__<name>_init` and `__<name>_exit`.
#[proc_macro]
pub fn module(input: TokenStream) -> TokenStream {
    helpers::finish(module::module(input))
}

/// Records which methods of a trait an implementation provides.
///
/// On a trait, adds `const HAS_<METHOD>: bool` for every method
/// (upper-cased name), false by default, and a hidden `USE_VTABLE_ATTR`
/// whose default fails to evaluate. On an `impl` of that trait, adds
/// `const HAS_<METHOD>: bool = true;` for every method the impl defines,
/// and `USE_VTABLE_ATTR`. The default `HAS_` constants read
/// `USE_VTABLE_ATTR`, so an impl written without `#[vtable]` does not
/// build: the error says to add the attribute.
///
/// An abstraction then fills a C operations table with `if T::HAS_READ {
/// Some(read_callback::<T>) } else { None }`, so an operation that the
/// driver does not implement stays NULL and C takes its default path.
///
/// A method that has a default body in the trait should make that body
/// a compile-time error (`kernel::build_error!`): the abstraction never
/// calls a method whose `HAS_` constant is false, so the call is removed
/// by the optimiser, and any other call fails the build.
///
/// ```ignore
/// #[vtable]
/// pub trait Operations {
///     fn open() -> Result;
///     fn read(buf: &mut [u8]) -> Result<usize> {
///         kernel::build_error!("#[vtable] default method called")
///     }
/// }
///
/// struct MyDriver;
///
/// #[vtable]
/// impl Operations for MyDriver {
///     fn open() -> Result { Ok(()) }
/// }
///
/// const _: () = assert!(MyDriver::HAS_OPEN && !MyDriver::HAS_READ);
/// ```
#[proc_macro_attribute]
pub fn vtable(attr: TokenStream, item: TokenStream) -> TokenStream {
    helpers::finish(vtable::vtable(attr, item))
}

/// Turns the `#[test]` functions of a module into a KUnit suite.
///
/// ```ignore
/// #[kunit_tests(rust_example)]
/// mod tests {
///     use kernel::prelude::*;
///
///     #[test]
///     fn addition() {
///         kunit_assert_eq!(1 + 1, 2);
///     }
///
///     #[test]
///     fn allocation() -> Result {
///         let mut v = Vec::new();
///         v.try_reserve(4)?;
///         kunit_assert!(v.capacity() >= 4);
///         Ok(())
///     }
/// }
/// ```
///
/// The suite is named after the argument, with `rust_` in front unless it
/// already starts so. Each test becomes one case, in source order; a test
/// returns `()` or a `Result`, and fails when a `kunit_assert*!` fails or
/// when it returns `Err`. The suite is registered in the
/// `.kunit_test_suites` section, so it runs with the C suites on
/// `kunit=1` and obeys `kunit.filter=`. The module is compiled only in
/// the test build (`#[cfg(CONFIG_KUNIT)]`, as Linux gates it).
#[proc_macro_attribute]
pub fn kunit_tests(attr: TokenStream, item: TokenStream) -> TokenStream {
    helpers::finish(kunit::kunit_tests(attr, item))
}
