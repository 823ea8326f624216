// SPDX-License-Identifier: GPL-2.0-only
/*
 * Credentials: the set*id, getres*id, setfs*id, getgroups/setgroups and
 * capget/capset calls against Linux's rules, first as root, then as an
 * unprivileged uid (1000) after setresuid; the capability changes when
 * root uids are dropped or regained (and PR_SET_KEEPCAPS); the bounding
 * set (PR_CAPBSET_*), the ambient set (PR_CAP_AMBIENT) and securebits
 * (PR_SET_SECUREBITS); inheritance
 * across fork and the capability rules of execve (through "helper
 * creds"); a driver's CAP_SYS_ADMIN check (/dev/rust_scull's
 * SCULL_RESET). Each case changes ids in a child process, so the next case
 * starts as root again. The calls go through syscall() to test the
 * kernel's results, not the C library's.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/scull_dev.h>
#include "ktest.h"
/* After the uapi headers: with _GNU_SOURCE, musl's defines loff_t. */
#include <fcntl.h>

#define ALL_CAPS ((1ULL << (CAP_LAST_CAP + 1)) - 1)
#define BIT(cap) (1ULL << (cap))
#define NO_ID (-1L)
#define BAD_PTR ((void *)0x5a5a5a5aL)

struct caps {
	unsigned long long eff, prm, inh;
};

static struct caps caps_of(int pid)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, pid };
	struct __user_cap_data_struct d[2];
	struct caps c = { 0 };

	EXPECT_EQ(syscall(SYS_capget, &hdr, d), 0);
	c.eff = d[0].effective | (unsigned long long)d[1].effective << 32;
	c.prm = d[0].permitted | (unsigned long long)d[1].permitted << 32;
	c.inh = d[0].inheritable | (unsigned long long)d[1].inheritable << 32;
	return c;
}

static long set_caps(unsigned long long eff, unsigned long long prm, unsigned long long inh)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2] = {
		{ (uint32_t)eff, (uint32_t)prm, (uint32_t)inh },
		{ eff >> 32, prm >> 32, inh >> 32 },
	};

	return syscall(SYS_capset, &hdr, d);
}

/* getresuid or getresgid (@nr) gives @r, @e, @s. */
static void expect_res(long nr, long r, long e, long s)
{
	unsigned int ids[3] = { 0 };

	EXPECT_EQ(syscall(nr, &ids[0], &ids[1], &ids[2]), 0);
	EXPECT_EQ(ids[0], r);
	EXPECT_EQ(ids[1], e);
	EXPECT_EQ(ids[2], s);
}

#define expect_resuid(r, e, s) expect_res(SYS_getresuid, r, e, s)
#define expect_resgid(r, e, s) expect_res(SYS_getresgid, r, e, s)

/* Become uid/gid 1000 everywhere, as an unprivileged login would. */
static void become_user(void)
{
	EXPECT_EQ(syscall(SYS_setgroups, 0, NULL), 0);
	EXPECT_EQ(syscall(SYS_setresgid, 1000, 1000, 1000), 0);
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1000, 1000), 0);
}

static void root_starts_with_every_capability(void)
{
	struct caps c = caps_of(0);

	EXPECT_EQ(syscall(SYS_getuid), 0);
	EXPECT_EQ(syscall(SYS_geteuid), 0);
	EXPECT_EQ(syscall(SYS_getgid), 0);
	EXPECT_EQ(syscall(SYS_getegid), 0);
	expect_resuid(0, 0, 0);
	expect_resgid(0, 0, 0);
	EXPECT_EQ(syscall(SYS_setfsuid, NO_ID), 0);
	EXPECT_EQ(syscall(SYS_setfsgid, NO_ID), 0);
	EXPECT_EQ(c.eff, ALL_CAPS);
	EXPECT_EQ(c.prm, ALL_CAPS);
	EXPECT_EQ(c.inh, 0);
	EXPECT_EQ(prctl(PR_GET_KEEPCAPS), 0);
}

