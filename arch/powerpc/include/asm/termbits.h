/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc's struct termios (Linux's: c_cc before c_line, then the two
 * speeds; 44 bytes), its c_cc indices and mode bits, which differ from the
 * generic ones (asm-generic/termbits.h has the same names).
 */
#ifndef _ASM_POWERPC_TERMBITS_H
#define _ASM_POWERPC_TERMBITS_H

#include <linux/types.h>

#define NCCS 19

struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_cc[NCCS];
	u8 c_line;
	u32 c_ispeed, c_ospeed;
};

/* c_cc indices. */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VMIN 5
#define VTIME 7
#define VWERASE 10
#define VREPRINT 11
#define VSUSP 12
#define VSTART 13
#define VSTOP 14
#define VLNEXT 15
#define VDISCARD 16

/* c_iflag, c_oflag, c_cflag, c_lflag bits. */
#define IGNCR 0x0080
#define ICRNL 0x0100
#define INLCR 0x0040
#define IXON 0x0200
#define OPOST 0x0001
#define ONLCR 0x0002
#define B38400 0x000f
#define CS8 0x0300
#define CREAD 0x0800
#define HUPCL 0x4000
#define ISIG 0x00000080
#define ICANON 0x00000100
#define ECHO 0x00000008
#define ECHOE 0x00000002
#define ECHOK 0x00000004
#define ECHONL 0x00000010
#define NOFLSH 0x80000000
#define ECHOCTL 0x00000040
#define ECHOKE 0x00000001
#define IEXTEN 0x00000400

#endif /* _ASM_POWERPC_TERMBITS_H */
