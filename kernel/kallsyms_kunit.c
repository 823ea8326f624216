// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the kernel symbol table (suite "kallsyms"):
 * kallsyms_lookup() on function starts, interiors and non-text addresses,
 * kallsyms_lookup_name() and the consistency of the generated table.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/jiffies.h>

/* The generated table (scripts/kallsyms.sh) and the text bounds. */
extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern char _stext[], _etext[];

#define MAX_FUNC_SIZE (64UL * 1024)

/* A function of known name that does enough not to be trivially tiny. */
static noinline int kallsyms_test_target(int x)
{
	int r = 0;

	for (int i = 0; i < x; i++)
		r += i * x + (r >> 3);
	return r;
}

static int (*volatile target_ptr)(int) = kallsyms_test_target;

static void kallsyms_lookup_function_start(struct kunit *test)
{
	unsigned long addr = (unsigned long)kallsyms_lookup;
	unsigned long size = 0, offset = 1;
	const char *name = NULL;

	KUNIT_ASSERT_EQ(test, kallsyms_lookup(addr, &size, &offset, &name), 0);
	KUNIT_EXPECT_STREQ(test, name, "kallsyms_lookup");
	KUNIT_EXPECT_EQ(test, offset, 0UL);
	KUNIT_EXPECT_GT(test, size, 16UL);
	KUNIT_EXPECT_LT(test, size, MAX_FUNC_SIZE);
	KUNIT_EXPECT_LE(test, addr + size, (unsigned long)_etext);

	/* A static function of this file is in the table too. */
	addr = (unsigned long)target_ptr;
	name = NULL;
	KUNIT_ASSERT_EQ(test, kallsyms_lookup(addr, &size, &offset, &name), 0);
	KUNIT_EXPECT_STREQ(test, name, "kallsyms_test_target");
	KUNIT_EXPECT_EQ(test, offset, 0UL);
	KUNIT_EXPECT_GT(test, size, 0UL);
	KUNIT_EXPECT_LT(test, size, MAX_FUNC_SIZE);
	KUNIT_EXPECT_EQ(test, target_ptr(3), kallsyms_test_target(3));

	/* Null out-pointers are allowed. */
	KUNIT_EXPECT_EQ(test, kallsyms_lookup((unsigned long)schedule, NULL, NULL, NULL), 0);
}

static void kallsyms_lookup_inside(struct kunit *test)
{
	unsigned long addr = (unsigned long)msleep;
	unsigned long size, offset, size2, next_off;
	const char *name, *next;

	KUNIT_ASSERT_EQ(test, kallsyms_lookup(addr, &size, &offset, &name), 0);
	KUNIT_EXPECT_STREQ(test, name, "msleep");
	KUNIT_ASSERT_GT(test, size, 2UL);

	name = NULL;
	KUNIT_ASSERT_EQ(test, kallsyms_lookup(addr + 1, &size2, &offset, &name), 0);
	KUNIT_EXPECT_STREQ(test, name, "msleep");
	KUNIT_EXPECT_EQ(test, offset, 1UL);
	KUNIT_EXPECT_EQ(test, size2, size);

	name = NULL;
	KUNIT_ASSERT_EQ(test, kallsyms_lookup(addr + size / 2, NULL, &offset, &name), 0);
	KUNIT_EXPECT_STREQ(test, name, "msleep");
	KUNIT_EXPECT_EQ(test, offset, size / 2);

	name = NULL;
	KUNIT_ASSERT_EQ(test, kallsyms_lookup(addr + size - 1, NULL, &offset, &name), 0);
	KUNIT_EXPECT_STREQ(test, name, "msleep");
	KUNIT_EXPECT_EQ(test, offset, size - 1);

	/* One past the end is the start of the next symbol. */
	if (addr + size < (unsigned long)_etext) {
		next = NULL;
		KUNIT_ASSERT_EQ(test, kallsyms_lookup(addr + size, NULL, &next_off, &next), 0);
		KUNIT_EXPECT_STRNEQ(test, next, "msleep");
		KUNIT_EXPECT_EQ(test, next_off, 0UL);
	}
}

