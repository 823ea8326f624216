/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 uses the generic memcpy()/memset() of lib/string.c. */
