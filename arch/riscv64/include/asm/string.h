/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 uses the generic memcpy()/memset() of lib/string.c. */
