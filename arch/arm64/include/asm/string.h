/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 uses the generic memcpy()/memset() of lib/string.c. */
