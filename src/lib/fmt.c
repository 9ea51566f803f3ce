/*
 * fmt.c: the printf subset of fmt.h, written into a caller's buffer with
 * snprintf's truncation and return value. One pass over the format; no
 * allocation, no locale, nothing but this file's own code and memcpy.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

#define FMT_MINUS 0x01
#define FMT_ZERO  0x02
#define FMT_PLUS  0x04
#define FMT_SPACE 0x08
#define FMT_HASH  0x10

enum fmt_len {
	LEN_NONE,
	LEN_HH,
	LEN_H,
	LEN_L,
	LEN_LL,
	LEN_Z,
	LEN_J,
	LEN_T
};

struct fmt_out {
	char *buf;
	size_t size; /* of buf, with room for the NUL */
	size_t len;  /* octets the whole output has so far */
};

/* Appends n octets, as far as they fit; counts them all. */
static void fmt_put(struct fmt_out *o, const char *p, size_t n)
{
	if (o->size > 0 && o->len < o->size - 1) {
		size_t room = o->size - 1 - o->len;

		memcpy(o->buf + o->len, p, n < room ? n : room);
	}
	o->len += n;
}

/* Appends n copies of c. */
static void fmt_fill(struct fmt_out *o, char c, size_t n)
{
	char chunk[16];
	size_t k;

	memset(chunk, c, sizeof(chunk));
	while (n > 0) {
		k = n < sizeof(chunk) ? n : sizeof(chunk);
		fmt_put(o, chunk, k);
		n -= k;
	}
}

/*
 * One field of len octets at p, padded to width: spaces before it, or
 * after it with '-'.
 */
static void fmt_field(struct fmt_out *o, const char *p, size_t len,
		      unsigned flags, size_t width)
{
	size_t pad = width > len ? width - len : 0;

	if (!(flags & FMT_MINUS))
		fmt_fill(o, ' ', pad);
	fmt_put(o, p, len);
	if (flags & FMT_MINUS)
		fmt_fill(o, ' ', pad);
}

/*
 * An integer conversion: v in base (8, 10 or 16), neg for a negative
 * value of a signed one (v is then its magnitude; signed takes '+' and
 * ' '), prec -1 when not given.
 */
static void fmt_int(struct fmt_out *o, uintmax_t v, bool neg, bool is_signed,
		    unsigned base, bool upper, unsigned flags, size_t width,
		    long prec)
{
	const char *digit = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[sizeof(uintmax_t) * 3], prefix[2];
	size_t n = 0, zeros = 0, np = 0, total, pad;
	bool zero_value = v == 0;

	while (v != 0) {
		digits[sizeof(digits) - ++n] = digit[v % base];
		v /= base;
	}
	/* C11 7.21.6.1: precision 0 and value 0 give no digits; otherwise
	   a 0 has its one digit. */
	if (zero_value && prec != 0)
		digits[sizeof(digits) - ++n] = '0';
	if (prec >= 0 && (size_t)prec > n)
		zeros = (size_t)prec - n;
	if (neg)
		prefix[np++] = '-';
	else if (is_signed && (flags & FMT_PLUS))
		prefix[np++] = '+';
	else if (is_signed && (flags & FMT_SPACE))
		prefix[np++] = ' ';
	if ((flags & FMT_HASH) && base == 8 && zeros == 0 &&
	    (n == 0 || digits[sizeof(digits) - n] != '0'))
		zeros = 1;
	if ((flags & FMT_HASH) && base == 16 && !zero_value) {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
	}
	total = np + zeros + n;
	pad = width > total ? width - total : 0;
	/* '0' pads with zeros unless '-' or a precision is given. */
	if ((flags & FMT_ZERO) && !(flags & FMT_MINUS) && prec < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(flags & FMT_MINUS))
		fmt_fill(o, ' ', pad);
	fmt_put(o, prefix, np);
	fmt_fill(o, '0', zeros);
	fmt_put(o, digits + sizeof(digits) - n, n);
	if (flags & FMT_MINUS)
		fmt_fill(o, ' ', pad);
}

/* A decimal number in the format (a width or precision), saturated. */
static size_t fmt_number(const char **p)
{
	size_t v = 0;

	while (**p >= '0' && **p <= '9') {
		if (v < (size_t)INT_MAX)
			v = v * 10 + (size_t)(**p - '0');
		(*p)++;
	}
	return v > (size_t)INT_MAX ? (size_t)INT_MAX : v;
}

static enum fmt_len fmt_length(const char **p)
{
	switch (**p) {
	case 'h':
		if ((*p)[1] == 'h') {
			*p += 2;
			return LEN_HH;
		}
		(*p)++;
		return LEN_H;
	case 'l':
		if ((*p)[1] == 'l') {
			*p += 2;
			return LEN_LL;
		}
		(*p)++;
		return LEN_L;
	case 'z':
		(*p)++;
		return LEN_Z;
	case 'j':
		(*p)++;
		return LEN_J;
	case 't':
		(*p)++;
		return LEN_T;
	default:
		return LEN_NONE;
	}
}

