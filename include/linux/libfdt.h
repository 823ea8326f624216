/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading a flattened device tree (FDT, "DTB"): the blob QEMU's virt
 * machines and firmware hand the kernel to describe memory, the UART, the
 * interrupt controller, the timer and virtio-mmio slots.
 *
 * The names follow libfdt's (which Linux uses): a node is named by its
 * "offset", an int that is >= 0 for a node and a negative errno otherwise.
 * Offset 0 is the root. Every function checks bounds against the blob's
 * header, so a corrupt blob gives -EINVAL, never a read outside it.
 *
 * None of these functions allocate, sleep or take locks: they are safe in
 * early boot before the page allocator exists. The blob must stay mapped
 * while offsets and returned pointers are in use.
 */
#ifndef _LINUX_LIBFDT_H
#define _LINUX_LIBFDT_H

#include <linux/types.h>

#define FDT_MAGIC	0xd00dfeed
#define FDT_BEGIN_NODE	0x1
#define FDT_END_NODE	0x2
#define FDT_PROP	0x3
#define FDT_NOP		0x4
#define FDT_END		0x9

/* The header at the start of every blob; all fields are big-endian. */
struct fdt_header {
	u32 magic;
	u32 totalsize;
	u32 off_dt_struct;
	u32 off_dt_strings;
	u32 off_mem_rsvmap;
	u32 version;
	u32 last_comp_version;
	u32 boot_cpuid_phys;
	u32 size_dt_strings;
	u32 size_dt_struct;
};

/*
 * fdt_check_header() - 0 if @fdt starts with a valid header (magic,
 * version >= 16, blocks inside totalsize), -EINVAL otherwise.
 */
int fdt_check_header(const void *fdt);

/* fdt_totalsize() - the blob's size in bytes, from its header. */
u32 fdt_totalsize(const void *fdt);

/*
 * fdt_next_node() - the node after @offset in document order (-1: the root),
 * with *@depth (if not NULL) adjusted: +1 into a child, -n back up. Returns
 * -ENOENT after the last node, -EINVAL for a corrupt blob.
 */
int fdt_next_node(const void *fdt, int offset, int *depth);

/*
 * fdt_get_name() - the node's name ("uart@9000000"; "" for the root), its
 * length in *@lenp if not NULL; NULL for a bad offset.
 */
const char *fdt_get_name(const void *fdt, int offset, int *lenp);

/*
 * fdt_getprop() - property @name of node @offset: a pointer to its value
 * (big-endian cells, or a string) and its length in *@lenp if not NULL.
 * NULL if the node has no such property (*@lenp = -ENOENT) or the blob is
 * corrupt (*@lenp = -EINVAL).
 */
const void *fdt_getprop(const void *fdt, int offset, const char *name, int *lenp);

/*
 * fdt_subnode_offset() - the child of @parent called @name. A name without
 * "@unit" matches "name@anything" too, as in a path. -ENOENT if none.
 */
int fdt_subnode_offset(const void *fdt, int parent, const char *name);

/*
 * fdt_path_offset() - the node at absolute @path ("/", "/chosen",
 * "/soc/uart@10000000"). -ENOENT if it does not exist, -EINVAL if @path
 * is not absolute.
 */
int fdt_path_offset(const void *fdt, const char *path);

/*
 * fdt_parent_offset() - the parent of node @offset (a walk from the root:
 * O(size of the tree)). -ENOENT for the root.
 */
int fdt_parent_offset(const void *fdt, int offset);

/*
 * fdt_node_check_compatible() - 0 if one of the node's "compatible"
 * strings equals @compat, 1 if not, -ENOENT if it has no "compatible".
 */
int fdt_node_check_compatible(const void *fdt, int offset, const char *compat);

/*
 * fdt_node_offset_by_compatible() - the first node after @startoffset (-1:
 * from the start) compatible with @compat; -ENOENT if none.
 */
int fdt_node_offset_by_compatible(const void *fdt, int startoffset, const char *compat);

/*
 * fdt_node_offset_by_phandle() - the node whose "phandle" (or
 * "linux,phandle") is @phandle; -ENOENT if none.
 */
int fdt_node_offset_by_phandle(const void *fdt, u32 phandle);

/*
 * fdt_address_cells() / fdt_size_cells() - the "#address-cells" and
 * "#size-cells" node @offset gives its children (defaults 2 and 1, as the
 * specification says).
 */
int fdt_address_cells(const void *fdt, int offset);
int fdt_size_cells(const void *fdt, int offset);

/*
 * fdt_get_reg() - entry @index of node @offset's "reg", decoded with its
 * parent's cell sizes: *@addr and *@size (size 0 when #size-cells is 0).
 * Returns 0, -ENOENT (no reg or no such entry) or -EINVAL (cells > 2).
 */
int fdt_get_reg(const void *fdt, int offset, int index, u64 *addr, u64 *size);

/*
 * fdt_getprop_u32() - cell @index of property @name as a CPU-order u32 in
 * *@val. Returns 0 or -ENOENT (no property or too short).
 */
int fdt_getprop_u32(const void *fdt, int offset, const char *name, int index, u32 *val);

/*
 * fdt_cpu_node_available() - whether node @offset is a CPU (device_type
 * "cpu") that is not disabled (no "status", or "okay").
 */
bool fdt_cpu_node_available(const void *fdt, int offset);

/* fdt_for_each_subnode() - iterate @node over the children of @parent. */
int fdt_first_subnode(const void *fdt, int parent);
int fdt_next_subnode(const void *fdt, int offset);
#define fdt_for_each_subnode(node, fdt, parent)			\
	for ((node) = fdt_first_subnode(fdt, parent); (node) >= 0;	\
	     (node) = fdt_next_subnode(fdt, node))

#endif /* _LINUX_LIBFDT_H */
