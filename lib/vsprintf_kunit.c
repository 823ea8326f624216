// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for lib/vsprintf.c: every conversion, flag and length
 * modifier, width and precision (also '*'), truncation and return values,
 * and the kernel's %p / %pS / %ps extensions.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

/*
 * Format into a local buffer, then check the text and that the return
 * value is its length. The check sits in the caller, so a failure reports
 * the caller's line.
 */
#define EXPECT_FMT(test, expected, fmt, ...) do {			\
	char __out[128];						\
	int __ret;							\
									\
	memset(__out, 'X', sizeof(__out));				\
	__ret = snprintf(__out, sizeof(__out), fmt, ##__VA_ARGS__);	\
	KUNIT_EXPECT_STREQ(test, __out, expected);			\
	KUNIT_EXPECT_EQ(test, __ret, (int)strlen(expected));		\
} while (0)

/*
 * The same for formats the compiler's format checker would (rightly) warn
 * about, such as flags that C says are ignored: they go through a function
 * that has no __printf attribute.
 */
static int fmt_unchecked(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

#define EXPECT_FMT_UNCHECKED(test, expected, fmt, ...) do {		\
	char __out[128];						\
	int __ret;							\
									\
	memset(__out, 'X', sizeof(__out));				\
	__ret = fmt_unchecked(__out, sizeof(__out), fmt, ##__VA_ARGS__); \
	KUNIT_EXPECT_STREQ(test, __out, expected);			\
	KUNIT_EXPECT_EQ(test, __ret, (int)strlen(expected));		\
} while (0)

static void vsprintf_test_decimal(struct kunit *test)
{
	EXPECT_FMT(test, "0", "%d", 0);
	EXPECT_FMT(test, "42", "%d", 42);
	EXPECT_FMT(test, "-42", "%d", -42);
	EXPECT_FMT(test, "-7", "%i", -7);
	EXPECT_FMT(test, "2147483647", "%d", INT_MAX);
	EXPECT_FMT(test, "-2147483648", "%d", INT_MIN);
	EXPECT_FMT(test, "-2147483648", "%i", INT_MIN);
	EXPECT_FMT(test, "0", "%u", 0U);
	EXPECT_FMT(test, "4294967295", "%u", UINT_MAX);
	EXPECT_FMT(test, "4294967295", "%u", (unsigned int)-1);
	EXPECT_FMT(test, "a1b-2c", "a%db%dc", 1, -2);
}

static void vsprintf_test_64bit_limits(struct kunit *test)
{
	EXPECT_FMT(test, "-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT_FMT(test, "9223372036854775807", "%lld", LLONG_MAX);
	EXPECT_FMT(test, "18446744073709551615", "%llu", ~0ULL);
	EXPECT_FMT(test, "ffffffffffffffff", "%llx", ~0ULL);
	EXPECT_FMT(test, "FFFFFFFFFFFFFFFF", "%llX", ~0ULL);
	EXPECT_FMT(test, "1777777777777777777777", "%llo", ~0ULL);
	/* long is 64 or 32 bits wide (ILP32: 32-bit ARM). */
	if (sizeof(long) == 8) {
		EXPECT_FMT(test, "-9223372036854775808", "%ld", LONG_MIN);
		EXPECT_FMT(test, "18446744073709551615", "%lu", ULONG_MAX);
	} else {
		EXPECT_FMT(test, "-2147483648", "%ld", LONG_MIN);
		EXPECT_FMT(test, "4294967295", "%lu", ULONG_MAX);
	}
	EXPECT_FMT(test, sizeof(long) == 8 ? "8000000000000000" : "80000000", "%lx",
		   1UL << (8 * sizeof(long) - 1));
	EXPECT_FMT(test, "-1", "%lli", -1LL);
}

static void vsprintf_test_length_modifiers(struct kunit *test)
{
	/*
	 * hh and h convert the promoted int back to char / short (the
	 * compiler would warn about passing a wider value, so unchecked).
	 */
	EXPECT_FMT_UNCHECKED(test, "44", "%hhd", 300);
	EXPECT_FMT_UNCHECKED(test, "-56", "%hhd", 200);
	EXPECT_FMT_UNCHECKED(test, "255", "%hhu", -1);
	EXPECT_FMT_UNCHECKED(test, "34", "%hhx", 0x1234);
	EXPECT_FMT_UNCHECKED(test, "1", "%hd", 65537);
	EXPECT_FMT_UNCHECKED(test, "-25536", "%hd", 40000);
	EXPECT_FMT_UNCHECKED(test, "65535", "%hu", -1);
	EXPECT_FMT_UNCHECKED(test, "ffff", "%hx", -1);
	EXPECT_FMT(test, sizeof(size_t) == 8 ? "18446744073709551615" : "4294967295", "%zu",
		   (size_t)-1);
	EXPECT_FMT(test, "-5", "%zd", (ssize_t)-5);
	EXPECT_FMT(test, "abc", "%zx", (size_t)0xabc);
	EXPECT_FMT(test, "-3", "%td", (ptrdiff_t)-3);
	EXPECT_FMT(test, sizeof(ptrdiff_t) == 8 ? "-9223372036854775808" : "-2147483648", "%td",
		   (ptrdiff_t)PTRDIFF_MIN);
	/* Arguments of different sizes must be fetched in order. */
	EXPECT_FMT(test, "1 -2 3 4 5 6", "%hhd %hd %d %ld %lld %zu",
		   (signed char)1, (short)-2, 3, 4L, 5LL, (size_t)6);
}

static void vsprintf_test_hex_octal(struct kunit *test)
{
	EXPECT_FMT(test, "deadbeef", "%x", 0xdeadbeefU);
	EXPECT_FMT(test, "DEADBEEF", "%X", 0xdeadbeefU);
	EXPECT_FMT(test, "0", "%x", 0U);
	EXPECT_FMT(test, "10", "%o", 8U);
	EXPECT_FMT(test, "37777777777", "%o", UINT_MAX);
	/* '#': 0x/0X only for non-zero, octal gets a leading 0. */
	EXPECT_FMT(test, "0xff", "%#x", 255U);
	EXPECT_FMT(test, "0XFF", "%#X", 255U);
	EXPECT_FMT(test, "0", "%#x", 0U);
	EXPECT_FMT(test, "010", "%#o", 8U);
	EXPECT_FMT(test, "0", "%#o", 0U);
	EXPECT_FMT(test, "0", "%#.0o", 0U);
	EXPECT_FMT(test, "00010", "%#.5o", 8U);
	EXPECT_FMT(test, "", "%.0x", 0U);
	EXPECT_FMT(test, "0x1f", "%#lx", 0x1fUL);
}

static void vsprintf_test_width(struct kunit *test)
{
	EXPECT_FMT(test, "   42", "%5d", 42);
	EXPECT_FMT(test, "42   |", "%-5d|", 42);
	EXPECT_FMT(test, "00042", "%05d", 42);
	EXPECT_FMT(test, "-0042", "%05d", -42);
	EXPECT_FMT(test, "12345", "%2d", 12345);
	EXPECT_FMT(test, "    beef", "%8x", 0xbeefU);
	EXPECT_FMT(test, "BEEF    |", "%-8X|", 0xbeefU);
	EXPECT_FMT(test, "0x00beef", "%#08x", 0xbeefU);
	EXPECT_FMT(test, "  0xbeef", "%#8x", 0xbeefU);
	EXPECT_FMT(test, "0xbeef  |", "%-#8x|", 0xbeefU);
	EXPECT_FMT(test, "00000000000000000017", "%020o", 15U);
	/* '-' wins over '0'. */
	EXPECT_FMT_UNCHECKED(test, "42   |", "%-05d|", 42);
}

static void vsprintf_test_precision(struct kunit *test)
{
	EXPECT_FMT(test, "007", "%.3d", 7);
	EXPECT_FMT(test, "-007", "%.3d", -7);
	EXPECT_FMT(test, "", "%.0d", 0);
	EXPECT_FMT(test, "", "%.d", 0);
	EXPECT_FMT(test, "     ", "%5.0d", 0);
	EXPECT_FMT(test, "     042", "%8.3d", 42);
	EXPECT_FMT(test, "042     |", "%-8.3d|", 42);
	EXPECT_FMT(test, "000ab", "%.5x", 0xabU);
	EXPECT_FMT(test, "0x000ab", "%#.5x", 0xabU);
	EXPECT_FMT(test, "12345", "%.2d", 12345);
	EXPECT_FMT(test, "   +0042", "%+8.4d", 42);
	/* With a precision the '0' flag is ignored. */
	EXPECT_FMT_UNCHECKED(test, "     042", "%08.3d", 42);
}

static void vsprintf_test_sign_flags(struct kunit *test)
{
	EXPECT_FMT(test, "+5", "%+d", 5);
	EXPECT_FMT(test, "-5", "%+d", -5);
	EXPECT_FMT(test, "+0", "%+d", 0);
	EXPECT_FMT(test, " 5", "% d", 5);
	EXPECT_FMT(test, "-5", "% d", -5);
	EXPECT_FMT(test, "+0005", "%+05d", 5);
	EXPECT_FMT(test, " 0005", "% 05d", 5);
	EXPECT_FMT(test, "    5", "% 5d", 5);
	EXPECT_FMT(test, "+5   |", "%-+5d|", 5);
	EXPECT_FMT(test, "+9223372036854775807", "%+lld", LLONG_MAX);
	/* '+' beats ' '; neither applies to unsigned conversions. */
	EXPECT_FMT_UNCHECKED(test, "+5", "%+ d", 5);
	EXPECT_FMT_UNCHECKED(test, "5", "%+u", 5U);
	EXPECT_FMT_UNCHECKED(test, "ff", "% x", 255U);
}

static void vsprintf_test_star(struct kunit *test)
{
	EXPECT_FMT(test, "   42", "%*d", 5, 42);
	EXPECT_FMT(test, "42   |", "%*d|", -5, 42);
	EXPECT_FMT(test, "42   |", "%-*d|", 5, 42);
	EXPECT_FMT(test, "0042", "%.*d", 4, 42);
	EXPECT_FMT(test, "42", "%.*d", -1, 42);
	EXPECT_FMT(test, "-0001", "%0*d", 5, -1);
	EXPECT_FMT(test, "    ab", "%*.*s", 6, 2, "abcdef");
	EXPECT_FMT(test, "abc", "%.*s", 3, "abcdef");
	EXPECT_FMT(test, "abcdef", "%.*s", -3, "abcdef");
	EXPECT_FMT(test, "[    2a] x", "[%*.*x] %c", 6, 2, 42U, 'x');
	EXPECT_FMT(test, "[  0x2a] x", "[%#*.*x] %c", 6, 2, 42U, 'x');
}

static void vsprintf_test_char_percent(struct kunit *test)
{
	char buf[8];

	EXPECT_FMT(test, "A", "%c", 'A');
	EXPECT_FMT(test, "  A", "%3c", 'A');
	EXPECT_FMT(test, "A  |", "%-3c|", 'A');
	EXPECT_FMT(test, "abc", "%c%c%c", 'a', 'b', 'c');
	EXPECT_FMT(test, "\xe9", "%c", 0xe9);
	EXPECT_FMT(test, "%", "%%");
	EXPECT_FMT(test, "100% 5%", "100%% %d%%", 5);

	/* %c of 0 stores a NUL and counts it. */
	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, sizeof(buf), "%cY", 0), 2);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
	KUNIT_EXPECT_EQ(test, buf[1], 'Y');
	KUNIT_EXPECT_EQ(test, buf[2], '\0');
}

