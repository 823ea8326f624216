// SPDX-License-Identifier: GPL-2.0-only
/*
 * mount(2), umount2(2), statfs(2), sync(2) and syncfs(2) as a program sees
 * them: a tmpfs mounted, used, listed in /proc/self/mounts and unmounted;
 * the errno of each refusal as Linux 6.1 gives it (ENOENT, ENODEV, EFAULT,
 * EINVAL, EBUSY for an open file and for a working directory inside,
 * EPERM without CAP_SYS_ADMIN, EROFS after remounting read-only, EXDEV
 * between mounts); bind mounts and lazy unmounts.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <stdint.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include "ktest.h"

#define DIR_A	"/tmp/mount_a"
#define DIR_B	"/tmp/mount_b"
#define TMPFS_MAGIC	0x01021994
#define PROC_SUPER_MAGIC 0x9fa0

/*
 * Whether /proc/self/mounts has a line starting with @start ("source dir
 * type rw"), followed by more options (Linux: ",relatime") or the end.
 */
static int mounts_has(const char *start)
{
	size_t len = strlen(start);
	char buf[256];
	FILE *f = fopen("/proc/self/mounts", "r");
	int found = 0;

	if (!f)
		return -1;
	while (fgets(buf, sizeof(buf), f))
		found |= !strncmp(buf, start, len) && (buf[len] == ',' || buf[len] == ' ');
	fclose(f);
	return found;
}

static void setup(void)
{
	mkdir(DIR_A, 0755);
	mkdir(DIR_B, 0755);
}

/* Leave nothing behind: the runner checks that all memory comes back. */
static void teardown(void)
{
	EXPECT_EQ(rmdir(DIR_A), 0);
	EXPECT_EQ(rmdir(DIR_B), 0);
}

static void mount_use_umount(void)
{
	struct statfs st;
	int fd;

	setup();
	EXPECT_EQ(mount("none", DIR_A, "tmpfs", 0, NULL), 0);
	EXPECT_EQ(mounts_has("none " DIR_A " tmpfs rw"), 1);
	fd = open(DIR_A "/file", O_RDWR | O_CREAT, 0644);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(write(fd, "hello", 5), 5);
	EXPECT_EQ(fstatfs(fd, &st), 0);
	EXPECT_EQ(st.f_type, TMPFS_MAGIC);
	EXPECT_EQ(syncfs(fd), 0);
	close(fd);
	EXPECT_EQ(statfs(DIR_A, &st), 0);
	EXPECT_EQ(st.f_type, TMPFS_MAGIC);
	EXPECT_EQ(statfs("/proc", &st), 0);
	EXPECT_EQ(st.f_type, PROC_SUPER_MAGIC);
	sync();
	EXPECT_EQ(umount(DIR_A), 0);
	EXPECT_EQ(mounts_has("none " DIR_A " tmpfs rw"), 0);
	EXPECT_ERRNO(access(DIR_A "/file", F_OK), ENOENT);
	EXPECT_ERRNO(syncfs(-1), EBADF);
	teardown();
}

static void mount_errors(void)
{
	setup();
	EXPECT_ERRNO(mount("none", "/tmp/no/such/dir", "tmpfs", 0, NULL), ENOENT);
	EXPECT_ERRNO(mount("none", DIR_A, "no-such-type", 0, NULL), ENODEV);
	EXPECT_ERRNO(mount("none", DIR_A, BAD_UNMAPPED, 0, NULL), EFAULT);
	EXPECT_ERRNO(mount(BAD_UNMAPPED, DIR_A, "tmpfs", 0, NULL), EFAULT);
	EXPECT_ERRNO(mount("none", BAD_UNMAPPED, "tmpfs", 0, NULL), EFAULT);
	EXPECT_ERRNO(mount("none", DIR_A, "tmpfs", 0, BAD_UNMAPPED), EFAULT);
	EXPECT_ERRNO(mount("none", DIR_A, NULL, 0, NULL), EINVAL);
	EXPECT_ERRNO(mount(NULL, DIR_A, NULL, MS_REMOUNT, NULL), EINVAL);	/* not a mount */
	EXPECT_ERRNO(umount(DIR_A), EINVAL);
	EXPECT_ERRNO(umount2(DIR_A, 0x100), EINVAL);
	EXPECT_ERRNO(umount(BAD_UNMAPPED), EFAULT);
	EXPECT_ERRNO(umount("/tmp/no/such/dir"), ENOENT);
	teardown();
}

