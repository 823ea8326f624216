// SPDX-License-Identifier: GPL-2.0-only
/*
 * Disk throughput and latency (make bench, scripts/bench_disk.py): the same
 * static binary on Ferrite and on Linux in the same QEMU with the same
 * virtio-blk image. Prints "name value unit" lines.
 *
 *	diskbench DEVICE MIB
 *
 * Writes MIB MiB sequentially and reads them back, in 128 KiB and in
 * 1 MiB blocks (as dd bs=128k / bs=1M would), then reads 4 KiB blocks at
 * distinct scattered places. The same way on both kernels, through the
 * block device's cache: a write phase ends with fsync() (the data is on
 * the device) and every read phase starts after BLKFLSBUF (written back
 * and dropped from the cache), so every byte read comes from the device.
 * The random reads are announced with POSIX_FADV_RANDOM, so that Linux
 * does not read ahead around them (Ferrite never does).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* _IO(0x12, 97): powerpc's _IO() has a direction of its own, _IOC_NONE = 1. */
#ifdef __powerpc__
#define BLKFLSBUF	0x20001261
#else
#define BLKFLSBUF	0x1261
#endif
#define RAND_READS	1000
#define RAND_SPREAD	7919	/* a prime: i * SPREAD % n visits distinct blocks */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* Drop the device's cache: the next reads come from the device. */
static void drop_cache(int fd)
{
	if (ioctl(fd, BLKFLSBUF, 0))
		die("BLKFLSBUF");
}

/* Write then read @total bytes in @bs blocks; print both rates in MiB/s. */
static void sequential(int fd, char *buf, size_t bs, size_t total)
{
	char name[32];
	double t;

	for (size_t i = 0; i < bs; i++)
		buf[i] = (char)(i * 7 + bs);
	drop_cache(fd);
	t = now_s();
	for (size_t off = 0; off < total; off += bs)
		if (pwrite(fd, buf, bs, off) != (ssize_t)bs)
			die("pwrite");
	if (fsync(fd))
		die("fsync");
	t = now_s() - t;
	snprintf(name, sizeof(name), "seq_write_%zuk", bs >> 10);
	printf("%s %.2f MiB/s\n", name, total / t / (1 << 20));

	drop_cache(fd);
	t = now_s();
	for (size_t off = 0; off < total; off += bs)
		if (pread(fd, buf, bs, off) != (ssize_t)bs)
			die("pread");
	t = now_s() - t;
	snprintf(name, sizeof(name), "seq_read_%zuk", bs >> 10);
	printf("%s %.2f MiB/s\n", name, total / t / (1 << 20));
}

/* Mean time of one 4 KiB read at a place not read before, in us. */
static void random_reads(int fd, char *buf, size_t total)
{
	size_t nblocks = total / 4096;
	double t;

	drop_cache(fd);
	posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);	/* advice: its failure is harmless */
	t = now_s();
	for (size_t i = 0; i < RAND_READS; i++)
		if (pread(fd, buf, 4096, (i * RAND_SPREAD % nblocks) * 4096) != 4096)
			die("pread");
	t = now_s() - t;
	printf("rand_read_4k %.2f us\n", t / RAND_READS * 1e6);
}

int main(int argc, char **argv)
{
	size_t total, sizes[] = { 128 << 10, 1 << 20 };
	char *buf;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: diskbench DEVICE MIB\n");
		return 2;
	}
	total = (size_t)atoi(argv[2]) << 20;
	fd = open(argv[1], O_RDWR);
	if (fd < 0)
		die(argv[1]);
	buf = malloc(1 << 20);
	if (!buf)
		die("malloc");
	for (int i = 0; i < 2; i++)
		sequential(fd, buf, sizes[i], total);
	if (total >= RAND_READS * 4096)
		random_reads(fd, buf, total);
	close(fd);
	return 0;
}
