// SPDX-License-Identifier: GPL-2.0-only
/*
 * vsnprintf() and friends: C99 printf formatting for the kernel.
 *
 * Conversions: d i u x X o c s p %, length modifiers hh h l ll (also L, q)
 * z t j, field width and precision (both may be '*'), and the flags
 * '-' '0' '+' ' ' '#'. There is no floating point and no %n.
 *
 * Kernel differences from the C library:
 *  - %s of NULL prints "(null)", and of an address in the first page or an
 *    error pointer prints "(efault)"; the precision still applies.
 *  - %p prints "0x" and the address in lower-case hex (NULL is "0x0");
 *    pointers are not hashed. %px means the same.
 *  - %pS (and %pB) prints "symbol+0xoff/0xsize", %ps just "symbol", found
 *    through kallsyms_lookup(); an address with no symbol prints as %p.
 *  - An unknown conversion is copied to the output as written.
 *
 * Output is produced one character at a time into a bounded buffer while
 * still counting what did not fit, so the return value is C99's.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>

#include <linux/kallsyms.h>

#define VSP_INT_MAX ((int)(~0U >> 1))
#define VSP_PAGE_SIZE 4096UL
#define VSP_MAX_ERRNO 4095UL

/* Where the characters go: buf[0..cap) plus a NUL; len counts them all. */
struct out {
	char *buf;
	size_t cap;
	size_t len;
};

/* Flags of one conversion specification. */
#define F_LEFT		0x01	/* '-': pad on the right */
#define F_ZERO		0x02	/* '0': pad numbers with zeros */
#define F_PLUS		0x04	/* '+': always a sign on signed numbers */
#define F_SPACE		0x08	/* ' ': a space where '+' would be */
#define F_ALT		0x10	/* '#': 0x / 0X / leading 0 */
#define F_SIGNED	0x20	/* signed conversion (d, i) */
#define F_UPPER		0x40	/* upper-case hex digits and prefix */
#define F_PTR		0x80	/* always print the 0x prefix (%p) */

struct spec {
	unsigned int flags;
	int width;		/* minimum field width, 0 if none */
	int precision;		/* -1 if none */
	unsigned int base;
};

