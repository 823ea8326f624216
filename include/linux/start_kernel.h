/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The boot interface between architecture and generic code. The arch entry
 * point sets up a stack and this CPU's cpu_info, registers an early console
 * and calls start_kernel(), which calls the arch hooks below in order.
 */
#ifndef _LINUX_START_KERNEL_H
#define _LINUX_START_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>

/* Generic boot: never returns (kernel/main.c). */
__noreturn void start_kernel(void);

/*
 * setup_arch() - register RAM with memblock (memblock_add/reserve), copy the
 * command line into boot_command_line, build the kernel page tables (direct
 * map of all RAM, W^X image), and record the initrd. No allocator but
 * memblock exists yet.
 */
void setup_arch(void);

/* trap_init() - install exception handlers (after setup_arch, before mm). */
void trap_init(void);

/* init_IRQ() - set up the interrupt controller, all lines masked. */
void init_IRQ(void);

/* time_init() - calibrate the clock and start the periodic tick (HZ). */
void time_init(void);

/* Physical location of the initial ramdisk, or size 0 if none. */
extern phys_addr_t initrd_start_phys;
extern phys_addr_t initrd_size;

#endif /* _LINUX_START_KERNEL_H */