static void root_setresuid_sets_any_and_drops_caps_body(void)
{
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1001, 1002), 0);
	expect_resuid(1000, 1001, 1002);
	EXPECT_EQ(syscall(SYS_getuid), 1000);
	EXPECT_EQ(syscall(SYS_geteuid), 1001);
	EXPECT_EQ(syscall(SYS_setfsuid, NO_ID), 1001);	/* fsuid follows euid */
	EXPECT_EQ(caps_of(0).prm, 0);			/* no root uid left */
	EXPECT_EQ(caps_of(0).eff, 0);
	EXPECT_ERRNO(syscall(SYS_setresuid, 0, NO_ID, NO_ID), EPERM);
	EXPECT_ERRNO(syscall(SYS_setresuid, NO_ID, 0, NO_ID), EPERM);
	EXPECT_ERRNO(syscall(SYS_setresuid, NO_ID, NO_ID, 0), EPERM);
	/* Any of the three may go to any of the three. */
	EXPECT_EQ(syscall(SYS_setresuid, 1002, 1000, 1001), 0);
	expect_resuid(1002, 1000, 1001);
	EXPECT_EQ(syscall(SYS_setresuid, NO_ID, NO_ID, NO_ID), 0);
	expect_resuid(1002, 1000, 1001);
}

static void root_setresuid_sets_any_and_drops_caps(void)
{
	ktest_in_child(root_setresuid_sets_any_and_drops_caps_body);
}

static void setuid_as_root_and_as_user_body(void)
{
	EXPECT_ERRNO(syscall(SYS_setuid, NO_ID), EINVAL);
	EXPECT_ERRNO(syscall(SYS_setgid, NO_ID), EINVAL);
	EXPECT_EQ(syscall(SYS_setgid, 50), 0);		/* root: all gids */
	expect_resgid(50, 50, 50);
	EXPECT_EQ(syscall(SYS_setuid, 1000), 0);	/* root: all uids */
	expect_resuid(1000, 1000, 1000);
	EXPECT_EQ(caps_of(0).prm, 0);
	EXPECT_ERRNO(syscall(SYS_setuid, 0), EPERM);
	EXPECT_ERRNO(syscall(SYS_setgid, 0), EPERM);
	EXPECT_EQ(syscall(SYS_setuid, 1000), 0);
	EXPECT_EQ(syscall(SYS_setgid, 50), 0);
}

static void setuid_as_root_and_as_user(void)
{
	ktest_in_child(setuid_as_root_and_as_user_body);
}

/* Unprivileged setuid/setgid set the effective id only, to real or saved. */
static void user_moves_among_own_ids_body(void)
{
	EXPECT_EQ(syscall(SYS_setresgid, 100, 101, 102), 0);
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1001, 1002), 0);
	EXPECT_EQ(syscall(SYS_setuid, 1002), 0);
	expect_resuid(1000, 1002, 1002);
	EXPECT_ERRNO(syscall(SYS_setuid, 1001), EPERM);
	EXPECT_EQ(syscall(SYS_setgid, 102), 0);
	expect_resgid(100, 102, 102);
	EXPECT_ERRNO(syscall(SYS_setgid, 101), EPERM);
	EXPECT_EQ(syscall(SYS_setfsgid, NO_ID), 102);
	EXPECT_ERRNO(syscall(SYS_setresgid, 5, NO_ID, NO_ID), EPERM);
	EXPECT_EQ(syscall(SYS_setresgid, 102, 100, NO_ID), 0);
	expect_resgid(102, 100, 102);
}

static void user_moves_among_own_ids(void)
{
	ktest_in_child(user_moves_among_own_ids_body);
}

