// SPDX-License-Identifier: GPL-2.0-only

//! `/dev/rust_random`: fast pseudo-random bytes (not for cryptography).
//!
//! Every open file has its own generator, xoshiro256** (Blackman and
//! Vigna), whose 256-bit state is expanded from a 64-bit seed with
//! splitmix64. An open starts from a seed made of the boot clock and an
//! open counter; the `RANDOM_SEED` ioctl (`include/uapi/linux/random_dev.h`)
//! reseeds the file from the `u64` its argument points to, which makes the
//! output deterministic: after the same seed, `/dev/c_random` (the C twin,
//! `drivers/char/c_random.c`) gives the same bytes for the same reads.
//!
//! Output: each 64-bit result is emitted as 8 little-endian bytes; a read
//! of `n` bytes uses `ceil(n / 8)` results and drops the bytes of the last
//! one it did not need. Results are made 256 bytes at a time and copied
//! out; if the copy faults, the read returns the bytes copied before the
//! fault (or `EFAULT` if none) and the results made for that block are
//! used up. Reads never block and do not move the file position; there is
//! no write (`EINVAL`) and no seek (`ESPIPE`). An unknown ioctl is `ENOTTY`,
//! a bad seed pointer `EFAULT`, and an open that cannot allocate its state
//! `ENOMEM`.
//!
//! Locking: a per-file `Mutex` around the generator (and the block it
//! writes into, kept in the per-file state rather than cleared on the
//! stack at every read), held for a whole read or reseed, so concurrent
//! reads of one file get disjoint output.

#![no_std]
#![forbid(unsafe_code)]

use core::sync::atomic::{AtomicU64, Ordering};
use kernel::buf::UninitBuf;
use kernel::fs::{File, FileOperations, Kiocb};
use kernel::iov::IovIterDest;
use kernel::miscdevice::{MiscDeviceOptions, MiscDeviceRegistration};
use kernel::prelude::*;
use kernel::sync::Mutex;
use kernel::time::Ktime;
use kernel::uaccess::UserSlice;

module! {
    type: RustRandomModule,
    name: "rust_random",
    authors: ["Ferrite developers"],
    description: "Pseudo-random bytes from xoshiro256**",
    license: "GPL",
}

// Reseeds the open file from the `u64` at the argument (the C header's).
use kernel::uapi::RANDOM_SEED;

/// Bytes generated per block before copying out.
const BLOCK: usize = 256;

/// Opens so far, mixed into the default seed.
static OPENS: AtomicU64 = AtomicU64::new(0);

/// One step of splitmix64: advances `x` and returns the next output.
#[inline]
fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The xoshiro256** generator.
struct Xoshiro256 {
    s: [u64; 4],
}

impl Xoshiro256 {
    /// A generator whose state is four splitmix64 outputs from `seed`.
    fn new(seed: u64) -> Self {
        let mut x = seed;
        Xoshiro256 {
            s: [
                splitmix64(&mut x),
                splitmix64(&mut x),
                splitmix64(&mut x),
                splitmix64(&mut x),
            ],
        }
    }

    /// The next 64-bit result.
    ///
    /// Inlined into the read's loop, which then keeps the four words in
    /// registers for a whole block (C's loop loads and stores them at every
    /// step). Not where a register is 32 bits: there the words' eight
    /// halves leave the loop too few registers, and the compiler spills
    /// them and the block's addresses inside it (on arm, a one-word read
    /// took 7% more instructions than C's; out of line, the state stays in
    /// memory between steps, as in C).
    #[cfg_attr(target_pointer_width = "64", inline)]
    #[cfg_attr(target_pointer_width = "32", inline(never))]
    fn next(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }
}

pin_data! {
    /// The state of one open file: the generator, and a block for its
    /// output (kept here so that a read needs no buffer on its stack). The
    /// block is an [`UninitBuf`]: an open does not have to clear it, as a
    /// `[u8; BLOCK]` would have to be.
    #[repr(C)]
    struct RandomFile {
        rng: Xoshiro256,
        block: UninitBuf<BLOCK>,
    }
}

/// The driver: the file operations of `/dev/rust_random`.
struct RustRandom;

#[vtable]
impl FileOperations for RustRandom {
    type Ptr = Pin<KBox<Mutex<RandomFile>>>;
    type RegistrationData = ();

    #[inline]
    fn open(_file: &File, _data: &()) -> Result<Self::Ptr> {
        let n = OPENS.fetch_add(1, Ordering::Relaxed);
        let seed = (Ktime::ktime_get().to_ns() as u64) ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // Built in place in the allocation: no copy of the state (and its
        // block) from the stack.
        KBox::pin_init(
            new_mutex!(pin_init!(RandomFile {
                rng: Xoshiro256::new(seed),
                block: UninitBuf::new(),
            })),
            GFP_KERNEL,
        )
    }

    #[inline]
    fn read_iter(
        state: Pin<&Mutex<RandomFile>>,
        _kiocb: &mut Kiocb<'_>,
        iov: &mut IovIterDest<'_>,
    ) -> Result<usize> {
        let want = iov.len();
        if want == 0 {
            return Ok(0);
        }
        let mut done = 0;
        let mut guard = state.lock();
        let RandomFile { rng, block } = &mut *guard;
        while done < want {
            let n = (want - done).min(BLOCK);
            // ceil(n / 8) results: at most BLOCK bytes, so they fit.
            let bytes = block.fill_chunks(n, || rng.next().to_le_bytes())?;
            let copied = iov.copy_to_iter(bytes);
            // `copied <= n <= want - done`: the sum cannot wrap.
            done = done.wrapping_add(copied);
            if copied < n {
                break;
            }
        }
        drop(guard);
        if done == 0 {
            return Err(EFAULT);
        }
        Ok(done)
    }

    #[inline]
    fn ioctl(state: Pin<&Mutex<RandomFile>>, _file: &File, cmd: u32, arg: usize) -> Result<isize> {
        match cmd {
            RANDOM_SEED => {
                let seed: u64 = UserSlice::new(arg, size_of::<u64>()).reader().read()?;
                state.lock().rng = Xoshiro256::new(seed);
                Ok(0)
            }
            _ => Err(ENOTTY),
        }
    }
}

/// The module: the device is registered while it lives.
struct RustRandomModule {
    _reg: Pin<KBox<MiscDeviceRegistration<RustRandom>>>,
}

impl Module for RustRandomModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        let opts = MiscDeviceOptions {
            name: c_str!("rust_random"),
        };
        let reg = KBox::pin_init(MiscDeviceRegistration::register(opts, ()), GFP_KERNEL)?;
        Ok(RustRandomModule { _reg: reg })
    }
}

#[kunit_tests(rust_random_prng)]
mod tests {
    use super::*;

    #[test]
    fn known_answers() {
        // splitmix64 from 0 and xoshiro256** from seeds 0 and 42, as the
        // authors' reference C code gives them.
        let mut x = 0u64;
        kunit_assert_eq!(splitmix64(&mut x), 0xe220_a839_7b1d_cdaf);
        kunit_assert_eq!(splitmix64(&mut x), 0x6e78_9e6a_a1b9_65f4);
        let mut g = Xoshiro256::new(0);
        kunit_assert_eq!(g.next(), 0x99ec_5f36_cb75_f2b4);
        kunit_assert_eq!(g.next(), 0xbf6e_1f78_4956_452a);
        let mut g = Xoshiro256::new(42);
        kunit_assert_eq!(g.next(), 0x1578_0b2e_0c2e_c716);
    }
}
