/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Terminal and file ioctl numbers of the generic Linux ABI (x86-64, arm64,
 * riscv64, arm; powerpc has its own, asm/ioctls.h): the termios, window size, process group and
 * controlling-terminal ones the ttys answer, and FIONREAD (bytes ready to
 * read, for ttys and pipes).
 */
#ifndef _UAPI_ASM_GENERIC_IOCTLS_H
#define _UAPI_ASM_GENERIC_IOCTLS_H

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCSBRK		0x5409
#define TCXONC		0x540A
#define TCFLSH		0x540B
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define TIOCGSERIAL	0x541E
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TIOCGPTN	0x80045430

#endif /* _UAPI_ASM_GENERIC_IOCTLS_H */
