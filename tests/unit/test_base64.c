/*
 * test_base64.c: RFC 4648 section 10 vectors both ways, strict rejection of
 * malformed input (RFC 4648 sections 3.3 and 3.5), and output buffers that
 * fit exactly or are one octet short.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "base64.h"

struct vector {
	const char *plain;
	size_t plain_len;
	const char *b64;
};

/* RFC 4648 section 10, plus 8-bit and NUL octets. */
static const struct vector vectors[] = {
	{ "", 0, "" },
	{ "f", 1, "Zg==" },
	{ "fo", 2, "Zm8=" },
	{ "foo", 3, "Zm9v" },
	{ "foob", 4, "Zm9vYg==" },
	{ "fooba", 5, "Zm9vYmE=" },
	{ "foobar", 6, "Zm9vYmFy" },
	{ "\xff\xff\xff", 3, "////" },
	{ "\xfb\xff", 2, "+/8=" },
	{ "\0", 1, "AA==" },
	{ "\0weldon\0w3ld0n", 14, "AHdlbGRvbgB3M2xkMG4=" },
};

#define N_VECTORS (sizeof vectors / sizeof vectors[0])

Test(base64, encode_rfc4648_vectors)
{
	char out[64];
	size_t i;

	for (i = 0; i < N_VECTORS; i++) {
		ssize_t r =
			base64_encode(vectors[i].plain, vectors[i].plain_len,
				      out, sizeof out);

		cr_assert_eq(r, (ssize_t)strlen(vectors[i].b64), "vector %zu",
			     i);
		cr_assert_str_eq(out, vectors[i].b64);
	}
}

Test(base64, decode_rfc4648_vectors)
{
	unsigned char out[64];
	size_t i;

	for (i = 0; i < N_VECTORS; i++) {
		ssize_t r =
			base64_decode(vectors[i].b64, strlen(vectors[i].b64),
				      out, sizeof out);

		cr_assert_eq(r, (ssize_t)vectors[i].plain_len, "vector %zu", i);
		cr_assert_eq(memcmp(out, vectors[i].plain, (size_t)r), 0);
	}
}

Test(base64, round_trip_every_octet)
{
	unsigned char in[256], back[256];
	char enc[BASE64_ENCODED_SIZE(256)];
	size_t n, i;

	for (i = 0; i < sizeof in; i++)
		in[i] = (unsigned char)i;
	/* every length mod 3 and every octet value */
	for (n = 0; n <= sizeof in; n++) {
		ssize_t e = base64_encode(in, n, enc, sizeof enc);

		cr_assert_eq(e, (ssize_t)((n + 2) / 3 * 4), "n=%zu", n);
		cr_assert_eq(base64_decode(enc, (size_t)e, back, sizeof back),
			     (ssize_t)n, "n=%zu", n);
		cr_assert_eq(memcmp(in, back, n), 0, "n=%zu", n);
	}
}

struct bad {
	const char *in;
	size_t len;
	const char *why;
};

#define BAD(s, why)                                                            \
	{                                                                      \
		s, sizeof s - 1, why                                           \
	}

static const struct bad bad_inputs[] = {
	BAD("=", "padding alone"),
	BAD("A===", "three pad characters"),
	BAD("AB=C", "data after padding"),
	BAD("A=B=", "data between pads"),
	BAD("ABC", "not a whole quartet"),
	BAD("A", "one character"),
	BAD("Zg=", "missing padding"),
	BAD("Zg", "no padding"),
	BAD("ZB==", "non-zero pad bits (one octet)"),
	BAD("Zm9=", "non-zero pad bits (two octets)"),
	BAD("Zh==", "non-zero pad bits in the last 4"),
	BAD("Zm\0v", "embedded NUL"),
	BAD("Zm9v\0\0\0\0", "NUL quartet after data"),
	BAD("Zm\xc3v", "8-bit octet"),
	BAD("\xff\xff\xff\xff", "8-bit quartet"),
	BAD("Zm9v Zg==", "space"),
	BAD("Zm9vZg==\r\n", "CRLF"),
	BAD("Zm9v\nZg==", "LF inside"),
	BAD(" Zm9", "leading space"),
	BAD("Zg==Zg==", "padding in the middle"),
	BAD("Zm8=Zm9v", "padding in the middle, one pad"),
	BAD("====", "only padding"),
	BAD("Zm-_", "URL-safe alphabet"),
	BAD("Zm9v*", "cancel character after data"),
};

Test(base64, decode_rejects_malformed)
{
	unsigned char out[64];
	size_t i;

	for (i = 0; i < sizeof bad_inputs / sizeof bad_inputs[0]; i++)
		cr_assert_eq(base64_decode(bad_inputs[i].in, bad_inputs[i].len,
					   out, sizeof out),
			     -1, "accepted: %s", bad_inputs[i].why);
}

Test(base64, decode_output_exactly_fitting_and_one_short)
{
	unsigned char out[64];
	size_t i;

	for (i = 1; i < N_VECTORS; i++) {
		const char *s = vectors[i].b64;
		size_t want = vectors[i].plain_len;

		cr_assert_eq(base64_decode(s, strlen(s), out, want),
			     (ssize_t)want, "%s exactly", s);
		cr_assert_eq(base64_decode(s, strlen(s), out, want - 1), -1,
			     "%s one short", s);
	}
	/* the empty string needs no room at all */
	cr_assert_eq(base64_decode("", 0, out, 0), 0);
}

Test(base64, decode_does_not_write_past_outsize)
{
	unsigned char out[8];

	memset(out, 'x', sizeof out);
	cr_assert_eq(base64_decode("Zm9vYmFy", 8, out, 4), -1);
	cr_assert_eq(memcmp(out + 4, "xxxx", 4), 0);
	memset(out, 'x', sizeof out);
	cr_assert_eq(base64_decode("Zm9vYg==", 8, out, 3), -1);
	cr_assert_eq(memcmp(out + 3, "xxxxx", 5), 0);
}

Test(base64, encode_output_exactly_fitting_and_one_short)
{
	char out[64];
	size_t i;

	for (i = 0; i < N_VECTORS; i++) {
		size_t need = BASE64_ENCODED_SIZE(vectors[i].plain_len);

		cr_assert_eq(need, strlen(vectors[i].b64) + 1);
		cr_assert_geq(base64_encode(vectors[i].plain,
					    vectors[i].plain_len, out, need),
			      0, "vector %zu exactly", i);
		cr_assert_eq(base64_encode(vectors[i].plain,
					   vectors[i].plain_len, out, need - 1),
			     -1, "vector %zu one short", i);
	}
}

Test(base64, encode_huge_length_is_refused)
{
	char out[8];

	/* a length whose encoded size would wrap size_t */
	cr_assert_eq(base64_encode("", (size_t)-1, out, sizeof out), -1);
	cr_assert_eq(base64_encode("", (size_t)-1 / 4 * 3, out, (size_t)-1),
		     -1);
}
