// SPDX-License-Identifier: GPL-2.0-only

//! Block devices (`include/linux/blkdev.h`): [`mq`] is how a block driver
//! written in Rust receives I/O. See `Documentation/block/index.rst`.

pub mod mq;
