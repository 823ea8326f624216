// SPDX-License-Identifier: GPL-2.0-only
/* Memory: copy-on-write fork, private file mappings, faults that kill. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "ktest.h"

static int child_status(void (*fn)(void *), void *arg)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return status;
}

static void write_byte(void *p)
{
	*(volatile char *)p = 1;
}

static void fork_copies_on_write(void)
{
	size_t len = 64 * 4096;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	EXPECT_TRUE(p != MAP_FAILED);
	memset(p, 'p', len);
	pid = fork();
	if (pid == 0) {
		for (size_t i = 0; i < len; i += 4096)
			if (p[i] != 'p')
				_exit(1);
		memset(p, 'c', len);
		_exit(p[len - 1] == 'c' ? 0 : 2);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(p[0], 'p');
	EXPECT_EQ(p[len - 1], 'p');
	munmap(p, len);
}

static void file_mapping(void)
{
	int fd = open("/tmp/mapped", O_CREAT | O_RDWR | O_TRUNC, 0644);
	char *p;

	EXPECT_EQ(write(fd, "mapped file contents", 20), 20);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	EXPECT_TRUE(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		EXPECT_EQ(memcmp(p, "mapped file contents", 20), 0);
		EXPECT_EQ(p[20], 0);		/* past the end of file: zeroes */
		p[0] = 'M';			/* private: the file does not change */
		EXPECT_EQ(munmap(p, 8192), 0);
	}
	{
		char c;

		EXPECT_EQ(pread(fd, &c, 1, 0), 1);
		EXPECT_EQ(c, 'm');
	}
	/* A shared mapping writes the file itself. */
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT_TRUE(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		char c;

		p[1] = 'A';
		EXPECT_EQ(pread(fd, &c, 1, 1), 1);
		EXPECT_EQ(c, 'A');
		munmap(p, 4096);
	}
	close(fd);
	unlink("/tmp/mapped");
}

/*
 * write() from, and read() into, a shared mapping of the same file whose
 * pages are not mapped yet: the copy faults while the write or read holds
 * the inode lock, and the fault must not wait for that lock (it did, and
 * hung here).
 */
static void copy_through_own_mapping(void)
{
	char buf[4096], *p;
	int fd = open("/tmp/selfmap", O_RDWR | O_CREAT | O_TRUNC, 0600);

	EXPECT_TRUE(fd >= 0);
	memset(buf, 'a', sizeof(buf));
	EXPECT_EQ(write(fd, buf, sizeof(buf)), 4096);
	memset(buf, 'b', sizeof(buf));
	EXPECT_EQ(write(fd, buf, sizeof(buf)), 4096);
	p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT_TRUE(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		/* Page 0 ('a') written past the end: the copy faults page 0 in. */
		EXPECT_EQ(pwrite(fd, p, 4096, 2 * 4096), 4096);
		EXPECT_EQ(pread(fd, buf, 1, 2 * 4096), 1);
		EXPECT_EQ(buf[0], 'a');
		/* Page 0 read into page 1 ('b'): the copy faults page 1 in. */
		EXPECT_EQ(pread(fd, p + 4096, 4096, 0), 4096);
		EXPECT_EQ(p[4096], 'a');
		EXPECT_EQ(pread(fd, buf, 1, 4096 + 4095), 1);
		EXPECT_EQ(buf[0], 'a');
		munmap(p, 3 * 4096);
	}
	close(fd);
	unlink("/tmp/selfmap");
}

static void faults_kill_with_sigsegv(void)
{
	char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;

	status = child_status(write_byte, p);	/* read-only */
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	munmap(p, 4096);
	status = child_status(write_byte, p);	/* unmapped */
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = child_status(write_byte, BAD_KERNEL);	/* kernel memory */
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
}

static void mprotect_changes_access(void)
{
	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;

	p[0] = 1;
	EXPECT_EQ(mprotect(p, 4096, PROT_READ), 0);
	status = child_status(write_byte, p);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = child_status(write_byte, p + 4096);	/* the other page is still writable */
	EXPECT_EQ(status, 0);
	EXPECT_EQ(mprotect(p, 4096, PROT_READ | PROT_WRITE), 0);
	p[0] = 2;
	EXPECT_EQ(p[0], 2);
	munmap(p, 2 * 4096);
}

