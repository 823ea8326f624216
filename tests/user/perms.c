// SPDX-License-Identifier: GPL-2.0-only
/*
 * File permissions, ownership and signal permission with Linux's errnos:
 * root makes files in /tmp/perms, then each case runs in a child that
 * becomes an unprivileged user (uid/gid 1000, or 1001 as "another user")
 * or stays root and drops capabilities, and checks what it may do:
 * EACCES where the mode bits refuse, EPERM where only an owner or a
 * capability would do (chown, chmod, explicit times, sticky directories,
 * signals). The calls go through syscall() where a C library might
 * emulate them.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include "ktest.h"

#define DIR_ "/tmp/perms"
#define BIT(cap) (1ULL << (cap))
/* Linux's numbers (uapi/linux/capability.h clashes with <sys/stat.h> here). */
#define CAP_DAC_READ_SEARCH 2
#define CAP_KILL 5
#define CAP_SETUID 7
#define CAPABILITY_VERSION_3 0x20080522
#define USER 1000
#define OTHER 1001

#ifndef AT_EACCESS
#define AT_EACCESS 0x200
#endif
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

/* A case body that runs in its own child process. */
#define CHILD_CASE(name)						\
	static void name##_body(void);					\
	static void name(void) { ktest_in_child(name##_body); }	\
	static void name##_body(void)

/* Become @uid everywhere, with gid @uid and the supplementary @groups. */
static void become(unsigned int uid, int ngroups, const gid_t *groups)
{
	EXPECT_EQ(syscall(SYS_setgroups, ngroups, groups), 0);
	EXPECT_EQ(syscall(SYS_setresgid, uid, uid, uid), 0);
	EXPECT_EQ(syscall(SYS_setresuid, uid, uid, uid), 0);
}

/* Keep only the capabilities in @caps (effective and permitted). */
static void root_with_caps(unsigned long long caps)
{
	struct { uint32_t version; int pid; } hdr = { CAPABILITY_VERSION_3, 0 };
	/* effective, permitted, inheritable; low then high 32 bits */
	uint32_t d[6] = { (uint32_t)caps, (uint32_t)caps, 0, caps >> 32, caps >> 32, 0 };

	EXPECT_EQ(syscall(SYS_capset, &hdr, d), 0);
}

/* Make @path with @mode, owned by @uid:@gid (as root). */
static void make_file(const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);

	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(write(fd, "data", 4), 4);
	close(fd);
	EXPECT_EQ(chown(path, uid, gid), 0);
	EXPECT_EQ(chmod(path, mode), 0);
}

static void make_dir(const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	EXPECT_EQ(mkdir(path, 0700), 0);
	EXPECT_EQ(chown(path, uid, gid), 0);
	EXPECT_EQ(chmod(path, mode), 0);
}

static mode_t mode_of(const char *path)
{
	struct stat st = { 0 };

	EXPECT_EQ(lstat(path, &st), 0);
	return st.st_mode & 07777;
}

static void owner_is(const char *path, uid_t uid, gid_t gid)
{
	struct stat st = { 0 };

	EXPECT_EQ(lstat(path, &st), 0);
	EXPECT_EQ(st.st_uid, uid);
	EXPECT_EQ(st.st_gid, gid);
}

/* Copy /tests/helper to @path (to run with other modes and owners). */
static void copy_helper(const char *path)
{
	char buf[4096];
	int in = open("/tests/helper", O_RDONLY), out = open(path, O_CREAT | O_WRONLY | O_TRUNC,
							      0755);
	ssize_t n;

	EXPECT_TRUE(in >= 0 && out >= 0);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		EXPECT_EQ(write(out, buf, n), n);
	close(in);
	close(out);
}

/* Run "@prog @what FD" and return what it wrote (static buffer), or "". */
static const char *run_helper(const char *prog, const char *what)
{
	static char out[256];
	int p[2], status = -1;
	ssize_t n;
	pid_t pid;
	char fd[16];

	out[0] = '\0';
	EXPECT_EQ(pipe(p), 0);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		snprintf(fd, sizeof(fd), "%d", p[1]);
		execl(prog, "helper", what, fd, (char *)NULL);
		_exit(100 + errno);
	}
	close(p[1]);
	n = read(p[0], out, sizeof(out) - 1);
	out[n > 0 ? n : 0] = '\0';
	close(p[0]);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	return out;
}

