// SPDX-License-Identifier: GPL-2.0-only

//! Block devices (`include/linux/blkdev.h`): [`mq`] is how a block driver
//! written in Rust receives I/O; [`PageStore`] keeps a RAM-backed disk's
//! data; [`null_blk`] is what the null block twins share. See
//! `Documentation/block/index.rst`.

pub mod mq;
pub mod null_blk;
pub mod page_store;

pub use page_store::PageStore;
