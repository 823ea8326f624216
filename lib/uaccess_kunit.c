// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of <linux/uaccess.h>: every primitive with NULL, a kernel address,
 * an unmapped user address and a range that runs off a mapped test page,
 * checking the Linux return conventions and that the kernel survives.
 */
#include <kunit/test.h>
#include <kunit/uaccess.h>
#include <linux/kernel.h>
#include <linux/fault-inject.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/uaccess.h>

#define UBASE		0x0000000040000000UL	/* mapped by the suite's init */
#define UNMAPPED	0x0000000050000000UL	/* never mapped */
#define UEND		(UBASE + PAGE_SIZE)	/* first byte after the test page */

static char kbuf[64];

static int uaccess_init(struct kunit *test)
{
	return map_user_test_page(UBASE);
}

static void uaccess_exit(struct kunit *test)
{
	unmap_user_test_page(UBASE);
}

static void uaccess_access_ok(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, access_ok((void __user *)NULL, 0));
	KUNIT_EXPECT_TRUE(test, access_ok((void __user *)UBASE, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, access_ok((void __user *)(TASK_SIZE_MAX - 1), 1));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)(TASK_SIZE_MAX - 1), 2));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)TASK_SIZE_MAX, 1));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)kbuf, 1));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)(ULONG_MAX - 8), 16));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)0x1000, ULONG_MAX));
	/* User space is the lower half, below every kernel mapping. */
	KUNIT_EXPECT_TRUE(test, TASK_SIZE_MAX <= PAGE_OFFSET);
	KUNIT_EXPECT_TRUE(test, TASK_SIZE_MAX <= VMALLOC_START);
}

static void uaccess_copy_roundtrip(struct kunit *test)
{
	char out[32], in[32];

	for (int i = 0; i < 32; i++)
		out[i] = 'a' + i % 26;
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(UBASE + 100), out, 32), 0UL);
	memset(in, 0, sizeof(in));
	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)(UBASE + 100), 32), 0UL);
	KUNIT_EXPECT_MEMEQ(test, in, out, 32);
	/* The user page really holds the data (same physical page). */
	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)(UBASE + 131), 1), 0UL);
	KUNIT_EXPECT_EQ(test, in[0], out[31]);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)UBASE, out, 0), 0UL);
}

static void uaccess_copy_bad_addresses(struct kunit *test)
{
	char in[16];

	memset(in, 'x', sizeof(in));
	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)NULL, 16), 16UL);
	KUNIT_EXPECT_EQ(test, in[0], 0);	/* uncopied bytes are zeroed */
	KUNIT_EXPECT_EQ(test, in[15], 0);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)NULL, "0123456789abcdef", 16), 16UL);

	/* A kernel address is refused before any access. */
	memset(kbuf, 'k', sizeof(kbuf));
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)kbuf, "evil", 4), 4UL);
	KUNIT_EXPECT_EQ(test, kbuf[0], 'k');
	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)kbuf, 8), 8UL);
	KUNIT_EXPECT_EQ(test, in[0], 0);

	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)UNMAPPED, 16), 16UL);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)UNMAPPED, in, 16), 16UL);
	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)(TASK_SIZE_MAX - 8), 16), 16UL);
}

static void uaccess_copy_partial(struct kunit *test)
{
	char out[30], in[30];

	memset(out, 'p', sizeof(out));
	/* 10 bytes fit before the end of the mapped page, 20 do not. */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(UEND - 10), out, 30), 20UL);
	memset(in, 'x', sizeof(in));
	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)(UEND - 10), 30), 20UL);
	KUNIT_EXPECT_MEMEQ(test, in, out, 10);
	KUNIT_EXPECT_EQ(test, in[10], 0);
	KUNIT_EXPECT_EQ(test, in[29], 0);
	/* Starting before the page: nothing at all. */
	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)(UBASE - 4), 8), 8UL);
}

/*
 * Every pairing of source and destination alignment and lengths around a
 * word, both ways, and copies that run into the end of the mapped page
 * from aligned and unaligned starts: the data arrives, nothing around it
 * is touched, and a fault reports exactly the bytes not copied.
 */
