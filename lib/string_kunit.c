// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for lib/string.c and <linux/ctype.h>: the mem*() and str*()
 * functions (edges, overlap, guard bytes), strscpy(), the kstrto*() family
 * with Linux's error codes, simple_strto*() and the character classes.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/ctype.h>
#include <linux/string.h>

/* Test the real functions, not the compiler's inline expansions. */
#undef memcpy
#undef memmove
#undef memset
#undef memcmp

#define GUARD 0x5a
#define BUF_LEN 160

/* Byte-at-a-time reference for memmove(), through a bounce buffer. */
static void ref_move(u8 *buf, size_t dst, size_t src, size_t n)
{
	u8 tmp[BUF_LEN];
	size_t i;

	for (i = 0; i < n; i++)
		tmp[i] = buf[src + i];
	for (i = 0; i < n; i++)
		buf[dst + i] = tmp[i];
}

static void fill_pattern(u8 *buf, size_t len, u8 seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (u8)(seed + i * 7);
}

static void string_test_memcpy(struct kunit *test)
{
	u8 src[BUF_LEN], dst[BUF_LEN + 2];
	size_t off, len, i;

	fill_pattern(src, sizeof(src), 1);
	for (off = 0; off < 9; off++) {
		for (len = 0; len <= 70; len++) {
			for (i = 0; i < sizeof(dst); i++)
				dst[i] = GUARD;
			KUNIT_EXPECT_PTR_EQ(test, memcpy(dst + 1 + off, src + off, len),
					    dst + 1 + off);
			KUNIT_EXPECT_EQ(test, dst[off], GUARD);
			KUNIT_EXPECT_EQ(test, dst[1 + off + len], GUARD);
			for (i = 0; i < len; i++) {
				if (dst[1 + off + i] != src[off + i]) {
					KUNIT_FAIL(test, "memcpy off %zu len %zu differs at %zu",
						   off, len, i);
					return;
				}
			}
		}
	}
	/* A large copy. */
	{
		static u8 big_src[4096], big_dst[4096];

		fill_pattern(big_src, sizeof(big_src), 3);
		memcpy(big_dst, big_src, sizeof(big_src));
		KUNIT_EXPECT_EQ(test, memcmp(big_dst, big_src, sizeof(big_src)), 0);
	}
}

static void string_test_memmove(struct kunit *test)
{
	static const size_t dists[] = { 1, 2, 3, 7, 8, 9, 16, 17, 40 };
	u8 buf[BUF_LEN], want[BUF_LEN];
	size_t d, len, base;

	for (d = 0; d < ARRAY_SIZE(dists); d++) {
		for (len = 0; len <= 64; len++) {
			for (base = 0; base < 2; base++) {
				size_t lo = 4 + base, hi = lo + dists[d];

				/* dest above src (copies top down)... */
				fill_pattern(buf, sizeof(buf), 9);
				fill_pattern(want, sizeof(want), 9);
				ref_move(want, hi, lo, len);
				KUNIT_EXPECT_PTR_EQ(test, memmove(buf + hi, buf + lo, len), buf + hi);
				if (memcmp(buf, want, sizeof(buf))) {
					KUNIT_FAIL(test, "memmove up: dist %zu len %zu",
						   dists[d], len);
					return;
				}
				/* ...and dest below src. */
				fill_pattern(buf, sizeof(buf), 9);
				fill_pattern(want, sizeof(want), 9);
				ref_move(want, lo, hi, len);
				memmove(buf + lo, buf + hi, len);
				if (memcmp(buf, want, sizeof(buf))) {
					KUNIT_FAIL(test, "memmove down: dist %zu len %zu",
						   dists[d], len);
					return;
				}
			}
		}
	}
	/* Same place and disjoint areas. */
	fill_pattern(buf, sizeof(buf), 2);
	fill_pattern(want, sizeof(want), 2);
	memmove(buf + 10, buf + 10, 20);
	KUNIT_EXPECT_EQ(test, memcmp(buf, want, sizeof(buf)), 0);
	memmove(buf, buf + 100, 50);
	KUNIT_EXPECT_EQ(test, memcmp(buf, want + 100, 50), 0);
}

