/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Address-space annotations, with Linux's names. They expand to nothing for
 * the compiler; they tell the reader (and, later, a checker such as sparse
 * or the Rust bindings) which pointers hold user addresses. A __user
 * pointer must only be dereferenced through <linux/uaccess.h>; an __iomem
 * one (device registers) only through readl()/writel() and friends.
 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#ifndef __user
#define __user
#endif
#ifndef __kernel
#define __kernel
#endif
#ifndef __iomem
#define __iomem
#endif
#ifndef __force
#define __force
#endif

#endif /* _LINUX_COMPILER_TYPES_H */
