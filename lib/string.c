// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory and string helpers, and integer parsing (kstrto*, simple_strto*).
 *
 * The compiler may emit calls to memcpy(), memmove(), memset() and memcmp()
 * on its own (structure copies, loops it recognises), so those four must
 * never be compiled into calls to themselves: their loops contain a compiler
 * barrier, which stops gcc and clang from recognising a copy or fill idiom.
 * An architecture with faster ones defines __HAVE_ARCH_MEMCPY/_MEMSET in
 * asm/string.h and provides them (arch/x86_64/lib/string.c).
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/ctype.h>
#include <linux/string.h>

/* The header maps these to builtins; here we define the real functions. */
#undef memcpy
#undef memmove
#undef memset
#undef memcmp

typedef u64 __attribute__((__may_alias__, __aligned__(1))) unaligned_u64;

#ifndef __HAVE_ARCH_MEMCPY
/*
 * memcpy() - copy n bytes from src to dest; the areas must not overlap.
 * Returns dest. Never sleeps.
 */
void *memcpy(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	/* Whole words when both sides are word-aligned, then bytes. */
	if ((((unsigned long)d | (unsigned long)s) & (sizeof(u64) - 1)) == 0) {
		for (; n >= sizeof(u64); n -= sizeof(u64), d += sizeof(u64), s += sizeof(u64)) {
			*(u64 *)d = *(const u64 *)s;
			barrier();
		}
	}
	while (n--) {
		*d++ = *s++;
		barrier();
	}
	return dest;
}
#endif

/*
 * memmove() - copy n bytes from src to dest; the areas may overlap.
 * Returns dest. Never sleeps.
 */
void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dest;
	if (d < s || d >= s + n) {
		/*
		 * Forward, byte by byte: with d < s each store lands below every
		 * byte still to be read.
		 */
		while (n--) {
			*d++ = *s++;
			barrier();
		}
		return dest;
	}

	/*
	 * dest overlaps the end of src: copy from the top down. Whole words
	 * are safe when dest is at least a word above src, since a word's
	 * store then never reaches bytes that are still to be read.
	 */
	if (d - s >= (ptrdiff_t)sizeof(u64)) {
		while (n >= sizeof(u64)) {
			n -= sizeof(u64);
			*(unaligned_u64 *)(d + n) = *(const unaligned_u64 *)(s + n);
			barrier();
		}
	}
	while (n) {
		n--;
		d[n] = s[n];
		barrier();
	}
	return dest;
}

#ifndef __HAVE_ARCH_MEMSET
/*
 * memset() - fill n bytes at s with the byte (unsigned char)c.
 * Returns s. Never sleeps.
 */
void *memset(void *s, int c, size_t n)
{
	unsigned char *d = s;
	u64 pattern = (u8)c * 0x0101010101010101ULL;

	if (((unsigned long)d & (sizeof(u64) - 1)) == 0) {
		for (; n >= sizeof(u64); n -= sizeof(u64), d += sizeof(u64)) {
			*(u64 *)d = pattern;
			barrier();
		}
	}
	while (n--) {
		*d++ = (unsigned char)c;
		barrier();
	}
	return s;
}
#endif

/*
 * memcmp() - compare n bytes as unsigned chars. Returns <0, 0 or >0 as s1
 * sorts before, equal to or after s2. Never sleeps.
 */
int memcmp(const void *s1, const void *s2, size_t n)
{
	const unsigned char *a = s1, *b = s2;
	size_t i;

	for (i = 0; i < n; i++) {
		if (a[i] != b[i])
			return a[i] - b[i];
	}
	return 0;
}

/*
 * bcmp() - zero if the n bytes at s1 and s2 are equal, non-zero if not (the
 * order is unspecified): what LLVM emits for an equality-only memcmp() on
 * targets whose C library has it (Rust's powerpc64le-unknown-linux-gnu).
 * Never sleeps. Not in <linux/string.h>: only the compiler calls it.
 */
int bcmp(const void *s1, const void *s2, size_t n);
int bcmp(const void *s1, const void *s2, size_t n)
{
	return memcmp(s1, s2, n);
}

/*
 * memchr() - find the first byte equal to (unsigned char)c in the n bytes
 * at s. Returns a pointer to it, or NULL. Never sleeps.
 */
void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == (unsigned char)c)
			return (void *)(p + i);
	}
	return NULL;
}

/* strlen() - number of characters before the NUL of s. Never sleeps. */
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/*
 * strnlen() - like strlen() but reads at most maxlen bytes, and returns
 * maxlen if there is no NUL among them. Never sleeps.
 */
size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

