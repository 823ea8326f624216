// SPDX-License-Identifier: GPL-2.0-only
/*
 * C helpers for Rust: static inline functions and macros have no symbol a
 * Rust program can call, so each gets a real function here, named
 * rust_helper_<name>. bindgen reads this file with an allow-list of
 * rust_helper_.* and the build renames the declarations, so Rust calls
 * plain bindings::<name>(). One file per subsystem, all included here so
 * bindgen and the compiler see them once.
 */
#include "err.c"
#include "sched.c"
#include "spinlock.c"
#include "wait.c"
#include "time.c"
#include "device.c"
#include "fs.c"
#include "cred.c"
#include "uaccess.c"
#include "poll.c"
#include "workqueue.c"
#include "io.c"
#include "barrier.c"
#include "blk.c"
#include "dma.c"
#include "smp.c"
