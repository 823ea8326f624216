/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * File descriptors of the current process (fs/file.c). fget() returns the
 * file with a reference the caller drops with fput(); a descriptor can be
 * closed by another thread meanwhile without the file going away.
 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/types.h>

struct file;

/*
 * get_unused_fd_flags() - reserve the lowest free descriptor (O_CLOEXEC in
 * @flags sets close-on-exec). Returns it, or -EMFILE. fd_install() then
 * fills it; put_unused_fd() gives it back unused.
 */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);

/* fd_install() - make reserved @fd refer to @file (takes the caller's reference). */
void fd_install(unsigned int fd, struct file *file);

/* fget() - the file of @fd with a new reference, or NULL (bad descriptor). */
struct file *fget(unsigned int fd);

/*
 * close_fd() - close @fd: -EBADF if it is not open, else the result of
 * filp_close(). May sleep.
 */
int close_fd(unsigned int fd);

/*
 * replace_fd() - make @fd (which may be open: it is closed first) refer to
 * @file, taking a new reference, with close-on-exec from @flags
 * (O_CLOEXEC). Returns @fd or -EBADF/-EBUSY. For dup2/dup3.
 */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);

/* Lowest free descriptor >= @start for @file (F_DUPFD), taking a reference. */
int f_dupfd(unsigned int start, struct file *file, unsigned int flags);

/* set_close_on_exec()/get_close_on_exec() - the FD_CLOEXEC flag of @fd. */
void set_close_on_exec(unsigned int fd, bool on);
bool get_close_on_exec(unsigned int fd);

#endif /* _LINUX_FILE_H */