/* setreuid: Linux's saved-id rule and who may set what. */
static void setreuid_rules_body(void)
{
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1001, 1002), 0);
	/* euid set to other than the ruid: the saved id follows it. */
	EXPECT_EQ(syscall(SYS_setreuid, NO_ID, 1001), 0);
	expect_resuid(1000, 1001, 1001);
	/* euid back to ruid: the saved id stays. */
	EXPECT_EQ(syscall(SYS_setreuid, NO_ID, 1000), 0);
	expect_resuid(1000, 1000, 1001);
	EXPECT_ERRNO(syscall(SYS_setreuid, NO_ID, 1002), EPERM);
	/* The real uid may become the effective one, not the saved one. */
	EXPECT_ERRNO(syscall(SYS_setreuid, 1001, NO_ID), EPERM);
	EXPECT_EQ(syscall(SYS_setreuid, NO_ID, 1001), 0);
	EXPECT_EQ(syscall(SYS_setreuid, 1001, NO_ID), 0);
	expect_resuid(1001, 1001, 1001);
	EXPECT_ERRNO(syscall(SYS_setreuid, 1000, NO_ID), EPERM);
	EXPECT_ERRNO(syscall(SYS_setregid, 7, NO_ID), EPERM);
	EXPECT_EQ(syscall(SYS_setreuid, NO_ID, NO_ID), 0);
}

static void setreuid_rules(void)
{
	ktest_in_child(setreuid_rules_body);
}

static void setregid_as_root_body(void)
{
	EXPECT_EQ(syscall(SYS_setregid, 10, 20), 0);
	expect_resgid(10, 20, 20);
	EXPECT_EQ(syscall(SYS_setfsgid, NO_ID), 20);
	EXPECT_EQ(syscall(SYS_setregid, NO_ID, 10), 0);
	expect_resgid(10, 10, 20);
}

static void setregid_as_root(void)
{
	ktest_in_child(setregid_as_root_body);
}

/* Leaving euid 0 clears the effective set; returning restores it. */
static void euid_zero_and_back_body(void)
{
	EXPECT_EQ(syscall(SYS_setresuid, 1000, NO_ID, NO_ID), 0);
	EXPECT_EQ(caps_of(0).eff, ALL_CAPS);		/* euid still 0 */
	EXPECT_EQ(syscall(SYS_setreuid, NO_ID, 1000), 0);
	expect_resuid(1000, 1000, 0);
	EXPECT_EQ(caps_of(0).eff, 0);
	EXPECT_EQ(caps_of(0).prm, ALL_CAPS);		/* saved uid still 0 */
	EXPECT_ERRNO(syscall(SYS_setuid, 5), EPERM);
	EXPECT_EQ(syscall(SYS_setreuid, NO_ID, 0), 0);
	EXPECT_EQ(caps_of(0).eff, ALL_CAPS);
	EXPECT_EQ(syscall(SYS_setuid, 5), 0);		/* CAP_SETUID again */
	expect_resuid(5, 5, 5);
}

static void euid_zero_and_back(void)
{
	ktest_in_child(euid_zero_and_back_body);
}

static void keepcaps_keeps_permitted_body(void)
{
	EXPECT_ERRNO(prctl(PR_SET_KEEPCAPS, 2, 0, 0, 0), EINVAL);
	EXPECT_EQ(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0), 0);
	EXPECT_EQ(prctl(PR_GET_KEEPCAPS), 1);
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1000, 1000), 0);
	EXPECT_EQ(caps_of(0).prm, ALL_CAPS);
	EXPECT_EQ(caps_of(0).eff, 0);
	/* Still permitted: made effective again, CAP_SETUID works. */
	EXPECT_EQ(set_caps(BIT(CAP_SETUID), ALL_CAPS, 0), 0);
	EXPECT_EQ(syscall(SYS_setuid, 0), 0);
	expect_resuid(0, 0, 0);
}

static void keepcaps_keeps_permitted(void)
{
	ktest_in_child(keepcaps_keeps_permitted_body);
}

static void fsuid_follows_rules_and_fs_caps_body(void)
{
	EXPECT_EQ(syscall(SYS_setfsuid, 1234), 0);	/* returns the old one */
	EXPECT_EQ(syscall(SYS_setfsuid, NO_ID), 1234);
	EXPECT_EQ(caps_of(0).eff & BIT(CAP_DAC_OVERRIDE), 0);
	EXPECT_EQ(caps_of(0).eff & BIT(CAP_CHOWN), 0);
	EXPECT_EQ(caps_of(0).eff & BIT(CAP_KILL), BIT(CAP_KILL));
	EXPECT_EQ(syscall(SYS_setfsuid, 0), 1234);
	EXPECT_EQ(caps_of(0).eff, ALL_CAPS);
	EXPECT_EQ(syscall(SYS_setfsgid, 77), 0);
	EXPECT_EQ(syscall(SYS_setfsgid, NO_ID), 77);
	become_user();
	EXPECT_EQ(syscall(SYS_setfsuid, NO_ID), 1000);
	EXPECT_EQ(syscall(SYS_setfsuid, 0), 1000);	/* refused: no error, no change */
	EXPECT_EQ(syscall(SYS_setfsuid, NO_ID), 1000);
	EXPECT_EQ(syscall(SYS_setfsgid, 0), 1000);
	EXPECT_EQ(syscall(SYS_setfsgid, NO_ID), 1000);
}