static void vsprintf_test_string(struct kunit *test)
{
	static const char unterminated[3] = { 'a', 'b', 'c' };
	const char *null_str = NULL;

	/* Hide the NULL from the compiler, which would warn about it. */
	asm("" : "+r"(null_str));

	EXPECT_FMT(test, "hello", "%s", "hello");
	EXPECT_FMT(test, "", "%s", "");
	EXPECT_FMT(test, "     hello", "%10s", "hello");
	EXPECT_FMT(test, "hello     |", "%-10s|", "hello");
	EXPECT_FMT(test, "he", "%.2s", "hello");
	EXPECT_FMT(test, "        he", "%10.2s", "hello");
	EXPECT_FMT(test, "hello", "%.10s", "hello");
	EXPECT_FMT(test, "", "%.0s", "hello");
	EXPECT_FMT(test, "hello", "%2s", "hello");
	/* The precision bounds the read: no NUL is needed. */
	EXPECT_FMT(test, "abc", "%.3s", unterminated);
	/* NULL is printed as "(null)", padded and cut like any string. */
	EXPECT_FMT(test, "(null)", "%s", null_str);
	EXPECT_FMT(test, "  (null)", "%8s", null_str);
	EXPECT_FMT(test, "(nu", "%.3s", null_str);
	EXPECT_FMT(test, "x=hello y=world", "x=%s y=%s", "hello", "world");
}