static void umount_busy(void)
{
	int fd;

	setup();
	EXPECT_EQ(mount("none", DIR_A, "tmpfs", 0, NULL), 0);
	fd = open(DIR_A "/f", O_RDWR | O_CREAT, 0644);
	EXPECT_TRUE(fd >= 0);
	EXPECT_ERRNO(umount(DIR_A), EBUSY);
	EXPECT_ERRNO(rmdir(DIR_A), EBUSY);
	EXPECT_ERRNO(rename(DIR_A "/f", "/tmp/mount_f"), EXDEV);
	EXPECT_ERRNO(link(DIR_A "/f", "/tmp/mount_f"), EXDEV);
	close(fd);
	EXPECT_EQ(chdir(DIR_A), 0);
	EXPECT_ERRNO(umount(DIR_A), EBUSY);
	EXPECT_EQ(chdir(".."), 0);	/* up through the mountpoint */
	EXPECT_EQ(access("mount_a/f", F_OK), 0);
	EXPECT_EQ(chdir("/"), 0);
	EXPECT_EQ(umount(DIR_A), 0);
	teardown();
}

static void umount_lazy(void)
{
	char buf[8] = "";
	int fd;

	setup();
	EXPECT_EQ(mount("none", DIR_A, "tmpfs", 0, NULL), 0);
	fd = open(DIR_A "/f", O_RDWR | O_CREAT, 0644);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(umount2(DIR_A, MNT_DETACH), 0);
	EXPECT_ERRNO(access(DIR_A "/f", F_OK), ENOENT);
	EXPECT_EQ(write(fd, "abc", 3), 3);
	EXPECT_EQ(pread(fd, buf, sizeof(buf), 0), 3);
	EXPECT_EQ(strcmp(buf, "abc"), 0);
	close(fd);
	teardown();
}

static void remount_read_only(void)
{
	int fd;

	setup();
	EXPECT_EQ(mount("none", DIR_A, "tmpfs", 0, NULL), 0);
	EXPECT_EQ(mkdir(DIR_A "/d", 0755), 0);
	EXPECT_EQ(mount(NULL, DIR_A, NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
	EXPECT_EQ(mounts_has("none " DIR_A " tmpfs ro"), 1);
	EXPECT_ERRNO(open(DIR_A "/new", O_WRONLY | O_CREAT, 0644), EROFS);
	EXPECT_ERRNO(mkdir(DIR_A "/e", 0755), EROFS);
	EXPECT_ERRNO(rmdir(DIR_A "/d"), EROFS);
	EXPECT_ERRNO(chmod(DIR_A "/d", 0700), EROFS);
	fd = open(DIR_A "/d", O_RDONLY | O_DIRECTORY);
	EXPECT_TRUE(fd >= 0);
	close(fd);
	EXPECT_EQ(mount(NULL, DIR_A, NULL, MS_REMOUNT, NULL), 0);
	EXPECT_EQ(rmdir(DIR_A "/d"), 0);
	EXPECT_EQ(umount(DIR_A), 0);
	/* A new read-only mount. */
	EXPECT_EQ(mount("none", DIR_A, "tmpfs", MS_RDONLY, NULL), 0);
	EXPECT_ERRNO(open(DIR_A "/new", O_WRONLY | O_CREAT, 0644), EROFS);
	EXPECT_EQ(umount(DIR_A), 0);
	teardown();
}

static void bind_mount(void)
{
	setup();
	EXPECT_EQ(mount("none", DIR_A, "tmpfs", 0, NULL), 0);
	EXPECT_EQ(mkdir(DIR_A "/sub", 0755), 0);
	EXPECT_EQ(close(open(DIR_A "/sub/f", O_WRONLY | O_CREAT, 0644)), 0);
	EXPECT_EQ(mount(DIR_A "/sub", DIR_B, NULL, MS_BIND, NULL), 0);
	EXPECT_EQ(access(DIR_B "/f", F_OK), 0);
	/* A mount of its own: the first goes, the super block stays for it. */
	EXPECT_EQ(umount(DIR_A), 0);
	EXPECT_EQ(access(DIR_B "/f", F_OK), 0);
	EXPECT_EQ(umount(DIR_B), 0);
	EXPECT_ERRNO(access(DIR_B "/f", F_OK), ENOENT);
	teardown();
}

static void needs_cap_sys_admin(void)
{
	pid_t pid;
	int status = -1;

	setup();
	EXPECT_EQ(mount("none", DIR_A, "tmpfs", 0, NULL), 0);
	pid = fork();
	if (pid == 0) {
		EXPECT_EQ(syscall(SYS_setresuid, 1000, 1000, 1000), 0);
		EXPECT_ERRNO(mount("none", DIR_B, "tmpfs", 0, NULL), EPERM);
		EXPECT_ERRNO(umount(DIR_A), EPERM);
		fflush(stdout);
		_exit(ktest_case_failed);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(umount(DIR_A), 0);
	teardown();
}

KTEST_MAIN("user_mount",
	   KTEST(mount_use_umount),
	   KTEST(mount_errors),
	   KTEST(umount_busy),
	   KTEST(umount_lazy),
	   KTEST(remount_read_only),
	   KTEST(bind_mount),
	   KTEST(needs_cap_sys_admin));