static void fsuid_follows_rules_and_fs_caps(void)
{
	ktest_in_child(fsuid_follows_rules_and_fs_caps_body);
}

static void groups_body(void)
{
	gid_t set[3] = { 30, 10, 20 }, got[4] = { 0 };

	EXPECT_EQ(syscall(SYS_getgroups, 0, NULL), 0);
	EXPECT_EQ(syscall(SYS_setgroups, 3, set), 0);
	EXPECT_EQ(syscall(SYS_getgroups, 0, NULL), 3);
	EXPECT_ERRNO(syscall(SYS_getgroups, 2, got), EINVAL);
	EXPECT_ERRNO(syscall(SYS_getgroups, -1, got), EINVAL);
	EXPECT_ERRNO(syscall(SYS_getgroups, 3, BAD_PTR), EFAULT);
	EXPECT_EQ(syscall(SYS_getgroups, 4, got), 3);
	EXPECT_EQ(got[0], 10);				/* sorted, as Linux */
	EXPECT_EQ(got[1], 20);
	EXPECT_EQ(got[2], 30);
	EXPECT_ERRNO(syscall(SYS_setgroups, -1, set), EINVAL);
	EXPECT_ERRNO(syscall(SYS_setgroups, 65537, set), EINVAL);
	EXPECT_EQ(syscall(SYS_getgroups, 0, NULL), 3);
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1000, 1000), 0);
	EXPECT_ERRNO(syscall(SYS_setgroups, 0, NULL), EPERM);
	EXPECT_EQ(syscall(SYS_getgroups, 4, got), 3);	/* kept across setuid */
}

static void groups(void)
{
	ktest_in_child(groups_body);
}

static void capset_rules_body(void)
{
	struct __user_cap_header_struct hdr = { 0x12345678, 0 };
	struct __user_cap_data_struct d[2];
	unsigned long long no_kill = ALL_CAPS & ~BIT(CAP_KILL);

	/* An unknown version: EINVAL, and the preferred one written back. */
	EXPECT_ERRNO(syscall(SYS_capget, &hdr, d), EINVAL);
	EXPECT_EQ(hdr.version, _LINUX_CAPABILITY_VERSION_3);
	hdr.version = 0x12345678;
	EXPECT_EQ(syscall(SYS_capget, &hdr, NULL), 0);	/* probing */
	EXPECT_EQ(hdr.version, _LINUX_CAPABILITY_VERSION_3);
	hdr.version = 0x12345678;
	EXPECT_ERRNO(syscall(SYS_capset, &hdr, d), EINVAL);
	hdr.version = _LINUX_CAPABILITY_VERSION_3;
	hdr.pid = -1;
	EXPECT_ERRNO(syscall(SYS_capget, &hdr, d), EINVAL);
	hdr.pid = 0x7ffffff0;
	EXPECT_ERRNO(syscall(SYS_capget, &hdr, d), ESRCH);
	hdr.pid = getppid();
	EXPECT_ERRNO(syscall(SYS_capset, &hdr, d), EPERM);
	hdr.pid = 0;
	EXPECT_ERRNO(syscall(SYS_capget, &hdr, BAD_PTR), EFAULT);
	EXPECT_EQ(caps_of(getppid()).prm, ALL_CAPS);
	/* Effective may shrink and grow within permitted. */
	EXPECT_EQ(set_caps(no_kill, ALL_CAPS, 0), 0);
	EXPECT_EQ(caps_of(0).eff, no_kill);
	EXPECT_EQ(caps_of(getpid()).eff, no_kill);
	EXPECT_EQ(set_caps(ALL_CAPS, ALL_CAPS, 0), 0);
	/* Permitted never grows back; effective never exceeds it. */
	EXPECT_EQ(set_caps(no_kill, no_kill, BIT(CAP_CHOWN)), 0);
	EXPECT_EQ(caps_of(0).inh, BIT(CAP_CHOWN));
	EXPECT_ERRNO(set_caps(no_kill, ALL_CAPS, 0), EPERM);
	EXPECT_ERRNO(set_caps(ALL_CAPS, no_kill, 0), EPERM);
	/* Without CAP_SETPCAP, inheritable stays within inheritable | permitted. */
	EXPECT_EQ(set_caps(0, BIT(CAP_SETUID), 0), 0);
	EXPECT_ERRNO(set_caps(0, BIT(CAP_SETUID), BIT(CAP_KILL)), EPERM);
	EXPECT_EQ(set_caps(0, BIT(CAP_SETUID), BIT(CAP_SETUID)), 0);
	/* Root without CAP_SETUID in its effective set is refused. */
	EXPECT_ERRNO(syscall(SYS_setuid, 1000), EPERM);
	EXPECT_ERRNO(syscall(SYS_setgroups, 0, NULL), EPERM);
	EXPECT_EQ(set_caps(BIT(CAP_SETUID), BIT(CAP_SETUID), 0), 0);
	EXPECT_ERRNO(syscall(SYS_setgid, 1000), EPERM);	/* no CAP_SETGID */
	EXPECT_EQ(syscall(SYS_setuid, 1000), 0);
}