/*
 * strcmp() - compare two C strings as unsigned chars. Returns <0, 0 or >0.
 * Never sleeps.
 */
int strcmp(const char *s1, const char *s2)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a - *b;
}

/*
 * strncmp() - like strcmp() but looks at no more than n characters.
 * Never sleeps.
 */
int strncmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a - *b;
		if (!*a)
			break;
	}
	return 0;
}

/*
 * strcasecmp() - like strcmp() with ASCII letters compared as lower case.
 * Never sleeps.
 */
int strcasecmp(const char *s1, const char *s2)
{
	int c1, c2;

	do {
		c1 = tolower((unsigned char)*s1++);
		c2 = tolower((unsigned char)*s2++);
	} while (c1 && c1 == c2);
	return c1 - c2;
}

/*
 * strncasecmp() - like strcasecmp() for at most n characters.
 * Never sleeps.
 */
int strncasecmp(const char *s1, const char *s2, size_t n)
{
	int c1, c2;

	for (; n; n--) {
		c1 = tolower((unsigned char)*s1++);
		c2 = tolower((unsigned char)*s2++);
		if (c1 != c2)
			return c1 - c2;
		if (!c1)
			break;
	}
	return 0;
}

/*
 * strcpy() - copy src, with its NUL, to dest, which must be big enough.
 * Returns dest. Prefer strscpy(). Never sleeps.
 */
char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	while ((*d++ = *src++) != '\0')
		;
	return dest;
}

/*
 * strncpy() - copy at most n characters of src to dest and fill the rest
 * of the n bytes with NULs. dest is not NUL-terminated when src has n or
 * more characters. Returns dest. Never sleeps.
 */
char *strncpy(char *dest, const char *src, size_t n)
{
	size_t i;

	for (i = 0; i < n && src[i]; i++)
		dest[i] = src[i];
	for (; i < n; i++) {
		dest[i] = '\0';
		barrier();
	}
	return dest;
}

/*
 * strscpy() - bounded copy that always terminates. Returns the length
 * copied or -E2BIG on truncation (see <linux/string.h>). Never sleeps.
 */
ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t i;

	if (count == 0)
		return -E2BIG;
	for (i = 0; i < count; i++) {
		dest[i] = src[i];
		if (!src[i])
			return i;
	}
	dest[count - 1] = '\0';
	return -E2BIG;
}

/*
 * strcat() - append src to the C string in dest, which must have room.
 * Returns dest. Never sleeps.
 */
char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

/*
 * strchr() - find the first (char)c in s; c == '\0' finds the terminator.
 * Returns a pointer to it, or NULL. Never sleeps.
 */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

/*
 * strrchr() - find the last (char)c in s; c == '\0' finds the terminator.
 * Returns a pointer to it, or NULL. Never sleeps.
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

/*
 * strstr() - find the first occurrence of needle in haystack. Returns a
 * pointer to it, haystack if needle is empty, or NULL. Never sleeps.
 */
char *strstr(const char *haystack, const char *needle)
{
	size_t nlen = strlen(needle);

	if (!nlen)
		return (char *)haystack;
	for (; *haystack; haystack++) {
		if (*haystack == *needle && !strncmp(haystack, needle, nlen))
			return (char *)haystack;
	}
	return NULL;
}

/*
 * strspn() - length of the leading part of s made only of characters in
 * accept. Never sleeps.
 */
size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

/*
 * strcspn() - length of the leading part of s made only of characters not
 * in reject. Never sleeps.
 */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

/*
 * strpbrk() - find the first character of s that is in accept. Returns a
 * pointer to it, or NULL. Never sleeps.
 */
char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

/*
 * strsep() - split off the token at *stringp, ending at the first character
 * in delim, which is overwritten by a NUL; *stringp moves past it, or
 * becomes NULL after the last token. Returns the token (possibly empty), or
 * NULL when *stringp is already NULL. Never sleeps.
 */
char *strsep(char **stringp, const char *delim)
{
	char *begin = *stringp, *end;

	if (!begin)
		return NULL;
	end = strpbrk(begin, delim);
	if (end)
		*end++ = '\0';
	*stringp = end;
	return begin;
}

/* ---- Integer parsing ---------------------------------------------------- */

/* Value of a hexadecimal digit, or 16 for anything else. */
static unsigned int hex_digit(char c)
{
	if (isdigit(c))
		return c - '0';
	c = _tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 16;
}

/*
 * Resolve base 0 from the prefix, and step over a "0x" in front of a hex
 * number. A "0x" not followed by a hex digit is left alone, so it parses
 * as "0" with junk after it.
 */
