// SPDX-License-Identifier: GPL-2.0-only

//! KUnit tests in Rust: the assertion macros and the run-time support
//! behind [`#[kunit_tests]`](crate::kunit_tests).
//!
//! A Rust suite is a C `struct kunit_suite` like any other, registered in
//! the `.kunit_test_suites` section: the C runner (`kernel/kunit/`) runs
//! it with the C suites, each case in its own kernel thread, and its
//! results appear in the same KTAP stream.
//!
//! # Examples
//!
//! (Not run as a doctest: a suite registers itself at link time.)
//!
//! ```ignore
//! #[kunit_tests(rust_example)]
//! mod tests {
//!     use kernel::prelude::*;
//!
//!     #[test]
//!     fn arithmetic() {
//!         kunit_assert_eq!(2 + 2, 4);
//!         kunit_assert_ne!(2 + 2, 5, "the {} of it", "maths");
//!     }
//!
//!     #[test]
//!     fn fallible() -> Result {
//!         let n = u8::try_from(200u32)?;
//!         kunit_assert!(n > 100);
//!         Ok(())
//!     }
//! }
//! ```
//!
//! A failed `kunit_assert*!` reports through C's `__kunit_fail()` (file,
//! line, the expressions and their `Debug` values) and ends the case by
//! returning from the function it is written in, like C's
//! `KUNIT_ASSERT_*`: write them in the test function itself, or in a
//! helper that returns `()` or `Result` and whose result the test checks.
//! A test returning `Err(e)` fails with `e`.

use crate::error::{code, Error};
use core::cell::UnsafeCell;
use core::ffi::CStr;
use core::fmt::{self, Write};
use core::hint::spin_loop;
use core::ptr;
use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};

/// A test function, wrapped by the code `#[kunit_tests]` generates.
pub trait TestCase {
    /// Runs the test and reports a returned error (see [`TestResult`]).
    fn run();
}

/// What a test function may return: `()` or a `Result` with a `Debug`
/// error.
pub trait TestResult {
    /// Reports `Err(e)` as a failure at `file:line` (the test function).
    ///
    /// `file` ends with a NUL (`concat!(file!(), "\0")`).
    fn report(self, file: &'static str, line: u32);

    /// The value a failed assertion returns to end the test (for a
    /// `Result`: an error that [`TestResult::report`] then ignores, the
    /// failure having been reported already).
    fn assertion_failed() -> Self;
}

impl TestResult for () {
    fn report(self, _file: &'static str, _line: u32) {}

    fn assertion_failed() -> Self {}
}

impl<T, E: fmt::Debug + From<Error>> TestResult for Result<T, E> {
    fn report(self, file: &'static str, line: u32) {
        if let Err(e) = self {
            if !CURRENT.aborted.load(Ordering::Relaxed) {
                assertion_failed(
                    file,
                    line,
                    format_args!("the test returned Err({e:?})"),
                    &[],
                );
            }
        }
    }

    fn assertion_failed() -> Self {
        Err(E::from(code::ECANCELED))
    }
}

/// One case of a suite: a C `struct kunit_case`.
///
/// Built by `#[kunit_tests]`; C's runner reads it.
#[repr(transparent)]
pub struct Case(UnsafeCell<bindings::kunit_case>);

// SAFETY: Rust never accesses the inside after construction; only C's
// runner reads it, from one thread at a time.
unsafe impl Sync for Case {}

impl Case {
    /// The case `name`, which runs `T`.
    pub const fn new<T: TestCase>(name: &'static CStr) -> Case {
        Case(UnsafeCell::new(bindings::kunit_case {
            run_case: Some(run_case::<T>),
            name: name.as_ptr().cast(),
        }))
    }