static void string_test_memset(struct kunit *test)
{
	u8 buf[80];
	size_t len, i;

	for (len = 0; len < 70; len++) {
		for (i = 0; i < sizeof(buf); i++)
			buf[i] = GUARD;
		KUNIT_EXPECT_PTR_EQ(test, memset(buf + 3, 0xa5, len), buf + 3);
		KUNIT_EXPECT_EQ(test, buf[2], GUARD);
		KUNIT_EXPECT_EQ(test, buf[3 + len], GUARD);
		for (i = 0; i < len; i++)
			if (buf[3 + i] != 0xa5)
				break;
		KUNIT_EXPECT_EQ(test, i, len);
	}
	/* Only the low byte of c is used. */
	memset(buf, 0x1ff, 4);
	KUNIT_EXPECT_EQ(test, buf[0], 0xff);
	KUNIT_EXPECT_EQ(test, buf[3], 0xff);
	memset(buf, 0, 4);
	KUNIT_EXPECT_EQ(test, buf[1], 0);
}

static void string_test_memcmp_memchr(struct kunit *test)
{
	static const u8 a[] = { 1, 2, 3, 0x80, 5 };
	static const u8 b[] = { 1, 2, 3, 0x7f, 5 };
	static const char hay[] = "abcabc\0xyz";

	KUNIT_EXPECT_EQ(test, memcmp(a, a, sizeof(a)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(a, b, 3), 0);
	/* Bytes compare as unsigned: 0x80 > 0x7f. */
	KUNIT_EXPECT_GT(test, memcmp(a, b, sizeof(a)), 0);
	KUNIT_EXPECT_LT(test, memcmp(b, a, sizeof(a)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(a, b, 0), 0);

	KUNIT_EXPECT_PTR_EQ(test, memchr(hay, 'b', sizeof(hay)), hay + 1);
	KUNIT_EXPECT_PTR_EQ(test, memchr(hay, 'y', sizeof(hay)), hay + 8);
	KUNIT_EXPECT_PTR_EQ(test, memchr(hay, '\0', sizeof(hay)), hay + 6);
	KUNIT_EXPECT_NULL(test, memchr(hay, 'y', 8));
	KUNIT_EXPECT_NULL(test, memchr(hay, 'q', sizeof(hay)));
	KUNIT_EXPECT_NULL(test, memchr(hay, 'a', 0));
	/* c is converted to unsigned char. */
	KUNIT_EXPECT_PTR_EQ(test, memchr(hay, 0x100 + 'c', sizeof(hay)), hay + 2);
}

static void string_test_strlen(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strlen(""), 0);
	KUNIT_EXPECT_EQ(test, strlen("a"), 1);
	KUNIT_EXPECT_EQ(test, strlen("hello world"), 11);
	KUNIT_EXPECT_EQ(test, strnlen("hello", 10), 5);
	KUNIT_EXPECT_EQ(test, strnlen("hello", 5), 5);
	KUNIT_EXPECT_EQ(test, strnlen("hello", 3), 3);
	KUNIT_EXPECT_EQ(test, strnlen("hello", 0), 0);
	KUNIT_EXPECT_EQ(test, strnlen("", 4), 0);
}

static void string_test_strcmp(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strcmp("abc", "abc"), 0);
	KUNIT_EXPECT_EQ(test, strcmp("", ""), 0);
	KUNIT_EXPECT_LT(test, strcmp("abc", "abd"), 0);
	KUNIT_EXPECT_GT(test, strcmp("abd", "abc"), 0);
	KUNIT_EXPECT_LT(test, strcmp("ab", "abc"), 0);
	KUNIT_EXPECT_GT(test, strcmp("abc", "ab"), 0);
	KUNIT_EXPECT_GT(test, strcmp("\x80", "a"), 0);

	KUNIT_EXPECT_EQ(test, strncmp("abcdef", "abcxyz", 3), 0);
	KUNIT_EXPECT_LT(test, strncmp("abcdef", "abcxyz", 4), 0);
	KUNIT_EXPECT_EQ(test, strncmp("abc", "abc", 100), 0);
	KUNIT_EXPECT_EQ(test, strncmp("a", "b", 0), 0);
	KUNIT_EXPECT_GT(test, strncmp("abc", "ab", 3), 0);

	KUNIT_EXPECT_EQ(test, strcasecmp("Hello", "hELLO"), 0);
	KUNIT_EXPECT_LT(test, strcasecmp("apple", "Banana"), 0);
	KUNIT_EXPECT_GT(test, strcasecmp("ab", "A"), 0);
	KUNIT_EXPECT_EQ(test, strncasecmp("CONSOLE=ttyS0", "console=x", 8), 0);
	KUNIT_EXPECT_NE(test, strncasecmp("CONSOLE=ttyS0", "console=x", 9), 0);
}

