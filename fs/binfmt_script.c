// SPDX-License-Identifier: GPL-2.0-only
/*
 * "#!" scripts: "#!interpreter [one argument]" on the first line makes
 * execve run the interpreter with argv = interpreter, [argument], the
 * script's path, then the original argv[1...]. The line may end the file
 * without a newline; a longer one than the buffer keeps what fits, as on
 * Linux, if its interpreter's name fits.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

int load_script(struct linux_binprm *bprm)
{
	char line[BINPRM_BUF_SIZE], *interp, *arg = NULL, *p, *end;
	int err;

	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	memcpy(line, bprm->buf + 2, sizeof(line) - 2);
	line[sizeof(line) - 2] = '\0';
	/* The line ends at a newline or at the end of a short file. */
	end = strchr(line, '\n');
	if (end)
		*end = '\0';
	for (p = line; spacetab(*p); p++)
		;
	if (!*p)
		return -ENOEXEC;
	interp = p;
	while (*p && !spacetab(*p))
		p++;
	/* Linux: a line longer than the buffer must at least end its interpreter. */
	if (!end && p == line + sizeof(line) - 2)
		return -ENOEXEC;
	if (*p) {
		*p++ = '\0';
		while (spacetab(*p))
			p++;
		if (*p) {
			arg = p;
			p = arg + strlen(arg);
			while (p > arg && spacetab(p[-1]))
				*--p = '\0';
		}
	}
	if (bprm->argc)
		bprm_remove_arg(bprm);
	err = bprm_prepend_arg(bprm, bprm->filename);
	if (!err && arg)
		err = bprm_prepend_arg(bprm, arg);
	if (!err)
		err = bprm_prepend_arg(bprm, interp);
	if (err)
		return err;
	kfree(bprm->interp);
	bprm->interp = kstrdup(interp, GFP_KERNEL);
	if (!bprm->interp)
		return -ENOMEM;
	err = bprm_open(bprm, bprm->interp);
	return err ? err : -EAGAIN;
}
