/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KUnit-style in-kernel tests reported as KTAP v1 on the console.
 *
 * A suite is a named array of cases; kunit_test_suites() registers it in a
 * linker section, so adding a test file needs no central list. Each case
 * gets a fresh struct kunit. KUNIT_EXPECT_*() records a failure (with
 * file:line, the expressions and their values) and goes on; KUNIT_ASSERT_*()
 * also ends the case by returning from the calling function, so use it in
 * the case function itself. Cases run in a kernel thread, so they may sleep.
 *
 *	static void my_test(struct kunit *test)
 *	{
 *		KUNIT_EXPECT_EQ(test, 1 + 1, 2);
 *	}
 *	static struct kunit_case my_cases[] = { KUNIT_CASE(my_test), {} };
 *	static struct kunit_suite my_suite = { .name = "my", .test_cases = my_cases };
 *	kunit_test_suites(&my_suite);
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

struct kunit {
	const char *name;		/* name of the running case */
	enum kunit_status status;
	const char *skip_reason;
	void *priv;			/* for the suite's init/exit hooks */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

struct kunit_suite {
	const char *name;
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);	/* before each case; non-zero fails it */
	void (*exit)(struct kunit *test);	/* after each case */
	struct kunit_case *test_cases;		/* ends with an empty entry */
};

#define KUNIT_CASE(fn) { .run_case = fn, .name = #fn }

#define kunit_test_suites(...)						\
	static struct kunit_suite *__UNIQUE_ID(kunit_suites)[]		\
	__used __section(".kunit_test_suites") __aligned(sizeof(void *)) = { __VA_ARGS__ }

#ifdef CONFIG_KUNIT
/*
 * Run every registered suite whose name matches the filter (NULL: all);
 * returns the number of suites that failed. May sleep.
 */
int kunit_run_all_tests(const char *filter_glob);
#else
/* A production kernel (CONFIG_KUNIT=n) has no tests: says so, and fails. */
static inline int kunit_run_all_tests(const char *filter_glob)
{
	pr_err("kunit: no tests in this kernel (built with CONFIG_KUNIT=n)\n");
	return 1;
}
#endif
/* Run one suite; returns the number of failed cases. */
int kunit_run_suite(struct kunit_suite *suite, int index);

/* Print a diagnostic line ("    # ...") into the KTAP stream for this case. */
__printf(2, 3) void kunit_info(struct kunit *test, const char *fmt, ...);
#define kunit_err kunit_info

/* Mark the case failed, with a message and its location. */
__printf(4, 5) void __kunit_fail(struct kunit *test, const char *file, int line,
				 const char *fmt, ...);

/* Mark the case skipped (not failed) with a reason; returns from the case. */
#define kunit_skip(test, reason)					\
	do {								\
		(test)->status = KUNIT_SKIPPED;				\
		(test)->skip_reason = (reason);				\
		return;							\
	} while (0)

/* Report helpers behind the macros; return true if the check passed. */
bool kunit_check_int(struct kunit *test, const char *file, int line, bool ok,
		     const char *op, const char *lstr, long long l,
		     const char *rstr, long long r);
bool kunit_check_uint(struct kunit *test, const char *file, int line, bool ok,
		      const char *op, const char *lstr, unsigned long long l,
		      const char *rstr, unsigned long long r);
bool kunit_check_ptr(struct kunit *test, const char *file, int line, bool ok,
		     const char *op, const char *lstr, const void *l,
		     const char *rstr, const void *r);
bool kunit_check_str(struct kunit *test, const char *file, int line, bool ok,
		     const char *op, const char *lstr, const char *l,
		     const char *rstr, const char *r);
bool kunit_check_bool(struct kunit *test, const char *file, int line, bool ok,
		      const char *expr, bool expected);
bool kunit_check_mem(struct kunit *test, const char *file, int line,
		     const char *lstr, const void *l, const char *rstr, const void *r,
		     size_t size);

/* Signed if the expression's type is signed, else unsigned comparison report. */
#define __KUNIT_IS_SIGNED(x) ((__typeof__(x))-1 < (__typeof__(x))1)

#define __KUNIT_BINARY(test, fatal, left, op, right) ({			\
	__typeof__(left) __l = (left);					\
	__typeof__(right) __r = (right);				\
	bool __ok = __l op __r;						\
	bool __ret = (__KUNIT_IS_SIGNED(__l) || __KUNIT_IS_SIGNED(__r)) ? \
		kunit_check_int(test, __FILE__, __LINE__, __ok, #op,	\
				#left, (long long)__l, #right, (long long)__r) : \
		kunit_check_uint(test, __FILE__, __LINE__, __ok, #op,	\
				 #left, (unsigned long long)__l,	\
				 #right, (unsigned long long)__r);	\
	__ret;								\
})

