// SPDX-License-Identifier: GPL-2.0-only

//! blk-mq for Rust drivers (`include/linux/blk-mq.h`), in the shape of
//! Linux's `kernel::block::mq`.
//!
//! A driver implements [`Operations`] (with [`#[vtable]`](crate::vtable)),
//! makes a [`TagSet`] of requests for it and builds disks on that set with
//! [`GenDiskBuilder`]. Every I/O reaches [`Operations::queue_rq`] as an
//! [`ARef<Request>`](Request): the driver moves the data through the
//! request's [`segments`](Request::segments) and ends it once, with
//! [`Request::end`] at once or later from any context, or through
//! [`Request::complete`] / [`Request::complete_after`], which hand it back
//! to [`Operations::complete`]. Ending consumes the reference and succeeds
//! only when it is the last one, so a request cannot be ended twice nor
//! used after it ended. A [`GenDisk`] removes its disk when dropped, after
//! the requests inside the driver have ended.
//!
//! # Examples
//!
//! A disk of zeroes that ignores writes, ending every request at once:
//!
//! ```
//! use kernel::block::mq::{gen_disk::GenDiskBuilder, Operations, Request, TagSet};
//! use kernel::prelude::*;
//! use kernel::types::ARef;
//!
//! struct Zeroes;
//!
//! #[vtable]
//! impl Operations for Zeroes {
//!     type RequestData = ();
//!     type QueueData = ();
//!
//!     fn new_request_data() -> Result<()> {
//!         Ok(())
//!     }
//!
//!     fn queue_rq(_: (), rq: ARef<Request<Self>>, _is_last: bool) -> Result {
//!         if !rq.is_write() {
//!             for seg in rq.segments() {
//!                 seg.fill_zero();
//!             }
//!         }
//!         Request::end_ok(rq).map_err(|_| EBUSY)
//!     }
//! }
//!
//! let set = TagSet::<Zeroes>::new(4)?;
//! let disk = GenDiskBuilder::new()
//!     .capacity_sectors(64)
//!     .build(fmt!("zeroes_example"), set, ())?;
//! let f = kernel::fs::File::open(c_str!("/dev/zeroes_example"), kernel::fs::flags::O_RDONLY)?;
//! let mut buf = [0xffu8; 100];
//! assert_eq!(f.kernel_read(&mut buf)?, 100);
//! assert!(buf.iter().all(|&b| b == 0));
//! drop(f);
//! drop(disk);
//! # Ok::<(), Error>(())
//! ```

pub mod gen_disk;
mod operations;
mod request;
mod tag_set;
#[cfg(CONFIG_KUNIT)]
mod tests;

pub use gen_disk::{GenDisk, GenDiskBuilder};
pub use operations::Operations;
pub use request::{Op, Request, Segment, Segments};
pub use tag_set::TagSet;