/* The argument of a signed conversion, as its magnitude and sign. */
static uintmax_t fmt_signed_arg(va_list *ap, enum fmt_len len, bool *neg)
{
	intmax_t v;

	switch (len) {
	case LEN_HH:
		v = (signed char)va_arg(*ap, int);
		break;
	case LEN_H:
		v = (short)va_arg(*ap, int);
		break;
	case LEN_L:
		v = va_arg(*ap, long);
		break;
	case LEN_LL:
		v = va_arg(*ap, long long);
		break;
	case LEN_Z:
	case LEN_T:
		v = va_arg(*ap, ptrdiff_t);
		break;
	case LEN_J:
		v = va_arg(*ap, intmax_t);
		break;
	default:
		v = va_arg(*ap, int);
		break;
	}
	*neg = v < 0;
	/* -(v + 1) + 1: INTMAX_MIN has no positive counterpart. */
	return v < 0 ? (uintmax_t)(-(v + 1)) + 1 : (uintmax_t)v;
}

static uintmax_t fmt_unsigned_arg(va_list *ap, enum fmt_len len)
{
	switch (len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
		return va_arg(*ap, size_t);
	case LEN_T:
		return (uintmax_t)va_arg(*ap, ptrdiff_t);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned);
	}
}

/*
 * One conversion after its '%' (at *p): false for one fmt.h does not
 * know. ap is a pointer so that the caller's list moves on.
 */
static bool fmt_conversion(struct fmt_out *o, const char **p, va_list *ap)
{
	unsigned flags = 0;
	size_t width = 0;
	long prec = -1;
	enum fmt_len len;
	const char *s;
	bool neg;
	char c;

	for (;; (*p)++) {
		if (**p == '-')
			flags |= FMT_MINUS;
		else if (**p == '0')
			flags |= FMT_ZERO;
		else if (**p == '+')
			flags |= FMT_PLUS;
		else if (**p == ' ')
			flags |= FMT_SPACE;
		else if (**p == '#')
			flags |= FMT_HASH;
		else
			break;
	}
	if (**p == '*') {
		int w = va_arg(*ap, int);

		(*p)++;
		if (w < 0) {
			flags |= FMT_MINUS;
			width = w == INT_MIN ? (size_t)INT_MAX + 1 : (size_t)-w;
		} else {
			width = (size_t)w;
		}
	} else {
		width = fmt_number(p);
	}
	if (**p == '.') {
		(*p)++;
		if (**p == '*') {
			int pr = va_arg(*ap, int);

			(*p)++;
			prec = pr < 0 ? -1 : pr;
		} else {
			prec = (long)fmt_number(p);
		}
	}
	len = fmt_length(p);
	c = **p;
	if (c == '\0')
		return false;
	(*p)++;
	switch (c) {
	case 'd':
	case 'i': {
		uintmax_t v = fmt_signed_arg(ap, len, &neg);

		fmt_int(o, v, neg, true, 10, false, flags, width, prec);
		return true;
	}
	case 'u':
		fmt_int(o, fmt_unsigned_arg(ap, len), false, false, 10, false,
			flags, width, prec);
		return true;
	case 'o':
		fmt_int(o, fmt_unsigned_arg(ap, len), false, false, 8, false,
			flags, width, prec);
		return true;
	case 'x':
	case 'X':
		fmt_int(o, fmt_unsigned_arg(ap, len), false, false, 16,
			c == 'X', flags, width, prec);
		return true;
	case 'c':
		if (len != LEN_NONE)
			return false;
		c = (char)va_arg(*ap, int);
		fmt_field(o, &c, 1, flags, width);
		return true;
	case 's':
		if (len != LEN_NONE)
			return false;
		s = va_arg(*ap, const char *);
		/* As glibc does: a null pointer is "(null)", or nothing
		   when the precision is too short for it. */
		if (s == NULL)
			s = prec < 0 || prec >= 6 ? "(null)" : "";
		fmt_field(o, s, prec < 0 ? strlen(s) : strnlen(s, (size_t)prec),
			  flags, width);
		return true;
	case '%':
		if (flags != 0 || width != 0 || prec != -1 || len != LEN_NONE)
			return false;
		fmt_put(o, "%", 1);
		return true;
	default:
		return false;
	}
}

int fmt_vsnprintf_chk(char *buf, size_t size, size_t objsize, const char *fmt,
		      va_list ap)
{
	struct fmt_out o = { buf, size, 0 };
	const char *p = fmt, *pct;
	va_list aq;
	bool ok = true;

	if (size > objsize)
		abort(); /* what _FORTIFY_SOURCE does for snprintf */
	va_copy(aq, ap);
	while (*p != '\0') {
		pct = strchr(p, '%');
		if (pct == NULL) {
			fmt_put(&o, p, strlen(p));
			break;
		}
		fmt_put(&o, p, (size_t)(pct - p));
		p = pct + 1;
		if (!fmt_conversion(&o, &p, &aq)) {
			ok = false;
			break;
		}
	}
	va_end(aq);
	if (!ok || o.len > INT_MAX) {
		if (size > 0)
			buf[0] = '\0';
		errno = ok ? EOVERFLOW : EINVAL;
		return -1;
	}
	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int fmt_snprintf_chk(char *buf, size_t size, size_t objsize, const char *fmt,
		     ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = fmt_vsnprintf_chk(buf, size, objsize, fmt, ap);
	va_end(ap);
	return r;
}
