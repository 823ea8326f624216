// SPDX-License-Identifier: GPL-2.0-only

//! Ferrite's stand-in for the `compiler_builtins` crate.
//!
//! `core` and `alloc` are written against a runtime library that provides
//! the compiler helper routines LLVM calls for operations the target cannot
//! do inline: soft-float arithmetic (our target has no FPU/SSE) and some
//! 128-bit integer operations. The kernel uses neither floating point nor
//! 128-bit division, so instead of the real crate we provide every such
//! symbol as a stub that panics with a clear message if it is ever reached.
//! That keeps the link closed (no undefined `__addsf3` & co.) while making
//! any accidental use loud instead of silently wrong.
//!
//! The symbols are made weak after compilation (see `rust/Makefile`), so a
//! real implementation provided from C, should one ever be needed, takes
//! precedence.
//!
//! `memcpy`, `memmove`, `memset`, `memcmp` and `bcmp` are deliberately *not*
//! here: the C side of the kernel provides them.

#![allow(internal_features)]
#![feature(compiler_builtins)]
#![compiler_builtins]
#![no_builtins]
#![no_std]
#![allow(missing_docs)]

// A `compiler_builtins` crate may not call into other Rust crates: rustc
// turns such calls (including `panic!`) into a bare trap. Calling the C
// kernel's `panic()` directly keeps the message.
unsafe extern "C" {
    fn panic(fmt: *const u8, ...) -> !;
}

/// Defines each named symbol as an `extern "C"` function that panics with
/// the given reason.
///
/// The stubs take no arguments: whatever the caller passes in registers is
/// ignored, which is sound for the C calling convention, and they never
/// return, so the missing return value does not matter either.
macro_rules! panicking_stubs {
    ($why:literal: $($sym:ident),* $(,)?) => {
        $(
            #[doc(hidden)]
            #[unsafe(no_mangle)]
            pub extern "C" fn $sym() -> ! {
                // SAFETY: the format string and the argument are
                // NUL-terminated literals, and `%s` consumes exactly one
                // `const char *`.
                unsafe {
                    panic(
                        c"compiler builtin %s called: %s".as_ptr().cast(),
                        concat!(stringify!($sym), "\0").as_ptr(),
                        concat!($why, "\0").as_ptr(),
                    )
                }
            }
        )*
    };
}

// Single precision (f32) soft-float.
panicking_stubs!("f32 must not be used in the kernel":
    __addsf3, __subsf3, __mulsf3, __divsf3, __powisf2,
    __eqsf2, __nesf2, __ltsf2, __lesf2, __gtsf2, __gesf2, __unordsf2,
    __fixsfsi, __fixsfdi, __fixsfti, __fixunssfsi, __fixunssfdi, __fixunssfti,
    __floatsisf, __floatdisf, __floattisf,
    __floatunsisf, __floatundisf, __floatuntisf,
    __extendsfdf2, __truncdfsf2, fmodf,
);

// Double precision (f64) soft-float.
panicking_stubs!("f64 must not be used in the kernel":
    __adddf3, __subdf3, __muldf3, __divdf3, __powidf2,
    __eqdf2, __nedf2, __ltdf2, __ledf2, __gtdf2, __gedf2, __unorddf2,
    __fixdfsi, __fixdfdi, __fixdfti, __fixunsdfsi, __fixunsdfdi, __fixunsdfti,
    __floatsidf, __floatdidf, __floattidf,
    __floatunsidf, __floatundidf, __floatuntidf, fmod,
);

// Signed 128-bit integers.
panicking_stubs!("i128 arithmetic must not be used in the kernel":
    __multi3, __muloti4, __divti3, __modti3, __ashlti3, __ashrti3,
);

// Unsigned 128-bit integers.
panicking_stubs!("u128 arithmetic must not be used in the kernel":
    __udivti3, __umodti3, __udivmodti4, __lshrti3,
);
