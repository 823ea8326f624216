/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

/*
 * ARMv6 has its barriers as CP15 operations: the data memory barrier
 * (ARMv7's DMB, "mcr p15, 0, r0, c7, c10, 5") and the data
 * synchronization barrier (DSB, "c7, c10, 4"). QEMU, which runs every
 * Ferrite arm boot, makes both no-ops (target/arm: ARM_CP_NOP), though it
 * runs the CPUs of realview-eb-mpcore on host threads at once: on an
 * x86-64 host a store may then wait in the host's store buffer while a
 * later load of the same CPU already reads memory, and the DMB alone
 * lets a load pass an earlier store (the locking_smp_mb_store_load case
 * saw it about once in 10,000 tries). QEMU does make STREX a host atomic
 * compare-and-swap, a full barrier on every host, so the two barriers
 * that must order a store before a later load, mb() and smp_mb(), add an
 * exclusive load and store of the word at sp: they write back the value
 * they read (an interrupt builds its frame below sp, and no other CPU
 * touches this stack), or nothing if the STREX fails, which is a barrier
 * under QEMU all the same. On the real ARM11 MPCore the DMB and DSB do
 * the work and the pair costs a few cycles. Loads after loads and stores
 * after stores are already in order on the hosts QEMU's arm guests run
 * on here, so rmb() and wmb() need no pair.
 */
#define __arm_exclusive_sp() do {						\
	unsigned long __tmp, __fail;						\
	__asm__ __volatile__("ldrex	%0, [sp]\n\t"				\
			     "strex	%1, %0, [sp]"				\
			     : "=&r"(__tmp), "=&r"(__fail) :: "memory");		\
} while (0)

/*
 * Mandatory barriers, ordering this CPU's accesses to memory and device
 * registers as seen by a device (a DMA ring shared with it): mb() orders
 * all earlier loads and stores before all later ones, rmb() loads only,
 * wmb() stores only. ARMv6 has one such barrier, the DSB, so all three
 * are it (mb() with the exclusive pair above). They also stop the
 * compiler.
 */
#define __arm_dsb()	__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 4" :: "r"(0) : "memory")
#define mb()	do { __arm_dsb(); __arm_exclusive_sp(); } while (0)
#define rmb()	__arm_dsb()
#define wmb()	__arm_dsb()

/* smp_mb() (<linux/atomic.h>): the DMB and the exclusive pair. */
#define __smp_mb() do {								\
	__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 5" :: "r"(0) : "memory");	\
	__arm_exclusive_sp();							\
} while (0)

#endif
