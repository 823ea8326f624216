/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

/*
 * Mandatory barriers, ordering this CPU's accesses to memory and device
 * registers as seen by a device (a DMA ring shared with it): mb() orders
 * all earlier loads and stores before all later ones, rmb() loads only,
 * wmb() stores only. They also stop the compiler.
 */
#define mb()	__asm__ __volatile__("dsb sy" ::: "memory")
#define rmb()	__asm__ __volatile__("dsb ld" ::: "memory")
#define wmb()	__asm__ __volatile__("dsb st" ::: "memory")

#endif
