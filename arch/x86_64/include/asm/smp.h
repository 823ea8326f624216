/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 CPU enumeration and bring-up: the CPUs' APIC IDs come from the
 * ACPI MADT (acpi.c) or, without ACPI, the MP table (mpparse.c);
 * smpboot.c starts them with INIT/SIPI at the real-mode trampoline.
 */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

/* Physical page the real-mode trampoline is copied to (SIPI vector 0x08). */
#define TRAMPOLINE_PA 0x8000

#ifndef __ASSEMBLER__
#include <linux/types.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>

/*
 * acpi_madt_apicids() - the APIC IDs of the enabled processors the ACPI
 * MADT lists, in table order, into @ids (at most @max). Returns how many
 * it lists (may exceed @max), or -ENODEV without a valid RSDP or MADT
 * (checksums checked). Needs the direct map of RAM; never sleeps.
 */
int acpi_madt_apicids(u32 *ids, int max);

/*
 * madt_apicids(), mpc_apicids() - the same from the MADT or MP
 * configuration table at physical @pa, checksum and bounds checked.
 */
int madt_apicids(u64 pa, u32 *ids, int max);
int mpc_apicids(u64 pa, u32 *ids, int max);

/*
 * fw_map() - firmware data at physical [@pa, @pa + @len) through the
 * direct map, or NULL if it is not all mapped (or @pa is 0). The direct
 * map covers RAM up to the 2 MiB boundary past its end, where firmwares
 * put their tables.
 */
const void *fw_map(u64 pa, u64 len);

/* fw_checksum_ok() - the @len bytes at @p sum to 0 (mod 256), as ACPI and MP tables do. */
bool fw_checksum_ok(const void *p, u32 len);

/* mptable_apicids() - the same from the Intel MP table. */
int mptable_apicids(u32 *ids, int max);

/*
 * acpi_find_rsdp() - physical address of the ACPI RSDP: the PVH start
 * info's, else found as on a legacy BIOS (the first KiB of the EBDA, then
 * 0xe0000-0xfffff), its checksums verified; 0 if none.
 */
u64 acpi_find_rsdp(void);

/* The RSDP address the PVH loader passed (setup.c); 0 if none. */
extern u64 pvh_rsdp_paddr;

/*
 * smp_scan_cpus() - mark CPU 0 (the boot CPU) and every other enabled CPU
 * of the firmware tables possible, up to NR_CPUS. setup_arch(), after
 * paging_init().
 */
void smp_scan_cpus(void);

/*
 * The IPIs of the scheduler and of cross-CPU function calls (smp.c), to
 * online CPUs; any context.
 */
void arch_smp_send_reschedule(int cpu);
void arch_send_call_function_ipi_mask(const cpumask_t *mask);
void arch_send_call_function_single_ipi(int cpu);

/* cpu_physical_id() - the APIC ID of possible CPU @cpu. */
u32 cpu_physical_id(unsigned int cpu);

/* The APIC ID each CPU read from its own local APIC as it came up. */
DECLARE_PER_CPU(u32, cpu_apicid_seen);
#endif

#endif /* _ASM_X86_SMP_H */