static void kallsyms_lookup_outside_text(struct kunit *test)
{
	static const char rodata_str[] = "not code";
	static int data_var;
	unsigned long size = 123, offset = 456;
	const char *name = "unchanged";

	KUNIT_EXPECT_EQ(test, kallsyms_lookup(0, &size, &offset, &name), -ENOENT);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup(0x1000, &size, &offset, &name), -ENOENT);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup((unsigned long)_etext, &size, &offset, &name),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup((unsigned long)rodata_str, &size, &offset, &name),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup((unsigned long)&data_var, &size, &offset, &name),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup((unsigned long)&jiffies, &size, &offset, &name),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup(~0UL, &size, &offset, &name), -ENOENT);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup((unsigned long)_stext - 1, &size, &offset, &name),
			-ENOENT);
	/* Failures store nothing. */
	KUNIT_EXPECT_EQ(test, size, 123UL);
	KUNIT_EXPECT_EQ(test, offset, 456UL);
	KUNIT_EXPECT_STREQ(test, name, "unchanged");

	/* The last byte of text still belongs to some function. */
	KUNIT_EXPECT_EQ(test, kallsyms_lookup((unsigned long)_etext - 1, NULL, NULL, NULL), 0);
}

static void kallsyms_lookup_name_roundtrip(struct kunit *test)
{
	static const struct {
		const char *name;
		unsigned long addr;
	} syms[] = {
		{ "kallsyms_lookup", (unsigned long)kallsyms_lookup },
		{ "kallsyms_lookup_name", (unsigned long)kallsyms_lookup_name },
		{ "schedule", (unsigned long)schedule },
		{ "wake_up_process", (unsigned long)wake_up_process },
		{ "msleep", (unsigned long)msleep },
		{ "kunit_run_suite", (unsigned long)kunit_run_suite },
	};
	const char *name;
	unsigned long offset;

	for (size_t i = 0; i < ARRAY_SIZE(syms); i++) {
		KUNIT_EXPECT_EQ(test, kallsyms_lookup_name(syms[i].name), syms[i].addr);
		name = NULL;
		offset = 1;
		KUNIT_EXPECT_EQ(test, kallsyms_lookup(syms[i].addr, NULL, &offset, &name), 0);
		KUNIT_EXPECT_STREQ(test, name, syms[i].name);
		KUNIT_EXPECT_EQ(test, offset, 0UL);
	}
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("kallsyms_test_target"),
			(unsigned long)target_ptr);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("no_such_symbol_anywhere"), 0UL);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name(""), 0UL);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("kallsyms_look"), 0UL);	/* a prefix */
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("jiffies"), 0UL);		/* data */
}

/* The table is sorted, inside text, and every entry looks itself up. */
static void kallsyms_table_consistent(struct kunit *test)
{
	unsigned long i, unsorted = 0, outside = 0, bad = 0, name_bad = 0;
	unsigned long n = kallsyms_num;

	KUNIT_ASSERT_GT(test, n, 100UL);
	for (i = 0; i < n; i++) {
		unsigned long a = kallsyms_addresses[i], size, offset;
		const char *name;

		if (i && a < kallsyms_addresses[i - 1])
			unsorted++;
		/* ld.lld gives the _etext marker itself a text type: allow it. */
		if (a == (unsigned long)_etext)
			continue;
		if (a < (unsigned long)_stext || a > (unsigned long)_etext) {
			outside++;
			continue;
		}
		if (kallsyms_lookup(a, &size, &offset, &name) || offset ||
		    !size || a + size > (unsigned long)_etext) {
			bad++;
			continue;
		}
		/*
		 * Spot-check the names on a sample (lookup_name is linear). Static
		 * functions may share a name, so go name -> address -> name.
		 */
		if (i % 64 == 0) {
			unsigned long a2 = kallsyms_lookup_name(name);
			const char *name2 = NULL;

			if (!a2 || kallsyms_lookup(a2, NULL, NULL, &name2) || strcmp(name, name2))
				name_bad++;
		}
	}
	KUNIT_EXPECT_EQ(test, unsorted, 0UL);
	KUNIT_EXPECT_EQ(test, outside, 0UL);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	KUNIT_EXPECT_EQ(test, name_bad, 0UL);
}

static struct kunit_case kallsyms_cases[] = {
	KUNIT_CASE(kallsyms_lookup_function_start),
	KUNIT_CASE(kallsyms_lookup_inside),
	KUNIT_CASE(kallsyms_lookup_outside_text),
	KUNIT_CASE(kallsyms_lookup_name_roundtrip),
	KUNIT_CASE(kallsyms_table_consistent),
	{}
};

static struct kunit_suite kallsyms_suite = {
	.name = "kallsyms",
	.test_cases = kallsyms_cases,
};

kunit_test_suites(&kallsyms_suite);
