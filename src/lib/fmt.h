/*
 * fmt.h: snprintf(3) and vsnprintf(3) for the formats postern writes
 * (replies, log lines, file names), so that a session does not run the C
 * library's printf. glibc's printf runs code on a dozen pages spread over
 * libc.so (the format parser, number conversion, padding, the string
 * stream, __snprintf_chk) and reads a table in its read-only data; the
 * kernel maps 64 KiB of a library around each page a process touches, so
 * a few numbers in a reply cost a session 100-200 KiB of resident memory
 * (measured: a greeting-only smtpd session went from 1.78 to 1.57 MiB).
 *
 * Conversions: d i u o x X c s and %, with the flags - 0 + space #, a
 * width and a precision (digits or *), and the length modifiers hh h l ll
 * z j t: everything C99 defines but floating point, %p and %n. The output
 * is what snprintf gives for the same arguments; an unsupported
 * conversion gives -1 (errno EINVAL) and an empty buffer.
 *
 * Like glibc's _FORTIFY_SOURCE=2 snprintf, a size larger than the
 * destination object, when the compiler knows it, aborts the program.
 */
#ifndef POSTERN_FMT_H
#define POSTERN_FMT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Writes at most size - 1 octets and a NUL (nothing when size is 0);
 * returns the length the whole output has, or -1 (errno EINVAL for a
 * conversion it does not know, EOVERFLOW past INT_MAX). objsize is the
 * destination's size as far as the compiler knows it, (size_t)-1 if not.
 */
int fmt_vsnprintf_chk(char *buf, size_t size, size_t objsize, const char *fmt,
		      va_list ap) __attribute__((format(printf, 4, 0)));
int fmt_snprintf_chk(char *buf, size_t size, size_t objsize, const char *fmt,
		     ...) __attribute__((format(printf, 4, 5)));

#define fmt_vsnprintf(buf, size, fmt, ap)                                      \
	fmt_vsnprintf_chk((buf), (size), __builtin_object_size((buf), 1),      \
			  (fmt), (ap))
#define fmt_snprintf(buf, size, ...)                                           \
	fmt_snprintf_chk((buf), (size), __builtin_object_size((buf), 1),       \
			 __VA_ARGS__)

#endif
