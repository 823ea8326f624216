/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * devbench: compare the cost of the same operations on two devices, a C
 * driver and its Rust twin (character devices, or block devices driven
 * with bios), from inside the kernel.
 *
 * Booting with "bench=1" runs every pair of the table in lib/devbench.c
 * instead of the tests and prints one line per operation:
 *
 *   bench: echo read-1B  C 812 ns/op  Rust 830 ns/op  ratio 1.022  (5 x 4096 iters)
 *
 * then exits QEMU; scripts/bench_devices.py (`make bench`) boots it and
 * prints the table. See Documentation/dev-tools/bench.rst for the method.
 * Not a test: figures vary from run to run and machine to machine. Built
 * with the tests (CONFIG_KUNIT), since it measures through user test pages.
 */
#ifndef _LINUX_DEVBENCH_H
#define _LINUX_DEVBENCH_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>

/* What is measured; each iteration does it once. */
enum devbench_op {
	DEVBENCH_OPEN_CLOSE,	/* filp_open(O_RDWR) + filp_close() */
	DEVBENCH_WRITE_1,	/* vfs_write() of 1 byte from the user buffer */
	DEVBENCH_READ_1,	/* vfs_read() of 1 byte into the user buffer */
	DEVBENCH_WRITE_4K,	/* vfs_write() of 4096 bytes */
	DEVBENCH_READ_4K,	/* vfs_read() of 4096 bytes */
	DEVBENCH_IOCTL,		/* vfs_ioctl(cmd, arg) */
	DEVBENCH_NR_CHAR_OPS,
	/*
	 * Block device pairs: bios on the whole disk (under the buffer
	 * cache), at the same positions on both sides, waited for.
	 */
	DEVBENCH_BLK_READ_4K = DEVBENCH_NR_CHAR_OPS,	/* a random 4 KiB read */
	DEVBENCH_BLK_WRITE_4K,		/* a random 4 KiB write */
	DEVBENCH_BLK_READ_512,		/* a random 512-byte read */
	DEVBENCH_BLK_WRITE_512,
	DEVBENCH_BLK_READ_128K,		/* 128 KiB, sequential */
	DEVBENCH_BLK_WRITE_128K,
	DEVBENCH_BLK_READ_4K_QD8,	/* 8 random 4 KiB reads in flight at once */
	DEVBENCH_BLK_WRITE_4K_QD8,
	DEVBENCH_NR_OPS
};

/* Short name of @op ("open+close", "read-1B"...), for output. */
const char *devbench_op_name(enum devbench_op op);

/*
 * One line of the table: a C device and its Rust twin, both /dev/<name>
 * nodes, driven the same way. ioctl_cmd 0 skips the ioctl. If
 * ioctl_arg_ubuf is set, the ioctl's argument is the address of the
 * (user) benchmark buffer plus ioctl_arg; otherwise ioctl_arg itself.
 * A block pair (block set) runs the DEVBENCH_BLK_* operations instead of
 * the character device ones.
 */
struct devbench_pair {
	const char *name;
	const char *c_dev;
	const char *rust_dev;
	unsigned int ioctl_cmd;
	unsigned long ioctl_arg;
	bool ioctl_arg_ubuf;
	bool block;
};

/* How long to measure: per operation and device, @rounds batches. */
struct devbench_params {
	unsigned int rounds;		/* batches per device, interleaved */
	u64 target_ns;			/* total time per operation and device */
	unsigned int min_iters;		/* at least this many per batch */
};

/*
 * devbench_op_ns() - run @op @iters times on /dev/@dev (after @iters / 4
 * warm-up runs, at least one) and return the mean cost in ns (at least 1),
 * or -errno: -ENOENT (no such node), -EINVAL (@iters 0, or an ioctl with
 * @cmd 0), -ENOTBLK (a block operation on another node), or the first
 * error the operation returned (e.g. -ENOSPC from writing /dev/full,
 * -ENOTTY for an ioctl the driver lacks). Maps its own user buffer. May
 * sleep and allocate; process context.
 */
s64 devbench_op_ns(const char *dev, enum devbench_op op, unsigned int cmd,
		   unsigned long arg, unsigned int iters);

/*
 * devbench_run_pair() - measure every operation of @pair with @params and
 * print a "bench:" line for each (result, or why it was skipped). Returns
 * the number of operations measured, or -errno if the user buffer could
 * not be mapped. May sleep and allocate; process context.
 */
int devbench_run_pair(const struct devbench_pair *pair, const struct devbench_params *params);

#ifdef CONFIG_KUNIT
/*
 * devbench_run_all() - what "bench=1" runs: every pair of the table (only
 * the one named by "bench.filter=NAME", if given) with the default
 * parameters ("bench.ms=N" changes the time per operation), then a
 * "bench: done" line. Returns 0, or -errno if nothing could run.
 */
int devbench_run_all(void);

/*
 * devbench_curve_point() - one point of a scale curve: the fastest of 5
 * batches of 4,096 calls of @op(@arg, i) (i counting from 0), printed in ns
 * per call as "bench: curve NAME SIZEk N ns/op". @size is the amount of
 * state @op works among. Sleeps only if @op does.
 */
void devbench_curve_point(const char *name, unsigned int size,
			  void (*op)(void *arg, unsigned long i), void *arg);

/*
 * The scale curves, each at a few sizes: timer_bench_run() (timers
 * pending, kernel/time/timer_bench.c) and vmalloc_bench_run() (vmalloc
 * areas in place, mm/vmalloc_bench.c). They allocate (up to 32 MiB) and
 * may sleep. Each returns the number of curves it measured, or -ENOMEM.
 */
int timer_bench_run(void);
int vmalloc_bench_run(void);
#else
/* The benchmarks use test pages: a production kernel has none. */
static inline int devbench_run_all(void)
{
	pr_err("bench: no benchmarks in this kernel (built with CONFIG_KUNIT=n)\n");
	return -ENODEV;
}
#endif

#endif /* _LINUX_DEVBENCH_H */