static void uaccess_copy_alignments(struct kunit *test)
{
	static u64 kw[12];	/* 8-byte aligned kernel side */
	char *k = (char *)kw;
	char pattern[64];
	int bad = 0;

	for (int i = 0; i < 64; i++)
		pattern[i] = (char)(i * 7 + 1);
	for (int ko = 0; ko < 8; ko++) {
		for (int uo = 0; uo < 8; uo++) {
			for (int n = 0; n <= 40; n += (n < 18 ? 1 : 11)) {
				void __user *u = (void __user *)(UBASE + 512 + uo);

				memset(k, 0, sizeof(kw));
				if (clear_user((void __user *)(UBASE + 504), 64))
					bad++;
				if (copy_to_user(u, pattern, n))
					bad++;
				if (copy_from_user(k + ko, (void __user *)(UBASE + 504), 64) != 0)
					bad++;
				/* k[ko + 8 + uo ...] holds the copy, zeros around it. */
				for (int i = 0; i < 64; i++) {
					int j = i - 8 - uo;
					char want = (j >= 0 && j < n) ? pattern[j] : 0;

					if (k[ko + i] != want)
						bad++;
				}
				memset(k, 0, sizeof(kw));
				if (copy_from_user(k + ko, u, n))
					bad++;
				if (memcmp(k + ko, pattern, n) || k[ko + n] != 0 || (ko && k[ko - 1]))
					bad++;
			}
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0);

	/* Into the end of the page: aligned (word copies) and not. */
	for (unsigned long left = 24; left <= 31; left++) {
		/* The kernel side aligned like the user side, then not. */
		for (int pass = 0; pass < 2; pass++) {
			char *kk = k + (pass ? 0 : (-left & 7));
			char *src = pattern + (pass ? 0 : (-left & 7));

			memset(k, 'x', sizeof(kw));
			KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(UEND - left), src, 40),
					40 - left);
			KUNIT_EXPECT_EQ(test, copy_from_user(kk, (void __user *)(UEND - left), 40),
					40 - left);
			KUNIT_EXPECT_MEMEQ(test, kk, src, left);
			KUNIT_EXPECT_EQ(test, kk[left], 0);	/* the rest is zeroed */
			KUNIT_EXPECT_EQ(test, kk[39], 0);
		}
	}
}

/*
 * Copies long enough for the bulk paths (x86-64's "rep movsq", the 64-byte
 * blocks of arm64 and riscv64): round trips of 1,000 bytes at every
 * pairing of user and kernel alignment, and copies of 300 bytes that run
 * into the end of the mapped page with 0 to 300 bytes before it, so that
 * the fault falls at every offset of a block and of a word: exactly the
 * bytes before the end arrive and are reported copied, nothing after
 * them is written, and copy_from_user() zeroes the rest; clear_user() into
 * the page's end zeroes exactly the bytes before it.
 */
