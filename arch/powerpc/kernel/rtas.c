// SPDX-License-Identifier: GPL-2.0-only
/*
 * RTAS, the pseries run-time abstraction services (power off, the clock,
 * interrupt routing). QEMU implements every function itself behind one
 * private hypervisor call, KVMPPC_H_RTAS, which its RTAS blob would make
 * for us: we make it directly with the same argument block (big-endian
 * cells: token, nargs, nret, then the arguments and room for results),
 * so no firmware needs to be instantiated.
 */
#include <linux/kernel.h>
#include <linux/byteorder.h>
#include <linux/spinlock.h>
#include <stdarg.h>
#include <asm/hvcall.h>
#include <asm/page.h>
#include <asm/setup.h>

struct rtas_args {
	u32 token, nargs, nret;		/* big-endian */
	u32 args[16];			/* the arguments, then the results */
};

static struct rtas_args rtas_args;
static DEFINE_SPINLOCK(rtas_lock);

int rtas_call(u32 token, int nargs, int nret, u32 *ret, ...)
{
	unsigned long flags;
	va_list ap;
	int status;

	if (!token || nargs + nret > (int)ARRAY_SIZE(rtas_args.args) || nret < 1)
		return -1;
	spin_lock_irqsave(&rtas_lock, flags);
	rtas_args.token = cpu_to_be32(token);
	rtas_args.nargs = cpu_to_be32(nargs);
	rtas_args.nret = cpu_to_be32(nret);
	va_start(ap, ret);
	for (int i = 0; i < nargs; i++)
		rtas_args.args[i] = cpu_to_be32(va_arg(ap, u32));
	va_end(ap);
	for (int i = 0; i < nret; i++)
		rtas_args.args[nargs + i] = 0;
	plpar_hcall_norets(KVMPPC_H_RTAS, __pa(&rtas_args));
	status = (int)be32_to_cpu(rtas_args.args[nargs]);
	for (int i = 1; ret && i < nret; i++)
		ret[i - 1] = be32_to_cpu(rtas_args.args[nargs + i]);
	spin_unlock_irqrestore(&rtas_lock, flags);
	return status;
}