#define __KUNIT_PTR(test, left, op, right) ({				\
	const void *__l = (left), *__r = (right);			\
	kunit_check_ptr(test, __FILE__, __LINE__, __l op __r, #op, #left, __l, #right, __r); \
})

#define __KUNIT_STR(test, left, op, right) ({				\
	const char *__l = (left), *__r = (right);			\
	kunit_check_str(test, __FILE__, __LINE__,			\
			__l && __r && (__builtin_strcmp(__l, __r) op 0),	\
			#op, #left, __l, #right, __r);			\
})

#define KUNIT_FAIL(test, fmt, ...) __kunit_fail(test, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_TRUE(test, c) kunit_check_bool(test, __FILE__, __LINE__, !!(c), #c, true)
#define KUNIT_EXPECT_FALSE(test, c) kunit_check_bool(test, __FILE__, __LINE__, !(c), #c, false)
#define KUNIT_EXPECT_EQ(test, l, r) __KUNIT_BINARY(test, 0, l, ==, r)
#define KUNIT_EXPECT_NE(test, l, r) __KUNIT_BINARY(test, 0, l, !=, r)
#define KUNIT_EXPECT_LT(test, l, r) __KUNIT_BINARY(test, 0, l, <, r)
#define KUNIT_EXPECT_LE(test, l, r) __KUNIT_BINARY(test, 0, l, <=, r)
#define KUNIT_EXPECT_GT(test, l, r) __KUNIT_BINARY(test, 0, l, >, r)
#define KUNIT_EXPECT_GE(test, l, r) __KUNIT_BINARY(test, 0, l, >=, r)
#define KUNIT_EXPECT_PTR_EQ(test, l, r) __KUNIT_PTR(test, l, ==, r)
#define KUNIT_EXPECT_PTR_NE(test, l, r) __KUNIT_PTR(test, l, !=, r)
#define KUNIT_EXPECT_NULL(test, p) __KUNIT_PTR(test, p, ==, NULL)
#define KUNIT_EXPECT_NOT_NULL(test, p) __KUNIT_PTR(test, p, !=, NULL)
#define KUNIT_EXPECT_STREQ(test, l, r) __KUNIT_STR(test, l, ==, r)
#define KUNIT_EXPECT_STRNEQ(test, l, r) __KUNIT_STR(test, l, !=, r)
#define KUNIT_EXPECT_MEMEQ(test, l, r, size) \
	kunit_check_mem(test, __FILE__, __LINE__, #l, l, #r, r, size)

/* The ASSERT forms end the case (return) when the check fails. */
#define __KUNIT_ASSERT(check) do { if (!(check)) return; } while (0)
#define KUNIT_ASSERT_TRUE(test, c) __KUNIT_ASSERT(KUNIT_EXPECT_TRUE(test, c))
#define KUNIT_ASSERT_FALSE(test, c) __KUNIT_ASSERT(KUNIT_EXPECT_FALSE(test, c))
#define KUNIT_ASSERT_EQ(test, l, r) __KUNIT_ASSERT(KUNIT_EXPECT_EQ(test, l, r))
#define KUNIT_ASSERT_NE(test, l, r) __KUNIT_ASSERT(KUNIT_EXPECT_NE(test, l, r))
#define KUNIT_ASSERT_LT(test, l, r) __KUNIT_ASSERT(KUNIT_EXPECT_LT(test, l, r))
#define KUNIT_ASSERT_LE(test, l, r) __KUNIT_ASSERT(KUNIT_EXPECT_LE(test, l, r))
#define KUNIT_ASSERT_GT(test, l, r) __KUNIT_ASSERT(KUNIT_EXPECT_GT(test, l, r))
#define KUNIT_ASSERT_GE(test, l, r) __KUNIT_ASSERT(KUNIT_EXPECT_GE(test, l, r))
#define KUNIT_ASSERT_NULL(test, p) __KUNIT_ASSERT(KUNIT_EXPECT_NULL(test, p))
#define KUNIT_ASSERT_NOT_NULL(test, p) __KUNIT_ASSERT(KUNIT_EXPECT_NOT_NULL(test, p))
#define KUNIT_ASSERT_PTR_EQ(test, l, r) __KUNIT_ASSERT(KUNIT_EXPECT_PTR_EQ(test, l, r))
#define KUNIT_ASSERT_STREQ(test, l, r) __KUNIT_ASSERT(KUNIT_EXPECT_STREQ(test, l, r))

#endif /* _KUNIT_TEST_H */
