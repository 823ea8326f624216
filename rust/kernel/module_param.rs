// SPDX-License-Identifier: GPL-2.0-only

//! Module parameters: typed values a module reads from the kernel command
//! line as `module.param=value`, declared in [`module!`](crate::module!)'s
//! `params:`.
//!
//! The command line is searched by C's `cmdline_get_str()`
//! (`kernel/params.c`, the parser every C option uses: space-separated
//! `name=value`, the value may be double-quoted, the last one wins). The
//! text is then converted as Linux's `param_set_*` do: integers with
//! `kstrtoll()`/`kstrtoull()` (base from the prefix, `0x` hex, `0` octal),
//! checked against the type's range; `bool` with `kstrtobool()` (`y`,
//! `1`, `on`... or `n`, `0`, `off`...), and a bare `module.flag` means
//! true; strings as they are, at most [`ParamString::CAPACITY`] bytes of
//! UTF-8. A value that does not convert is logged (`<module>: 'text'
//! invalid for parameter 'param'`) and the default stays: boot goes on,
//! as it does in Linux for a built-in module.
//!
//! The values are set once, by the code `module!` generates, before
//! `Module::init` runs, and never change afterwards, so reading one is
//! just a reference: `*module_parameters::count.value()`.
//!
//! # Examples
//!
//! ```
//! use kernel::module_param::ModuleParam;
//!
//! let count = ModuleParam::<u32>::new(c"demo.count", "how many", 4);
//! count.set_from(c"quiet demo.count=0x10 demo.other=1")?;
//! assert_eq!(*count.value(), 16);
//!
//! let level = ModuleParam::<u8>::new(c"demo.level", "", 3);
//! assert!(level.set_from(c"demo.level=300").is_err());
//! assert_eq!(*level.value(), 3);
//! # Ok::<(), kernel::error::Error>(())
//! ```

use crate::error::{code::EINVAL, Error, Result};
use core::cell::UnsafeCell;
use core::ffi::CStr;
use core::mem::MaybeUninit;
use core::sync::atomic::{AtomicU8, Ordering};

/// Longest value text accepted, in bytes.
const TEXT_MAX: usize = ParamString::CAPACITY;

/// A type a module parameter may have: how its command-line text
/// converts.
pub trait ParamType: Copy + Send + Sync + 'static {
    /// The value for `text` (the part after `=`, empty for a bare
    /// `module.param`), or `EINVAL`/`ERANGE`.
    fn parse(text: &CStr) -> Result<Self>;
}

/// Converts `text` with C's `kstrtoll()` (base 0).
fn kstrtoll(text: &CStr) -> Result<i64> {
    let mut v: ffi::c_longlong = 0;
    // SAFETY: `text` is a NUL-terminated string and `v` a valid place for
    // the result; the C function keeps neither pointer.
    let r = unsafe { bindings::kstrtoll(text.as_ptr().cast(), 0, &mut v) };
    if r < 0 {
        return Err(Error::from_errno(r));
    }
    Ok(v)
}

/// Converts `text` with C's `kstrtoull()` (base 0).
fn kstrtoull(text: &CStr) -> Result<u64> {
    let mut v: ffi::c_ulonglong = 0;
    // SAFETY: as in `kstrtoll`.
    let r = unsafe { bindings::kstrtoull(text.as_ptr().cast(), 0, &mut v) };
    if r < 0 {
        return Err(Error::from_errno(r));
    }
    Ok(v)
}

macro_rules! int_param {
    ($via:ident: $($t:ty),*) => {$(
        impl ParamType for $t {
            fn parse(text: &CStr) -> Result<Self> {
                <$t>::try_from($via(text)?).map_err(|_| crate::error::code::ERANGE)
            }
        }
    )*};
}
int_param!(kstrtoll: i8, i16, i32, i64, isize);
int_param!(kstrtoull: u8, u16, u32, u64, usize);

impl ParamType for bool {
    fn parse(text: &CStr) -> Result<Self> {
        if text.is_empty() {
            return Ok(true);
        }
        let mut v = false;
        // SAFETY: `text` is a NUL-terminated string and `v` a valid place
        // for the result; the C function keeps neither pointer.
        let r = unsafe { bindings::kstrtobool(text.as_ptr().cast(), &mut v) };
        if r < 0 {
            return Err(Error::from_errno(r));
        }
        Ok(v)
    }
}

/// The value of a `str` parameter: UTF-8 text of at most
/// [`Self::CAPACITY`] bytes, held inline (no allocation).
#[derive(Clone, Copy)]
pub struct ParamString {
    buf: [u8; Self::CAPACITY],
    len: usize,
}

