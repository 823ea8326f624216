// SPDX-License-Identifier: GPL-2.0-only
/*
 * lkdtm: crash the kernel on purpose, to test that crashes are reported.
 * Boot with "lkdtm=<name>" (null_deref, write_rodata, exec_data, divide,
 * invalid_opcode, bug, panic, warn, stack_overflow, rust_misc_panic); the test runner
 * (scripts/run_tests.py) checks each report. Named after Linux's driver.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cmdline.h>
#include <linux/string.h>
#include <linux/panic.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <uapi/linux/ioctl.h>

struct lkdtm_victim {
	long a;
	long b;
};

static const int lkdtm_rodata = 0x5a;
static unsigned char lkdtm_data_code[16] = { 0xc3 };	/* x86 "ret", never runnable */

static noinline void lkdtm_null_deref(void)
{
	struct lkdtm_victim *volatile v = NULL;

	pr_info("lkdtm: reading v->b through a NULL pointer\n");
	pr_info("lkdtm: read %ld\n", v->b);
}

static noinline void lkdtm_write_rodata(void)
{
	volatile int *p = (volatile int *)&lkdtm_rodata;

	pr_info("lkdtm: writing to read-only data at %p\n", p);
	*p = 0;
}

static noinline void lkdtm_exec_data(void)
{
	void (*volatile fn)(void) = (void (*)(void))lkdtm_data_code;

	pr_info("lkdtm: calling into non-executable data at %p\n", fn);
	fn();
}

static noinline void lkdtm_divide(void)
{
	volatile int zero = 0, num = 1000;

	pr_info("lkdtm: dividing by zero\n");
	pr_info("lkdtm: got %d\n", num / zero);
}

static noinline void lkdtm_invalid_opcode(void)
{
	pr_info("lkdtm: executing a trap instruction\n");
	__builtin_trap();
}

static noinline void lkdtm_bug(void)
{
	BUG();
}

static noinline void lkdtm_panic(void)
{
	panic("lkdtm: panic on request");
}

static noinline void lkdtm_warn(void)
{
	WARN_ON(1);
	pr_info("lkdtm: survived WARN_ON\n");
}

/*
 * A panic in a Rust driver method: drivers/misc/rust_lkdtm.rs, a safe Rust
 * driver, registers /dev/rust_lkdtm, whose ioctl panics on this command;
 * call it through vfs_ioctl() as ioctl(2) would. Without the node (a
 * kernel built with CONFIG_RUST=n) the test reports itself unavailable.
 */
#define LKDTM_RUST_PANIC	_IO('L', 0x52)

static noinline void lkdtm_rust_misc_panic(void)
{
	struct file *f = filp_open("/dev/rust_lkdtm", O_RDWR, 0);
	long ret;

	if (IS_ERR(f)) {
		pr_err("lkdtm: no Rust support in this kernel: %ld\n", PTR_ERR(f));
		return;
	}
	ret = vfs_ioctl(f, LKDTM_RUST_PANIC, 0);
	pr_err("lkdtm: Rust driver survived its panic: %ld\n", ret);
	fput(f);
}

/* Each frame holds a 512-byte buffer the compiler cannot drop. */
static noinline int lkdtm_recurse(int depth)
{
	volatile char buf[512];

	buf[0] = (char)depth;
	if (depth == 0)
		return buf[0];
	return lkdtm_recurse(depth - 1) + buf[0];
}

static noinline void lkdtm_stack_overflow(void)
{
	pr_info("lkdtm: recursing past the end of the stack\n");
	pr_info("lkdtm: result %d\n", lkdtm_recurse(1 << 20));
}

static const struct {
	const char *name;
	void (*fn)(void);
} lkdtm_tests[] = {
	{ "null_deref", lkdtm_null_deref },
	{ "write_rodata", lkdtm_write_rodata },
	{ "exec_data", lkdtm_exec_data },
	{ "divide", lkdtm_divide },
	{ "invalid_opcode", lkdtm_invalid_opcode },
	{ "bug", lkdtm_bug },
	{ "panic", lkdtm_panic },
	{ "warn", lkdtm_warn },
	{ "stack_overflow", lkdtm_stack_overflow },
	{ "rust_misc_panic", lkdtm_rust_misc_panic },
};

static int __init lkdtm_init(void)
{
	char name[32];

	if (cmdline_get_str(boot_command_line, "lkdtm", name, sizeof(name)) <= 0)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(lkdtm_tests); i++) {
		if (!strcmp(name, lkdtm_tests[i].name)) {
			pr_info("lkdtm: performing %s\n", name);
			lkdtm_tests[i].fn();
			return 0;
		}
	}
	pr_err("lkdtm: unknown test '%s'\n", name);
	return -EINVAL;
}
late_initcall(lkdtm_init);
