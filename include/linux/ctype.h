/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Character classes for the 7-bit ASCII set, with the C library's names.
 * Bytes 0x80-0xff belong to no class, and tolower()/toupper() leave them
 * alone. All of these are pure, may be used in any context, and take an int
 * holding an unsigned char value (or any other int, which is then in no
 * class).
 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

static inline int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int islower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline int isalpha(int c)
{
	return isupper(c) || islower(c);
}

static inline int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

static inline int isxdigit(int c)
{
	return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* ' ', '\t', '\n', '\v', '\f' and '\r'. */
static inline int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int iscntrl(int c)
{
	return (c >= 0 && c < 0x20) || c == 0x7f;
}

/* Printable: space through '~'. */
static inline int isprint(int c)
{
	return c >= 0x20 && c < 0x7f;
}

/* Printable and not a space. */
static inline int isgraph(int c)
{
	return c > 0x20 && c < 0x7f;
}

static inline int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

static inline int isascii(int c)
{
	return c >= 0 && c <= 0x7f;
}

static inline int tolower(int c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}

static inline int toupper(int c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}

/* Fast tolower() for letters and digits only (other bytes get bit 5 set). */
static inline char _tolower(const char c)
{
	return c | 0x20;
}

#endif /* _LINUX_CTYPE_H */