static void string_test_copy_concat(struct kunit *test)
{
	char buf[16];
	int i;

	KUNIT_EXPECT_PTR_EQ(test, strcpy(buf, "hello"), buf);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	KUNIT_EXPECT_PTR_EQ(test, strcat(buf, ", you"), buf);
	KUNIT_EXPECT_STREQ(test, buf, "hello, you");
	strcpy(buf, "");
	strcat(buf, "x");
	KUNIT_EXPECT_STREQ(test, buf, "x");

	/* strncpy() pads the rest with NULs... */
	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_PTR_EQ(test, strncpy(buf, "ab", 6), buf);
	KUNIT_EXPECT_STREQ(test, buf, "ab");
	for (i = 2; i < 6; i++)
		KUNIT_EXPECT_EQ(test, buf[i], '\0');
	KUNIT_EXPECT_EQ(test, buf[6], 'X');
	/* ...and does not terminate a source that fills the buffer. */
	memset(buf, 'X', sizeof(buf));
	strncpy(buf, "abcdef", 4);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "abcdX", 5), 0);
}

static void string_test_strscpy(struct kunit *test)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	/* Bytes after the NUL are left alone (no padding). */
	KUNIT_EXPECT_EQ(test, buf[4], 'X');

	/* Exact fit: 7 characters and the NUL. */
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcdefg", sizeof(buf)), 7);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");

	/* One too many: truncated, still terminated, -E2BIG. */
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcdefgh", sizeof(buf)), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "hello world", 4), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "hel");

	KUNIT_EXPECT_EQ(test, strscpy(buf, "", sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", 1), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "");

	/* count == 0 writes nothing. */
	buf[0] = 'Q';
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", 0), -E2BIG);
	KUNIT_EXPECT_EQ(test, buf[0], 'Q');
}

static void string_test_search(struct kunit *test)
{
	static const char s[] = "hello world";
	static const char aaab[] = "aaab";

	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'o'), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'o'), s + 7);
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'h'), s);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'h'), s);
	KUNIT_EXPECT_NULL(test, strchr(s, 'z'));
	KUNIT_EXPECT_NULL(test, strrchr(s, 'z'));
	/* Searching for NUL finds the terminator. */
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, '\0'), s + 11);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, '\0'), s + 11);

	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "world"), s + 6);
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "o w"), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, ""), s);
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "hello world"), s);
	KUNIT_EXPECT_NULL(test, strstr(s, "hello world!"));
	KUNIT_EXPECT_NULL(test, strstr(s, "worlds"));
	KUNIT_EXPECT_NULL(test, strstr("", "a"));
	KUNIT_EXPECT_PTR_EQ(test, strstr(aaab, "aab"), aaab + 1);
}

