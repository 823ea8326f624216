// SPDX-License-Identifier: GPL-2.0-only
#include <linux/io.h>

#define RUST_HELPER_IO(sz, type)					\
type rust_helper_read##sz(const void __iomem *addr);			\
type rust_helper_read##sz(const void __iomem *addr)			\
{									\
	return read##sz(addr);						\
}									\
void rust_helper_write##sz(type value, void __iomem *addr);		\
void rust_helper_write##sz(type value, void __iomem *addr)		\
{									\
	write##sz(value, addr);						\
}

RUST_HELPER_IO(b, u8)
RUST_HELPER_IO(w, u16)
RUST_HELPER_IO(l, u32)
RUST_HELPER_IO(q, u64)
