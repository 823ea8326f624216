/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local interrupt control: local_irq_disable/enable and the save/restore
 * pair. These act on the current CPU only; they never sleep.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <asm/irqflags.h>

#define local_irq_enable() arch_local_irq_enable()
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_save(flags) do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define irqs_disabled() arch_irqs_disabled()

#endif /* _LINUX_IRQFLAGS_H */
