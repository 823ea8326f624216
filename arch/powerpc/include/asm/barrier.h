/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

/*
 * Mandatory barriers, ordering this CPU's accesses to memory and device
 * registers as seen by a device (a DMA ring shared with it): mb() orders
 * all earlier loads and stores before all later ones, rmb() loads only,
 * wmb() stores only. sync orders every access, cacheable or not; lwsync
 * does not order a store before a later load, nor non-cacheable accesses,
 * so only sync is safe against a device. They also stop the compiler.
 */
#define mb()	__asm__ __volatile__("sync" ::: "memory")
#define rmb()	__asm__ __volatile__("sync" ::: "memory")
#define wmb()	__asm__ __volatile__("sync" ::: "memory")

#endif
