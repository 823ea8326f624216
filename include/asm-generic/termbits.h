/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct termios of the generic Linux ABI (TCGETS/TCSETS: x86-64, arm64,
 * riscv64, arm), the c_cc indices and the mode bits the line discipline
 * (drivers/tty/n_tty.c) uses. powerpc has its own (asm/termbits.h).
 */
#ifndef _ASM_GENERIC_TERMBITS_H
#define _ASM_GENERIC_TERMBITS_H

#include <linux/types.h>

#define NCCS 19

struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
};

/* c_cc indices. */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6
#define VSTART 8
#define VSTOP 9
#define VSUSP 10
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE 14
#define VLNEXT 15

/* c_iflag, c_oflag, c_cflag, c_lflag bits. */
#define IGNCR 0x0080
#define ICRNL 0x0100
#define INLCR 0x0040
#define IXON 0x0400
#define OPOST 0x0001
#define ONLCR 0x0004
#define B38400 0x000f
#define CS8 0x0030
#define CREAD 0x0080
#define HUPCL 0x0400
#define ISIG 0x0001
#define ICANON 0x0002
#define ECHO 0x0008
#define ECHOE 0x0010
#define ECHOK 0x0020
#define ECHONL 0x0040
#define NOFLSH 0x0080
#define ECHOCTL 0x0200
#define ECHOKE 0x0800
#define IEXTEN 0x8000

#endif /* _ASM_GENERIC_TERMBITS_H */