static void string_test_span_sep(struct kunit *test)
{
	char line[] = "root=/dev/sda1  quiet,,loglevel=7";
	char *cur = line, *tok;

	KUNIT_EXPECT_EQ(test, strspn("  \tx", " \t"), 3);
	KUNIT_EXPECT_EQ(test, strspn("abc", "xyz"), 0);
	KUNIT_EXPECT_EQ(test, strcspn("key=value", "="), 3);
	KUNIT_EXPECT_EQ(test, strcspn("key", "="), 3);
	KUNIT_EXPECT_PTR_EQ(test, strpbrk(line, "=/"), line + 4);
	KUNIT_EXPECT_NULL(test, strpbrk(line, "#!"));

	/* strsep() returns empty tokens between adjacent delimiters. */
	tok = strsep(&cur, " ,");
	KUNIT_EXPECT_STREQ(test, tok, "root=/dev/sda1");
	tok = strsep(&cur, " ,");
	KUNIT_EXPECT_STREQ(test, tok, "");
	tok = strsep(&cur, " ,");
	KUNIT_EXPECT_STREQ(test, tok, "quiet");
	tok = strsep(&cur, " ,");
	KUNIT_EXPECT_STREQ(test, tok, "");
	tok = strsep(&cur, " ,");
	KUNIT_EXPECT_STREQ(test, tok, "loglevel=7");
	KUNIT_EXPECT_NULL(test, cur);
	KUNIT_EXPECT_NULL(test, strsep(&cur, " ,"));
}