    /// The empty entry that ends a case array.
    const fn end() -> Case {
        Case(UnsafeCell::new(bindings::kunit_case {
            run_case: None,
            name: ptr::null(),
        }))
    }
}

/// A suite's cases, followed by the empty entry C expects at the end.
#[repr(C)]
pub struct Cases<const N: usize> {
    cases: [Case; N],
    end: Case,
}

impl<const N: usize> Cases<N> {
    /// The `N` cases plus the terminator.
    pub const fn new(cases: [Case; N]) -> Self {
        Cases {
            cases,
            end: Case::end(),
        }
    }
}

/// A suite: a C `struct kunit_suite`.
///
/// It lives in writable memory (an `UnsafeCell`), so the C runner may
/// write to it as Linux's does.
#[repr(transparent)]
pub struct Suite(UnsafeCell<bindings::kunit_suite>);

// SAFETY: Rust never accesses the inside after construction; only C's
// runner uses it, from one thread at a time.
unsafe impl Sync for Suite {}

impl Suite {
    /// The suite `name` running `cases` in order.
    pub const fn new<const N: usize>(name: &'static CStr, cases: &'static Cases<N>) -> Suite {
        Suite(UnsafeCell::new(bindings::kunit_suite {
            name: name.as_ptr().cast(),
            suite_init: None,
            suite_exit: None,
            init: None,
            exit: None,
            // `Cases` is `repr(C)`: N `Case`s then the terminator, each a
            // transparent `kunit_case`, so this is a C array of N + 1.
            test_cases: ptr::from_ref(cases).cast_mut().cast(),
        }))
    }
}

/// An entry of the `.kunit_test_suites` section: a `struct kunit_suite *`.
#[repr(transparent)]
pub struct SuiteEntry(*const Suite);

// SAFETY: a pointer to a `Sync` static, never written.
unsafe impl Sync for SuiteEntry {}

impl SuiteEntry {
    /// Points at `suite`.
    pub const fn new(suite: &'static Suite) -> SuiteEntry {
        SuiteEntry(suite)
    }
}

/// The case being run. C runs one case at a time (each in its own thread,
/// the runner waiting for it), so one slot suffices.
struct CurrentTest {
    /// The running case's `struct kunit`, or null between cases.
    test: AtomicPtr<bindings::kunit>,
    /// Reporters using `test` now: a case does not end while one is.
    users: AtomicUsize,
    /// Whether an assertion ended the running case.
    aborted: AtomicBool,
}

static CURRENT: CurrentTest = CurrentTest {
    test: AtomicPtr::new(ptr::null_mut()),
    users: AtomicUsize::new(0),
    aborted: AtomicBool::new(false),
};

/// Calls `f` with the running case's `struct kunit`, valid during the
/// call; returns false if no case is running.
fn with_current_test(f: impl FnOnce(*mut bindings::kunit)) -> bool {
    // With `run_case`'s SeqCst swap to null and load of `users`: either
    // this load sees null, or `run_case` sees this increment and waits.
    CURRENT.users.fetch_add(1, Ordering::SeqCst);
    let test = CURRENT.test.load(Ordering::SeqCst);
    if !test.is_null() {
        f(test);
    }
    CURRENT.users.fetch_sub(1, Ordering::SeqCst);
    !test.is_null()
}

/// The function C calls for a case: runs `T` with the case published in
/// [`CURRENT`] for the assertion macros.
///
/// # Safety
///
/// `test` is valid until this returns and no other case runs meanwhile,
/// which C's runner (`kunit_run_suite()`) guarantees.
unsafe extern "C" fn run_case<T: TestCase>(test: *mut bindings::kunit) {
    CURRENT.aborted.store(false, Ordering::Relaxed);
    CURRENT.test.store(test, Ordering::SeqCst);
    T::run();
    // A swap, not a store: a SeqCst store is ordered before the load below
    // by the fence after it, which QEMU's ARMv6 makes a no-op
    // (`asm/barrier.h`); the swap's exclusive pair is a host atomic there.
    CURRENT.test.swap(ptr::null_mut(), Ordering::SeqCst);
    // A reporter that loaded the pointer before the swap above is still
    // using it: `test` must stay valid until it is done.
    while CURRENT.users.load(Ordering::SeqCst) != 0 {
        spin_loop();
    }
}

/// Length of the first line of a failure report; longer ones are cut.
const LINE_LEN: usize = 256;

/// A line formatted on the stack, silently cut at [`LINE_LEN`] bytes.
struct Line {
    buf: [u8; LINE_LEN],
    len: usize,
}

impl Write for Line {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let n = s.len().min(LINE_LEN - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
        self.len += n;
        Ok(())
    }
}

impl Line {
    /// `args`, formatted.
    fn format(args: fmt::Arguments<'_>) -> Line {
        let mut line = Line {
            buf: [0; LINE_LEN],
            len: 0,
        };
        // `Line` never fails; a failing `Debug` impl just cuts the text.
        let _ = line.write_fmt(args);
        line
    }

