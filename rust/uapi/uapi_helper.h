/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The user-space API that Rust sees: bindgen turns the constants and types
 * of the headers included here into the `uapi` crate at build time (never
 * committed), so a driver and its C users share one definition, the
 * header's. Only what include/uapi/ declares is kept.
 *
 * ioctl numbers are built with _IOR() and friends, which bindgen cannot
 * evaluate (sizeof): each gets a RUST_CONST_HELPER_ twin below, which the
 * compiler evaluates; the prefix is stripped from the generated names.
 */
#include <uapi/linux/echo_dev.h>
#include <uapi/linux/random_dev.h>
#include <uapi/linux/scull_dev.h>

/* The architecture's ioctl encoding (asm/ioctl.h), for kernel::ioctl. */
const __u32 RUST_CONST_HELPER__IOC_SIZEBITS = _IOC_SIZEBITS;
const __u32 RUST_CONST_HELPER__IOC_DIRBITS = _IOC_DIRBITS;
const __u32 RUST_CONST_HELPER__IOC_NONE = _IOC_NONE;
const __u32 RUST_CONST_HELPER__IOC_WRITE = _IOC_WRITE;
const __u32 RUST_CONST_HELPER__IOC_READ = _IOC_READ;

const __u32 RUST_CONST_HELPER_ECHO_CLEAR = ECHO_CLEAR;
const __u32 RUST_CONST_HELPER_ECHO_GET_LEN = ECHO_GET_LEN;
const __u32 RUST_CONST_HELPER_RANDOM_SEED = RANDOM_SEED;
const __u32 RUST_CONST_HELPER_SCULL_RESET = SCULL_RESET;
