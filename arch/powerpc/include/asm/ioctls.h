/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The terminal and file ioctl numbers of powerpc's Linux ABI: most are
 * encoded (asm/ioctl.h) with the size of powerpc's struct termios (44
 * bytes, asm/termbits.h), struct winsize (8) or int (4); a few keep the
 * generic numbers.
 */
#ifndef _ASM_POWERPC_IOCTLS_H
#define _ASM_POWERPC_IOCTLS_H

#include <uapi/linux/ioctl.h>

#define TCGETS		_IOC(_IOC_READ, 't', 19, 44)
#define TCSETS		_IOC(_IOC_WRITE, 't', 20, 44)
#define TCSETSW		_IOC(_IOC_WRITE, 't', 21, 44)
#define TCSETSF		_IOC(_IOC_WRITE, 't', 22, 44)
#define TCSBRK		_IO('t', 29)
#define TCXONC		_IO('t', 30)
#define TCFLSH		_IO('t', 31)
#define TIOCSWINSZ	_IOC(_IOC_WRITE, 't', 103, 8)
#define TIOCGWINSZ	_IOC(_IOC_READ, 't', 104, 8)
#define TIOCOUTQ	_IOC(_IOC_READ, 't', 115, 4)
#define TIOCSPGRP	_IOC(_IOC_WRITE, 't', 118, 4)
#define TIOCGPGRP	_IOC(_IOC_READ, 't', 119, 4)
#define FIONREAD	_IOC(_IOC_READ, 'f', 127, 4)
#define TIOCSCTTY	0x540E
#define TIOCGSERIAL	0x541E
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TIOCGPTN	_IOC(_IOC_READ, 'T', 0x30, 4)

#endif /* _ASM_POWERPC_IOCTLS_H */