/* Remove @path and everything below it (as root). */
static void remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char sub[512];

	if (!d) {
		unlink(path);
		return;
	}
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			remove_tree(sub);
		}
	}
	closedir(d);
	rmdir(path);
}

static bool starts_with(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)))
		printf("    # \"%s\" does not start with \"%s\"\n", s, prefix);
	return !strncmp(s, prefix, strlen(prefix));
}

/* The tree the cases work on, made by root before each case. */
static void setup(void)
{
	remove_tree(DIR_);
	make_dir(DIR_, 0755, 0, 0);
	make_file(DIR_ "/secret", 0600, 0, 0);		/* root only */
	make_file(DIR_ "/public", 0644, 0, 0);		/* everyone reads */
	make_file(DIR_ "/shared", 0666, 0, 0);		/* everyone writes */
	make_dir(DIR_ "/closed", 0700, 0, 0);		/* root only */
	make_file(DIR_ "/closed/inside", 0644, 0, 0);
	make_dir(DIR_ "/sticky", 01777, 0, 0);		/* like /tmp */
	make_dir(DIR_ "/open", 0777, 0, 0);		/* world-writable, not sticky */
	make_file(DIR_ "/mine", 0644, USER, USER);	/* the user's own */
}

static void new_files_get_owner_and_umask(void)
{
	mode_t old = umask(027);

	setup();
	EXPECT_EQ(close(open(DIR_ "/new", O_CREAT | O_WRONLY, 0777)), 0);
	EXPECT_EQ(mode_of(DIR_ "/new"), 0750);
	owner_is(DIR_ "/new", 0, 0);
	EXPECT_EQ(mkdir(DIR_ "/newdir", 0777), 0);
	EXPECT_EQ(mode_of(DIR_ "/newdir"), 0750);
	EXPECT_EQ(mknod(DIR_ "/fifo", S_IFIFO | 0666, 0), 0);
	EXPECT_EQ(mode_of(DIR_ "/fifo"), 0640);
	umask(old);
}