impl ParamString {
    /// Longest text held, in bytes.
    pub const CAPACITY: usize = 128;

    /// `s` as a value; for defaults, made at compile time.
    ///
    /// # Panics
    ///
    /// If `s` is longer than [`Self::CAPACITY`]: in a constant (a
    /// default), that fails the build. `module!` refuses such a default
    /// before.
    pub const fn new(s: &str) -> Self {
        let bytes = s.as_bytes();
        assert!(
            bytes.len() <= Self::CAPACITY,
            "module parameter string too long"
        );
        let mut buf = [0u8; Self::CAPACITY];
        let mut i = 0;
        while i < bytes.len() {
            buf[i] = bytes[i];
            i += 1;
        }
        ParamString {
            buf,
            len: bytes.len(),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only `new` (from a `&str`) and `parse` (after checking) fill
        // `buf`, so this never fails.
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl ParamType for ParamString {
    fn parse(text: &CStr) -> Result<Self> {
        let s = text.to_str().map_err(|_| EINVAL)?;
        if s.len() > Self::CAPACITY {
            return Err(EINVAL);
        }
        Ok(Self::new(s))
    }
}

/// [`ModuleParam::state`] values.
mod state {
    /// Not set: the default applies.
    pub(super) const DEFAULT: u8 = 0;
    /// Being set (once, by one thread).
    pub(super) const SETTING: u8 = 1;
    /// Set from the command line.
    pub(super) const SET: u8 = 2;
}

/// A module parameter: its name, description, default and the value given
/// on the command line, if any.
///
/// Made by [`module!`](crate::module!) as a static in the crate's
/// `module_parameters` module, one per entry of `params:`.
pub struct ModuleParam<T: ParamType> {
    /// `module.param`, what the command line says.
    name: &'static CStr,
    description: &'static str,
    default: T,
    /// One of the [`state`] constants.
    state: AtomicU8,
    /// Initialised exactly when `state` is `SET`; never written again.
    value: UnsafeCell<MaybeUninit<T>>,
}

// SAFETY: `value` is written once, by the one thread that moved `state`
// from DEFAULT to SETTING, and read only after `state` is SET (Release
// store, Acquire load), when nothing writes it any more. `T` is `Send +
// Sync` (`ParamType`), so shared references to it may cross threads.
unsafe impl<T: ParamType> Sync for ModuleParam<T> {}

impl<T: ParamType> ModuleParam<T> {
    /// A parameter called `name` (`module.param`), unset.
    pub const fn new(name: &'static CStr, description: &'static str, default: T) -> Self {
        ModuleParam {
            name,
            description,
            default,
            state: AtomicU8::new(state::DEFAULT),
            value: UnsafeCell::new(MaybeUninit::uninit()),
        }
    }

    /// The value: the command line's, or the default.
    pub fn value(&self) -> &T {
        if self.state.load(Ordering::Acquire) == state::SET {
            // SAFETY: SET means the value was written and will never be
            // written again (see the `Sync` impl).
            unsafe { (*self.value.get()).assume_init_ref() }
        } else {
            &self.default
        }
    }

    /// The parameter's name without the module's (`param` of
    /// `module.param`).
    pub fn name(&self) -> &'static str {
        let full = self.name.to_str().unwrap_or("?");
        full.split_once('.').map_or(full, |(_, p)| p)
    }

    /// The description given in `params:`.
    pub fn description(&self) -> &'static str {
        self.description
    }

    /// Whether the command line set the value.
    pub fn is_set(&self) -> bool {
        self.state.load(Ordering::Acquire) == state::SET
    }

    /// Sets the value from the boot command line, if it names this
    /// parameter. Called by the code [`module!`](crate::module!)
    /// generates, before `Module::init`; see [`Self::set_from`].
    pub fn set_from_boot_command_line(&self) -> Result {
        self.set_from(crate::cmdline::boot_command_line())
    }

    /// Sets the value from the last `module.param[=value]` of `cmdline`;
    /// does nothing if there is none. A value that does not convert is
    /// logged at `KERN_ERR` and refused (`EINVAL`, the default stays);
    /// a second call that finds a value is `EBUSY`. Never sleeps or
    /// allocates.
    pub fn set_from(&self, cmdline: &CStr) -> Result {
        let mut buf = [0u8; TEXT_MAX + 1];
        let Some(len) = crate::cmdline::get_str(cmdline, self.name, &mut buf) else {
            return Ok(());
        };
        let text = CStr::from_bytes_until_nul(&buf).unwrap_or(c"");
        let parsed = if len > TEXT_MAX {
            Err(EINVAL)
        } else {
            T::parse(text)
        };
        let Ok(v) = parsed else {
            let full = self.name.to_str().unwrap_or("?");
            let module = full.split_once('.').map_or("", |(m, _)| m);
            let shown = text.to_str().unwrap_or("(not UTF-8)");
            let more = if len > TEXT_MAX { "..." } else { "" };
            crate::print::call_printk(
                &crate::print::format_strings::ERR,
                module,
                format_args!("'{shown}{more}' invalid for parameter '{}'\n", self.name()),
            );
            return Err(EINVAL);
        };
        if self
            .state
            .compare_exchange(
                state::DEFAULT,
                state::SETTING,
                Ordering::Acquire,
                Ordering::Relaxed,
            )
            .is_err()
        {
            return Err(crate::error::code::EBUSY);
        }
        // SAFETY: this call alone moved the state to SETTING, so nothing
        // else reads or writes `value` until the store below.
        unsafe { (*self.value.get()).write(v) };
        self.state.store(state::SET, Ordering::Release);
        Ok(())
    }
}

#[crate::kunit_tests(rust_module_param)]
mod tests {
    use super::*;
    use crate::error::code::EBUSY;
    use crate::{kunit_assert, kunit_assert_eq};

