/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory and string helpers (lib/string.c) and number parsing with Linux's
 * kstrto*() semantics. None of these sleep or allocate; all may be called
 * from any context, including interrupts and early boot.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/string.h>	/* __HAVE_ARCH_MEM*: the arch's own versions */

/*
 * The C library's mem*() and str*(), with the exact standard signatures:
 * the compiler itself may emit calls to memcpy(), memmove(), memset() and
 * memcmp(). Passing NULL is only allowed together with a zero length.
 */
void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t n);
char *strcat(char *dest, const char *src);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **stringp, const char *delim);

/*
 * strscpy() - copy the C string src into dest, a buffer of count bytes.
 * Copies at most count - 1 characters and always NUL-terminates dest when
 * count > 0; bytes of dest after the NUL are left alone. Returns the number
 * of characters copied (not counting the NUL), or -E2BIG if src did not fit
 * (dest then holds a truncated copy) or count is 0.
 */
ssize_t strscpy(char *dest, const char *src, size_t count);

/*
 * kstrto*() - parse the whole string s as an integer of the given type.
 * base is 2..16, or 0 to pick it from the prefix ("0x" hex, "0" octal, else
 * decimal); base 16 also accepts a "0x" prefix. An optional '+' (or '-' for
 * the signed versions) may come first and one '\n' may come last; nothing
 * else is allowed (no spaces). On success stores the value in *res and
 * returns 0; otherwise leaves *res alone and returns -EINVAL (not a number,
 * or junk after it) or -ERANGE (does not fit the type).
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);

/*
 * kstrtobool() - parse a yes/no answer from its first one or two
 * characters, case-insensitively: "y", "t", "e", "1" and "on" mean true
 * ("yes", "true", "enable", "on"); "n", "f", "d", "0" and "off" mean false.
 * The rest of the string is ignored. Returns 0 and sets *res, or -EINVAL
 * (s NULL or not recognised).
 */
int kstrtobool(const char *s, bool *res);

/*
 * simple_strto*() - parse a number at the start of cp, with the base rules
 * of kstrto*(), stopping at the first character that is not a digit. If
 * endp is not NULL, *endp is set to that character. No error reporting:
 * an empty number is 0 and overflow wraps. Prefer kstrto*() for new code.
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);

/*
 * Let the compiler inline small fixed-size copies, fills and compares; it
 * still calls the functions above for everything else. lib/string.c and
 * tests that must reach the real functions #undef these.
 */
#define memcpy(d, s, n) __builtin_memcpy(d, s, n)
#define memmove(d, s, n) __builtin_memmove(d, s, n)
#define memset(s, c, n) __builtin_memset(s, c, n)
#define memcmp(a, b, n) __builtin_memcmp(a, b, n)

#endif /* _LINUX_STRING_H */
