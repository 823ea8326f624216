// SPDX-License-Identifier: GPL-2.0-only
/*
 * File system calls on the ramfs root: open/read/write/lseek, the stat
 * family, directories, links, renames, descriptors, truncation, and
 * EFAULT for bad pointers.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include "ktest.h"

/* struct statx (musl 1.2.3 has no wrapper). */
struct kstatx {
	unsigned int stx_mask, stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink, stx_uid, stx_gid;
	unsigned short stx_mode, pad;
	unsigned long long stx_ino, stx_size, rest[26];
};

#define DIR_ "/tmp/files"

static void setup_dir(void)
{
	mkdir(DIR_, 0755);
}

static void open_read_write_seek(void)
{
	char buf[64] = { 0 };
	int fd;

	setup_dir();
	fd = open(DIR_ "/a", O_CREAT | O_RDWR | O_TRUNC, 0644);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(write(fd, "hello world", 11), 11);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 11);
	EXPECT_EQ(lseek(fd, 6, SEEK_SET), 6);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 5);
	EXPECT_EQ(memcmp(buf, "world", 5), 0);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);		/* end of file */
	EXPECT_EQ(pread(fd, buf, 5, 0), 5);
	EXPECT_EQ(memcmp(buf, "hello", 5), 0);
	EXPECT_EQ(pwrite(fd, "J", 1, 0), 1);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 11);
	EXPECT_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_ERRNO(lseek(fd, 0, 99), EINVAL);
	EXPECT_EQ(close(fd), 0);
	EXPECT_ERRNO(close(fd), EBADF);

	fd = open(DIR_ "/a", O_WRONLY | O_APPEND);
	EXPECT_EQ(write(fd, "!", 1), 1);
	close(fd);
	fd = open(DIR_ "/a", O_RDONLY);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 12);
	EXPECT_EQ(memcmp(buf, "Jello world!", 12), 0);
	EXPECT_ERRNO(write(fd, "x", 1), EBADF);
	close(fd);
	EXPECT_ERRNO(open(DIR_ "/a", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	EXPECT_ERRNO(open(DIR_ "/missing", O_RDONLY), ENOENT);
	EXPECT_ERRNO(open(DIR_ "/a/b", O_RDONLY), ENOTDIR);
	EXPECT_ERRNO(open(DIR_, O_WRONLY), EISDIR);
	EXPECT_ERRNO(open(DIR_ "/a", O_RDONLY | O_DIRECTORY), ENOTDIR);
}

static void open_bad_pointers(void)
{
	char buf[16];
	int fd = open(DIR_ "/a", O_RDONLY);

	EXPECT_ERRNO(open(BAD_NULL, O_RDONLY), EFAULT);
	EXPECT_ERRNO(open(BAD_KERNEL, O_RDONLY), EFAULT);
	EXPECT_ERRNO(open(BAD_UNMAPPED, O_RDONLY), EFAULT);
	EXPECT_ERRNO(read(fd, BAD_NULL, 4), EFAULT);
	EXPECT_ERRNO(read(fd, BAD_KERNEL, 4), EFAULT);
	EXPECT_ERRNO(read(fd, BAD_UNMAPPED, 4), EFAULT);
	EXPECT_ERRNO(pread(fd, BAD_UNMAPPED, 4, 0), EFAULT);
	EXPECT_ERRNO(syscall(SYS_readv, fd, BAD_UNMAPPED, 1), EFAULT);
	EXPECT_EQ(read(fd, buf, 4), 4);		/* still usable */
	close(fd);
}

static void stat_family(void)
{
	struct stat st;
	int fd = open(DIR_ "/a", O_RDONLY);

	EXPECT_EQ(stat(DIR_ "/a", &st), 0);
	EXPECT_TRUE(S_ISREG(st.st_mode));
	EXPECT_EQ(st.st_mode & 07777, 0644 & ~022);
	EXPECT_EQ(st.st_size, 12);
	EXPECT_EQ(st.st_nlink, 1);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 12);
	EXPECT_EQ(stat(DIR_, &st), 0);
	EXPECT_TRUE(S_ISDIR(st.st_mode));
	EXPECT_EQ(stat("/dev/null", &st), 0);
	EXPECT_TRUE(S_ISCHR(st.st_mode));
	EXPECT_EQ(major(st.st_rdev), 1);
	EXPECT_EQ(minor(st.st_rdev), 3);
	EXPECT_EQ(fstatat(AT_FDCWD, DIR_ "/a", &st, 0), 0);
	EXPECT_EQ(fstatat(fd, "", &st, AT_EMPTY_PATH), 0);
	EXPECT_EQ(st.st_size, 12);
	EXPECT_ERRNO(stat(DIR_ "/nope", &st), ENOENT);
#ifdef SYS_stat
	EXPECT_ERRNO(syscall(SYS_stat, BAD_NULL, &st), EFAULT);
	EXPECT_ERRNO(syscall(SYS_stat, DIR_ "/a", BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(syscall(SYS_lstat, DIR_ "/a", BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(syscall(SYS_stat, DIR_ "/a", BAD_UNMAPPED), EFAULT);
#endif
	EXPECT_ERRNO(syscall(SYS_newfstatat, AT_FDCWD, BAD_NULL, &st, 0), EFAULT);
	EXPECT_ERRNO(syscall(SYS_newfstatat, AT_FDCWD, DIR_ "/a", BAD_KERNEL, 0), EFAULT);
	EXPECT_ERRNO(syscall(SYS_newfstatat, AT_FDCWD, DIR_ "/a", BAD_KERNEL,
			     AT_SYMLINK_NOFOLLOW), EFAULT);
	EXPECT_ERRNO(syscall(SYS_newfstatat, AT_FDCWD, DIR_ "/a", BAD_NULL, 0), EFAULT);
	EXPECT_ERRNO(syscall(SYS_newfstatat, AT_FDCWD, DIR_ "/a", BAD_UNMAPPED, 0), EFAULT);
	EXPECT_ERRNO(syscall(SYS_fstat, fd, BAD_NULL), EFAULT);
	EXPECT_ERRNO(fstat(99, &st), EBADF);
	{
		struct kstatx stx;

		EXPECT_EQ(syscall(SYS_statx, AT_FDCWD, DIR_ "/a", 0, 0x7ff, &stx), 0);
		EXPECT_EQ(stx.stx_size, 12);
		EXPECT_TRUE(S_ISREG(stx.stx_mode));
		EXPECT_ERRNO(syscall(SYS_statx, AT_FDCWD, DIR_ "/a", 0, 0x7ff, BAD_KERNEL), EFAULT);
	}
	close(fd);
}

static void directories(void)
{
	char cwd[PATH_MAX];
	int count = 0, fd;
	DIR *d;
	struct dirent *e;

	EXPECT_EQ(mkdir(DIR_ "/sub", 0755), 0);
	EXPECT_ERRNO(mkdir(DIR_ "/sub", 0755), EEXIST);
	EXPECT_EQ(close(open(DIR_ "/sub/f1", O_CREAT | O_WRONLY, 0644)), 0);
	EXPECT_EQ(close(open(DIR_ "/sub/f2", O_CREAT | O_WRONLY, 0644)), 0);
	EXPECT_EQ(chdir(DIR_ "/sub"), 0);
	EXPECT_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	EXPECT_EQ(strcmp(cwd, DIR_ "/sub"), 0);
	EXPECT_EQ(access("f1", F_OK), 0);		/* relative to the new cwd */
	EXPECT_ERRNO(syscall(SYS_getcwd, cwd, 3), ERANGE);
	EXPECT_ERRNO(syscall(SYS_getcwd, BAD_KERNEL, 100), EFAULT);
	d = opendir(".");
	EXPECT_TRUE(d != NULL);
	while (d && (e = readdir(d)))
		count++;
	if (d)
		closedir(d);
	EXPECT_EQ(count, 4);			/* ., .., f1, f2 */
	fd = open(".", O_RDONLY | O_DIRECTORY);
	EXPECT_ERRNO(syscall(SYS_getdents64, fd, BAD_UNMAPPED, 1024), EFAULT);
	EXPECT_ERRNO(syscall(SYS_getdents64, fd, cwd, 4), EINVAL);
	EXPECT_EQ(chdir("/"), 0);
	EXPECT_EQ(fchdir(fd), 0);
	EXPECT_TRUE(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, DIR_ "/sub"));
	EXPECT_EQ(openat(fd, "f1", O_RDONLY) >= 0, 1);
	close(fd);
	EXPECT_EQ(chdir(".."), 0);
	EXPECT_ERRNO(rmdir("sub"), ENOTEMPTY);
	EXPECT_EQ(unlink("sub/f1"), 0);
	EXPECT_EQ(unlinkat(AT_FDCWD, "sub/f2", 0), 0);
	EXPECT_ERRNO(unlink("sub"), EISDIR);
	EXPECT_EQ(rmdir("sub"), 0);
	EXPECT_ERRNO(chdir(DIR_ "/a"), ENOTDIR);
	EXPECT_ERRNO(chdir(BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(mkdir(BAD_UNMAPPED, 0755), EFAULT);
	EXPECT_EQ(chdir("/"), 0);
}

static void links_and_renames(void)
{
	char buf[64] = { 0 };
	struct stat st;

	EXPECT_EQ(link(DIR_ "/a", DIR_ "/hard"), 0);
	EXPECT_EQ(stat(DIR_ "/a", &st), 0);
	EXPECT_EQ(st.st_nlink, 2);
	EXPECT_EQ(symlink("a", DIR_ "/soft"), 0);
	EXPECT_EQ(lstat(DIR_ "/soft", &st), 0);
	EXPECT_TRUE(S_ISLNK(st.st_mode));
	EXPECT_EQ(stat(DIR_ "/soft", &st), 0);
	EXPECT_TRUE(S_ISREG(st.st_mode));
	EXPECT_EQ(readlink(DIR_ "/soft", buf, sizeof(buf)), 1);
	EXPECT_EQ(buf[0], 'a');
	EXPECT_ERRNO(readlink(DIR_ "/a", buf, sizeof(buf)), EINVAL);
	EXPECT_ERRNO(syscall(SYS_readlinkat, AT_FDCWD, DIR_ "/soft", BAD_KERNEL, 10), EFAULT);
	EXPECT_ERRNO(open(DIR_ "/soft", O_RDONLY | O_NOFOLLOW), ELOOP);
	EXPECT_EQ(symlink("loop", DIR_ "/loop"), 0);
	EXPECT_ERRNO(open(DIR_ "/loop", O_RDONLY), ELOOP);
	EXPECT_EQ(rename(DIR_ "/hard", DIR_ "/renamed"), 0);
	EXPECT_ERRNO(stat(DIR_ "/hard", &st), ENOENT);
	EXPECT_EQ(stat(DIR_ "/renamed", &st), 0);
	EXPECT_EQ(st.st_size, 12);
	EXPECT_ERRNO(rename(DIR_ "/nope", DIR_ "/x"), ENOENT);
	EXPECT_ERRNO(rename(BAD_NULL, DIR_ "/x"), EFAULT);
	EXPECT_ERRNO(link(DIR_, DIR_ "/dirlink"), EPERM);
	EXPECT_EQ(unlink(DIR_ "/renamed"), 0);
	EXPECT_EQ(unlink(DIR_ "/soft"), 0);
	EXPECT_EQ(unlink(DIR_ "/loop"), 0);
	EXPECT_EQ(stat(DIR_ "/a", &st), 0);
	EXPECT_EQ(st.st_nlink, 1);
	/* An open file outlives its name. */
	{
		int fd = open(DIR_ "/a", O_RDONLY);

		EXPECT_EQ(unlink(DIR_ "/a"), 0);
		EXPECT_EQ(read(fd, buf, 5), 5);
		close(fd);
	}
}

static void descriptors(void)
{
	int fd = open("/dev/null", O_RDWR), d;

	d = dup(fd);
	EXPECT_TRUE(d > fd);
	EXPECT_EQ(dup2(fd, 20), 20);
	EXPECT_EQ(dup2(20, 20), 20);
	EXPECT_EQ(dup3(fd, 21, O_CLOEXEC), 21);
	EXPECT_EQ(fcntl(21, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(fcntl(20, F_GETFD), 0);
	EXPECT_ERRNO(dup3(fd, fd, 0), EINVAL);
	EXPECT_ERRNO(dup2(99, 5), EBADF);
	EXPECT_EQ(fcntl(fd, F_DUPFD, 30), 30);
	EXPECT_EQ(fcntl(fd, F_DUPFD_CLOEXEC, 30), 31);
	EXPECT_EQ(fcntl(31, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(fcntl(30, F_SETFD, FD_CLOEXEC), 0);
	EXPECT_EQ(fcntl(30, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
	EXPECT_EQ(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
	EXPECT_TRUE(fcntl(fd, F_GETFL) & O_NONBLOCK);
	EXPECT_ERRNO(fcntl(99, F_GETFD), EBADF);
	for (int i = 20; i < 32; i++)
		close(i);
	close(d);
	close(fd);
}

static void truncation(void)
{
	struct stat st;
	int fd = open(DIR_ "/t", O_CREAT | O_RDWR | O_TRUNC, 0600);

	EXPECT_EQ(write(fd, "0123456789", 10), 10);
	EXPECT_EQ(ftruncate(fd, 4), 0);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 4);
	EXPECT_EQ(truncate(DIR_ "/t", 8192), 0);
	EXPECT_EQ(stat(DIR_ "/t", &st), 0);
	EXPECT_EQ(st.st_size, 8192);
	EXPECT_ERRNO(ftruncate(fd, -1), EINVAL);
	EXPECT_ERRNO(truncate(DIR_, 0), EISDIR);
	EXPECT_ERRNO(truncate(BAD_KERNEL, 0), EFAULT);
	close(fd);
	fd = open(DIR_ "/t", O_RDONLY);
	EXPECT_ERRNO(ftruncate(fd, 0), EINVAL);
	close(fd);
	EXPECT_EQ(unlink(DIR_ "/t"), 0);
	EXPECT_EQ(access("/tests/helper", X_OK), 0);
	EXPECT_ERRNO(access("/nope", F_OK), ENOENT);
	EXPECT_ERRNO(access(BAD_UNMAPPED, F_OK), EFAULT);
	EXPECT_EQ(rmdir(DIR_), 0);
}

KTEST_MAIN("user_files",
	   KTEST(open_read_write_seek), KTEST(open_bad_pointers), KTEST(stat_family),
	   KTEST(directories), KTEST(links_and_renames), KTEST(descriptors), KTEST(truncation))