/* The umask is per process and inherited across fork. */
CHILD_CASE(umask_is_inherited)
{
	pid_t pid;
	int status = -1;

	umask(070);
	pid = fork();
	if (pid == 0)
		_exit(umask(0) == 070 ? 0 : 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(umask(0), 070);
}

CHILD_CASE(user_files_belong_to_user)
{
	setup();
	become(USER, 0, NULL);
	umask(022);
	EXPECT_EQ(close(open(DIR_ "/sticky/f", O_CREAT | O_WRONLY, 0666)), 0);
	owner_is(DIR_ "/sticky/f", USER, USER);
	EXPECT_EQ(mode_of(DIR_ "/sticky/f"), 0644);
	/* A pipe is its maker's too. */
	int p[2];
	struct stat st;

	EXPECT_EQ(pipe(p), 0);
	EXPECT_EQ(fstat(p[0], &st), 0);
	EXPECT_EQ(st.st_uid, USER);
	close(p[0]);
	close(p[1]);
}

/* Below a setgid directory files get its group, directories its setgid bit. */
static void setgid_directory_passes_on_its_group(void)
{
	setup();
	make_dir(DIR_ "/sgid", 02775, 0, 1234);
	EXPECT_EQ(close(open(DIR_ "/sgid/f", O_CREAT | O_WRONLY, 0644)), 0);
	owner_is(DIR_ "/sgid/f", 0, 1234);
	EXPECT_EQ(mkdir(DIR_ "/sgid/d", 0755), 0);
	owner_is(DIR_ "/sgid/d", 0, 1234);
	EXPECT_EQ(mode_of(DIR_ "/sgid/d") & 07000, 02000);
}

static void root_chown_clears_setuid(void)
{
	setup();
	make_file(DIR_ "/s", 06755, 0, 0);
	EXPECT_EQ(chown(DIR_ "/s", USER, USER), 0);
	owner_is(DIR_ "/s", USER, USER);
	EXPECT_EQ(mode_of(DIR_ "/s"), 0755);		/* even root's chown */
	/* Without group execute, S_ISGID is not a setgid bit: kept. */
	make_file(DIR_ "/g", 02644, 0, 0);
	EXPECT_EQ(chown(DIR_ "/g", USER, -1), 0);
	EXPECT_EQ(mode_of(DIR_ "/g"), 02644);
	/* -1, -1 changes nothing but still counts as a chown. */
	EXPECT_EQ(chown(DIR_ "/g", -1, -1), 0);
	owner_is(DIR_ "/g", USER, 0);
	/* lchown changes the link, chown what it points at. */
	EXPECT_EQ(symlink("public", DIR_ "/link"), 0);
	EXPECT_EQ(lchown(DIR_ "/link", 7, 8), 0);
	owner_is(DIR_ "/link", 7, 8);
	owner_is(DIR_ "/public", 0, 0);
	EXPECT_EQ(syscall(SYS_fchownat, AT_FDCWD, DIR_ "/link", 9, 9, 0), 0);
	owner_is(DIR_ "/public", 9, 9);
	EXPECT_ERRNO(syscall(SYS_fchownat, AT_FDCWD, DIR_ "/link", 9, 9, 1), EINVAL);
	int fd = open(DIR_ "/secret", O_RDONLY);

	EXPECT_EQ(fchown(fd, 5, 6), 0);
	close(fd);
	owner_is(DIR_ "/secret", 5, 6);
}

CHILD_CASE(user_may_not_chown)
{
	const gid_t groups[] = { 2000 };

	setup();
	become(USER, 1, groups);
	EXPECT_ERRNO(chown(DIR_ "/mine", 0, -1), EPERM);
	EXPECT_ERRNO(chown(DIR_ "/mine", OTHER, -1), EPERM);
	EXPECT_ERRNO(chown(DIR_ "/mine", -1, 3000), EPERM);	/* not its group */
	EXPECT_EQ(chown(DIR_ "/mine", USER, 2000), 0);		/* its own group */
	owner_is(DIR_ "/mine", USER, 2000);
	EXPECT_EQ(chown(DIR_ "/mine", -1, -1), 0);
	EXPECT_EQ(chown(DIR_ "/public", -1, -1), 0);		/* no change: no check */
	EXPECT_ERRNO(chown(DIR_ "/public", -1, 0), EPERM);
}

CHILD_CASE(user_may_chmod_only_own_files)
{
	setup();
	become(USER, 0, NULL);
	EXPECT_ERRNO(chmod(DIR_ "/public", 0666), EPERM);
	EXPECT_ERRNO(chmod(DIR_ "/secret", 0666), EPERM);
	EXPECT_EQ(chmod(DIR_ "/mine", 0600), 0);
	EXPECT_EQ(mode_of(DIR_ "/mine"), 0600);
	/* In the file's group, S_ISGID stays. */
	EXPECT_EQ(chmod(DIR_ "/mine", 02755), 0);
	EXPECT_EQ(mode_of(DIR_ "/mine"), 02755);
	EXPECT_EQ(symlink(DIR_ "/mine", DIR_ "/open/l"), 0);
	EXPECT_ERRNO(syscall(SYS_fchmodat2, AT_FDCWD, DIR_ "/open/l", 0644,
			     AT_SYMLINK_NOFOLLOW), EOPNOTSUPP);
	EXPECT_ERRNO(syscall(SYS_fchmodat2, AT_FDCWD, DIR_ "/open/l", 0644, 0x4), EINVAL);
	EXPECT_EQ(syscall(SYS_fchmodat2, AT_FDCWD, DIR_ "/open/l", 0640, 0), 0);
	EXPECT_EQ(mode_of(DIR_ "/mine"), 0640);
}

/* chmod as the owner without the group: the setgid bit goes. */
static void chmod_outside_group_drops_setgid_as_user(void)
{
	become(USER, 0, NULL);
	EXPECT_EQ(chmod(DIR_ "/open/g", 02755), 0);
	EXPECT_EQ(mode_of(DIR_ "/open/g"), 0755);
}

static void chmod_outside_group_drops_setgid(void)
{
	setup();
	make_file(DIR_ "/open/g", 0644, USER, 4321);
	ktest_in_child(chmod_outside_group_drops_setgid_as_user);
}

CHILD_CASE(user_cannot_read_or_write_root_files)
{
	struct timeval tv[2] = { { 1, 0 }, { 2, 0 } };

	setup();
	become(USER, 0, NULL);
	EXPECT_ERRNO(open(DIR_ "/secret", O_RDONLY), EACCES);
	EXPECT_ERRNO(open(DIR_ "/secret", O_WRONLY), EACCES);
	EXPECT_ERRNO(open(DIR_ "/public", O_WRONLY), EACCES);
	EXPECT_ERRNO(open(DIR_ "/public", O_RDONLY | O_TRUNC), EACCES);
	EXPECT_ERRNO(open(DIR_ "/public", O_RDWR | O_CREAT, 0666), EACCES);
	EXPECT_ERRNO(truncate(DIR_ "/public", 0), EACCES);
	int fd = open(DIR_ "/public", O_RDONLY);

	EXPECT_TRUE(fd >= 0);
	EXPECT_ERRNO(ftruncate(fd, 0), EINVAL);
	close(fd);
	fd = open(DIR_, O_RDONLY | O_DIRECTORY);
	EXPECT_ERRNO(ftruncate(fd, 0), EINVAL);
	EXPECT_ERRNO(truncate(DIR_, 0), EISDIR);
	close(fd);
	EXPECT_EQ(close(open(DIR_ "/shared", O_RDWR | O_TRUNC)), 0);
	EXPECT_EQ(truncate(DIR_ "/shared", 3), 0);
	/* Times: "now" needs write permission, explicit ones the owner. */
	EXPECT_ERRNO(utimes(DIR_ "/public", NULL), EACCES);
	EXPECT_ERRNO(utimes(DIR_ "/public", tv), EPERM);
	EXPECT_EQ(utimes(DIR_ "/shared", NULL), 0);
	EXPECT_ERRNO(utimes(DIR_ "/shared", tv), EPERM);
	EXPECT_EQ(utimes(DIR_ "/mine", tv), 0);
}

CHILD_CASE(search_permission_on_every_step)
{
	struct stat st;

	setup();
	make_dir(DIR_ "/through", 0711, 0, 0);		/* search, no listing */
	make_file(DIR_ "/through/f", 0644, 0, 0);
	become(USER, 0, NULL);
	EXPECT_ERRNO(stat(DIR_ "/closed/inside", &st), EACCES);
	EXPECT_ERRNO(open(DIR_ "/closed/inside", O_RDONLY), EACCES);
	EXPECT_ERRNO(open(DIR_ "/closed/../public", O_RDONLY), EACCES);
	EXPECT_ERRNO(chdir(DIR_ "/closed"), EACCES);
	EXPECT_EQ(stat(DIR_ "/through/f", &st), 0);
	EXPECT_ERRNO(open(DIR_ "/through", O_RDONLY | O_DIRECTORY), EACCES);
	EXPECT_EQ(chdir(DIR_ "/through"), 0);
	EXPECT_EQ(close(open("f", O_RDONLY)), 0);
	int fd = open(DIR_, O_RDONLY | O_DIRECTORY);

	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(fchdir(fd), 0);
	close(fd);
}

CHILD_CASE(user_cannot_change_root_directories)
{
	setup();
	EXPECT_EQ(mkdir(DIR_ "/empty", 0755), 0);
	make_file(DIR_ "/open/x", 0600, 0, 0);
	become(USER, 0, NULL);
	EXPECT_ERRNO(open(DIR_ "/new", O_CREAT | O_WRONLY, 0644), EACCES);
	EXPECT_ERRNO(mkdir(DIR_ "/new", 0755), EACCES);
	EXPECT_ERRNO(mknod(DIR_ "/new", S_IFIFO | 0644, 0), EACCES);
	EXPECT_ERRNO(symlink("public", DIR_ "/new"), EACCES);
	EXPECT_ERRNO(link(DIR_ "/mine", DIR_ "/new"), EACCES);
	EXPECT_ERRNO(unlink(DIR_ "/public"), EACCES);
	EXPECT_ERRNO(unlink(DIR_ "/mine"), EACCES);		/* its file, not its directory */
	EXPECT_ERRNO(rmdir(DIR_ "/empty"), EACCES);
	EXPECT_ERRNO(rename(DIR_ "/mine", DIR_ "/open/mine"), EACCES);
	EXPECT_ERRNO(rename(DIR_ "/open", DIR_ "/sticky/x"), EACCES);
	/* A world-writable directory without the sticky bit: anyone's to change. */
	EXPECT_EQ(rename(DIR_ "/open/x", DIR_ "/open/y"), 0);
	EXPECT_EQ(unlink(DIR_ "/open/y"), 0);
	EXPECT_ERRNO(mknod(DIR_ "/open/dev", S_IFCHR | 0644, makedev(1, 3)), EPERM);
}

/* Hard links to another's file (Debian's fs.protected_hardlinks = 1). */
CHILD_CASE(links_to_others_files_need_read_write)
{
	setup();
	become(USER, 0, NULL);
	EXPECT_ERRNO(link(DIR_ "/public", DIR_ "/open/l"), EPERM);
	EXPECT_EQ(link(DIR_ "/shared", DIR_ "/open/l"), 0);
	EXPECT_EQ(link(DIR_ "/mine", DIR_ "/open/m"), 0);
}

static void sticky_as_other(void)
{
	become(OTHER, 0, NULL);
	EXPECT_ERRNO(unlink(DIR_ "/sticky/users"), EPERM);
	EXPECT_ERRNO(rename(DIR_ "/sticky/users", DIR_ "/sticky/o"), EPERM);
	EXPECT_ERRNO(rmdir(DIR_ "/sticky/usersdir"), EPERM);
	/* Writing it is a matter of its mode, not of the directory. */
	EXPECT_EQ(close(open(DIR_ "/sticky/users", O_WRONLY)), 0);
	EXPECT_EQ(close(open(DIR_ "/sticky/own", O_CREAT | O_WRONLY, 0600)), 0);
	EXPECT_EQ(rename(DIR_ "/sticky/own", DIR_ "/sticky/own2"), 0);
	EXPECT_EQ(unlink(DIR_ "/sticky/own2"), 0);
}

static void sticky_as_owner(void)
{
	become(USER, 0, NULL);
	EXPECT_EQ(unlink(DIR_ "/sticky/users"), 0);
	EXPECT_EQ(rmdir(DIR_ "/sticky/usersdir"), 0);
}

static void sticky_directory_protects_others_files(void)
{
	setup();
	make_file(DIR_ "/sticky/users", 0666, USER, USER);
	make_dir(DIR_ "/sticky/usersdir", 0777, USER, USER);
	ktest_in_child(sticky_as_other);
	ktest_in_child(sticky_as_owner);
}

/* access() answers for the real ids; AT_EACCESS for the effective ones. */
CHILD_CASE(access_uses_real_ids)
{
	setup();
	EXPECT_EQ(syscall(SYS_setresuid, USER, 0, 0), 0);	/* real user, effective root */
	EXPECT_ERRNO(access(DIR_ "/secret", R_OK), EACCES);
	EXPECT_ERRNO(access(DIR_ "/closed/inside", F_OK), EACCES);
	EXPECT_EQ(access(DIR_ "/public", R_OK), 0);
	EXPECT_ERRNO(access(DIR_ "/public", W_OK), EACCES);
	EXPECT_EQ(syscall(SYS_faccessat2, AT_FDCWD, DIR_ "/secret", R_OK | W_OK, AT_EACCESS), 0);
	EXPECT_EQ(close(open(DIR_ "/secret", O_RDWR)), 0);
	/* The reverse: a real root reads what its effective user may not. */
	EXPECT_EQ(syscall(SYS_setresuid, 0, USER, 0), 0);
	EXPECT_EQ(access(DIR_ "/secret", R_OK | W_OK), 0);
	EXPECT_ERRNO(open(DIR_ "/secret", O_RDONLY), EACCES);
	EXPECT_ERRNO(syscall(SYS_faccessat2, AT_FDCWD, DIR_ "/secret", R_OK, AT_EACCESS),
		     EACCES);
	EXPECT_ERRNO(access(DIR_ "/public", X_OK), EACCES);	/* no x bit: not even root */
	EXPECT_ERRNO(access(DIR_ "/public", 8), EINVAL);
}

CHILD_CASE(exec_needs_x_on_a_regular_file)
{
	setup();
	copy_helper(DIR_ "/prog");
	EXPECT_EQ(chmod(DIR_ "/prog", 0711), 0);
	EXPECT_ERRNO(execl(DIR_ "/public", "public", (char *)NULL), EACCES);	/* even root */
	EXPECT_ERRNO(execl(DIR_ "/open", "open", (char *)NULL), EACCES);
	EXPECT_ERRNO(execl("/dev/null", "null", (char *)NULL), EACCES);
	become(USER, 0, NULL);
	EXPECT_ERRNO(open(DIR_ "/prog", O_RDONLY), EACCES);
	/* Running needs x only: the helper reports its aux vector. */
	EXPECT_EQ(strcmp(run_helper(DIR_ "/prog", "aux"), "0 1000 1000 1000 1000"), 0);
	EXPECT_ERRNO(execl(DIR_ "/mine", "mine", (char *)NULL), EACCES);
}

CHILD_CASE(setuid_exec_gives_owner_ids)
{
	setup();
	copy_helper(DIR_ "/suid");
	EXPECT_EQ(chown(DIR_ "/suid", 0, 0), 0);
	EXPECT_EQ(chmod(DIR_ "/suid", 04755), 0);
	copy_helper(DIR_ "/sgid");
	EXPECT_EQ(chown(DIR_ "/sgid", 0, 1234), 0);
	EXPECT_EQ(chmod(DIR_ "/sgid", 02755), 0);
	copy_helper(DIR_ "/tootheruser");
	EXPECT_EQ(chown(DIR_ "/tootheruser", OTHER, OTHER), 0);
	EXPECT_EQ(chmod(DIR_ "/tootheruser", 04755), 0);
	become(USER, 0, NULL);
	/* ruid euid suid fsuid rgid egid sgid fsgid permitted effective ... */
	EXPECT_TRUE(starts_with(run_helper(DIR_ "/suid", "creds"),
				"1000 0 0 0 1000 1000 1000 1000 1ffffffffff 1ffffffffff "));
	EXPECT_EQ(strcmp(run_helper(DIR_ "/suid", "aux"), "1 1000 0 1000 1000"), 0);
	EXPECT_TRUE(starts_with(run_helper(DIR_ "/sgid", "creds"),
				"1000 1000 1000 1000 1000 1234 1234 1234 0 0 "));
	EXPECT_EQ(strcmp(run_helper(DIR_ "/sgid", "aux"), "1 1000 1000 1000 1234"), 0);
	EXPECT_TRUE(starts_with(run_helper(DIR_ "/tootheruser", "creds"),
				"1000 1001 1001 1001 1000 1000 1000 1000 0 0 "));
	/* A plain program: nothing secure about it. */
	EXPECT_EQ(strcmp(run_helper("/tests/helper", "aux"), "0 1000 1000 1000 1000"), 0);
}

static void write_clears_setuid_as_user(void)
{
	int fd;

	become(USER, 0, NULL);
	fd = open(DIR_ "/sx", O_WRONLY);
	EXPECT_EQ(mode_of(DIR_ "/sx"), 06777);	/* opening is no write */
	EXPECT_EQ(write(fd, "x", 1), 1);
	EXPECT_EQ(mode_of(DIR_ "/sx"), 0777);
	close(fd);
}

/* A write without CAP_FSETID clears setuid and group-executable setgid. */
static void write_clears_setuid(void)
{
	int fd;

	setup();
	make_file(DIR_ "/sx", 06777, 0, 0);
	fd = open(DIR_ "/sx", O_WRONLY);
	EXPECT_EQ(write(fd, "x", 1), 1);	/* root (CAP_FSETID) keeps them */
	close(fd);
	EXPECT_EQ(mode_of(DIR_ "/sx"), 06777);
	ktest_in_child(write_clears_setuid_as_user);
}

/* Root is confined by the capabilities it holds, not by its uid. */
CHILD_CASE(root_without_dac_capabilities_is_confined)
{
	setup();
	make_file(DIR_ "/users", 0600, USER, USER);
	root_with_caps(BIT(CAP_DAC_READ_SEARCH) | BIT(CAP_SETUID));
	EXPECT_EQ(close(open(DIR_ "/users", O_RDONLY)), 0);	/* reading: still */
	EXPECT_ERRNO(open(DIR_ "/users", O_WRONLY), EACCES);
	EXPECT_ERRNO(access(DIR_ "/users", W_OK), EACCES);
	EXPECT_ERRNO(chmod(DIR_ "/users", 0644), EPERM);	/* no CAP_FOWNER */
	EXPECT_ERRNO(chown(DIR_ "/users", 0, 0), EPERM);	/* no CAP_CHOWN */
	root_with_caps(BIT(CAP_SETUID));
	EXPECT_ERRNO(open(DIR_ "/users", O_RDONLY), EACCES);
	EXPECT_EQ(close(open(DIR_ "/secret", O_RDWR)), 0);	/* its own files */
	EXPECT_EQ(close(open(DIR_ "/closed/inside", O_RDONLY)), 0);
}

static pid_t root_child;

static void signal_as_user(void)
{
	become(USER, 0, NULL);
	EXPECT_ERRNO(kill(root_child, SIGTERM), EPERM);
	EXPECT_ERRNO(kill(root_child, 0), EPERM);
	EXPECT_ERRNO(kill(1, SIGTERM), EPERM);
	EXPECT_ERRNO(kill(-root_child, 0), EPERM);	/* a group of root's only */
	EXPECT_EQ(kill(root_child, SIGCONT), 0);	/* same session */
	EXPECT_EQ(kill(getpid(), 0), 0);
	EXPECT_EQ(kill(-1, 0), 0);			/* -1 never reports EPERM */
	EXPECT_ERRNO(syscall(SYS_setuid, 0), EPERM);
}

/* CAP_KILL, not uid 0, is what lets a process signal anyone. */
static void signal_with_and_without_cap_kill(void)
{
	EXPECT_EQ(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0), 0);
	EXPECT_EQ(syscall(SYS_setresuid, OTHER, OTHER, OTHER), 0);
	root_with_caps(BIT(CAP_KILL));
	EXPECT_EQ(kill(root_child, 0), 0);
	root_with_caps(0);
	EXPECT_ERRNO(kill(root_child, 0), EPERM);
}