    /// The text.
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Reports a failed assertion of the running case: `header` in C's
/// `EXPECTATION FAILED at file:line` report, then each of `details` on its
/// own line, and marks the case failed and ended.
///
/// `file` ends with a NUL (`concat!(file!(), "\0")`). Outside a test the
/// report goes to the log at error level. Used by the `kunit_assert*!`
/// macros.
#[doc(hidden)]
pub fn assertion_failed(
    file: &'static str,
    line: u32,
    header: fmt::Arguments<'_>,
    details: &[fmt::Arguments<'_>],
) {
    let c_file = CStr::from_bytes_with_nul(file.as_bytes()).unwrap_or(c"?");
    let text = Line::format(header);
    let reported = with_current_test(|test| {
        // SAFETY: `test` is the running case's, valid during this call
        // (`with_current_test`). The format takes an int length and a
        // pointer to that many bytes, as given; `c_file` is a C string.
        unsafe {
            bindings::__kunit_fail(
                test,
                c_file.as_ptr().cast(),
                line.try_into().unwrap_or(ffi::c_int::MAX),
                c"%.*s".as_ptr().cast(),
                // At most LINE_LEN (256): fits in an int.
                text.len as ffi::c_int,
                text.as_bytes().as_ptr(),
            )
        };
        // KTAP lines: no log prefix.
        for d in details {
            crate::print::call_printk(
                &crate::print::format_strings::INFO,
                "",
                format_args!("            {}\n", d),
            );
        }
        CURRENT.aborted.store(true, Ordering::Relaxed);
    });
    if !reported {
        let file = file.strip_suffix('\0').unwrap_or(file);
        let err = &crate::print::format_strings::ERR;
        crate::print::call_printk(
            err,
            "kunit",
            format_args!("assertion failed outside a test at {file}:{line}: {header}\n"),
        );
        for d in details {
            crate::print::call_printk(err, "kunit", format_args!("    {}\n", d));
        }
    }
}

/// Marks the running case skipped with `reason`, which its result line
/// shows, like C's `kunit_skip()`; the case should return `Ok(())` right
/// after. Keeps a case that already failed failed. Outside a case it
/// does nothing.
pub fn skip(reason: &'static CStr) {
    with_current_test(|test| {
        // SAFETY: `test` is the running case's, valid during this call
        // (`with_current_test`), and only this case's thread writes its
        // status while it runs; `reason` lives forever.
        unsafe {
            if (*test).status != bindings::kunit_status_KUNIT_FAILURE {
                (*test).status = bindings::kunit_status_KUNIT_SKIPPED;
                (*test).skip_reason = reason.as_ptr().cast();
            }
        }
    });
}

/// Asserts that a condition holds; if not, fails the running KUnit case
/// and returns from the enclosing function.
///
/// An optional format string and arguments add a line to the report.
/// The enclosing function returns `()` or a `Result` (see
/// [`TestResult`](crate::kunit::TestResult)).
#[macro_export]
macro_rules! kunit_assert {
    ($cond:expr $(,)?) => {
        if !$cond {
            $crate::kunit::assertion_failed(
                ::core::concat!(::core::file!(), "\0"),
                ::core::line!(),
                ::core::format_args!(
                    "Expected {} to be true, but is false",
                    ::core::stringify!($cond)
                ),
                &[],
            );
            return $crate::kunit::TestResult::assertion_failed();
        }
    };
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            $crate::kunit::assertion_failed(
                ::core::concat!(::core::file!(), "\0"),
                ::core::line!(),
                ::core::format_args!(
                    "Expected {} to be true, but is false",
                    ::core::stringify!($cond)
                ),
                &[::core::format_args!($($msg)+)],
            );
            return $crate::kunit::TestResult::assertion_failed();
        }
    };
}

/// Asserts that two expressions are equal (`==`); if not, fails the
/// running KUnit case, showing both values with `Debug`, and returns from
/// the enclosing function.
///
/// An optional format string and arguments add a line to the report.
#[macro_export]
macro_rules! kunit_assert_eq {
    ($left:expr, $right:expr $(,)?) => {
        $crate::__kunit_assert_binary!(==, $left, $right, [])
    };
    ($left:expr, $right:expr, $($msg:tt)+) => {
        $crate::__kunit_assert_binary!(==, $left, $right, [::core::format_args!($($msg)+)])
    };
}

/// Asserts that two expressions differ (`!=`); if not, fails the running
/// KUnit case, showing both values with `Debug`, and returns from the
/// enclosing function.
///
/// An optional format string and arguments add a line to the report.
#[macro_export]
macro_rules! kunit_assert_ne {
    ($left:expr, $right:expr $(,)?) => {
        $crate::__kunit_assert_binary!(!=, $left, $right, [])
    };
    ($left:expr, $right:expr, $($msg:tt)+) => {
        $crate::__kunit_assert_binary!(!=, $left, $right, [::core::format_args!($($msg)+)])
    };
}

/// The comparison behind [`kunit_assert_eq!`] and [`kunit_assert_ne!`].
#[doc(hidden)]
#[macro_export]
macro_rules! __kunit_assert_binary {
    ($op:tt, $left:expr, $right:expr, [$($msg:expr)?]) => {
        match (&$left, &$right) {
            (left, right) => {
                if !(*left $op *right) {
                    $crate::kunit::assertion_failed(
                        ::core::concat!(::core::file!(), "\0"),
                        ::core::line!(),
                        ::core::format_args!(
                            ::core::concat!("Expected {} ", ::core::stringify!($op), " {}, but"),
                            ::core::stringify!($left),
                            ::core::stringify!($right)
                        ),
                        &[
                            ::core::format_args!("{} == {:?}", ::core::stringify!($left), left),
                            ::core::format_args!("{} == {:?}", ::core::stringify!($right), right),
                            $($msg)?
                        ],
                    );
                    return $crate::kunit::TestResult::assertion_failed();
                }
            }
        }
    };
}

pub use crate::{kunit_assert, kunit_assert_eq, kunit_assert_ne};

/// Tests of the Rust support itself: errors, the module machinery,
/// `#[vtable]`, allocation and this module.
#[crate::kunit_tests(rust_kernel_smoke)]
mod tests {
    use crate::module::{Module, ModuleInstance, ThisModule};
    use crate::prelude::*;
    use core::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn errno_round_trip() {
        kunit_assert_eq!(ENOMEM.to_errno(), -12);
        kunit_assert_eq!(Error::from_errno(-22), EINVAL);
        kunit_assert_eq!(crate::error::to_result(-5), Err(EIO));
        kunit_assert_eq!(crate::error::to_result(3), Ok(()));
        kunit_assert_ne!(EINVAL, ENOMEM);
    }

