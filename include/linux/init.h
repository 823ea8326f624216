/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Boot-time initialisation. An initcall is a function run once by
 * do_initcalls() during boot, in level order (core, subsys, fs, device,
 * late) and in link order within a level. It returns 0 or -errno; a failure
 * is logged and boot goes on. Initcalls run in process context (kernel
 * thread "init") with interrupts on, so they may sleep and allocate.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define __init __section(".init.text") __cold
#define __initdata __section(".init.data")

#define __define_initcall(fn, level)					\
	static initcall_t __PASTE(__initcall_, fn) __used		\
	__section(".initcall" #level ".init") = fn

#define early_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)

#define module_init(fn) device_initcall(fn)

/*
 * Exit calls run at shutdown, in reverse order of registration levels.
 */
#define __exitcall(fn)							\
	static exitcall_t __PASTE(__exitcall_, fn) __used		\
	__section(".exitcall.exit") = fn
#define module_exit(fn) __exitcall(fn)

#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)

/* Run every initcall level in order (kernel/main.c). */
void do_initcalls(void);
/* Run the exit calls in reverse link order (kernel/main.c). */
void do_exitcalls(void);

/* The kernel command line, as given by the boot loader. */
extern char boot_command_line[];

#endif /* _LINUX_INIT_H */
