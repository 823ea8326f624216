// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit-style test runner core: runs each case of a suite in its own kernel
 * thread (so a case may sleep, and a failed assertion only ends that case)
 * and prints KTAP v1. Failure diagnostics come before the case's result
 * line, as "    # <case>: EXPECTATION FAILED at file:line" plus details.
 */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/string.h>
#include <kunit/test.h>

#define KTAP_INDENT "    "

void kunit_info(struct kunit *test, const char *fmt, ...)
{
	char buf[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_INFO KTAP_INDENT "# %s: %s\n", test->name, buf);
}

static void fail_header(struct kunit *test, const char *file, int line)
{
	test->status = KUNIT_FAILURE;
	printk(KERN_INFO KTAP_INDENT "# %s: EXPECTATION FAILED at %s:%d\n", test->name, file, line);
}

void __kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	char buf[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	fail_header(test, file, line);
	printk(KERN_INFO KTAP_INDENT "    %s\n", buf);
}

bool kunit_check_int(struct kunit *test, const char *file, int line, bool ok,
		     const char *op, const char *lstr, long long l, const char *rstr, long long r)
{
	if (ok)
		return true;
	fail_header(test, file, line);
	printk(KERN_INFO KTAP_INDENT "    Expected %s %s %s, but\n", lstr, op, rstr);
	printk(KERN_INFO KTAP_INDENT "        %s == %lld (0x%llx)\n", lstr, l, (unsigned long long)l);
	printk(KERN_INFO KTAP_INDENT "        %s == %lld (0x%llx)\n", rstr, r, (unsigned long long)r);
	return false;
}

bool kunit_check_uint(struct kunit *test, const char *file, int line, bool ok,
		      const char *op, const char *lstr, unsigned long long l,
		      const char *rstr, unsigned long long r)
{
	if (ok)
		return true;
	fail_header(test, file, line);
	printk(KERN_INFO KTAP_INDENT "    Expected %s %s %s, but\n", lstr, op, rstr);
	printk(KERN_INFO KTAP_INDENT "        %s == %llu (0x%llx)\n", lstr, l, l);
	printk(KERN_INFO KTAP_INDENT "        %s == %llu (0x%llx)\n", rstr, r, r);
	return false;
}

bool kunit_check_ptr(struct kunit *test, const char *file, int line, bool ok,
		     const char *op, const char *lstr, const void *l, const char *rstr, const void *r)
{
	if (ok)
		return true;
	fail_header(test, file, line);
	printk(KERN_INFO KTAP_INDENT "    Expected %s %s %s, but\n", lstr, op, rstr);
	printk(KERN_INFO KTAP_INDENT "        %s == %p\n", lstr, l);
	printk(KERN_INFO KTAP_INDENT "        %s == %p\n", rstr, r);
	return false;
}

bool kunit_check_str(struct kunit *test, const char *file, int line, bool ok,
		     const char *op, const char *lstr, const char *l, const char *rstr, const char *r)
{
	if (ok)
		return true;
	fail_header(test, file, line);
	printk(KERN_INFO KTAP_INDENT "    Expected %s %s %s, but\n", lstr, op, rstr);
	printk(KERN_INFO KTAP_INDENT "        %s == \"%s\"\n", lstr, l ? l : "(null)");
	printk(KERN_INFO KTAP_INDENT "        %s == \"%s\"\n", rstr, r ? r : "(null)");
	return false;
}

bool kunit_check_bool(struct kunit *test, const char *file, int line, bool ok,
		      const char *expr, bool expected)
{
	if (ok)
		return true;
	fail_header(test, file, line);
	printk(KERN_INFO KTAP_INDENT "    Expected %s to be %s, but is %s\n", expr,
	       expected ? "true" : "false", expected ? "false" : "true");
	return false;
}

bool kunit_check_mem(struct kunit *test, const char *file, int line,
		     const char *lstr, const void *l, const char *rstr, const void *r, size_t size)
{
	const u8 *a = l, *b = r;

	for (size_t i = 0; i < size; i++) {
		if (a[i] != b[i]) {
			fail_header(test, file, line);
			printk(KERN_INFO KTAP_INDENT "    Expected %s == %s over %zu bytes, but\n",
			       lstr, rstr, size);
			printk(KERN_INFO KTAP_INDENT "        byte %zu: %02x != %02x\n", i, a[i], b[i]);
			return false;
		}
	}
	return true;
}

struct case_run {
	struct kunit_suite *suite;
	struct kunit_case *tcase;
	struct kunit test;
};

static int run_case_thread(void *data)
{
	struct case_run *run = data;

	if (run->suite->init && run->suite->init(&run->test)) {
		run->test.status = KUNIT_FAILURE;
		printk(KERN_INFO KTAP_INDENT "# %s: suite init failed\n", run->test.name);
	} else {
		run->tcase->run_case(&run->test);
		if (run->suite->exit)
			run->suite->exit(&run->test);
	}
	return 0;
}

int kunit_run_suite(struct kunit_suite *suite, int index)
{
	int n = 0, pass = 0, fail = 0, skip = 0;
	struct kunit_case *c;

	for (c = suite->test_cases; c->run_case; c++)
		n++;
	printk(KERN_INFO KTAP_INDENT "KTAP version 1\n");
	printk(KERN_INFO KTAP_INDENT "# Subtest: %s\n", suite->name);
	printk(KERN_INFO KTAP_INDENT "1..%d\n", n);
	if (suite->suite_init && suite->suite_init(suite)) {
		printk(KERN_INFO KTAP_INDENT "# %s: suite_init failed\n", suite->name);
		printk(KERN_INFO "not ok %d %s\n", index, suite->name);
		return n;
	}
	n = 0;
	for (c = suite->test_cases; c->run_case; c++) {
		struct case_run run = { .suite = suite, .tcase = c };
		struct task_struct *t;

		n++;
		run.test.name = c->name;
		run.test.status = KUNIT_SUCCESS;
		t = kthread_create(run_case_thread, &run, "kunit_case");
		if (IS_ERR(t)) {
			run.test.status = KUNIT_FAILURE;
			printk(KERN_INFO KTAP_INDENT "# %s: cannot start test thread\n", c->name);
		} else {
			/*
			 * Freed before the next case starts, so that cases
			 * counting allocations do not see it go.
			 */
			get_task_struct(t);
			wake_up_process(t);
			wait_task_dead(t);
			put_task_struct(t);
		}
		switch (run.test.status) {
		case KUNIT_SUCCESS:
			pass++;
			printk(KERN_INFO KTAP_INDENT "ok %d %s\n", n, c->name);
			break;
		case KUNIT_SKIPPED:
			skip++;
			printk(KERN_INFO KTAP_INDENT "ok %d %s # SKIP %s\n", n, c->name,
			       run.test.skip_reason ? run.test.skip_reason : "");
			break;
		default:
			fail++;
			printk(KERN_INFO KTAP_INDENT "not ok %d %s\n", n, c->name);
		}
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);
	printk(KERN_INFO "# %s: pass:%d fail:%d skip:%d total:%d\n", suite->name, pass, fail,
	       skip, n);
	printk(KERN_INFO "%s %d %s\n", fail ? "not ok" : "ok", index, suite->name);
	return fail;
}
