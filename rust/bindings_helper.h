/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The C API that Rust sees: bindgen turns every declaration reachable from
 * here into the `bindings` crate at build time (never committed), so a C
 * prototype or struct change that breaks Rust breaks `make`.
 *
 * Constants bindgen cannot evaluate (macros built from expressions or
 * casts) get a RUST_CONST_HELPER_ twin below; the prefix is stripped from
 * the generated names, so Rust sees bindings::GFP_KERNEL.
 */
#include <linux/types.h>
#include <linux/string.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/fault-inject.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/init.h>
#include <linux/reboot.h>
#include <linux/kallsyms.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/smp.h>
#include <linux/dma-mapping.h>
#include <linux/mod_devicetable.h>
#include <linux/fs.h>
#include <linux/buffer_head.h>
#include <linux/timekeeping.h>
#include <linux/statfs.h>
#include <linux/mount.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <linux/poll.h>
#include <linux/miscdevice.h>
#include <linux/hw_random.h>
#include <linux/cdev.h>
#include <linux/namei.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/workqueue.h>
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <kunit/test.h>
#include <kunit/lockdep.h>
#include <kunit/slab.h>
#include <kunit/uaccess.h>
#include <kunit/null_blk.h>
#include "../drivers/block/null_blk.h"

const gfp_t RUST_CONST_HELPER_GFP_KERNEL = GFP_KERNEL;
const u32 RUST_CONST_HELPER_PCI_ANY_ID = PCI_ANY_ID;
const gfp_t RUST_CONST_HELPER_GFP_ATOMIC = GFP_ATOMIC;
const gfp_t RUST_CONST_HELPER_GFP_NOWAIT = GFP_NOWAIT;
const gfp_t RUST_CONST_HELPER___GFP_ZERO = __GFP_ZERO;
const gfp_t RUST_CONST_HELPER___GFP_NOWARN = __GFP_NOWARN;
const unsigned long RUST_CONST_HELPER_PAGE_SIZE = PAGE_SIZE;
const long RUST_CONST_HELPER_MAX_SCHEDULE_TIMEOUT = MAX_SCHEDULE_TIMEOUT;
const unsigned int RUST_CONST_HELPER_HZ = HZ;
const long RUST_CONST_HELPER_TASK_RUNNING = TASK_RUNNING;
const long RUST_CONST_HELPER_TASK_INTERRUPTIBLE = TASK_INTERRUPTIBLE;
const long RUST_CONST_HELPER_TASK_UNINTERRUPTIBLE = TASK_UNINTERRUPTIBLE;
const __poll_t RUST_CONST_HELPER_EPOLLIN = EPOLLIN;
const __poll_t RUST_CONST_HELPER_EPOLLPRI = EPOLLPRI;
const __poll_t RUST_CONST_HELPER_EPOLLOUT = EPOLLOUT;
const __poll_t RUST_CONST_HELPER_EPOLLERR = EPOLLERR;
const __poll_t RUST_CONST_HELPER_EPOLLHUP = EPOLLHUP;
const __poll_t RUST_CONST_HELPER_EPOLLRDNORM = EPOLLRDNORM;
const __poll_t RUST_CONST_HELPER_EPOLLWRNORM = EPOLLWRNORM;
const unsigned int RUST_CONST_HELPER_O_NONBLOCK = O_NONBLOCK;
const unsigned int RUST_CONST_HELPER_O_APPEND = O_APPEND;
const unsigned int RUST_CONST_HELPER_O_ACCMODE = O_ACCMODE;
const fmode_t RUST_CONST_HELPER_FMODE_READ = FMODE_READ;
const fmode_t RUST_CONST_HELPER_FMODE_WRITE = FMODE_WRITE;
const int RUST_CONST_HELPER_IOCB_NOWAIT = IOCB_NOWAIT;
const int RUST_CONST_HELPER_MISC_DYNAMIC_MINOR = MISC_DYNAMIC_MINOR;
const unsigned long RUST_CONST_HELPER_TASK_SIZE_MAX = TASK_SIZE_MAX;
