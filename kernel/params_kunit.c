// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the command line helpers (suite "cmdline"):
 * cmdline_get_str(), cmdline_get_bool() and cmdline_get_long().
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/string.h>

static void cmdline_str_basic(struct kunit *test)
{
	const char *cl = "console=ttyS0 root=/dev/vda1 quiet  loglevel=7";
	char buf[32];

	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "console", buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "ttyS0");
	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "root", buf, sizeof(buf)), 9);
	KUNIT_EXPECT_STREQ(test, buf, "/dev/vda1");
	/* After a double space, and at the very end. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "loglevel", buf, sizeof(buf)), 1);
	KUNIT_EXPECT_STREQ(test, buf, "7");
	/* Leading spaces are skipped. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("   a=b", "a", buf, sizeof(buf)), 1);
	KUNIT_EXPECT_STREQ(test, buf, "b");
	/* An empty value. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("x= y=1", "x", buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
	/* The value may contain '='. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("opt=a=b", "opt", buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "a=b");
}

static void cmdline_str_quoted(struct kunit *test)
{
	const char *cl = "a=1 msg=\"hello big world\" b=2 empty=\"\" c=3";
	char buf[32];

	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "msg", buf, sizeof(buf)), 15);
	KUNIT_EXPECT_STREQ(test, buf, "hello big world");
	/* Options after a quoted value still parse; its words are not options. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "b", buf, sizeof(buf)), 1);
	KUNIT_EXPECT_STREQ(test, buf, "2");
	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "big", buf, sizeof(buf)), -ENOENT);
	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "world\"", buf, sizeof(buf)), -ENOENT);
	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "empty", buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
	KUNIT_EXPECT_EQ(test, cmdline_get_str(cl, "c", buf, sizeof(buf)), 1);
	KUNIT_EXPECT_STREQ(test, buf, "3");
	/* An unterminated quote runs to the end of the line. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("q=\"x y", "q", buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "x y");
}

static void cmdline_str_last_wins(struct kunit *test)
{
	char buf[16];

	KUNIT_EXPECT_EQ(test, cmdline_get_str("v=1 v=22 v=333", "v", buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "333");
	KUNIT_EXPECT_EQ(test, cmdline_get_str("v=333 w=0 v=22", "v", buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "22");
	/* A later bare flag overrides an earlier value. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("v=5 v", "v", buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
	KUNIT_EXPECT_EQ(test, cmdline_get_str("v v=\"a b\"", "v", buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "a b");
}

static void cmdline_str_missing(struct kunit *test)
{
	char buf[16];

	strscpy(buf, "untouched", sizeof(buf));
	KUNIT_EXPECT_EQ(test, cmdline_get_str("", "a", buf, sizeof(buf)), -ENOENT);
	KUNIT_EXPECT_EQ(test, cmdline_get_str("   ", "a", buf, sizeof(buf)), -ENOENT);
	KUNIT_EXPECT_EQ(test, cmdline_get_str("b=1 c", "a", buf, sizeof(buf)), -ENOENT);
	/* Names must match whole, not as a prefix or suffix. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("foobar=1", "foo", buf, sizeof(buf)), -ENOENT);
	KUNIT_EXPECT_EQ(test, cmdline_get_str("foo=1", "foobar", buf, sizeof(buf)), -ENOENT);
	KUNIT_EXPECT_EQ(test, cmdline_get_str("xfoo=1", "foo", buf, sizeof(buf)), -ENOENT);
	/* Nor does a value count as a name. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("a=foo", "foo", buf, sizeof(buf)), -ENOENT);
	KUNIT_EXPECT_STREQ(test, buf, "untouched");
}

static void cmdline_str_bare_flag(struct kunit *test)
{
	char buf[16];

	strscpy(buf, "junk", sizeof(buf));
	KUNIT_EXPECT_EQ(test, cmdline_get_str("quiet debug", "debug", buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
	strscpy(buf, "junk", sizeof(buf));
	KUNIT_EXPECT_EQ(test, cmdline_get_str("quiet debug", "quiet", buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
}

static void cmdline_str_truncation(struct kunit *test)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	/* The full length comes back; the copy is cut to fit with its NUL. */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("k=abcdefghij", "k", buf, 4), 10);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, buf[4], 'X');	/* nothing written past size */

	KUNIT_EXPECT_EQ(test, cmdline_get_str("k=abcdefg", "k", buf, sizeof(buf)), 7);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");	/* exactly fits */
	KUNIT_EXPECT_EQ(test, cmdline_get_str("k=abcdefgh", "k", buf, sizeof(buf)), 8);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");

	/* size 1 holds only the NUL; size 0 writes nothing at all. */
	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, cmdline_get_str("k=abc", "k", buf, 1), 3);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
	KUNIT_EXPECT_EQ(test, buf[1], 'X');
	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, cmdline_get_str("k=abc", "k", buf, 0), 3);
	KUNIT_EXPECT_EQ(test, buf[0], 'X');
	KUNIT_EXPECT_EQ(test, cmdline_get_str("k=abc", "k", NULL, 0), 3);
}