static void read_byte(void *p)
{
	(void)*(volatile char *)p;
}

/*
 * PROT_NONE: no access at all from user mode, a read included (as thread
 * stacks' guard pages need), whether the page was made so by mmap() or by
 * mprotect() over a page already touched, whose contents come back with
 * the access. (A kernel copy from such a page is EFAULT on Linux; on
 * x86_64 and riscv64, where the page is a kernel one to the MMU, Ferrite
 * copies it: Documentation/userspace-api/syscalls.rst.)
 */
static void prot_none_has_no_access(void)
{
	char *p = mmap(NULL, 2 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status, fd;

	EXPECT_TRUE(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	status = child_status(read_byte, p);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = child_status(write_byte, p);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	EXPECT_EQ(mprotect(p, 2 * 4096, PROT_READ | PROT_WRITE), 0);
	p[0] = 'x';
	p[4096] = 'y';
	EXPECT_EQ(mprotect(p, 4096, PROT_NONE), 0);
	status = child_status(read_byte, p);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = child_status(read_byte, p + 4096);	/* the other page is still readable */
	EXPECT_EQ(status, 0);
	/* A write into it by the kernel (read() into the buffer) is EFAULT. */
	fd = open("/proc/self/stat", O_RDONLY);
	EXPECT_ERRNO(read(fd, p, 1), EFAULT);
	close(fd);
#if defined(__aarch64__) || defined(__arm__) || defined(__powerpc64__)
	/* A read from it (write() from the buffer) too, where user copies
	 * are made with user mode's rights (ldtr, ldrt) or radix's R bit. */
	{
		int fds[2];

		EXPECT_EQ(pipe(fds), 0);
		EXPECT_ERRNO(write(fds[1], p, 1), EFAULT);
		close(fds[0]);
		close(fds[1]);
	}
#endif
	EXPECT_EQ(mprotect(p, 4096, PROT_READ), 0);
	EXPECT_EQ(p[0], 'x');
	EXPECT_EQ(p[4096], 'y');
	munmap(p, 2 * 4096);
}

static void big_malloc(void)
{
	size_t len = 8 << 20;
	char *p = malloc(len);

	EXPECT_TRUE(p != NULL);
	if (!p)
		return;
	memset(p, 0xa5, len);
	EXPECT_EQ((unsigned char)p[len - 1], 0xa5);
	free(p);
}

/* mremap shrinks, grows in place, or moves the pages (their contents with them). */
static void mremap_moves_pages(void)
{
	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;

	EXPECT_TRUE(p != MAP_FAILED);
	memset(p, 'x', 3 * 4096);
	EXPECT_EQ(munmap(p + 2 * 4096, 4096), 0);
	/* A neighbour blocks growing in place. */
	EXPECT_TRUE(mmap(p + 2 * 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			 -1, 0) == p + 2 * 4096);
	EXPECT_TRUE(mremap(p, 2 * 4096, 8 * 4096, 0) == MAP_FAILED);
	q = mremap(p, 2 * 4096, 8 * 4096, MREMAP_MAYMOVE);
	EXPECT_TRUE(q != MAP_FAILED && q != p);
	if (q != MAP_FAILED) {
		EXPECT_EQ(q[0], 'x');
		EXPECT_EQ(q[2 * 4096 - 1], 'x');
		EXPECT_EQ(q[8 * 4096 - 1], 0);		/* the new part is zero */
		EXPECT_TRUE(mremap(q, 8 * 4096, 4096, 0) == q);	/* shrink */
		EXPECT_EQ(q[10], 'x');
		munmap(q, 4096);
	}
	munmap(p + 2 * 4096, 4096);
	EXPECT_TRUE(mremap(p + 1, 4096, 8192, 0) == MAP_FAILED);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_TRUE(mremap(BAD_UNMAPPED, 4096, 8192, MREMAP_MAYMOVE) == MAP_FAILED);
	EXPECT_EQ(errno, EFAULT);
}

KTEST_MAIN("user_mem",
	   KTEST(fork_copies_on_write), KTEST(file_mapping), KTEST(copy_through_own_mapping),
	   KTEST(faults_kill_with_sigsegv),
	   KTEST(mprotect_changes_access), KTEST(prot_none_has_no_access), KTEST(big_malloc), KTEST(mremap_moves_pages))