static const char *parse_radix(const char *s, unsigned int *base)
{
	bool hex_prefix = s[0] == '0' && _tolower(s[1]) == 'x' && isxdigit(s[2]);

	if (*base == 0) {
		if (hex_prefix)
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && hex_prefix)
		s += 2;
	return s;
}

/*
 * Read the digits at s. Returns how many there were; the value (modulo
 * 2^64) goes to *res and *overflow says whether it did not fit 64 bits.
 */
static size_t parse_digits(const char *s, unsigned int base,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long val = 0;
	bool ovf = false;
	size_t n;

	for (n = 0;; n++) {
		unsigned int d = hex_digit(s[n]);

		if (d >= base)
			break;
		if (val > (~0ULL - d) / base)
			ovf = true;
		val = val * base + d;
	}
	*res = val;
	*overflow = ovf;
	return n;
}

/* kstrtoull() without the optional leading '+'. */
static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long val;
	bool ovf;
	size_t n;

	if (base == 1 || base > 16)
		return -EINVAL;
	s = parse_radix(s, &base);
	n = parse_digits(s, base, &val, &ovf);
	if (n == 0)
		return -EINVAL;
	if (ovf)
		return -ERANGE;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = val;
	return 0;
}

/*
 * kstrtoull() - parse all of s as an unsigned long long. Returns 0, -EINVAL
 * or -ERANGE; *res is set only on success. Never sleeps.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_ull(s, base, res);
}

/*
 * kstrtoll() - parse all of s, with an optional sign, as a long long.
 * Returns 0, -EINVAL or -ERANGE; *res is set only on success. Never sleeps.
 */
int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long val;
	int ret;

	if (s[0] == '-') {
		ret = parse_ull(s + 1, base, &val);
		if (ret)
			return ret;
		if (val > (unsigned long long)__LONG_LONG_MAX__ + 1)
			return -ERANGE;
		*res = (long long)(0ULL - val);
	} else {
		ret = kstrtoull(s, base, &val);
		if (ret)
			return ret;
		if (val > __LONG_LONG_MAX__)
			return -ERANGE;
		*res = val;
	}
	return 0;
}

/* kstrtoul() - kstrtoull() for an unsigned long. Never sleeps. */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val != (unsigned long)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/* kstrtol() - kstrtoll() for a long. Never sleeps. */
int kstrtol(const char *s, unsigned int base, long *res)
{
	long long val;
	int ret = kstrtoll(s, base, &val);

	if (ret)
		return ret;
	if (val != (long)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/* kstrtouint() - kstrtoull() for an unsigned int (-ERANGE above UINT_MAX). */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val != (unsigned int)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/* kstrtoint() - kstrtoll() for an int (-ERANGE outside INT_MIN..INT_MAX). */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long val;
	int ret = kstrtoll(s, base, &val);

	if (ret)
		return ret;
	if (val != (int)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/* kstrtou16() - kstrtoull() for a u16 (-ERANGE above U16_MAX). */
int kstrtou16(const char *s, unsigned int base, u16 *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val != (u16)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/* kstrtou8() - kstrtoull() for a u8 (-ERANGE above U8_MAX). */
int kstrtou8(const char *s, unsigned int base, u8 *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val != (u8)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/*
 * kstrtobool() - parse y/n, t/f, e/d, 1/0, on/off (any case) from the first
 * characters of s. Returns 0 with *res set, or -EINVAL. Never sleeps.
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;

	switch (_tolower(s[0])) {
	case 'y':
	case 't':
	case 'e':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'f':
	case 'd':
	case '0':
		*res = false;
		return 0;
	case 'o':
		if (_tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (_tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

/*
 * simple_strtoull() - parse the number at the start of cp; *endp (if not
 * NULL) gets the first unparsed character, or cp if there were no digits.
 * No error reporting. Never sleeps.
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long val = 0;
	bool ovf;
	const char *s;
	size_t n;

	if (base == 1 || base > 16) {
		if (endp)
			*endp = (char *)cp;
		return 0;
	}
	s = parse_radix(cp, &base);
	n = parse_digits(s, base, &val, &ovf);
	if (endp)
		*endp = (char *)(n ? s + n : cp);
	return val;
}

/* simple_strtoul() - simple_strtoull() for an unsigned long. */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

/* simple_strtoll() - simple_strtoull() with an optional leading '-'. */
long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	char *end;
	unsigned long long val;

	if (cp[0] != '-')
		return simple_strtoull(cp, endp, base);
	val = simple_strtoull(cp + 1, &end, base);
	if (endp)
		*endp = end == cp + 1 ? (char *)cp : end;
	return (long long)(0ULL - val);
}

/* simple_strtol() - simple_strtoll() for a long. */
long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}