    #[test]
    fn result_returning_test() -> Result {
        crate::error::to_result(0)?;
        let n = u8::try_from(200u32)?;
        kunit_assert_eq!(n, 200);
        kunit_assert!(u8::try_from(300u32).is_err());
        Ok(())
    }

    #[test]
    fn a_case_is_running() {
        kunit_assert!(!super::CURRENT.test.load(Ordering::SeqCst).is_null());
        kunit_assert!(!super::CURRENT.aborted.load(Ordering::SeqCst));
    }

    #[test]
    fn failure_lines_are_cut() {
        let line = super::Line::format(format_args!("{:0300}", 7));
        kunit_assert_eq!(line.as_bytes().len(), super::LINE_LEN);
        kunit_assert_eq!(line.as_bytes()[super::LINE_LEN - 1], b'0');
    }

    static INITS: AtomicUsize = AtomicUsize::new(0);
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    static THIS: ThisModule = ThisModule::new(c"smoke", "a test module", "GPL", &["me"]);

    struct Counted;

    impl Module for Counted {
        fn init(module: &'static ThisModule) -> Result<Self> {
            INITS.fetch_add(1, Ordering::Relaxed);
            if module.name_str() == "smoke" {
                Ok(Counted)
            } else {
                Err(ENODEV)
            }
        }
    }

