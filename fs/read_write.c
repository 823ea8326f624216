// SPDX-License-Identifier: GPL-2.0-only
/*
 * read, write and lseek. Kernel buffers reach drivers only through
 * ->read_iter/->write_iter with an ITER_KVEC iov_iter; ->read/->write only
 * ever see user pointers (Documentation/filesystems/vfs.rst).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <linux/file.h>
#include <linux/syscalls.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/signal.h>

/*
 * A transfer of @count bytes at *@ppos: -EINVAL for a negative count, a
 * negative position or one whose end passes the largest loff_t (Linux
 * checks the end before clamping count to MAX_RW_COUNT).
 */
static int rw_verify_area(struct file *file, const loff_t *ppos, size_t count)
{
	loff_t pos;

	if ((ssize_t)count < 0)
		return -EINVAL;
	if (!ppos)
		return (file->f_mode & FMODE_STREAM) ? 0 : -EINVAL;
	pos = *ppos;
	if (file->f_mode & FMODE_UNSIGNED_OFFSET)
		return 0;
	if (pos < 0 || (loff_t)((u64)pos + count) < 0)
		return -EINVAL;
	return 0;
}

static void init_sync_kiocb(struct kiocb *kiocb, struct file *file, const loff_t *ppos)
{
	kiocb->ki_filp = file;
	kiocb->ki_pos = ppos ? *ppos : 0;
	kiocb->ki_flags = (file->f_flags & O_APPEND) ? IOCB_APPEND : 0;
}

static ssize_t call_read_iter(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	struct kiocb kiocb;
	ssize_t ret;

	init_sync_kiocb(&kiocb, file, ppos);
	ret = file->f_op->read_iter(&kiocb, iter);
	if (ret > 0 && ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

static ssize_t call_write_iter(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	struct kiocb kiocb;
	ssize_t ret;

	init_sync_kiocb(&kiocb, file, ppos);
	ret = file->f_op->write_iter(&kiocb, iter);
	if (ret > 0 && ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	int err;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op->read && !file->f_op->read_iter)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	err = rw_verify_area(file, pos, count);
	if (err)
		return err;
	count = min_t(size_t, count, MAX_RW_COUNT);
	if (file->f_op->read)
		return file->f_op->read(file, buf, count, pos);
	iov_iter_ubuf(&iter, ITER_DEST, buf, count);
	return call_read_iter(file, &iter, pos);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	ssize_t ret;
	int err;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write && !file->f_op->write_iter)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	err = rw_verify_area(file, pos, count);
	if (err)
		return err;
	count = min_t(size_t, count, MAX_RW_COUNT);
	if (file->f_op->write) {
		ret = file->f_op->write(file, buf, count, pos);
	} else {
		iov_iter_ubuf(&iter, ITER_SOURCE, (__force void __user *)buf, count);
		ret = call_write_iter(file, &iter, pos);
	}
	if (ret > 0 && S_ISREG(file_inode(file)->i_mode))
		file_update_time(file);
	return ret;
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct kvec iov;
	struct iov_iter iter;
	int err;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op->read_iter)
		return -EINVAL;
	err = rw_verify_area(file, pos, count);
	if (err)
		return err;
	iov.iov_base = buf;
	iov.iov_len = min_t(size_t, count, MAX_RW_COUNT);
	iov_iter_kvec(&iter, ITER_DEST, &iov, 1, iov.iov_len);
	return call_read_iter(file, &iter, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct kvec iov;
	struct iov_iter iter;
	ssize_t ret;
	int err;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write_iter)
		return -EINVAL;
	err = rw_verify_area(file, pos, count);
	if (err)
		return err;
	iov.iov_base = (void *)buf;
	iov.iov_len = min_t(size_t, count, MAX_RW_COUNT);
	iov_iter_kvec(&iter, ITER_SOURCE, &iov, 1, iov.iov_len);
	ret = call_write_iter(file, &iter, pos);
	if (ret > 0 && S_ISREG(file_inode(file)->i_mode))
		file_update_time(file);
	return ret;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK) || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	if (offset < 0 && !(file->f_mode & FMODE_UNSIGNED_OFFSET))
		return -EINVAL;
	if (offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof)
{
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_END:
		if (offset > 0 && eof > LLONG_MAX - offset)
			return -EINVAL;
		offset += eof;
		break;
	case SEEK_CUR:
		if (offset == 0)
			return file->f_pos;
		if (offset > 0 && file->f_pos > LLONG_MAX - offset)
			return -EINVAL;
		offset += file->f_pos;
		break;
	case SEEK_DATA:
		/* Everything up to eof is data. */
		if ((unsigned long long)offset >= eof)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		/* One virtual hole, at the end of the file. */
		if ((unsigned long long)offset >= eof)
			return -ENXIO;
		offset = eof;
		break;
	default:
		return -EINVAL;
	}
	return vfs_setpos(file, offset, maxsize);
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);

	return generic_file_llseek_size(file, offset, whence, inode->i_sb->s_maxbytes,
					i_size_read(inode));
}

loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size)
{
	switch (whence) {
	case SEEK_SET:
	case SEEK_CUR:
	case SEEK_END:
		return generic_file_llseek_size(file, offset, whence, size, size);
	default:
		return -EINVAL;
	}
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

/* --- System calls ------------------------------------------------------ */

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = vfs_read(f, buf, count, (f->f_mode & FMODE_STREAM) ? NULL : &f->f_pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = vfs_write(f, buf, count, (f->f_mode & FMODE_STREAM) ? NULL : &f->f_pos);
	fput(f);
	return ret;
}

ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos)
{
	struct file *f = fget(fd);
	ssize_t ret = -ESPIPE;

	if (!f)
		return -EBADF;
	if (pos < 0)
		ret = -EINVAL;
	else if (f->f_mode & FMODE_PREAD)
		ret = vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos)
{
	struct file *f = fget(fd);
	ssize_t ret = -ESPIPE;

	if (!f)
		return -EBADF;
	if (pos < 0)
		ret = -EINVAL;
	else if (f->f_mode & FMODE_PWRITE)
		ret = vfs_write(f, buf, count, &pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return ksys_pread64(fd, buf, count, pos);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	return ksys_pwrite64(fd, buf, count, pos);
}

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV 1024

/*
 * readv/writev and their positional forms: one transfer per segment,
 * stopping at the first short one. @pos: where to transfer (the file
 * position is left alone), or NULL for the file position.
 */
static ssize_t do_rw_vec(unsigned int fd, const struct iovec __user *vec,
			 unsigned long vlen, loff_t *pos, bool write)
{
	struct file *f;
	ssize_t total = 0, ret = 0;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (pos && !(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))) {
		ret = -ESPIPE;
		goto out;
	}
	/* Validate the whole vector first, as Linux does. */
	for (unsigned long i = 0; i < vlen; i++) {
		struct iovec iov;

		if (copy_from_user(&iov, vec + i, sizeof(iov))) {
			ret = -EFAULT;
			goto out;
		}
		if ((ssize_t)iov.iov_len < 0) {
			ret = -EINVAL;
			goto out;
		}
		/* Linux: every segment must be user memory; so the sum cannot overflow. */
		if (!access_ok(iov.iov_base, iov.iov_len)) {
			ret = -EFAULT;
			goto out;
		}
	}
	for (unsigned long i = 0; i < vlen; i++) {
		struct iovec iov;
		loff_t *ppos = pos ? pos : (f->f_mode & FMODE_STREAM) ? NULL : &f->f_pos;

		if (copy_from_user(&iov, vec + i, sizeof(iov))) {
			ret = -EFAULT;
			break;
		}
		if (!iov.iov_len)
			continue;
		ret = write ? vfs_write(f, iov.iov_base, iov.iov_len, ppos) :
			      vfs_read(f, iov.iov_base, iov.iov_len, ppos);
		if (ret < 0)
			break;
		total += ret;
		if ((size_t)ret < iov.iov_len)
			break;
	}
out:
	fput(f);
	return total ? total : ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rw_vec(fd, vec, vlen, NULL, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rw_vec(fd, vec, vlen, NULL, true);
}

#define RWF_HIPRI	0x01
#define RWF_DSYNC	0x02
#define RWF_SYNC	0x04
#define RWF_NOWAIT	0x08
#define RWF_APPEND	0x10
#define RWF_SUPPORTED	(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND)

/*
 * preadv, pwritev and the "2" forms: on 64-bit the position is pos_l alone.
 * For the "2" forms a position of -1 means the file position; the flags
 * HIPRI, DSYNC, SYNC and NOWAIT change nothing here (writes are
 * synchronous, nothing blocks on a device), APPEND writes at the end.
 */
static ssize_t do_prw_vec(unsigned long fd, const struct iovec __user *vec,
			  unsigned long vlen, loff_t pos, int flags, bool v2, bool write)
{
	if (flags & ~RWF_SUPPORTED)
		return -EOPNOTSUPP;
	if (v2 && pos == -1 && !(write && (flags & RWF_APPEND)))
		return do_rw_vec(fd, vec, vlen, NULL, write);
	if (pos < 0 && pos != -1)
		return -EINVAL;
	if (pos == -1 && !v2)
		return -EINVAL;
	if (write && (flags & RWF_APPEND)) {
		struct file *f = fget(fd);

		if (!f)
			return -EBADF;
		pos = i_size_read(file_inode(f));
		fput(f);
	}
	return do_rw_vec(fd, vec, vlen, &pos, write);
}

/*
 * The position of the p*v calls comes in two registers, low and high
 * halves of a long each (Linux's pos_from_hilo()): where long is 64 bits
 * the low one holds it all.
 */
static loff_t pos_from_hilo(unsigned long high, unsigned long low)
{
	return (loff_t)((((u64)high << (4 * sizeof(long))) << (4 * sizeof(long))) | low);
}

SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return do_prw_vec(fd, vec, vlen, pos_from_hilo(pos_h, pos_l), 0, false, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return do_prw_vec(fd, vec, vlen, pos_from_hilo(pos_h, pos_l), 0, false, true);
}

SYSCALL_DEFINE6(preadv2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h, int, flags)
{
	return do_prw_vec(fd, vec, vlen, pos_from_hilo(pos_h, pos_l), flags, true, false);
}

SYSCALL_DEFINE6(pwritev2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h, int, flags)
{
	return do_prw_vec(fd, vec, vlen, pos_from_hilo(pos_h, pos_l), flags, true, true);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t ret;

	if (!f)
		return -EBADF;
	ret = whence > SEEK_MAX ? -EINVAL : vfs_llseek(f, offset, whence);
	fput(f);
	return ret;
}

/*
 * _llseek: the offset in two halves, the new position stored at @result
 * (32-bit ABIs; powerpc64's glibc uses it too, having the number).
 */
SYSCALL_DEFINE5(llseek, unsigned int, fd, unsigned long, offset_high,
		unsigned long, offset_low, loff_t __user *, result, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t ret;

	if (!f)
		return -EBADF;
	ret = whence > SEEK_MAX ? -EINVAL :
	      vfs_llseek(f, (loff_t)(((u64)offset_high << 32) | (u32)offset_low), whence);
	fput(f);
	if (ret < 0)
		return ret;
	return put_user(ret, result) ? -EFAULT : 0;
}

/* sendfile: copy through a kernel buffer (no page-cache splicing). */
SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	struct file *in = fget(in_fd), *out = fget(out_fd);
	loff_t pos = 0, *ppos;
	ssize_t done = 0, ret = 0;
	char *buf = NULL;

	if (!in || !out) {
		ret = -EBADF;
		goto out;
	}
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE)) {
		ret = -EBADF;
		goto out;
	}
	/*
	 * Both sides must take kernel buffers (->read_iter/->write_iter).
	 * Checked before anything is read, so a caller falling back to
	 * read()/write() on -EINVAL (busybox does) loses nothing.
	 */
	if (!in->f_op->read_iter || !out->f_op->write_iter) {
		ret = -EINVAL;
		goto out;
	}
	/* Linux: a negative count, or an O_APPEND output, is -EINVAL. */
	if ((ssize_t)count < 0 || (out->f_flags & O_APPEND)) {
		ret = -EINVAL;
		goto out;
	}
	if (offset) {
		if (copy_from_user(&pos, offset, sizeof(pos))) {
			ret = -EFAULT;
			goto out;
		}
		if (pos < 0) {
			ret = -EINVAL;
			goto out;
		}
		ppos = &pos;
	} else {
		ppos = (in->f_mode & FMODE_STREAM) ? NULL : &in->f_pos;
	}
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out;
	}
	count = min_t(size_t, count, MAX_RW_COUNT);
	while ((size_t)done < count) {
		size_t n = min_t(size_t, count - done, PAGE_SIZE);
		ssize_t r = kernel_read(in, buf, n, ppos), w;

		if (r <= 0) {
			ret = r;
			break;
		}
		w = kernel_write(out, buf, r, (out->f_mode & FMODE_STREAM) ? NULL : &out->f_pos);
		if (w < 0) {
			ret = w;
			break;
		}
		done += w;
		if (w < r || signal_pending(current))
			break;
	}
	if (offset && put_user(pos, offset))
		ret = -EFAULT;
out:
	kfree(buf);
	if (in)
		fput(in);
	if (out)
		fput(out);
	return done ? done : ret;
}
