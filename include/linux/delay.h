/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Delays. udelay/ndelay/mdelay busy-wait (any context; keep them short).
 * msleep sleeps at least ms milliseconds (process context only).
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

void ndelay(unsigned long nsecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
void msleep(unsigned int msecs);
/* Returns the milliseconds left if woken early by a signal, else 0. */
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);

#endif /* _LINUX_DELAY_H */