static void put_char(struct out *o, char c)
{
	if (o->len < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

static void put_mem(struct out *o, const char *s, size_t n)
{
	while (n--)
		put_char(o, *s++);
}

/* Pad a field of len characters to the spec's width: before it... */
static void pad_before(struct out *o, const struct spec *sp, size_t len)
{
	if (!(sp->flags & F_LEFT) && (size_t)sp->width > len)
		put_repeat(o, ' ', sp->width - len);
}

/* ...and after it. */
static void pad_after(struct out *o, const struct spec *sp, size_t len)
{
	if ((sp->flags & F_LEFT) && (size_t)sp->width > len)
		put_repeat(o, ' ', sp->width - len);
}

/*
 * Print the magnitude num (negative: there is a minus sign) in sp->base,
 * with sign, prefix, precision and padding as C99 describes.
 */
static void put_number(struct out *o, unsigned long long num, bool negative,
		       const struct spec *sp)
{
	const char *digit_set = (sp->flags & F_UPPER) ? "0123456789ABCDEF"
						       : "0123456789abcdef";
	char digits[24];	/* 22 octal digits hold 2^64 - 1 */
	const char *prefix = "";
	char sign = 0;
	int ndigits = 0, prefix_len = 0, zeros, len;
	int precision = sp->precision;
	bool nonzero = num != 0;

	if (sp->flags & F_SIGNED) {
		if (negative)
			sign = '-';
		else if (sp->flags & F_PLUS)
			sign = '+';
		else if (sp->flags & F_SPACE)
			sign = ' ';
	}

	/* An explicit precision of 0 prints no digits for the value 0. */
	if (num || precision != 0) {
		do {
			digits[ndigits++] = digit_set[num % sp->base];
			num /= sp->base;
		} while (num);
	}

	if (sp->base == 16 && ((sp->flags & F_PTR) ||
			       ((sp->flags & F_ALT) && nonzero))) {
		prefix = (sp->flags & F_UPPER) ? "0X" : "0x";
		prefix_len = 2;
	} else if (sp->base == 8 && (sp->flags & F_ALT)) {
		/* '#' with octal: the first digit printed must be a 0. */
		if (precision <= ndigits &&
		    (ndigits == 0 || digits[ndigits - 1] != '0'))
			precision = ndigits + 1;
	}

	zeros = precision > ndigits ? precision - ndigits : 0;
	len = (sign ? 1 : 0) + prefix_len + zeros + ndigits;

	/* '0' pads between the sign/prefix and the digits, unless overridden. */
	if ((sp->flags & (F_ZERO | F_LEFT)) == F_ZERO && sp->precision < 0 &&
	    sp->width > len) {
		zeros += sp->width - len;
		len = sp->width;
	}

	pad_before(o, sp, len);
	if (sign)
		put_char(o, sign);
	put_mem(o, prefix, prefix_len);
	put_repeat(o, '0', zeros);
	while (ndigits)
		put_char(o, digits[--ndigits]);
	pad_after(o, sp, len);
}

/* Print the string s, cut to the precision, padded to the width. */
static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	size_t len = 0;

	if (!s)
		s = "(null)";
	else if ((unsigned long)s < VSP_PAGE_SIZE ||
		 (unsigned long)s >= -VSP_MAX_ERRNO)
		s = "(efault)";

	/* Never read past the precision: s need not be NUL-terminated. */
	while ((sp->precision < 0 || len < (size_t)sp->precision) && s[len])
		len++;

	pad_before(o, sp, len);
	put_mem(o, s, len);
	pad_after(o, sp, len);
}

/* Number of hex digits needed for val (at least 1). */
static int hex_len(unsigned long val)
{
	int n = 1;

	while (val >>= 4)
		n++;
	return n;
}

static void put_hex(struct out *o, unsigned long val)
{
	int shift = (hex_len(val) - 1) * 4;

	put_mem(o, "0x", 2);
	for (; shift >= 0; shift -= 4)
		put_char(o, "0123456789abcdef"[(val >> shift) & 0xf]);
}

/*
 * %pS / %ps: the symbol containing addr, with "+0xoff/0xsize" if
 * with_offset. Returns false (nothing printed) if there is no symbol.
 */
static bool put_symbol(struct out *o, unsigned long addr, bool with_offset,
		       const struct spec *sp)
{
	unsigned long size = 0, offset = 0;
	const char *name = NULL;
	size_t name_len, len;

	if (kallsyms_lookup(addr, &size, &offset, &name) != 0 || !name)
		return false;

	name_len = 0;
	while (name[name_len])
		name_len++;
	len = name_len;
	if (with_offset)
		len += 1 + 2 + hex_len(offset) + 1 + 2 + hex_len(size);

	pad_before(o, sp, len);
	put_mem(o, name, name_len);
	if (with_offset) {
		put_char(o, '+');
		put_hex(o, offset);
		put_char(o, '/');
		put_hex(o, size);
	}
	pad_after(o, sp, len);
	return true;
}

/*
 * %p and its extensions. *fmt points just after the 'p'; the extension
 * letter, if any, is consumed.
 */
static void put_pointer(struct out *o, const char **fmt, void *ptr,
			struct spec *sp)
{
	char ext = **fmt;

	switch (ext) {
	case 'S':
	case 'B':
	case 's':
		(*fmt)++;
		if (put_symbol(o, (unsigned long)ptr, ext != 's', sp))
			return;
		break;
	case 'x':
		(*fmt)++;
		break;
	}

	sp->base = 16;
	sp->flags |= F_PTR;
	sp->flags &= ~(F_SIGNED | F_UPPER | F_PLUS | F_SPACE);
	put_number(o, (unsigned long)ptr, false, sp);
}

/* Read a decimal field width or precision; *fmt is on its first digit. */
static int read_decimal(const char **fmt)
{
	int val = 0;

	while (**fmt >= '0' && **fmt <= '9') {
		if (val <= (VSP_INT_MAX - 9) / 10)
			val = val * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return val;
}

enum length_mod {
	LEN_NONE,
	LEN_HH,
	LEN_H,
	LEN_L,
	LEN_LL,
	LEN_Z,
	LEN_T,
	LEN_J,
};

static enum length_mod read_length(const char **fmt)
{
	const char *f = *fmt;
	enum length_mod len = LEN_NONE;

	switch (*f) {
	case 'h':
		len = LEN_H;
		if (f[1] == 'h') {
			len = LEN_HH;
			f++;
		}
		break;
	case 'l':
		len = LEN_L;
		if (f[1] == 'l') {
			len = LEN_LL;
			f++;
		}
		break;
	case 'L':
	case 'q':
		len = LEN_LL;
		break;
	case 'z':
	case 'Z':
		len = LEN_Z;
		break;
	case 't':
		len = LEN_T;
		break;
	case 'j':
		len = LEN_J;
		break;
	default:
		return LEN_NONE;
	}
	*fmt = f + 1;
	return len;
}

/*
 * vsnprintf() - see <linux/printk.h>. Needs buf to hold size bytes (buf may
 * be NULL when size is 0). Returns the untruncated length; 0 (and writes
 * nothing) if size is above INT_MAX. Never sleeps or allocates.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .cap = size ? size - 1 : 0, .len = 0 };
	va_list ap;

	if (unlikely(size > (size_t)VSP_INT_MAX))
		return 0;

	/* Work on a copy so the helpers can take its address portably. */
	va_copy(ap, args);

	while (*fmt) {
		const char *start = fmt;
		struct spec sp = { .flags = 0, .width = 0, .precision = -1, .base = 10 };
		enum length_mod lm;
		unsigned long long num;
		bool negative = false;

		if (*fmt != '%') {
			put_char(&o, *fmt++);
			continue;
		}
		fmt++;

		/* Flags. */
		for (;; fmt++) {
			if (*fmt == '-')
				sp.flags |= F_LEFT;
			else if (*fmt == '0')
				sp.flags |= F_ZERO;
			else if (*fmt == '+')
				sp.flags |= F_PLUS;
			else if (*fmt == ' ')
				sp.flags |= F_SPACE;
			else if (*fmt == '#')
				sp.flags |= F_ALT;
			else
				break;
		}

		/* Field width. */
		if (*fmt == '*') {
			int w = va_arg(ap, int);

			fmt++;
			if (w < 0) {
				sp.flags |= F_LEFT;
				w = w == -VSP_INT_MAX - 1 ? VSP_INT_MAX : -w;
			}
			sp.width = w;
		} else {
			sp.width = read_decimal(&fmt);
		}

		/* Precision; a negative '*' precision counts as none. */
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				int p = va_arg(ap, int);

				fmt++;
				sp.precision = p < 0 ? -1 : p;
			} else {
				sp.precision = read_decimal(&fmt);
			}
		}

		lm = read_length(&fmt);

		switch (*fmt) {
		case '%':
			put_char(&o, '%');
			fmt++;
			continue;
		case 'c':
			fmt++;
			pad_before(&o, &sp, 1);
			put_char(&o, (char)va_arg(ap, int));
			pad_after(&o, &sp, 1);
			continue;
		case 's':
			fmt++;
			put_string(&o, va_arg(ap, const char *), &sp);
			continue;
		case 'p':
			fmt++;
			put_pointer(&o, &fmt, va_arg(ap, void *), &sp);
			continue;
		case 'd':
		case 'i':
			sp.flags |= F_SIGNED;
			break;
		case 'u':
			break;
		case 'x':
			sp.base = 16;
			break;
		case 'X':
			sp.base = 16;
			sp.flags |= F_UPPER;
			break;
		case 'o':
			sp.base = 8;
			break;
		default:
			/*
			 * Unknown conversion (or '%' at the very end): copy it
			 * out as written and carry on after it.
			 */
			if (*fmt)
				fmt++;
			put_mem(&o, start, fmt - start);
			continue;
		}
		fmt++;

		if (sp.flags & F_SIGNED) {
			long long v;

			switch (lm) {
			case LEN_HH:
				v = (signed char)va_arg(ap, int);
				break;
			case LEN_H:
				v = (short)va_arg(ap, int);
				break;
			case LEN_L:
				v = va_arg(ap, long);
				break;
			case LEN_LL:
				v = va_arg(ap, long long);
				break;
			case LEN_Z:
				v = va_arg(ap, ssize_t);
				break;
			case LEN_T:
				v = va_arg(ap, ptrdiff_t);
				break;
			case LEN_J:
				v = va_arg(ap, intmax_t);
				break;
			default:
				v = va_arg(ap, int);
				break;
			}
			negative = v < 0;
			num = negative ? 0ULL - (unsigned long long)v : (unsigned long long)v;
		} else {
			switch (lm) {
			case LEN_HH:
				num = (unsigned char)va_arg(ap, unsigned int);
				break;
			case LEN_H:
				num = (unsigned short)va_arg(ap, unsigned int);
				break;
			case LEN_L:
				num = va_arg(ap, unsigned long);
				break;
			case LEN_LL:
				num = va_arg(ap, unsigned long long);
				break;
			case LEN_Z:
				num = va_arg(ap, size_t);
				break;
			case LEN_T:
				num = (unsigned long)va_arg(ap, ptrdiff_t);
				break;
			case LEN_J:
				num = va_arg(ap, uintmax_t);
				break;
			default:
				num = va_arg(ap, unsigned int);
				break;
			}
		}
		put_number(&o, num, negative, &sp);
	}
	va_end(ap);

	if (size)
		buf[o.len < o.cap ? o.len : o.cap] = '\0';
	return o.len > (size_t)VSP_INT_MAX ? VSP_INT_MAX : (int)o.len;
}

/*
 * snprintf() - vsnprintf() with a variable argument list. Returns the
 * untruncated length. Never sleeps or allocates.
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

/*
 * vscnprintf() - like vsnprintf() but returns the number of characters
 * actually stored in buf (not counting the NUL): 0 when size is 0, at most
 * size - 1. Never sleeps or allocates.
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int ret;

	if (!size)
		return 0;
	ret = vsnprintf(buf, size, fmt, args);
	if ((size_t)ret >= size)
		return size - 1;
	return ret;
}

/*
 * scnprintf() - vscnprintf() with a variable argument list. Returns the
 * number of characters stored (excluding the NUL). Never sleeps.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}
