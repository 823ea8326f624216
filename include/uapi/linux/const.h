/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Constants that C and assembly share: _AC(0x1000, UL) is 0x1000UL in C
 * and plain 0x1000 in a .S file, whose assembler knows no suffixes.
 */
#ifndef _UAPI_LINUX_CONST_H
#define _UAPI_LINUX_CONST_H

#ifdef __ASSEMBLER__
#define _AC(x, y) x
#else
#define __AC(x, y) (x##y)
#define _AC(x, y) __AC(x, y)
#endif

#define _UL(x) (_AC(x, UL))
#define _ULL(x) (_AC(x, ULL))

#endif /* _UAPI_LINUX_CONST_H */