static void vsprintf_test_pointer(struct kunit *test)
{
	EXPECT_FMT(test, sizeof(void *) == 8 ? "0xffffffff81000000" : "0xc0010000", "%p",
		   (void *)(unsigned long)(sizeof(void *) == 8 ? 0xffffffff81000000ULL : 0xc0010000));
	EXPECT_FMT(test, "0x1234", "%p", (void *)0x1234UL);
	EXPECT_FMT(test, "0x0", "%p", NULL);
	EXPECT_FMT(test, "    0x1234", "%10p", (void *)0x1234UL);
	EXPECT_FMT(test, "0x1234    |", "%-10p|", (void *)0x1234UL);
	EXPECT_FMT(test, "0xdeadbeef", "%px", (void *)0xdeadbeefUL);
	EXPECT_FMT(test, "0xab:", "%p:", (void *)0xabUL);
}

/* A function of known size to look up; noinline so it has its own symbol. */
static noinline int vsprintf_kunit_target(int x)
{
	barrier();
	return x * 3 + 1;
}

static void vsprintf_test_symbol(struct kunit *test)
{
	static const char prefix[] = "kunit_run_suite+0x0/0x";
	char buf[128];
	int ret;

	ret = snprintf(buf, sizeof(buf), "%pS", (void *)kunit_run_suite);
	KUNIT_EXPECT_EQ(test, ret, (int)strlen(buf));
	KUNIT_EXPECT_EQ(test, strncmp(buf, prefix, strlen(prefix)), 0);
	/* The size is a non-zero hex number and ends the output. */
	KUNIT_EXPECT_TRUE(test, strlen(buf) > strlen(prefix));
	KUNIT_EXPECT_EQ(test, strspn(buf + strlen(prefix), "0123456789abcdef"),
			strlen(buf) - strlen(prefix));
	KUNIT_EXPECT_NE(test, buf[strlen(prefix)], '0');

	ret = snprintf(buf, sizeof(buf), "%ps", (void *)kunit_run_suite);
	KUNIT_EXPECT_STREQ(test, buf, "kunit_run_suite");
	KUNIT_EXPECT_EQ(test, ret, (int)strlen("kunit_run_suite"));

	snprintf(buf, sizeof(buf), "[%ps]", (void *)kunit_run_suite);
	KUNIT_EXPECT_STREQ(test, buf, "[kunit_run_suite]");
}

