/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * BUG(), BUG_ON(), WARN_ON(), WARN_ON_ONCE() and panic().
 * BUG() stops the kernel with an oops (registers and backtrace); WARN_ON()
 * prints the same report but carries on and evaluates to its condition.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * panic() - print the message, a register dump and a backtrace, then stop
 * the machine (QEMU exits with the panic status). Never returns. Callable
 * from any context.
 */
__printf(1, 2) __noreturn __cold void panic(const char *fmt, ...);

/* Called by BUG(): reports file:line and panics. */
__noreturn __cold void __bug(const char *file, int line, const char *cond);
/* Called by WARN_ON(): reports file:line with a backtrace and returns. */
__cold void __warn(const char *file, int line, const char *cond);

#define BUG() __bug(__FILE__, __LINE__, NULL)
#define BUG_ON(cond) do { if (unlikely(cond)) __bug(__FILE__, __LINE__, #cond); } while (0)

#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__warn(__FILE__, __LINE__, #cond);			\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__warn(__FILE__, __LINE__, #cond);			\
	}								\
	unlikely(__ret_warn_once);					\
})

#define WARN(cond, fmt, ...) ({						\
	int __ret_warn = !!(cond);					\
	if (unlikely(__ret_warn)) {					\
		printk(KERN_WARNING fmt, ##__VA_ARGS__);		\
		__warn(__FILE__, __LINE__, #cond);			\
	}								\
	unlikely(__ret_warn);						\
})

/* Number of WARN_ON reports so far (tests read it). */
extern unsigned long warn_count;

#endif /* _LINUX_BUG_H */
