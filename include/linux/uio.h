/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct iov_iter: a cursor over a buffer that is either in user space
 * (ITER_UBUF: one __user range) or in the kernel (ITER_KVEC: an array of
 * kernel ranges). ->read_iter()/->write_iter() take one, so the same driver
 * code serves read(2) with a user buffer and kernel_read() with a kernel
 * buffer: the driver calls copy_to_iter()/copy_from_iter() and never looks
 * at the kind.
 *
 * An iterator is a *destination* (ITER_DEST: data goes into it, as for
 * read) or a *source* (ITER_SOURCE: data comes out of it, as for write).
 * All functions here may fault on user memory (never oops: they return a
 * short count); they neither sleep nor allocate unless the fault does.
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/types.h>
#include <linux/compiler_types.h>

struct kvec {
	void *iov_base;
	size_t iov_len;
};

enum iter_type {
	ITER_UBUF,
	ITER_KVEC,
};

#define ITER_SOURCE	1	/* == WRITE: the iterator supplies data */
#define ITER_DEST	0	/* == READ: the iterator receives data */

struct iov_iter {
	u8 iter_type;
	bool data_source;
	size_t iov_offset;	/* offset into the current segment */
	size_t count;		/* bytes left in the whole iterator */
	union {
		void __user *ubuf;		/* ITER_UBUF */
		const struct kvec *kvec;	/* ITER_KVEC: current segment */
	};
	unsigned long nr_segs;	/* ITER_KVEC: segments left, current included */
};

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

static inline bool iter_is_ubuf(const struct iov_iter *i)
{
	return i->iter_type == ITER_UBUF;
}

static inline bool iov_iter_is_kvec(const struct iov_iter *i)
{
	return i->iter_type == ITER_KVEC;
}

/* True if the iterator's memory is in user space. */
static inline bool user_backed_iter(const struct iov_iter *i)
{
	return i->iter_type == ITER_UBUF;
}

/*
 * iov_iter_ubuf() - make @i cover the user range [@buf, @buf + @count).
 * @direction is ITER_DEST (read into it) or ITER_SOURCE (write from it).
 * The range is not checked here: the VFS checks access_ok() before.
 */
void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
		   void __user *buf, size_t count);

/*
 * iov_iter_kvec() - make @i cover @nr_segs kernel ranges @kvec, @count
 * bytes in total. The array must stay valid while @i is used.
 */
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs, size_t count);

/*
 * copy_to_iter() - copy up to @bytes from kernel @addr into the destination
 * iterator @i and advance it. Returns the bytes copied: less than
 * min(@bytes, count) only when user memory faulted.
 */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);

/*
 * copy_from_iter() - copy up to @bytes out of the source iterator @i into
 * kernel @addr and advance it. Returns the bytes copied (short on a fault).
 */
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);

/* Fill up to @bytes of the destination @i with zeroes; returns bytes done. */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);

/* Skip @bytes of @i (at most what is left) without copying. */
void iov_iter_advance(struct iov_iter *i, size_t bytes);

#endif /* _LINUX_UIO_H */