static void vsprintf_test_symbol_offset(struct kunit *test)
{
	static const char prefix[] = "vsprintf_kunit_target+0x1/0x";
	char buf[128];

	KUNIT_EXPECT_EQ(test, vsprintf_kunit_target(2), 7);

	snprintf(buf, sizeof(buf), "%pS", (void *)vsprintf_kunit_target);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "vsprintf_kunit_target+0x0/0x",
				      strlen("vsprintf_kunit_target+0x0/0x")), 0);

	snprintf(buf, sizeof(buf), "%pS", (char *)vsprintf_kunit_target + 1);
	KUNIT_EXPECT_EQ(test, strncmp(buf, prefix, strlen(prefix)), 0);

	snprintf(buf, sizeof(buf), "%ps", (char *)vsprintf_kunit_target + 1);
	KUNIT_EXPECT_STREQ(test, buf, "vsprintf_kunit_target");

	/* Width pads the whole symbol text. */
	snprintf(buf, sizeof(buf), "%25ps|", (void *)vsprintf_kunit_target);
	KUNIT_EXPECT_STREQ(test, buf, "    vsprintf_kunit_target|");
	snprintf(buf, sizeof(buf), "%-25ps|", (void *)vsprintf_kunit_target);
	KUNIT_EXPECT_STREQ(test, buf, "vsprintf_kunit_target    |");
}

static void vsprintf_test_symbol_unknown(struct kunit *test)
{
	EXPECT_FMT(test, "0x10", "%pS", (void *)0x10UL);
	EXPECT_FMT(test, "0x10", "%ps", (void *)0x10UL);
	EXPECT_FMT(test, "0x0", "%pS", NULL);
	EXPECT_FMT(test, "[0x20]", "[%pS]", (void *)0x20UL);
}

static void vsprintf_test_truncate_size0(struct kunit *test)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 0, "hello"), 5);
	KUNIT_EXPECT_EQ(test, buf[0], 'X');
	/* With size 0 the buffer may be NULL: a way to measure. */
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%d", 12345), 5);
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%s-%lld", "abc", LLONG_MIN), 24);
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%s", ""), 0);
}

static void vsprintf_test_truncate_size1(struct kunit *test)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 1, "hello"), 5);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
	KUNIT_EXPECT_EQ(test, buf[1], 'X');

	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 2, "%d", 12345), 5);
	KUNIT_EXPECT_STREQ(test, buf, "1");
	KUNIT_EXPECT_EQ(test, buf[2], 'X');
}