static void capset_rules(void)
{
	ktest_in_child(capset_rules_body);
}

static void user_cannot_raise_caps_body(void)
{
	become_user();
	EXPECT_EQ(caps_of(0).prm, 0);
	EXPECT_ERRNO(set_caps(BIT(CAP_KILL), BIT(CAP_KILL), 0), EPERM);
	EXPECT_ERRNO(set_caps(0, 0, BIT(CAP_KILL)), EPERM);
	EXPECT_EQ(set_caps(0, 0, 0), 0);
}

static void user_cannot_raise_caps(void)
{
	ktest_in_child(user_cannot_raise_caps_body);
}

static void fork_inherits_check(void)
{
	gid_t got[2] = { 0 };

	expect_resuid(1, 0, 3);
	expect_resgid(4, 5, 6);
	EXPECT_EQ(syscall(SYS_getgroups, 2, got), 2);
	EXPECT_EQ(got[0], 8);
	EXPECT_EQ(got[1], 9);
	EXPECT_EQ(caps_of(0).eff, BIT(CAP_SETUID));
	EXPECT_EQ(caps_of(0).prm, BIT(CAP_SETUID) | BIT(CAP_KILL));
}

static void fork_inherits_body(void)
{
	gid_t set[2] = { 8, 9 };

	EXPECT_EQ(syscall(SYS_setgroups, 2, set), 0);
	EXPECT_EQ(syscall(SYS_setresgid, 4, 5, 6), 0);
	EXPECT_EQ(set_caps(BIT(CAP_SETUID), BIT(CAP_SETUID) | BIT(CAP_KILL), 0), 0);
	EXPECT_EQ(syscall(SYS_setresuid, 1, 0, 3), 0);
	ktest_in_child(fork_inherits_check);
}

static void fork_inherits(void)
{
	ktest_in_child(fork_inherits_body);
}

/* Run "helper creds" with the current credentials; parse what it saw. */
struct seen {
	unsigned long uid[4], gid[4];
	unsigned long long prm, eff, inh;
	int keepcaps;
};

static struct seen exec_helper(void)
{
	struct seen s;
	char buf[256] = { 0 }, fd[16];
	int p[2], status = -1;
	pid_t pid;

