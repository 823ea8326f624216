/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

/*
 * Mandatory barriers, ordering this CPU's accesses to memory and device
 * registers as seen by a device (a DMA ring shared with it): mb() orders
 * all earlier loads and stores before all later ones, rmb() loads only,
 * wmb() stores only. ARMv6 has one such barrier, the CP15 data
 * synchronization barrier (ARMv7's DSB), so all three are it. They also
 * stop the compiler.
 */
#define mb()	__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 4" :: "r"(0) : "memory")
#define rmb()	mb()
#define wmb()	mb()

#endif