    impl Drop for Counted {
        fn drop(&mut self) {
            DROPS.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn module_instance_lifecycle() {
        static M: ModuleInstance<Counted> = ModuleInstance::new();
        let (inits, drops) = (INITS.load(Ordering::Relaxed), DROPS.load(Ordering::Relaxed));
        kunit_assert!(!M.is_live());
        kunit_assert_eq!(M.init(&THIS), 0);
        kunit_assert!(M.is_live());
        kunit_assert_eq!(INITS.load(Ordering::Relaxed), inits + 1);
        // A second init is refused and does not run `Module::init`.
        kunit_assert_eq!(M.init(&THIS), EBUSY.to_errno());
        kunit_assert_eq!(INITS.load(Ordering::Relaxed), inits + 1);
        M.exit();
        kunit_assert!(!M.is_live());
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), drops + 1);
        // Dropped exactly once.
        M.exit();
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), drops + 1);
        kunit_assert_eq!(THIS.license(), "GPL");
        kunit_assert_eq!(THIS.authors(), &["me"]);
    }

    #[test]
    fn module_init_failure() {
        static OTHER: ThisModule = ThisModule::new(c"other", "", "GPL", &[]);
        static M: ModuleInstance<Counted> = ModuleInstance::new();
        let drops = DROPS.load(Ordering::Relaxed);
        kunit_assert_eq!(M.init(&OTHER), ENODEV.to_errno());
        kunit_assert!(!M.is_live());
        // Nothing to drop after a failed init.
        M.exit();
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), drops);
    }

    #[crate::vtable]
    trait Ops {
        fn required(&self) -> u32;
        fn optional(&self) -> u32 {
            0
        }
        fn other(&self) -> u32 {
            0
        }
        // The convention for defaults that must never run: a call that
        // survived optimisation would fail the link. Only its `HAS_`
        // constant is read.
        #[allow(dead_code)]
        fn never(&self) -> u32 {
            crate::build_error!("#[vtable] default method called")
        }
    }

    struct Impl;

    #[crate::vtable]
    impl Ops for Impl {
        fn required(&self) -> u32 {
            1
        }
        fn optional(&self) -> u32 {
            2
        }
    }

    #[test]
    fn vtable_constants() {
        kunit_assert!(<Impl as Ops>::HAS_REQUIRED);
        kunit_assert!(<Impl as Ops>::HAS_OPTIONAL);
        kunit_assert!(!<Impl as Ops>::HAS_OTHER);
        kunit_assert!(!<Impl as Ops>::HAS_NEVER);
        kunit_assert_eq!(Impl.required() + Impl.optional() + Impl.other(), 3);
    }
}