static void uaccess_copy_blocks(struct kunit *test)
{
	enum { LONG = 1000, RUN = 300 };
	static char pat[LONG + 8], buf[LONG + 16];
	int bad = 0;

	for (int i = 0; i < LONG + 8; i++)
		pat[i] = (char)(i * 13 + 5);
	for (int uo = 0; uo < 8; uo++) {
		for (int ko = 0; ko < 8; ko++) {
			void __user *u = (void __user *)(UBASE + 16 + uo);

			if (copy_to_user(u, pat + ko, LONG))
				bad++;
			memset(buf, 0, LONG + 16);
			if (copy_from_user(buf + ko, u, LONG))
				bad++;
			if (memcmp(buf + ko, pat + ko, LONG) || buf[ko + LONG] || (ko && buf[ko - 1]))
				bad++;
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0);

	for (unsigned long left = 0; left <= RUN; left++) {
		/* The kernel side aligned like the user side, then 3 bytes off. */
		for (int pass = 0; pass < 2; pass++) {
			unsigned long ko = ((-left) & 7) + (pass ? 3 : 0);
			void __user *u = (void __user *)(UEND - left);

			if (clear_user((void __user *)(UEND - RUN - 8), RUN + 8))
				bad++;
			if (copy_to_user(u, pat + ko, RUN) != RUN - left)
				bad++;
			memset(buf, 'x', LONG + 16);
			if (copy_from_user(buf + ko, (void __user *)(UEND - RUN - 8), RUN + 8) != 0)
				bad++;
			/* Up to UEND - left: zeros; then the pattern up to the page's end. */
			for (unsigned long i = 0; i < RUN + 8; i++) {
				char want = i < RUN + 8 - left ? 0 : pat[ko + i - (RUN + 8 - left)];

				if (buf[ko + i] != want)
					bad++;
			}
			memset(buf, 'x', LONG + 16);
			if (copy_from_user(buf + ko, u, RUN) != RUN - left)
				bad++;
			if (memcmp(buf + ko, pat + ko, left))
				bad++;
			for (unsigned long i = left; i < RUN; i++)
				if (buf[ko + i])	/* the bytes not copied are zeroed */
					bad++;
			if (buf[ko + RUN] != 'x')
				bad++;
			/* clear_user() into the page's end zeroes exactly the bytes before it. */
			unsigned long z = left + pass > RUN ? RUN : left + pass;

			if (copy_to_user((void __user *)(UEND - RUN - 8), pat, RUN + 8) ||
			    clear_user((void __user *)(UEND - z), RUN) != RUN - z ||
			    copy_from_user(buf, (void __user *)(UEND - RUN - 8), RUN + 8))
				bad++;
			for (unsigned long i = 0; i < RUN + 8; i++)
				if (buf[i] != (i < RUN + 8 - z ? pat[i] : 0))
					bad++;
		}
		if (bad) {
			kunit_info(test, "first failure with %lu bytes before the page's end", left);
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
}

static void uaccess_get_put_user(struct kunit *test)
{
	u8 __user *p8 = (u8 __user *)(UBASE + 200);
	u16 __user *p16 = (u16 __user *)(UBASE + 208);
	u32 __user *p32 = (u32 __user *)(UBASE + 216);
	u64 __user *p64 = (u64 __user *)(UBASE + 224);
	s32 __user *ps = (s32 __user *)(UBASE + 232);
	u8 v8 = 0;
	u16 v16 = 0;
	u32 v32 = 0;
	u64 v64 = 0;
	s32 vs = 0;

	KUNIT_EXPECT_EQ(test, put_user(0xa5, p8), 0);
	KUNIT_EXPECT_EQ(test, put_user(0xbeef, p16), 0);
	KUNIT_EXPECT_EQ(test, put_user(0xdeadbeefU, p32), 0);
	KUNIT_EXPECT_EQ(test, put_user(0x0123456789abcdefULL, p64), 0);
	KUNIT_EXPECT_EQ(test, put_user(-5, ps), 0);
	KUNIT_EXPECT_EQ(test, get_user(v8, p8), 0);
	KUNIT_EXPECT_EQ(test, get_user(v16, p16), 0);
	KUNIT_EXPECT_EQ(test, get_user(v32, p32), 0);
	KUNIT_EXPECT_EQ(test, get_user(v64, p64), 0);
	KUNIT_EXPECT_EQ(test, get_user(vs, ps), 0);
	KUNIT_EXPECT_EQ(test, v8, 0xa5);
	KUNIT_EXPECT_EQ(test, v16, 0xbeef);
	KUNIT_EXPECT_EQ(test, v32, 0xdeadbeefU);
	KUNIT_EXPECT_EQ(test, v64, 0x0123456789abcdefULL);
	KUNIT_EXPECT_EQ(test, vs, -5);
	/* Stores of one size do not spill over their neighbours. */
	KUNIT_EXPECT_EQ(test, get_user(v8, (u8 __user *)(UBASE + 201)), 0);
	KUNIT_EXPECT_EQ(test, v8, 0);

	v32 = 7;
	KUNIT_EXPECT_EQ(test, get_user(v32, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, v32, 0U);
	v64 = 7;
	KUNIT_EXPECT_EQ(test, get_user(v64, (u64 __user *)kbuf), -EFAULT);
	KUNIT_EXPECT_EQ(test, v64, 0ULL);
	v16 = 7;
	KUNIT_EXPECT_EQ(test, get_user(v16, (u16 __user *)UNMAPPED), -EFAULT);
	KUNIT_EXPECT_EQ(test, v16, 0);
	KUNIT_EXPECT_EQ(test, put_user(1, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user(1, (u64 __user *)kbuf), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user(1, (u8 __user *)UNMAPPED), -EFAULT);
	/* Straddling the end of the page: the 8-byte access faults. */
	KUNIT_EXPECT_EQ(test, put_user(1, (u64 __user *)(UEND - 4)), -EFAULT);
}

static void uaccess_strncpy_from_user(struct kunit *test)
{
	char s[16];

	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)UBASE, "hello", 6), 0UL);
	memset(s, 'x', sizeof(s));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, (const char __user *)UBASE, sizeof(s)), 5L);
	KUNIT_EXPECT_STREQ(test, s, "hello");
	/* No NUL within count: count returned, no terminator. */
	memset(s, 'x', sizeof(s));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, (const char __user *)UBASE, 3), 3L);
	KUNIT_EXPECT_EQ(test, s[2], 'l');
	KUNIT_EXPECT_EQ(test, s[3], 'x');
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, (const char __user *)NULL, 8), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, (const char __user *)kbuf, 8), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, (const char __user *)UNMAPPED, 8),
			(long)-EFAULT);
	/* A string that runs off the mapped page. */
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(UEND - 3), "abc", 3), 0UL);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, (const char __user *)(UEND - 3), 8),
			(long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, (const char __user *)(UEND - 3), 3), 3L);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)UBASE, 16), 6L);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)UBASE, 3), 4L);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)NULL, 16), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)(UEND - 3), 16), 0L);
}