static void user_cannot_signal_others(void)
{
	int status = -1;

	root_child = fork();
	if (root_child == 0) {
		for (;;)
			pause();
	}
	EXPECT_EQ(setpgid(root_child, root_child), 0);
	ktest_in_child(signal_as_user);
	ktest_in_child(signal_with_and_without_cap_kill);
	EXPECT_EQ(kill(root_child, SIGKILL), 0);
	EXPECT_EQ(waitpid(root_child, &status, 0), root_child);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/*
 * /proc/<pid> belongs to the process; its exe link needs ptrace access.
 * (The root process looked at is the parent, not init: its /proc entries
 * go when it is reaped, so the runner's memory check stays exact.)
 */
CHILD_CASE(proc_of_other_users)
{
	char buf[64], link[64];
	struct stat st;

	become(USER, 0, NULL);
	snprintf(buf, sizeof(buf), "/proc/%d/exe", getppid());
	EXPECT_ERRNO(readlink(buf, link, sizeof(link)), EACCES);
	EXPECT_TRUE(readlink("/proc/self/exe", link, sizeof(link)) > 0);
	snprintf(buf, sizeof(buf), "/proc/%d", getppid());
	EXPECT_EQ(stat(buf, &st), 0);
	EXPECT_EQ(st.st_uid, 0);
	snprintf(buf, sizeof(buf), "/proc/%d/status", getppid());
	EXPECT_EQ(close(open(buf, O_RDONLY)), 0);	/* world-readable */
	snprintf(buf, sizeof(buf), "/proc/%d", getpid());
	EXPECT_EQ(stat(buf, &st), 0);
	EXPECT_EQ(st.st_uid, USER);
}

static void cleanup(void)
{
	remove_tree(DIR_);
	EXPECT_ERRNO(access(DIR_, F_OK), ENOENT);
}

KTEST_MAIN("user_perms",
	   KTEST(new_files_get_owner_and_umask),
	   KTEST(umask_is_inherited),
	   KTEST(user_files_belong_to_user),
	   KTEST(setgid_directory_passes_on_its_group),
	   KTEST(root_chown_clears_setuid),
	   KTEST(user_may_not_chown),
	   KTEST(user_may_chmod_only_own_files),
	   KTEST(chmod_outside_group_drops_setgid),
	   KTEST(user_cannot_read_or_write_root_files),
	   KTEST(search_permission_on_every_step),
	   KTEST(user_cannot_change_root_directories),
	   KTEST(links_to_others_files_need_read_write),
	   KTEST(sticky_directory_protects_others_files),
	   KTEST(access_uses_real_ids),
	   KTEST(exec_needs_x_on_a_regular_file),
	   KTEST(setuid_exec_gives_owner_ids),
	   KTEST(write_clears_setuid),
	   KTEST(root_without_dac_capabilities_is_confined),
	   KTEST(user_cannot_signal_others),
	   KTEST(proc_of_other_users),
	   KTEST(cleanup));
