// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM boot: from the Image entry (head.S) to start_kernel(). The
 * boards have no device tree unless one is given: the machine ID QEMU
 * passed in r1 names the board (<asm/mach.h>), whose devices are at the
 * fixed addresses of <asm/setup.h>, and what changes from boot to boot
 * comes in the ATAGs whose physical address QEMU passed in r2: the RAM
 * (ATAG_MEM), the command line (ATAG_CMDLINE) and the initrd
 * (ATAG_INITRD2).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/serial_pl011.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/mach.h>
#include <asm/page.h>
#include <asm/setup.h>

#define ATAG_NONE 0x00000000
#define ATAG_CORE 0x54410001
#define ATAG_MEM 0x54410002
#define ATAG_INITRD2 0x54420005
#define ATAG_CMDLINE 0x54410009

/* One tag: its size in 32-bit words (header included), its kind, its data. */
struct tag {
	u32 size;
	u32 tag;
	u32 data[];
};

phys_addr_t initrd_start_phys;
phys_addr_t initrd_size;

static phys_addr_t atags_pa;
static unsigned int machine_nr;

const struct machine_desc *machine_desc;

static const struct machine_desc *const machines[] = { &versatile_pb_desc, &realview_eb_desc };

extern char _head[], _end[];

/*
 * arm_start_kernel() - first C code, on the boot stack with the boot
 * page tables (physical 0-512 MiB at PAGE_OFFSET). Picks the board by
 * @machine (versatilepb's if unknown: said once the console is up), sets
 * up this CPU's cpu_info and the console, then enters generic code.
 */
__noreturn void arm_start_kernel(phys_addr_t atags, unsigned int machine);
__noreturn void arm_start_kernel(phys_addr_t atags, unsigned int machine)
{
	struct cpu_info *ci = &cpu_infos[0];

	ci->self = ci;
	ci->cpu = 0;
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 4" :: "r"(ci));
	atags_pa = atags;
	machine_nr = machine;
	machine_desc = &versatile_pb_desc;
	for (size_t i = 0; i < ARRAY_SIZE(machines); i++)
		if (machines[i]->nr == machine)
			machine_desc = machines[i];
	pl011_early_init((unsigned long)__va(machine_desc->uart_base))->irq =
		machine_desc->uart_irq;
	start_kernel();
}

/* The ATAG list, or NULL if r2 did not point at one in the direct map. */
static const struct tag *first_tag(void)
{
	const struct tag *t;

	if (!atags_pa || atags_pa >= MAX_PHYS_ADDR || (atags_pa & 3))
		return NULL;
	t = __va(atags_pa);
	return t->tag == ATAG_CORE ? t : NULL;
}

static void __init parse_atags(const struct tag *t)
{
	for (; t->size >= 2 && t->tag != ATAG_NONE; t = (const void *)((const u32 *)t + t->size)) {
		switch (t->tag) {
		case ATAG_MEM:
			/* size, start */
			pr_info("atags: memory [mem 0x%08x-0x%08x]\n", t->data[1],
				t->data[1] + t->data[0] - 1);
			memblock_add(t->data[1], t->data[0]);
			break;
		case ATAG_INITRD2:
			/* start, size */
			initrd_start_phys = t->data[0];
			initrd_size = t->data[1];
			break;
		case ATAG_CMDLINE:
			strscpy(boot_command_line, (const char *)t->data, COMMAND_LINE_SIZE);
			break;
		}
	}
}

void __init setup_arch(void)
{
	const struct tag *t = first_tag();

	if (machine_desc->nr != machine_nr)
		pr_warn("machine ID %u unknown: assuming %s\n", machine_nr, machine_desc->name);
	pr_info("Machine: %s\n", machine_desc->name);
	if (!t)
		panic("no ATAG list at r2 (%#lx)", (unsigned long)atags_pa);
	parse_atags(t);
	/* The boot loader's page (the ATAGs), the image (with .bss) and the initrd. */
	memblock_reserve(0, __pa(_head));
	memblock_reserve(__pa(_head), (unsigned long)_end - (unsigned long)_head);
	if (initrd_size)
		memblock_reserve(initrd_start_phys, initrd_size);
	paging_init();
	smp_init_cpus();
}
