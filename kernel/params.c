// SPDX-License-Identifier: GPL-2.0-only
/* Kernel command line parsing (see linux/cmdline.h). */
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* Find the last option called name; set *val to its value (or NULL). */
static bool find_option(const char *p, const char *name, const char **val, size_t *vlen)
{
	size_t nlen = strlen(name);
	bool found = false;

	while (*p) {
		const char *start, *v = NULL;
		size_t len;
		bool quoted = false;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		start = p;
		while (*p && *p != ' ' && *p != '=')
			p++;
		len = p - start;
		if (*p == '=') {
			p++;
			if (*p == '"') {
				quoted = true;
				p++;
			}
			v = p;
			while (*p && (quoted ? *p != '"' : *p != ' '))
				p++;
		}
		if (len == nlen && !strncmp(start, name, nlen)) {
			found = true;
			*val = v;
			*vlen = v ? (size_t)(p - v) : 0;
		}
		if (quoted && *p == '"')
			p++;
	}
	return found;
}

int cmdline_get_str(const char *cmdline, const char *name, char *buf, size_t size)
{
	const char *val;
	size_t len;

	if (!find_option(cmdline, name, &val, &len))
		return -ENOENT;
	if (size) {
		size_t n = min(len, size - 1);

		if (val)
			memcpy(buf, val, n);
		buf[val ? n : 0] = '\0';
	}
	return (int)len;
}

bool cmdline_get_bool(const char *cmdline, const char *name)
{
	char buf[8];
	int r = cmdline_get_str(cmdline, name, buf, sizeof(buf));

	if (r < 0)
		return false;
	if (r == 0)
		return true;
	return strcmp(buf, "0") && strcmp(buf, "n") && strcmp(buf, "off") && strcmp(buf, "false");
}

int cmdline_get_long(const char *cmdline, const char *name, long *val)
{
	char buf[24];
	int r = cmdline_get_str(cmdline, name, buf, sizeof(buf));

	if (r < 0)
		return r;
	if (r == 0 || r >= (int)sizeof(buf))
		return -EINVAL;
	return kstrtol(buf, 0, val);
}