static void vsprintf_test_truncate_exact(struct kunit *test)
{
	char buf[16];

	/* Exact fit: all characters plus the NUL. */
	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 6, "hello"), 5);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	KUNIT_EXPECT_EQ(test, buf[6], 'X');

	/* One byte short: the last character gives way to the NUL. */
	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 5, "hello"), 5);
	KUNIT_EXPECT_STREQ(test, buf, "hell");
	KUNIT_EXPECT_EQ(test, buf[5], 'X');

	/* Truncation inside a padded number still returns the full length. */
	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 4, "%d", INT_MIN), 11);
	KUNIT_EXPECT_STREQ(test, buf, "-21");
	memset(buf, 'X', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 8, "%20s|", "ab"), 21);
	KUNIT_EXPECT_STREQ(test, buf, "       ");
	KUNIT_EXPECT_EQ(test, buf[8], 'X');
}

static __printf(3, 4) int vscn_wrapper(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

static void vsprintf_test_scnprintf(struct kunit *test)
{
	char buf[16];

	KUNIT_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), "hello"), 5);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 6, "hello"), 5);
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 5, "hello"), 4);
	KUNIT_EXPECT_STREQ(test, buf, "hell");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 1, "hello"), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
	buf[0] = 'X';
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 0, "hello"), 0);
	KUNIT_EXPECT_EQ(test, buf[0], 'X');
	KUNIT_EXPECT_EQ(test, vscn_wrapper(buf, 4, "%d", 123456), 3);
	KUNIT_EXPECT_STREQ(test, buf, "123");
	KUNIT_EXPECT_EQ(test, vscn_wrapper(buf, sizeof(buf), "%d", -1), 2);
	KUNIT_EXPECT_STREQ(test, buf, "-1");
}

static void vsprintf_test_append(struct kunit *test)
{
	char buf[12];
	int len = 0;

	/* The usual way to build a line in pieces without overflowing. */
	len += scnprintf(buf + len, sizeof(buf) - len, "%s", "abc");
	len += scnprintf(buf + len, sizeof(buf) - len, "-%d", 12345);
	len += scnprintf(buf + len, sizeof(buf) - len, "-%x", 0xffffU);
	KUNIT_EXPECT_EQ(test, len, 11);
	KUNIT_EXPECT_STREQ(test, buf, "abc-12345-f");
	len += scnprintf(buf + len, sizeof(buf) - len, "more");
	KUNIT_EXPECT_EQ(test, len, 11);
}

static void vsprintf_test_unknown_conversion(struct kunit *test)
{
	/* Unsupported conversions are copied out as written. */
	EXPECT_FMT_UNCHECKED(test, "a%yb", "a%yb");
	EXPECT_FMT_UNCHECKED(test, "x%-5ky 7", "x%-5ky %d", 7);
	EXPECT_FMT_UNCHECKED(test, "end%", "end%");
}

static struct kunit_case vsprintf_test_cases[] = {
	KUNIT_CASE(vsprintf_test_decimal),
	KUNIT_CASE(vsprintf_test_64bit_limits),
	KUNIT_CASE(vsprintf_test_length_modifiers),
	KUNIT_CASE(vsprintf_test_hex_octal),
	KUNIT_CASE(vsprintf_test_width),
	KUNIT_CASE(vsprintf_test_precision),
	KUNIT_CASE(vsprintf_test_sign_flags),
	KUNIT_CASE(vsprintf_test_star),
	KUNIT_CASE(vsprintf_test_char_percent),
	KUNIT_CASE(vsprintf_test_string),
	KUNIT_CASE(vsprintf_test_pointer),
	KUNIT_CASE(vsprintf_test_symbol),
	KUNIT_CASE(vsprintf_test_symbol_offset),
	KUNIT_CASE(vsprintf_test_symbol_unknown),
	KUNIT_CASE(vsprintf_test_truncate_size0),
	KUNIT_CASE(vsprintf_test_truncate_size1),
	KUNIT_CASE(vsprintf_test_truncate_exact),
	KUNIT_CASE(vsprintf_test_scnprintf),
	KUNIT_CASE(vsprintf_test_append),
	KUNIT_CASE(vsprintf_test_unknown_conversion),
	{}
};

static struct kunit_suite vsprintf_test_suite = {
	.name = "vsprintf",
	.test_cases = vsprintf_test_cases,
};
kunit_test_suites(&vsprintf_test_suite);
