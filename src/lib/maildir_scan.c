/*
 * maildir_scan.c: reading a Maildir for pop3d: the messages in new/ and
 * cur/ (regular files only, no dot files, a bounded count), and the sizes
 * and delivery time that Maildir file names carry.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "maildir.h"
#include "maildir_private.h"

/* A regular file, not a symlink that could point out of the Maildir. */
static bool maildir_is_regular(DIR *d, const struct dirent *de)
{
	struct stat st;

	if (de->d_type == DT_REG)
		return true;
	if (de->d_type != DT_UNKNOWN)
		return false;
	return fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	       S_ISREG(st.st_mode);
}

static int maildir_scan_sub(const char *dir, const char *sub,
			    int (*cb)(void *, const char *, const char *),
			    void *ctx, unsigned *left)
{
	char path[POSTERN_MAX_PATHNAME];
	struct dirent *de;
	int r = 0, err;
	DIR *d;

	if (maildir_path(path, sizeof(path), dir, sub, NULL) == -1)
		return -1;
	d = opendir(path);
	if (d == NULL)
		return errno == ENOENT ? 0 : -1;
	while (r == 0 && *left > 0) {
		errno = 0;
		de = readdir(d);
		if (de == NULL) {
			r = errno != 0 ? -1 : 0;
			break;
		}
		/* Dot files are not messages (Maildir convention). */
		if (de->d_name[0] == '.' || !maildir_is_regular(d, de))
			continue;
		(*left)--;
		r = cb(ctx, sub, de->d_name);
	}
	err = errno;
	closedir(d);
	errno = err;
	return r;
}

int maildir_scan(const char *dir,
		 int (*cb)(void *ctx, const char *subdir, const char *name),
		 void *ctx, unsigned max_entries)
{
	unsigned left = max_entries;
	int r;

	r = maildir_scan_sub(dir, "new", cb, ctx, &left);
	if (r != 0)
		return r;
	return maildir_scan_sub(dir, "cur", cb, ctx, &left);
}

/* Decimal digits at s up to a terminator in ends; false on overflow. */
static bool maildir_parse_u64(const char *s, const char *ends, uint64_t *v_r)
{
	uint64_t v = 0;
	const char *p;

	for (p = s; *p >= '0' && *p <= '9'; p++) {
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (p == s || (*p != '\0' && strchr(ends, *p) == NULL))
		return false;
	*v_r = v;
	return true;
}

int maildir_name_sizes(const char *name, uint64_t *s_r, uint64_t *w_r)
{
	const char *p, *colon = strchr(name, ':');
	bool seen_s = false, seen_w = false;
	int mask = 0;

	*s_r = *w_r = 0;
	/* Maildir++: ",S=<size>" and ",W=<rfc822 size>" before the ':'
	   that starts the flags; only the first of each counts. */
	for (p = strchr(name, ','); p != NULL && (colon == NULL || p < colon);
	     p = strchr(p + 1, ',')) {
		if (p[1] == 'S' && p[2] == '=' && !seen_s) {
			seen_s = true;
			if (maildir_parse_u64(p + 3, ",:", s_r))
				mask |= 1;
		} else if (p[1] == 'W' && p[2] == '=' && !seen_w) {
			seen_w = true;
			if (maildir_parse_u64(p + 3, ",:", w_r))
				mask |= 2;
		}
	}
	return mask;
}

bool maildir_name_time(const char *name, uint64_t *sec_r, uint32_t *usec_r)
{
	const char *p = strchr(name, '.');
	uint64_t sec, usec = 0;

	if (p == NULL || !maildir_parse_u64(name, ".", &sec))
		return false;
	p++;
	/* "M<usec>" is the modern form; a bad one still leaves the seconds. */
	if (*p == 'M' && p[1] >= '0' && p[1] <= '9') {
		for (p++; *p >= '0' && *p <= '9' && usec < 1000000; p++)
			usec = usec * 10 + (uint64_t)(*p - '0');
		if (usec >= 1000000 || (*p >= '0' && *p <= '9'))
			usec = 0;
	}
	*sec_r = sec;
	*usec_r = (uint32_t)usec;
	return true;
}
