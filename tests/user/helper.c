// SPDX-License-Identifier: GPL-2.0-only
/*
 * Not a test: the program the process tests exec.
 *   helper exit N        exit with status N
 *   helper args A B...   exit with argc + 10 * (strlen of all arguments)
 *   helper env NAME      exit 0 if NAME is set to "yes", else 1
 *   helper ppid FD       write getppid() to FD
 *   helper pid FD        write "getpid() gettid()" to FD
 *   helper segv          dereference NULL
 *   helper wait FD ...   read FD until end of file, then exit 0
 *   helper creds FD      write "ruid euid suid fsuid rgid egid sgid fsgid
 *                        permitted effective inheritable keepcaps" to FD
 *   helper aux FD        write "AT_SECURE AT_UID AT_EUID AT_GID AT_EGID" to FD
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "syscall_names.h"

static int write_creds(int fd)
{
	unsigned int r, e, s, gr, ge, gs, hdr[2] = { 0x20080522, 0 }, d[6];
	char buf[256];
	int n;

	if (syscall(SYS_getresuid, &r, &e, &s) || syscall(SYS_getresgid, &gr, &ge, &gs) ||
	    syscall(SYS_capget, hdr, d))
		return 1;
	/* setfs[ug]id(-1) changes nothing and returns the current id. */
	n = snprintf(buf, sizeof(buf), "%u %u %u %ld %u %u %u %ld %llx %llx %llx %d", r, e, s,
		     syscall(SYS_setfsuid, -1), gr, ge, gs, syscall(SYS_setfsgid, -1),
		     d[1] | (unsigned long long)d[4] << 32, d[0] | (unsigned long long)d[3] << 32,
		     d[2] | (unsigned long long)d[5] << 32, prctl(PR_GET_KEEPCAPS));
	return write(fd, buf, n) == n ? 0 : 1;
}

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
	if (argc >= 3 && (!strcmp(argv[1], "ppid") || !strcmp(argv[1], "pid"))) {
		char buf[32];
		int n = argv[1][0] == 'p' && argv[1][1] == 'p' ?
			snprintf(buf, sizeof(buf), "%d", (int)getppid()) :
			snprintf(buf, sizeof(buf), "%d %ld", (int)getpid(), syscall(SYS_gettid));

		return write(atoi(argv[2]), buf, n) == n ? 0 : 1;
	}
	if (argc >= 3 && !strcmp(argv[1], "wait")) {
		char c;

		while (read(atoi(argv[2]), &c, 1) > 0)
			;
		return 0;
	}
	if (argc >= 3 && !strcmp(argv[1], "creds"))
		return write_creds(atoi(argv[2]));
	if (argc >= 3 && !strcmp(argv[1], "aux")) {
		char buf[128];
		int n = snprintf(buf, sizeof(buf), "%lu %lu %lu %lu %lu", getauxval(AT_SECURE),
				 getauxval(AT_UID), getauxval(AT_EUID), getauxval(AT_GID),
				 getauxval(AT_EGID));

		return write(atoi(argv[2]), buf, n) == n ? 0 : 1;
	}
	if (argc >= 2 && !strcmp(argv[1], "segv"))
		*(volatile int *)0 = 1;
	return 99;
}