	memset(&s, 0xff, sizeof(s));
	EXPECT_EQ(pipe(p), 0);
	snprintf(fd, sizeof(fd), "%d", p[1]);
	pid = fork();
	if (pid == 0) {
		execl("/tests/helper", "helper", "creds", fd, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	EXPECT_TRUE(read(p[0], buf, sizeof(buf) - 1) > 0);
	close(p[0]);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(sscanf(buf, "%lu %lu %lu %lu %lu %lu %lu %lu %llx %llx %llx %d",
			 &s.uid[0], &s.uid[1], &s.uid[2], &s.uid[3], &s.gid[0], &s.gid[1],
			 &s.gid[2], &s.gid[3], &s.prm, &s.eff, &s.inh, &s.keepcaps), 12);
	return s;
}

static void exec_as_root_keeps_all_caps(void)
{
	struct seen s = exec_helper();

	EXPECT_EQ(s.uid[0] | s.uid[1] | s.uid[2] | s.uid[3], 0);
	EXPECT_EQ(s.prm, ALL_CAPS);
	EXPECT_EQ(s.eff, ALL_CAPS);
	EXPECT_EQ(s.inh, 0);
}

/* Saved ids follow the effective ones; a real root gets permitted only. */
static void exec_real_root_body(void)
{
	struct seen s;

	EXPECT_EQ(syscall(SYS_setresgid, 10, 11, 12), 0);
	EXPECT_EQ(syscall(SYS_setresuid, 0, 1001, 1002), 0);
	EXPECT_EQ(caps_of(0).eff, 0);
	EXPECT_EQ(set_caps(0, ALL_CAPS & ~BIT(CAP_KILL), BIT(CAP_CHOWN)), 0);
	s = exec_helper();
	EXPECT_EQ(s.uid[0], 0);
	EXPECT_EQ(s.uid[1], 1001);
	EXPECT_EQ(s.uid[2], 1001);
	EXPECT_EQ(s.uid[3], 1001);
	EXPECT_EQ(s.gid[0], 10);
	EXPECT_EQ(s.gid[2], 11);
	EXPECT_EQ(s.gid[3], 11);
	/* permitted = bounding (all) | inheritable, whatever it was before */
	EXPECT_EQ(s.prm, ALL_CAPS);
	EXPECT_EQ(s.eff, 0);
	EXPECT_EQ(s.inh, BIT(CAP_CHOWN));
}

static void exec_real_root(void)
{
	ktest_in_child(exec_real_root_body);
}

/* No root uid at exec: no capabilities, even if kept before; keep-caps off. */
static void exec_as_user_drops_caps_body(void)
{
	struct seen s;

	EXPECT_EQ(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0), 0);
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1001, 1000), 0);
	EXPECT_EQ(caps_of(0).prm, ALL_CAPS);
	s = exec_helper();
	EXPECT_EQ(s.uid[0], 1000);
	EXPECT_EQ(s.uid[1], 1001);
	EXPECT_EQ(s.uid[2], 1001);
	EXPECT_EQ(s.prm, 0);
	EXPECT_EQ(s.eff, 0);
	EXPECT_EQ(s.keepcaps, 0);
}

static void exec_as_user_drops_caps(void)
{
	ktest_in_child(exec_as_user_drops_caps_body);
}

#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT 47
#define PR_CAP_AMBIENT_IS_SET 1
#define PR_CAP_AMBIENT_RAISE 2
#define PR_CAP_AMBIENT_LOWER 3
#define PR_CAP_AMBIENT_CLEAR_ALL 4
#endif

