/* SPDX-License-Identifier: GPL-2.0-only */
/* 32-bit ARM uses the generic memcpy()/memset() of lib/string.c. */
