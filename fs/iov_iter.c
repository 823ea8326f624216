// SPDX-License-Identifier: GPL-2.0-only
/*
 * iov_iter: copy to and from a user buffer (ITER_UBUF) or an array of
 * kernel buffers (ITER_KVEC) with one API (<linux/uio.h>). User copies go
 * through copy_to_user()/copy_from_user()/clear_user(), so a bad user
 * address shortens the copy instead of oopsing.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/uaccess.h>

void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
		   void __user *buf, size_t count)
{
	WARN_ON(direction & ~ITER_SOURCE);
	*i = (struct iov_iter) {
		.iter_type = ITER_UBUF,
		.data_source = direction,
		.ubuf = buf,
		.count = count,
	};
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs, size_t count)
{
	WARN_ON(direction & ~ITER_SOURCE);
	*i = (struct iov_iter) {
		.iter_type = ITER_KVEC,
		.data_source = direction,
		.kvec = kvec,
		.nr_segs = nr_segs,
		.count = count,
	};
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	bytes = min(bytes, i->count);
	i->count -= bytes;
	if (i->iter_type == ITER_UBUF) {
		i->iov_offset += bytes;
		return;
	}
	while (i->nr_segs) {
		size_t left = i->kvec->iov_len - i->iov_offset;

		if (bytes < left) {
			i->iov_offset += bytes;
			return;
		}
		bytes -= left;
		i->kvec++;
		i->nr_segs--;
		i->iov_offset = 0;
	}
}

enum kvec_op { KVEC_TO, KVEC_FROM, KVEC_ZERO };

/* Copy between @kaddr and the kvec segments; kernel memory cannot fault. */
static size_t kvec_copy(struct iov_iter *i, void *kaddr, size_t bytes, enum kvec_op op)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes && i->nr_segs) {
		const struct kvec *v = i->kvec;
		size_t n = min(v->iov_len - i->iov_offset, bytes - done);
		char *seg = (char *)v->iov_base + i->iov_offset;

		if (op == KVEC_TO)
			memcpy(seg, (const char *)kaddr + done, n);
		else if (op == KVEC_FROM)
			memcpy((char *)kaddr + done, seg, n);
		else
			memset(seg, 0, n);
		done += n;
		if (n) {
			iov_iter_advance(i, n);
		} else {
			i->kvec++;		/* empty segment */
			i->nr_segs--;
			i->iov_offset = 0;
		}
	}
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	size_t done;

	if (WARN_ON(i->data_source))
		return 0;
	if (i->iter_type == ITER_KVEC)
		return kvec_copy(i, (void *)addr, bytes, KVEC_TO);
	bytes = min(bytes, i->count);
	done = bytes - copy_to_user((char __user *)i->ubuf + i->iov_offset, addr, bytes);
	iov_iter_advance(i, done);
	return done;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	size_t done;

	if (WARN_ON(!i->data_source))
		return 0;
	if (i->iter_type == ITER_KVEC)
		return kvec_copy(i, addr, bytes, KVEC_FROM);
	bytes = min(bytes, i->count);
	done = bytes - copy_from_user(addr, (char __user *)i->ubuf + i->iov_offset, bytes);
	iov_iter_advance(i, done);
	return done;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	size_t done;

	if (WARN_ON(i->data_source))
		return 0;
	if (i->iter_type == ITER_KVEC)
		return kvec_copy(i, NULL, bytes, KVEC_ZERO);
	bytes = min(bytes, i->count);
	done = bytes - clear_user((char __user *)i->ubuf + i->iov_offset, bytes);
	iov_iter_advance(i, done);
	return done;
}