static void uaccess_clear_user(struct kunit *test)
{
	char in[32];

	memset(in, 'z', sizeof(in));
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(UEND - 32), in, 32), 0UL);
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)(UEND - 32), 16), 0UL);
	KUNIT_EXPECT_EQ(test, copy_from_user(in, (void __user *)(UEND - 32), 32), 0UL);
	KUNIT_EXPECT_EQ(test, in[0], 0);
	KUNIT_EXPECT_EQ(test, in[15], 0);
	KUNIT_EXPECT_EQ(test, in[16], 'z');
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)(UEND - 8), 20), 12UL);
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)NULL, 20), 20UL);
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)kbuf, 20), 20UL);
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)UNMAPPED, 20), 20UL);
}

static void uaccess_test_page_hook(struct kunit *test)
{
	unsigned long before, addr = 0x0000000060000000UL;
	u32 v = 1;

	KUNIT_EXPECT_EQ(test, map_user_test_page(UBASE), -EEXIST);
	KUNIT_EXPECT_EQ(test, map_user_test_page(addr + 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, map_user_test_page((unsigned long)kbuf & PAGE_MASK), -EINVAL);

	before = nr_free_pages();
	KUNIT_ASSERT_EQ(test, map_user_test_page(addr), 0);
	KUNIT_EXPECT_LT(test, nr_free_pages(), before);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)addr), 0);
	KUNIT_EXPECT_EQ(test, v, 0U);	/* zeroed */
	unmap_user_test_page(addr);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);	/* page and tables freed */
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)addr), -EFAULT);
}

/*
 * A map that fails for want of memory (each of its allocations in turn)
 * leaves nothing behind: no page, no table, no mapping. The address is
 * under a top-level entry nothing else uses, so the failures include one
 * after a new table was linked.
 */
static void uaccess_test_page_alloc_failure(struct kunit *test)
{
	unsigned long before = nr_free_pages();
	/* On 32 bits: an address under a first-level entry of its own too. */
	unsigned long addr = sizeof(long) == 8 ? (unsigned long)0x0000003000000000ULL : 0x70000000UL;
	int err, failures = 0;

	for (unsigned int n = 0; n < 16; n++) {
		alloc_fail_after(n);
		err = map_user_test_page(addr);
		alloc_fail_off();
		if (!err)
			break;
		failures++;
		KUNIT_EXPECT_EQ(test, err, -ENOMEM);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
		KUNIT_EXPECT_EQ(test, clear_user((void __user *)addr, 4), 4UL);	/* unmapped */
	}
	KUNIT_ASSERT_EQ(test, err, 0);
	/* The page and at least two new tables (one in a two-level tree) each failed once. */
	KUNIT_EXPECT_GE(test, failures, min(3, PGTABLE_LEVELS));
	unmap_user_test_page(addr);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static struct kunit_case uaccess_cases[] = {
	KUNIT_CASE(uaccess_access_ok),
	KUNIT_CASE(uaccess_copy_roundtrip),
	KUNIT_CASE(uaccess_copy_bad_addresses),
	KUNIT_CASE(uaccess_copy_partial),
	KUNIT_CASE(uaccess_copy_alignments),
	KUNIT_CASE(uaccess_copy_blocks),
	KUNIT_CASE(uaccess_get_put_user),
	KUNIT_CASE(uaccess_strncpy_from_user),
	KUNIT_CASE(uaccess_clear_user),
	KUNIT_CASE(uaccess_test_page_hook),
	KUNIT_CASE(uaccess_test_page_alloc_failure),
	{}
};

static struct kunit_suite uaccess_suite = {
	.name = "uaccess",
	.init = uaccess_init,
	.exit = uaccess_exit,
	.test_cases = uaccess_cases,
};
kunit_test_suites(&uaccess_suite);