/* An ambient capability stays with a user's programs across exec. */
static void ambient_caps_body(void)
{
	struct seen s;

	EXPECT_EQ(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0), 0);
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1000, 1000), 0);
	/* Not inheritable yet: may not be raised. */
	EXPECT_ERRNO(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_KILL, 0, 0), EPERM);
	EXPECT_EQ(set_caps(BIT(CAP_KILL), ALL_CAPS, BIT(CAP_KILL) | BIT(CAP_CHOWN)), 0);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_KILL, 0, 0), 0);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_CHOWN, 0, 0), 0);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_KILL, 0, 0), 1);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_CHOWN, 0, 0), 0);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0), 0);
	EXPECT_ERRNO(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_KILL, 1, 0), EINVAL);
	EXPECT_ERRNO(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_LAST_CAP + 1, 0, 0),
		     EINVAL);
	EXPECT_ERRNO(prctl(PR_CAP_AMBIENT, 9, CAP_KILL, 0, 0), EINVAL);
	EXPECT_ERRNO(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 1, 0, 0), EINVAL);
	s = exec_helper();
	EXPECT_EQ(s.uid[1], 1000);
	EXPECT_EQ(s.prm, BIT(CAP_KILL));
	EXPECT_EQ(s.eff, BIT(CAP_KILL));
	/* Dropping it from the inheritable set drops it from the ambient one. */
	EXPECT_EQ(set_caps(0, ALL_CAPS, 0), 0);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_KILL, 0, 0), 0);
	EXPECT_EQ(set_caps(0, ALL_CAPS, BIT(CAP_KILL)), 0);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_KILL, 0, 0), 0);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), 0);
	EXPECT_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_KILL, 0, 0), 0);
	s = exec_helper();
	EXPECT_EQ(s.prm, 0);
}

static void ambient_caps(void)
{
	ktest_in_child(ambient_caps_body);
}

#ifndef PR_GET_SECUREBITS
#define PR_GET_SECUREBITS 27
#define PR_SET_SECUREBITS 28
#endif
#define SECBIT_NOROOT (1 << 0)
#define SECBIT_NO_SETUID_FIXUP (1 << 2)
#define SECBIT_NO_SETUID_FIXUP_LOCKED (1 << 3)
#define SECBIT_NO_CAP_AMBIENT_RAISE (1 << 6)

/* securebits: who may set them, locks, and what three of them do. */
static void securebits_body(void)
{
	struct seen s;

	EXPECT_EQ(prctl(PR_GET_SECUREBITS), 0);
	EXPECT_ERRNO(prctl(PR_SET_SECUREBITS, 1 << 16), EPERM);	/* no such bit */
	/* A root without its capabilities after exec. */
	EXPECT_EQ(prctl(PR_SET_SECUREBITS, SECBIT_NOROOT), 0);
	s = exec_helper();
	EXPECT_EQ(s.prm, 0);
	EXPECT_EQ(s.eff, 0);
	/* uid changes that leave the capabilities alone, for good. */
	EXPECT_EQ(prctl(PR_SET_SECUREBITS, SECBIT_NO_SETUID_FIXUP |
			SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_NO_CAP_AMBIENT_RAISE), 0);
	EXPECT_ERRNO(prctl(PR_SET_SECUREBITS, SECBIT_NO_CAP_AMBIENT_RAISE), EPERM);
	EXPECT_EQ(syscall(SYS_setresuid, 1000, 1000, 1000), 0);
	EXPECT_EQ(caps_of(0).prm, ALL_CAPS);
	EXPECT_EQ(caps_of(0).eff, ALL_CAPS);
	EXPECT_EQ(set_caps(ALL_CAPS, ALL_CAPS, BIT(CAP_KILL)), 0);
	EXPECT_ERRNO(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_KILL, 0, 0), EPERM);
	EXPECT_EQ(set_caps(0, ALL_CAPS, 0), 0);		/* no CAP_SETPCAP */
	EXPECT_ERRNO(prctl(PR_SET_SECUREBITS, SECBIT_NO_SETUID_FIXUP |
			   SECBIT_NO_SETUID_FIXUP_LOCKED), EPERM);
	EXPECT_EQ(prctl(PR_GET_SECUREBITS), SECBIT_NO_SETUID_FIXUP |
		  SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_NO_CAP_AMBIENT_RAISE);
}

static void securebits(void)
{
	ktest_in_child(securebits_body);
}

