/* SPDX-License-Identifier: GPL-2.0-only */
/* The generic open() flag values (uapi/linux/fcntl.h): nothing to override. */
