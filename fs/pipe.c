// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pipes: a 64 KiB ring buffer between a read end and a write end. Reads
 * block while it is empty and a writer exists (then 0: end of file);
 * writes block while it is full and a reader exists, and with no reader
 * left get SIGPIPE and -EPIPE. Writes of at most PIPE_BUF bytes are atomic.
 * O_NONBLOCK gives -EAGAIN instead of blocking. The pipe is freed when the
 * last end is closed.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/wait.h>
#include <asm/ioctls.h>
#include "internal.h"

#define PIPE_ORDER 4
#define PIPE_SIZE (PAGE_SIZE << PIPE_ORDER)
#define PIPE_BUF 4096

struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait, wr_wait;
	unsigned int readers, writers;
	char *buf;
	unsigned int head, len;		/* data: [head, head + len) modulo PIPE_SIZE */
};

/* The pseudo file system pipe inodes belong to. */
static struct super_block pipe_sb = { .s_maxbytes = 0 };

static struct pipe_inode_info *pipe_of(struct file *f)
{
	return f->private_data;
}

static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *f = iocb->ki_filp;
	struct pipe_inode_info *pipe = pipe_of(f);
	size_t want = iov_iter_count(to), done = 0;
	bool faulted = false;

	if (!want)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		if (pipe->len) {
			while (pipe->len && done < want) {
				size_t n = min_t(size_t, pipe->len, PIPE_SIZE - pipe->head);
				size_t copied;

				n = min(n, want - done);
				copied = copy_to_iter(pipe->buf + pipe->head, n, to);
				pipe->head = (pipe->head + copied) % PIPE_SIZE;
				pipe->len -= copied;
				done += copied;
				if (copied < n) {
					faulted = true;
					break;
				}
			}
			if (!pipe->len)
				pipe->head = 0;
			break;
		}
		if (!pipe->writers)
			break;
		if ((f->f_flags & O_NONBLOCK) || (iocb->ki_flags & IOCB_NOWAIT)) {
			mutex_unlock(&pipe->mutex);
			return -EAGAIN;
		}
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->rd_wait,
					     READ_ONCE(pipe->len) || !READ_ONCE(pipe->writers)))
			return -ERESTARTSYS;
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (done)
		wake_up_interruptible_all(&pipe->wr_wait);
	return done ? (ssize_t)done : faulted ? -EFAULT : 0;
}

static bool pipe_writable(struct pipe_inode_info *pipe, size_t need)
{
	return !READ_ONCE(pipe->readers) || PIPE_SIZE - READ_ONCE(pipe->len) >= need;
}

static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *f = iocb->ki_filp;
	struct pipe_inode_info *pipe = pipe_of(f);
	size_t total = iov_iter_count(from), done = 0;
	ssize_t ret = 0;

	if (!total)
		return 0;
	mutex_lock(&pipe->mutex);
	while (done < total) {
		size_t left = total - done;
		/* Small writes go in whole; larger ones in whatever room there is. */
		size_t need = left <= PIPE_BUF ? left : 1;
		size_t room;

		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			ret = -EPIPE;
			break;
		}
		room = PIPE_SIZE - pipe->len;
		if (room >= need) {
			size_t n = min(room, left);

			while (n) {
				unsigned int tail = (pipe->head + pipe->len) % PIPE_SIZE;
				size_t chunk = min_t(size_t, n, PIPE_SIZE - tail), copied;

				copied = copy_from_iter(pipe->buf + tail, chunk, from);
				pipe->len += copied;
				done += copied;
				n -= copied;
				if (copied < chunk) {
					ret = -EFAULT;
					goto out;
				}
			}
			/* The writer usually sleeps next (a reply, or room): WF_SYNC. */
			wake_up_interruptible_sync(&pipe->rd_wait);
			continue;
		}
		if ((f->f_flags & O_NONBLOCK) || (iocb->ki_flags & IOCB_NOWAIT)) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe, need))) {
			mutex_lock(&pipe->mutex);
			ret = -ERESTARTSYS;
			break;
		}
		mutex_lock(&pipe->mutex);
	}
out:
	mutex_unlock(&pipe->mutex);
	if (done)
		wake_up_interruptible_sync(&pipe->rd_wait);
	return done ? (ssize_t)done : ret;
}