static void cmdline_bool(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, cmdline_get_bool("quiet kunit", "kunit"));
	KUNIT_EXPECT_TRUE(test, cmdline_get_bool("kunit=1", "kunit"));
	KUNIT_EXPECT_TRUE(test, cmdline_get_bool("kunit=yes", "kunit"));
	KUNIT_EXPECT_TRUE(test, cmdline_get_bool("kunit=on", "kunit"));
	KUNIT_EXPECT_TRUE(test, cmdline_get_bool("kunit=y", "kunit"));
	KUNIT_EXPECT_FALSE(test, cmdline_get_bool("kunit=0", "kunit"));
	KUNIT_EXPECT_FALSE(test, cmdline_get_bool("kunit=n", "kunit"));
	KUNIT_EXPECT_FALSE(test, cmdline_get_bool("kunit=off", "kunit"));
	KUNIT_EXPECT_FALSE(test, cmdline_get_bool("kunit=false", "kunit"));
	KUNIT_EXPECT_FALSE(test, cmdline_get_bool("", "kunit"));
	KUNIT_EXPECT_FALSE(test, cmdline_get_bool("kunitx kunit.filter=a", "kunit"));
	/* The last occurrence decides. */
	KUNIT_EXPECT_FALSE(test, cmdline_get_bool("kunit=1 kunit=0", "kunit"));
	KUNIT_EXPECT_TRUE(test, cmdline_get_bool("kunit=0 kunit", "kunit"));
	/* A long value is not mistaken for a false word by its prefix. */
	KUNIT_EXPECT_TRUE(test, cmdline_get_bool("kunit=offline", "kunit"));
	KUNIT_EXPECT_TRUE(test, cmdline_get_bool("kunit=\"0 but true\"", "kunit"));
}

static void cmdline_long(struct kunit *test)
{
	long v;

	v = 0;
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=42", "n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 42L);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("a=1 n=-17 b=2", "n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, -17L);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=0x10", "n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 16L);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=010", "n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 8L);
	KUNIT_EXPECT_EQ(test, cmdline_get_long(sizeof(long) == 8 ? "n=9223372036854775807" :
					       "n=2147483647", "n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, LONG_MAX);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=1 n=2 n=3", "n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 3L);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=\"5\"", "n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 5L);

	/* Errors leave *val alone. */
	v = 1234;
	KUNIT_EXPECT_EQ(test, cmdline_get_long("m=1", "n", &v), -ENOENT);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=12abc", "n", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=abc", "n", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=", "n", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n", "n", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=1.5", "n", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=\"1 2\"", "n", &v), -EINVAL);
	/* Too long for the parser's buffer: an error, not a truncated number. */
	KUNIT_EXPECT_EQ(test, cmdline_get_long("n=1000000000000000000000000000", "n", &v),
			-EINVAL);
	/* Fits the buffer but not a long. */
	KUNIT_EXPECT_LT(test, cmdline_get_long("n=99999999999999999999", "n", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 1234L);
}

static struct kunit_case cmdline_cases[] = {
	KUNIT_CASE(cmdline_str_basic),
	KUNIT_CASE(cmdline_str_quoted),
	KUNIT_CASE(cmdline_str_last_wins),
	KUNIT_CASE(cmdline_str_missing),
	KUNIT_CASE(cmdline_str_bare_flag),
	KUNIT_CASE(cmdline_str_truncation),
	KUNIT_CASE(cmdline_bool),
	KUNIT_CASE(cmdline_long),
	{}
};

static struct kunit_suite cmdline_suite = {
	.name = "cmdline",
	.test_cases = cmdline_cases,
};

kunit_test_suites(&cmdline_suite);
