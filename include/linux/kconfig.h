/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IS_ENABLED(CONFIG_X): 1 when the build defines CONFIG_X to 1 (a feature
 * the architecture selects, see the top Makefile), else 0. Usable in C
 * conditions, so both branches are compiled and checked, and in #if.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

/* CONFIG_X expands to 1 → "__kconfig_on_1" → "0," → picks the 1 below. */
#define __kconfig_on_1 0,
#define __kconfig_second(ignored, val, ...) val
#define __kconfig_pick(junk_or_comma) __kconfig_second(junk_or_comma 1, 0, 0)
#define __kconfig_paste(val) __kconfig_pick(__kconfig_on_##val)
#define IS_ENABLED(option) __kconfig_paste(option)

#endif /* _LINUX_KCONFIG_H */
