/*
 * test_pop3d_sha256.c: pop3d's SHA-256 against the FIPS 180-2 appendix
 * examples and lengths around the padding boundaries (55, 56, 63, 64
 * octets), whose digests were taken from sha256sum(1).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "sha256.h"

struct vector {
	size_t len; /* octets of 'a' when text is NULL */
	const char *text;
	const char *hex;
};

Test(sha256, vectors)
{
	static const struct vector v[] = {
		{ 0, "",
		  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ 0, "abc",
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ 0, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ 55, NULL,
		  "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ 56, NULL,
		  "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ 63, NULL,
		  "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, NULL,
		  "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
		{ 200, NULL,
		  "c2a908d98f5df987ade41b5fce213067efbcc21ef2240212a41e54b5e7c28ae5" },
	};
	char buf[256], hex[65];
	size_t i, n;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (v[i].text != NULL) {
			n = strlen(v[i].text);
			memcpy(buf, v[i].text, n);
		} else {
			n = v[i].len;
			memset(buf, 'a', n);
		}
		sha256_hex(buf, n, hex);
		cr_assert_str_eq(hex, v[i].hex, "vector %zu", i);
	}
}
