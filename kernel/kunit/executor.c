// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runs every suite registered with kunit_test_suites() (the
 * .kunit_test_suites section), optionally filtered by globs on the suite
 * name ("kunit.filter=" on the command line: "-glob" leaves out what it
 * matches), and prints the KTAP header.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/test.h>

extern struct kunit_suite *__start_kunit_suites[], *__stop_kunit_suites[];

/* Shell-style match of '*' and '?' (no classes); used for suite filters. */
bool glob_match(const char *pat, const char *str);
bool glob_match(const char *pat, const char *str)
{
	if (!*pat)
		return !*str;
	if (*pat == '*')
		return glob_match(pat + 1, str) || (*str && glob_match(pat, str + 1));
	if (*str && (*pat == '?' || *pat == *str))
		return glob_match(pat + 1, str + 1);
	return false;
}

/*
 * Comma-separated globs: true if no "-glob" matches and, when there is a
 * glob without '-', one of those matches.
 */
static bool filter_match(const char *filter, const char *name)
{
	bool any = false, matched = false;
	char pat[64];

	while (*filter) {
		size_t n = strcspn(filter, ",");
		bool out = *filter == '-';

		if (n < sizeof(pat)) {
			memcpy(pat, filter + out, n - out);
			pat[n - out] = '\0';
			if (out && glob_match(pat, name))
				return false;
			any |= !out;
			matched |= !out && glob_match(pat, name);
		}
		filter += n;
		if (*filter == ',')
			filter++;
	}
	return !any || matched;
}

int kunit_run_all_tests(const char *filter)
{
	int n = 0, i = 0, failed = 0;

	for (struct kunit_suite **s = __start_kunit_suites; s < __stop_kunit_suites; s++)
		if (!filter || filter_match(filter, (*s)->name))
			n++;
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", n);
	for (struct kunit_suite **s = __start_kunit_suites; s < __stop_kunit_suites; s++)
		if (!filter || filter_match(filter, (*s)->name))
			failed += kunit_run_suite(*s, ++i) ? 1 : 0;
	return failed;
}