static __poll_t pipe_poll(struct file *f, poll_table *pt)
{
	struct pipe_inode_info *pipe = pipe_of(f);
	__poll_t mask = 0;

	poll_wait(f, &pipe->rd_wait, pt);
	poll_wait(f, &pipe->wr_wait, pt);
	if (f->f_mode & FMODE_READ) {
		if (READ_ONCE(pipe->len))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!READ_ONCE(pipe->writers))
			mask |= EPOLLHUP;
	}
	if (f->f_mode & FMODE_WRITE) {
		if (PIPE_SIZE - READ_ONCE(pipe->len) >= PIPE_BUF)
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= EPOLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = pipe_of(f);

	if (cmd == FIONREAD) {
		int n = READ_ONCE(pipe->len);

		return put_user(n, (int __user *)arg);
	}
	return -ENOIOCTLCMD;
}

static int pipe_release(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *pipe = pipe_of(f);
	bool last;

	mutex_lock(&pipe->mutex);
	if (f->f_mode & FMODE_READ)
		pipe->readers--;
	if (f->f_mode & FMODE_WRITE)
		pipe->writers--;
	last = !pipe->readers && !pipe->writers;
	mutex_unlock(&pipe->mutex);
	if (!last) {
		wake_up_interruptible_all(&pipe->rd_wait);
		wake_up_interruptible_all(&pipe->wr_wait);
		return 0;
	}
	free_pages((unsigned long)pipe->buf, PIPE_ORDER);
	kfree(pipe);
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

static struct file *pipe_file(struct dentry *dentry, struct pipe_inode_info *pipe,
			      fmode_t mode, int flags)
{
	struct file *f = alloc_empty_file(flags | (mode & FMODE_WRITE ? O_WRONLY : O_RDONLY));

	if (IS_ERR(f))
		return f;
	f->f_path.dentry = dget(dentry);
	f->f_inode = dentry->d_inode;
	f->f_op = &pipefifo_fops;
	f->f_mode = mode | FMODE_STREAM | FMODE_OPENED;
	f->private_data = pipe;
	return f;
}

int create_pipe_files(struct file **res, int flags)
{
	static const struct qstr name = QSTR_INIT("pipe:", 5);
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	struct inode *inode = NULL;
	struct dentry *dentry = NULL;
	int err = -ENOMEM;

	if (!pipe)
		return -ENOMEM;
	pipe->buf = (char *)__get_free_pages(GFP_KERNEL, PIPE_ORDER);
	if (!pipe->buf)
		goto fail;
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->readers = pipe->writers = 1;
	inode = new_inode(&pipe_sb);
	if (!inode)
		goto fail;
	inode_init_owner(inode, NULL, S_IFIFO | 0600);	/* the creator's, as Linux's */
	inode->i_pipe = pipe;
	dentry = d_alloc_pseudo(&pipe_sb, &name, inode);
	if (!dentry)
		goto fail;	/* d_alloc_pseudo() dropped the inode */
	inode = NULL;
	res[0] = pipe_file(dentry, pipe, FMODE_READ, flags & O_NONBLOCK);
	if (IS_ERR(res[0])) {
		err = PTR_ERR(res[0]);
		goto fail;
	}
	res[1] = pipe_file(dentry, pipe, FMODE_WRITE, flags & O_NONBLOCK);
	dput(dentry);
	if (IS_ERR(res[1])) {
		err = PTR_ERR(res[1]);
		pipe->writers = 0;
		fput(res[0]);		/* the last end: frees the pipe */
		return err;
	}
	return 0;
fail:
	if (inode)
		iput(inode);
	dput(dentry);
	if (pipe->buf)
		free_pages((unsigned long)pipe->buf, PIPE_ORDER);
	kfree(pipe);
	return err;
}

static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		goto fail;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		err = -EFAULT;
		goto fail;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
fail:
	if (fd[0] >= 0)
		put_unused_fd(fd[0]);
	if (fd[1] >= 0 && fd[1] != fd[0])
		put_unused_fd(fd[1]);
	fput(files[0]);
	fput(files[1]);
	return err;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}
