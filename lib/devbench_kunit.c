// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of the devbench harness itself (lib/devbench.c), on tiny
 * iteration counts: that it measures, propagates errors and leaks
 * nothing. No timing is asserted beyond "a positive figure": timing
 * belongs to `make bench`, never to `make test`.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/devbench.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

static void devbench_measures_every_op(struct kunit *test)
{
	for (int op = 0; op < DEVBENCH_NR_CHAR_OPS; op++) {
		if (op == DEVBENCH_IOCTL)
			continue;
		s64 ns = devbench_op_ns("zero", op, 0, 0, 8);

		if (ns <= 0)
			kunit_info(test, "%s on /dev/zero: %lld", devbench_op_name(op), ns);
		KUNIT_EXPECT_GT(test, ns, 0LL);
	}
}

/* Every block operation on null_blk's boot disk; none on a character device. */
static void devbench_measures_block_ops(struct kunit *test)
{
	for (int op = DEVBENCH_NR_CHAR_OPS; op < DEVBENCH_NR_OPS; op++) {
		s64 ns = devbench_op_ns("nullb0", op, 0, 0, 4);

		if (ns <= 0)
			kunit_info(test, "%s on /dev/nullb0: %lld", devbench_op_name(op), ns);
		KUNIT_EXPECT_GT(test, ns, 0LL);
		KUNIT_EXPECT_EQ(test, devbench_op_ns("zero", op, 0, 0, 4), (s64)-ENOTBLK);
	}
}

static void devbench_reports_errors(struct kunit *test)
{
	/* A node that does not exist. */
	KUNIT_EXPECT_EQ(test, devbench_op_ns("devbench-missing", DEVBENCH_READ_1, 0, 0, 4),
			(s64)-ENOENT);
	/* The operation's own error: /dev/full refuses writes. */
	KUNIT_EXPECT_EQ(test, devbench_op_ns("full", DEVBENCH_WRITE_1, 0, 0, 4), (s64)-ENOSPC);
	KUNIT_EXPECT_GT(test, devbench_op_ns("full", DEVBENCH_READ_1, 0, 0, 4), 0LL);
	/* An ioctl the driver does not have, and bad arguments. */
	KUNIT_EXPECT_EQ(test, devbench_op_ns("null", DEVBENCH_IOCTL, 0x1234, 0, 4), (s64)-ENOTTY);
	KUNIT_EXPECT_EQ(test, devbench_op_ns("null", DEVBENCH_IOCTL, 0, 0, 4), (s64)-EINVAL);
	KUNIT_EXPECT_EQ(test, devbench_op_ns("null", DEVBENCH_READ_1, 0, 0, 0), (s64)-EINVAL);
	KUNIT_EXPECT_EQ(test, devbench_op_ns("null", DEVBENCH_NR_OPS, 0, 0, 4), (s64)-EINVAL);
}

/* True when the newest log text contains @needle. */
static bool log_has(const char *needle)
{
	static char tail[1024];
	size_t n = log_buf_copy(tail, sizeof(tail) - 1);

	tail[n] = '\0';
	return strstr(tail, needle);
}

static void devbench_runs_a_pair(struct kunit *test)
{
	const struct devbench_params p = { .rounds = 3, .target_ns = 300000, .min_iters = 4 };
	const struct devbench_pair selfcheck = { "kunit-selfcheck", "null", "zero", 0, 0, false };
	const struct devbench_pair missing = { "kunit-missing", "null", "devbench-nope", 0, 0,
					       false };
	const struct devbench_pair full = { "kunit-full", "zero", "full", 0x1234, 0, false };

	/* Five operations measured; the ioctl skipped (no command). */
	KUNIT_EXPECT_EQ(test, devbench_run_pair(&selfcheck, &p), 5);
	KUNIT_EXPECT_TRUE(test, log_has("bench: kunit-selfcheck ioctl  skipped: no ioctl"));
	KUNIT_EXPECT_TRUE(test, log_has("bench: kunit-selfcheck read-4KiB  C "));
	/* Three rounds, and the batch size, are printed. */
	KUNIT_EXPECT_TRUE(test, log_has(" ratio ") && log_has("  (3 x "));

	KUNIT_EXPECT_EQ(test, devbench_run_pair(&missing, &p), 0);
	KUNIT_EXPECT_TRUE(test, log_has("bench: kunit-missing  skipped: /dev/devbench-nope missing"));

	/* /dev/full: writes fail on the Rust side, the ioctl on both. */
	KUNIT_EXPECT_EQ(test, devbench_run_pair(&full, &p), 3);
	KUNIT_EXPECT_TRUE(test, log_has("kunit-full write-1B  skipped: Rust /dev/full error -28"));
	KUNIT_EXPECT_TRUE(test, log_has("kunit-full ioctl  skipped: C /dev/zero error -25"));
}

static void devbench_no_leak(struct kunit *test)
{
	const struct devbench_params p = { .rounds = 1, .target_ns = 100000, .min_iters = 2 };
	const struct devbench_pair selfcheck = { "kunit-leak", "null", "zero", 0, 0, false };
	unsigned long slab = 0;

	for (int round = 0; round < 2; round++) {
		slab = slab_allocated_bytes();
		KUNIT_EXPECT_GT(test, devbench_op_ns("zero", DEVBENCH_OPEN_CLOSE, 0, 0, 4), 0LL);
		KUNIT_EXPECT_EQ(test, devbench_run_pair(&selfcheck, &p), 5);
	}
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
}

static struct kunit_case devbench_cases[] = {
	KUNIT_CASE(devbench_measures_every_op),
	KUNIT_CASE(devbench_measures_block_ops),
	KUNIT_CASE(devbench_reports_errors),
	KUNIT_CASE(devbench_runs_a_pair),
	KUNIT_CASE(devbench_no_leak),
	{}
};

static struct kunit_suite devbench_suite = {
	.name = "devbench",
	.test_cases = devbench_cases,
};
kunit_test_suites(&devbench_suite);