    use crate::print::log_tail_contains;

    #[test]
    fn integers() -> Result {
        let p = ModuleParam::<i64>::new(c"m.n", "", 5);
        p.set_from(c"m.n=-0x10 m.nn=3")?;
        kunit_assert_eq!(*p.value(), -16);
        let p = ModuleParam::<u16>::new(c"m.n", "", 5);
        p.set_from(c"m.n=1 m.n=65535")?;
        kunit_assert_eq!(*p.value(), 65535);
        Ok(())
    }

    #[test]
    fn absent_keeps_the_default() -> Result {
        let p = ModuleParam::<i32>::new(c"m.n", "", -7);
        p.set_from(c"mm.n=1 m.nx=2 n=3")?;
        kunit_assert!(!p.is_set());
        kunit_assert_eq!(*p.value(), -7);
        Ok(())
    }

    #[test]
    fn bad_values_are_refused_with_a_message() {
        let p = ModuleParam::<u8>::new(c"m.level", "", 3);
        kunit_assert_eq!(p.set_from(c"m.level=256"), Err(EINVAL));
        kunit_assert!(log_tail_contains(
            b"m: '256' invalid for parameter 'level'\n"
        ));
        kunit_assert_eq!(p.set_from(c"m.level=12abc"), Err(EINVAL));
        kunit_assert_eq!(p.set_from(c"m.level"), Err(EINVAL));
        kunit_assert_eq!(p.set_from(c"m.level=-1"), Err(EINVAL));
        kunit_assert!(!p.is_set());
        kunit_assert_eq!(*p.value(), 3);
        let b = ModuleParam::<bool>::new(c"m.b", "", false);
        kunit_assert_eq!(b.set_from(c"m.b=maybe"), Err(EINVAL));
        kunit_assert!(log_tail_contains(b"m: 'maybe' invalid for parameter 'b'\n"));
    }

    #[test]
    fn booleans() -> Result {
        for (line, want) in [
            (c"m.b", true),
            (c"m.b=y", true),
            (c"m.b=on", true),
            (c"m.b=1", true),
            (c"m.b=n", false),
            (c"m.b=off", false),
            (c"m.b=0", false),
        ] {
            let b = ModuleParam::<bool>::new(c"m.b", "", !want);
            b.set_from(line)?;
            kunit_assert_eq!(*b.value(), want);
        }
        Ok(())
    }

    #[test]
    fn strings() -> Result {
        let s = ModuleParam::new(c"m.s", "", ParamString::new("dflt"));
        kunit_assert_eq!(s.value().as_str(), "dflt");
        s.set_from(c"m.s=\"two words\" x=1")?;
        kunit_assert_eq!(s.value().as_str(), "two words");
        // Set once: a second value is refused.
        kunit_assert_eq!(s.set_from(c"m.s=again"), Err(EBUSY));
        kunit_assert_eq!(s.value().as_str(), "two words");
        Ok(())
    }

    #[test]
    fn strings_too_long_are_refused() {
        let mut line = [b'x'; 200];
        line[..4].copy_from_slice(b"m.s=");
        line[199] = 0;
        let Ok(line) = CStr::from_bytes_with_nul(&line) else {
            kunit_assert!(false);
            return;
        };
        let s = ModuleParam::new(c"m.s", "", ParamString::new("d"));
        kunit_assert_eq!(s.set_from(line), Err(EINVAL));
        kunit_assert!(log_tail_contains(b"...' invalid for parameter 's'\n"));
        kunit_assert_eq!(s.value().as_str(), "d");
    }
}