/* The bounding set limits what exec gives root and what may be inherited. */
static void bounding_set_body(void)
{
	struct seen s;

	EXPECT_EQ(prctl(PR_CAPBSET_READ, CAP_KILL, 0, 0, 0), 1);
	EXPECT_ERRNO(prctl(PR_CAPBSET_READ, CAP_LAST_CAP + 1, 0, 0, 0), EINVAL);
	EXPECT_ERRNO(prctl(PR_CAPBSET_DROP, CAP_LAST_CAP + 1, 0, 0, 0), EINVAL);
	EXPECT_EQ(prctl(PR_CAPBSET_DROP, CAP_KILL, 0, 0, 0), 0);
	EXPECT_EQ(prctl(PR_CAPBSET_READ, CAP_KILL, 0, 0, 0), 0);
	EXPECT_EQ(caps_of(0).prm, ALL_CAPS);		/* only exec applies it */
	/* Even with CAP_SETPCAP, inheritable stays within inheritable | bounding. */
	EXPECT_ERRNO(set_caps(ALL_CAPS, ALL_CAPS, BIT(CAP_KILL)), EPERM);
	s = exec_helper();
	EXPECT_EQ(s.prm, ALL_CAPS & ~BIT(CAP_KILL));
	EXPECT_EQ(s.eff, ALL_CAPS & ~BIT(CAP_KILL));
	EXPECT_EQ(set_caps(ALL_CAPS & ~BIT(CAP_SETPCAP), ALL_CAPS, 0), 0);
	EXPECT_ERRNO(prctl(PR_CAPBSET_DROP, CAP_CHOWN, 0, 0, 0), EPERM);
	EXPECT_EQ(prctl(PR_CAPBSET_READ, CAP_CHOWN, 0, 0, 0), 1);
}

static void bounding_set(void)
{
	ktest_in_child(bounding_set_body);
}

/*
 * A driver's capability check (drivers/char/rust_scull.rs, through Rust's
 * kernel::cred): SCULL_RESET needs CAP_SYS_ADMIN in the caller's effective
 * set when it calls, whoever opened the file; a refusal leaves the bytes.
 */
static void scull_reset_needs_cap_sys_admin_body(void)
{
	int fd = open("/dev/rust_scull", O_RDWR | O_NONBLOCK);
	char c;

	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(ioctl(fd, SCULL_RESET), 0);
	EXPECT_EQ(write(fd, "ab", 2), 2);
	EXPECT_EQ(set_caps(ALL_CAPS & ~BIT(CAP_SYS_ADMIN), ALL_CAPS, 0), 0);
	EXPECT_ERRNO(ioctl(fd, SCULL_RESET), EPERM);
	EXPECT_EQ(set_caps(ALL_CAPS, ALL_CAPS, 0), 0);	/* still permitted */
	EXPECT_EQ(ioctl(fd, SCULL_RESET), 0);
	EXPECT_ERRNO(read(fd, &c, 1), EAGAIN);
	EXPECT_EQ(write(fd, "cd", 2), 2);
	EXPECT_EQ(syscall(SYS_setuid, 1000), 0);	/* drops every capability */
	EXPECT_ERRNO(ioctl(fd, SCULL_RESET), EPERM);
	EXPECT_EQ(read(fd, &c, 1), 1);
	EXPECT_EQ(c, 'c');
	EXPECT_ERRNO(ioctl(fd, SCULL_RESET + 1), ENOTTY);
	EXPECT_EQ(read(fd, &c, 1), 1);
	EXPECT_EQ(close(fd), 0);
}

static void scull_reset_needs_cap_sys_admin(void)
{
	ktest_in_child(scull_reset_needs_cap_sys_admin_body);
}

KTEST_MAIN("user_creds",
	   KTEST(root_starts_with_every_capability),
	   KTEST(root_setresuid_sets_any_and_drops_caps),
	   KTEST(setuid_as_root_and_as_user),
	   KTEST(user_moves_among_own_ids),
	   KTEST(setreuid_rules),
	   KTEST(setregid_as_root),
	   KTEST(euid_zero_and_back),
	   KTEST(keepcaps_keeps_permitted),
	   KTEST(fsuid_follows_rules_and_fs_caps),
	   KTEST(groups),
	   KTEST(capset_rules),
	   KTEST(user_cannot_raise_caps),
	   KTEST(fork_inherits),
	   KTEST(exec_as_root_keeps_all_caps),
	   KTEST(exec_real_root),
	   KTEST(exec_as_user_drops_caps),
	   KTEST(ambient_caps),
	   KTEST(securebits),
	   KTEST(bounding_set),
	   KTEST(scull_reset_needs_cap_sys_admin));