static void string_test_kstrtoul(struct kunit *test)
{
	unsigned long v;
	unsigned long long ull;

	KUNIT_EXPECT_EQ(test, kstrtoul("0", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, kstrtoul("12345", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 12345);
	KUNIT_EXPECT_EQ(test, kstrtoul("+42", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 42);
	KUNIT_EXPECT_EQ(test, kstrtoul("42\n", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 42);
	/* Base 0 picks the base from the prefix. */
	KUNIT_EXPECT_EQ(test, kstrtoul("0x1F", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 31);
	KUNIT_EXPECT_EQ(test, kstrtoul("017", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 15);
	KUNIT_EXPECT_EQ(test, kstrtoul("17", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 17);
	/* Base 16 takes an optional 0x; base 8 and 2 work too. */
	KUNIT_EXPECT_EQ(test, kstrtoul("ff", 16, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 255);
	KUNIT_EXPECT_EQ(test, kstrtoul("0xff", 16, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 255);
	KUNIT_EXPECT_EQ(test, kstrtoul("777", 8, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 511);
	KUNIT_EXPECT_EQ(test, kstrtoul("1011", 2, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 11);
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551615", 10, &ull), 0);
	KUNIT_EXPECT_EQ(test, ull, ~0ULL);

	/* Errors leave the result alone. */
	v = 99;
	KUNIT_EXPECT_EQ(test, kstrtoul("", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("\n", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul(" 1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("1 ", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("1\n\n", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("12a", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("-1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("+", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("0x", 16, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("08", 0, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("0x10", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("18446744073709551616", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoul("10000000000000000", 16, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, v, 99);
}

static void string_test_kstrtol(struct kunit *test)
{
	long v;
	long long ll;

	KUNIT_EXPECT_EQ(test, kstrtol("-123", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, -123);
	KUNIT_EXPECT_EQ(test, kstrtol("+123", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 123);
	KUNIT_EXPECT_EQ(test, kstrtol("-0x10", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, -16);
	KUNIT_EXPECT_EQ(test, kstrtol("-0", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0);

	KUNIT_EXPECT_EQ(test, kstrtoll("9223372036854775807", 10, &ll), 0);
	KUNIT_EXPECT_EQ(test, ll, LLONG_MAX);
	KUNIT_EXPECT_EQ(test, kstrtoll("-9223372036854775808", 10, &ll), 0);
	KUNIT_EXPECT_EQ(test, ll, LLONG_MIN);
	KUNIT_EXPECT_EQ(test, kstrtoll("9223372036854775808", 10, &ll), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoll("-9223372036854775809", 10, &ll), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtol("-99999999999999999999", 10, &v), -ERANGE);

	v = 7;
	KUNIT_EXPECT_EQ(test, kstrtol("-", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtol("--1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtol("-+1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtol("+-1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtol("1-", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 7);
}

static void string_test_kstrtoint(struct kunit *test)
{
	unsigned int u;
	int i;
	u16 u16v;
	u8 u8v;

	KUNIT_EXPECT_EQ(test, kstrtoint("2147483647", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, INT_MAX);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483648", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, INT_MIN);
	i = 5;
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483649", 10, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("0x80000000", 16, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("abc", 10, &i), -EINVAL);
	KUNIT_EXPECT_EQ(test, i, 5);

	KUNIT_EXPECT_EQ(test, kstrtouint("4294967295", 10, &u), 0);
	KUNIT_EXPECT_EQ(test, u, UINT_MAX);
	KUNIT_EXPECT_EQ(test, kstrtouint("0xffffffff", 0, &u), 0);
	KUNIT_EXPECT_EQ(test, u, UINT_MAX);
	u = 5;
	KUNIT_EXPECT_EQ(test, kstrtouint("4294967296", 10, &u), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtouint("-1", 10, &u), -EINVAL);
	KUNIT_EXPECT_EQ(test, u, 5);

	KUNIT_EXPECT_EQ(test, kstrtou16("65535", 10, &u16v), 0);
	KUNIT_EXPECT_EQ(test, u16v, 65535);
	KUNIT_EXPECT_EQ(test, kstrtou16("65536", 10, &u16v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtou8("255", 10, &u8v), 0);
	KUNIT_EXPECT_EQ(test, u8v, 255);
	KUNIT_EXPECT_EQ(test, kstrtou8("256", 10, &u8v), -ERANGE);
	KUNIT_EXPECT_EQ(test, u8v, 255);
}

static void string_test_kstrtobool(struct kunit *test)
{
	static const char *const yes[] = { "1", "y", "Y", "yes", "on", "ON", "true", "enable" };
	static const char *const no[] = { "0", "n", "N", "no", "off", "OFF", "false", "disable" };
	static const char *const bad[] = { "", "2", "x", "o", "oq", " y" };
	bool b;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		b = false;
		KUNIT_EXPECT_EQ(test, kstrtobool(yes[i], &b), 0);
		KUNIT_EXPECT_TRUE(test, b);
	}
	for (i = 0; i < ARRAY_SIZE(no); i++) {
		b = true;
		KUNIT_EXPECT_EQ(test, kstrtobool(no[i], &b), 0);
		KUNIT_EXPECT_FALSE(test, b);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		b = true;
		KUNIT_EXPECT_EQ(test, kstrtobool(bad[i], &b), -EINVAL);
		KUNIT_EXPECT_TRUE(test, b);
	}
	KUNIT_EXPECT_EQ(test, kstrtobool(NULL, &b), -EINVAL);
}

static void string_test_simple_strtoul(struct kunit *test)
{
	static const char s1[] = "1234abc";
	static const char s2[] = "0x1fz";
	static const char s3[] = "0755 rest";
	static const char s4[] = "-42,";
	static const char s5[] = "xyz";
	char *end;

	KUNIT_EXPECT_EQ(test, simple_strtoul(s1, &end, 10), 1234);
	KUNIT_EXPECT_PTR_EQ(test, end, s1 + 4);
	KUNIT_EXPECT_EQ(test, simple_strtoul(s1, &end, 16), 0x1234abc);
	KUNIT_EXPECT_PTR_EQ(test, end, s1 + 7);
	KUNIT_EXPECT_EQ(test, simple_strtoul(s2, &end, 0), 0x1f);
	KUNIT_EXPECT_PTR_EQ(test, end, s2 + 4);
	KUNIT_EXPECT_EQ(test, simple_strtoul(s2, &end, 16), 0x1f);
	KUNIT_EXPECT_EQ(test, simple_strtoul(s3, &end, 0), 0755);
	KUNIT_EXPECT_PTR_EQ(test, end, s3 + 4);
	KUNIT_EXPECT_EQ(test, simple_strtol(s4, &end, 10), -42);
	KUNIT_EXPECT_PTR_EQ(test, end, s4 + 3);
	KUNIT_EXPECT_EQ(test, simple_strtoul(s5, &end, 10), 0);
	KUNIT_EXPECT_PTR_EQ(test, end, s5);
	KUNIT_EXPECT_EQ(test, simple_strtoull("18446744073709551615", NULL, 10), ~0ULL);
}

static void string_test_ctype(struct kunit *test)
{
	int c, n;

	KUNIT_EXPECT_TRUE(test, isdigit('0') && isdigit('9'));
	KUNIT_EXPECT_FALSE(test, isdigit('a') || isdigit('/') || isdigit(':'));
	KUNIT_EXPECT_TRUE(test, isxdigit('f') && isxdigit('F') && isxdigit('7'));
	KUNIT_EXPECT_FALSE(test, isxdigit('g') || isxdigit('G'));
	KUNIT_EXPECT_TRUE(test, isalpha('a') && isalpha('Z'));
	KUNIT_EXPECT_FALSE(test, isalpha('@') || isalpha('[') || isalpha('`') || isalpha('{'));
	KUNIT_EXPECT_TRUE(test, isalnum('q') && isalnum('5'));
	KUNIT_EXPECT_FALSE(test, isalnum('_'));
	KUNIT_EXPECT_TRUE(test, isupper('Q') && !isupper('q'));
	KUNIT_EXPECT_TRUE(test, islower('q') && !islower('Q'));
	KUNIT_EXPECT_TRUE(test, isprint(' ') && isprint('~'));
	KUNIT_EXPECT_FALSE(test, isprint('\n') || isprint(0x7f));
	KUNIT_EXPECT_EQ(test, tolower('A'), 'a');
	KUNIT_EXPECT_EQ(test, tolower('z'), 'z');
	KUNIT_EXPECT_EQ(test, tolower('1'), '1');
	KUNIT_EXPECT_EQ(test, toupper('a'), 'A');
	KUNIT_EXPECT_EQ(test, toupper('['), '[');

	/* Exactly the six C whitespace characters are spaces. */
	for (c = 0, n = 0; c < 256; c++)
		n += !!isspace(c);
	KUNIT_EXPECT_EQ(test, n, 6);
	KUNIT_EXPECT_TRUE(test, isspace(' ') && isspace('\t') && isspace('\n') &&
			  isspace('\v') && isspace('\f') && isspace('\r'));
	/* Bytes above 0x7f are in no class. */
	for (c = 0x80, n = 0; c < 256; c++)
		n += isalnum(c) || isspace(c) || isprint(c) || ispunct(c);
	KUNIT_EXPECT_EQ(test, n, 0);
	for (c = 0, n = 0; c < 128; c++)
		n += !!isprint(c);
	KUNIT_EXPECT_EQ(test, n, 95);
}

static struct kunit_case string_test_cases[] = {
	KUNIT_CASE(string_test_memcpy),
	KUNIT_CASE(string_test_memmove),
	KUNIT_CASE(string_test_memset),
	KUNIT_CASE(string_test_memcmp_memchr),
	KUNIT_CASE(string_test_strlen),
	KUNIT_CASE(string_test_strcmp),
	KUNIT_CASE(string_test_copy_concat),
	KUNIT_CASE(string_test_strscpy),
	KUNIT_CASE(string_test_search),
	KUNIT_CASE(string_test_span_sep),
	KUNIT_CASE(string_test_kstrtoul),
	KUNIT_CASE(string_test_kstrtol),
	KUNIT_CASE(string_test_kstrtoint),
	KUNIT_CASE(string_test_kstrtobool),
	KUNIT_CASE(string_test_simple_strtoul),
	KUNIT_CASE(string_test_ctype),
	{}
};

static struct kunit_suite string_test_suite = {
	.name = "string",
	.test_cases = string_test_cases,
};
kunit_test_suites(&string_test_suite);
