// SPDX-License-Identifier: GPL-2.0-only
/*
 * Not a test: the program the process tests exec.
 *   helper exit N        exit with status N
 *   helper args A B...   exit with argc + 10 * (strlen of all arguments)
 *   helper env NAME      exit 0 if NAME is set to "yes", else 1
 *   helper ppid FD       write getppid() to FD
 *   helper segv          dereference NULL
 *   helper wait FD ...   read FD until end of file, then exit 0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "exit"))
		return atoi(argv[2]);
	if (argc >= 2 && !strcmp(argv[1], "args")) {
		size_t len = 0;

		for (int i = 2; i < argc; i++)
			len += strlen(argv[i]);
		return (argc + 10 * len) & 0xff;
	}
	if (argc >= 3 && !strcmp(argv[1], "env")) {
		const char *v = getenv(argv[2]);

		return v && !strcmp(v, "yes") ? 0 : 1;
	}
	if (argc >= 3 && !strcmp(argv[1], "ppid")) {
		char buf[32];
		int n = snprintf(buf, sizeof(buf), "%d", (int)getppid());

		return write(atoi(argv[2]), buf, n) == n ? 0 : 1;
	}
	if (argc >= 3 && !strcmp(argv[1], "wait")) {
		char c;

		while (read(atoi(argv[2]), &c, 1) > 0)
			;
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "segv"))
		*(volatile int *)0 = 1;
	return 99;
}
