// SPDX-License-Identifier: GPL-2.0-only
/*
 * The platform-level interrupt controller (PLIC, "riscv,plic0") of QEMU
 * virt: device lines 1..ndev, delivered to the boot hart's S-mode context
 * (found in the device tree) as the supervisor external interrupt. Line n
 * is Linux-style irq n for request_irq(). Every line starts masked (enable
 * bit clear, priority 0); request_irq() unmasks it.
 *
 * Registers: a 32-bit priority per line at 4*n, an enable bitmap per
 * context at 0x2000 + 0x80*ctx, and per context a priority threshold at
 * 0x200000 + 0x1000*ctx with the claim/complete register 4 bytes after.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/start_kernel.h>
#include <linux/spinlock.h>
#include <asm/csr.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define PLIC_PRIORITY(n) (4 * (n))
#define PLIC_ENABLE(ctx, n) (0x2000 + 0x80 * (ctx) + 4 * ((n) / 32))
#define PLIC_THRESHOLD(ctx) (0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx) (PLIC_THRESHOLD(ctx) + 4)

static unsigned long plic_base;
static unsigned int plic_ctx, plic_ndev;
static DEFINE_SPINLOCK(plic_lock);

static void plic_set_enabled(unsigned int irq, bool on)
{
	unsigned long reg = plic_base + PLIC_ENABLE(plic_ctx, irq), flags;
	u32 bit = 1U << (irq % 32);

	spin_lock_irqsave(&plic_lock, flags);
	writel(on ? readl(reg) | bit : readl(reg) & ~bit, reg);
	writel(on ? 1 : 0, plic_base + PLIC_PRIORITY(irq));
	spin_unlock_irqrestore(&plic_lock, flags);
}

void __init init_IRQ(void)
{
	plic_base = ioremap_window(riscv_platform.plic.base);
	plic_ctx = riscv_platform.plic_context;
	plic_ndev = min_t(unsigned int, riscv_platform.plic_ndev, NR_IRQS - 1);
	if (!plic_base)
		panic("PLIC at %#lx is outside the IO window", riscv_platform.plic.base);
	for (unsigned int irq = 1; irq <= plic_ndev; irq++) {
		writel(0, plic_base + PLIC_PRIORITY(irq));
		if (irq % 32 == 0 || irq == 1)
			writel(0, plic_base + PLIC_ENABLE(plic_ctx, irq));
	}
	writel(0, plic_base + PLIC_THRESHOLD(plic_ctx));
	csr_set(sie, SIE_SEIE);
	pr_info("plic: %u lines, context %u\n", plic_ndev, plic_ctx);
}

void arch_irq_unmask(unsigned int irq)
{
	if (irq >= 1 && irq <= plic_ndev)
		plic_set_enabled(irq, true);
}

void arch_irq_mask(unsigned int irq)
{
	if (irq >= 1 && irq <= plic_ndev)
		plic_set_enabled(irq, false);
}

void plic_handle_irq(void)
{
	u32 irq;

	while ((irq = readl(plic_base + PLIC_CLAIM(plic_ctx))) != 0) {
		generic_handle_irq(irq);
		writel(irq, plic_base + PLIC_CLAIM(plic_ctx));
	}
}
