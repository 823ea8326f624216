// SPDX-License-Identifier: GPL-2.0-only
/*
 * A small flattened-device-tree reader: the subset of libfdt's read API the
 * kernel needs to find its hardware. See include/linux/libfdt.h for the
 * contracts.
 *
 * The structure block is a sequence of 32-bit big-endian tokens:
 * BEGIN_NODE name..., PROP len nameoff value..., END_NODE, NOP, END. Every
 * read below goes through fdt_tag(), which checks that the token and what
 * follows it lie inside the block, so a corrupt blob is -EINVAL.
 */
#include <linux/libfdt.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/kernel.h>

#define FDT_MAX_DEPTH	32

/* A big-endian 32-bit value at any alignment. */
static u32 fdt32_ld(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

static u32 hdr(const void *fdt, unsigned int field)
{
	return fdt32_ld((const u8 *)fdt + field * 4);
}

#define HDR(fdt, name) hdr(fdt, offsetof(struct fdt_header, name) / 4)

int fdt_check_header(const void *fdt)
{
	u32 size, st_off, st_size, str_off, str_size;

	if (!fdt || HDR(fdt, magic) != FDT_MAGIC)
		return -EINVAL;
	if (HDR(fdt, version) < 16 || HDR(fdt, last_comp_version) > 17)
		return -EINVAL;
	size = HDR(fdt, totalsize);
	st_off = HDR(fdt, off_dt_struct);
	st_size = HDR(fdt, size_dt_struct);
	str_off = HDR(fdt, off_dt_strings);
	str_size = HDR(fdt, size_dt_strings);
	if (size < sizeof(struct fdt_header) || st_off % 4)
		return -EINVAL;
	if (st_off > size || st_size > size - st_off)
		return -EINVAL;
	if (str_off > size || str_size > size - str_off)
		return -EINVAL;
	return 0;
}

u32 fdt_totalsize(const void *fdt)
{
	return HDR(fdt, totalsize);
}

static const u8 *fdt_struct(const void *fdt)
{
	return (const u8 *)fdt + HDR(fdt, off_dt_struct);
}

/* The property name at @nameoff in the strings block, or NULL if bad. */
static const char *fdt_string(const void *fdt, u32 nameoff)
{
	const char *s = (const char *)fdt + HDR(fdt, off_dt_strings);
	u32 size = HDR(fdt, size_dt_strings);

	if (nameoff >= size || !memchr(s + nameoff, 0, size - nameoff))
		return NULL;
	return s + nameoff;
}

/*
 * The token at @off, with the offset of the next one in *@next; -EINVAL if
 * the token or its payload is outside the structure block.
 */
static int fdt_tag(const void *fdt, int off, int *next)
{
	const u8 *base = fdt_struct(fdt);
	u32 size = HDR(fdt, size_dt_struct);
	u32 tag, len;
	const u8 *nul;

	if (off < 0 || off % 4 || (u32)off + 4 > size)
		return -EINVAL;
	tag = fdt32_ld(base + off);
	switch (tag) {
	case FDT_BEGIN_NODE:
		nul = memchr(base + off + 4, 0, size - off - 4);
		if (!nul)
			return -EINVAL;
		*next = ALIGN(nul + 1 - base, 4);
		break;
	case FDT_PROP:
		if ((u32)off + 12 > size)
			return -EINVAL;
		len = fdt32_ld(base + off + 4);
		if (len > size - off - 12)
			return -EINVAL;
		*next = ALIGN(off + 12 + len, 4);
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		*next = off + 4;
		break;
	default:
		return -EINVAL;
	}
	return tag;
}

static bool is_node(const void *fdt, int off)
{
	int next;

	return fdt_tag(fdt, off, &next) == FDT_BEGIN_NODE;
}

int fdt_next_node(const void *fdt, int offset, int *depth)
{
	int next = 0, tag, off;

	if (fdt_check_header(fdt))
		return -EINVAL;
	if (offset >= 0 && fdt_tag(fdt, offset, &next) != FDT_BEGIN_NODE)
		return -EINVAL;
	for (;;) {
		off = next;
		tag = fdt_tag(fdt, off, &next);
		switch (tag) {
		case FDT_PROP:
		case FDT_NOP:
			break;
		case FDT_BEGIN_NODE:
			if (depth)
				(*depth)++;
			return off;
		case FDT_END_NODE:
			if (depth && --(*depth) < 0)
				return -ENOENT;
			break;
		case FDT_END:
			return -ENOENT;
		default:
			return -EINVAL;
		}
	}
}

int fdt_first_subnode(const void *fdt, int parent)
{
	int depth = 0;
	int off = fdt_next_node(fdt, parent, &depth);

	if (off < 0)
		return off;
	return depth == 1 ? off : -ENOENT;
}

int fdt_next_subnode(const void *fdt, int offset)
{
	int depth = 1;

	do {
		offset = fdt_next_node(fdt, offset, &depth);
		if (offset < 0)
			return offset;
	} while (depth > 1);
	return depth == 1 ? offset : -ENOENT;
}

const char *fdt_get_name(const void *fdt, int offset, int *lenp)
{
	const char *name;

	if (fdt_check_header(fdt) || !is_node(fdt, offset))
		return NULL;
	name = (const char *)fdt_struct(fdt) + offset + 4;
	if (lenp)
		*lenp = strlen(name);
	return name;
}

const void *fdt_getprop(const void *fdt, int offset, const char *name, int *lenp)
{
	const u8 *base;
	int off, next, tag, err = -EINVAL;
	const char *pname;

	if (fdt_check_header(fdt) || fdt_tag(fdt, offset, &next) != FDT_BEGIN_NODE)
		goto fail;
	base = fdt_struct(fdt);
	/* A node's properties come before its children. */
	for (;;) {
		off = next;
		tag = fdt_tag(fdt, off, &next);
		if (tag == FDT_NOP)
			continue;
		if (tag != FDT_PROP) {
			err = tag < 0 ? tag : -ENOENT;
			goto fail;
		}
		pname = fdt_string(fdt, fdt32_ld(base + off + 8));
		if (!pname)
			goto fail;
		if (!strcmp(pname, name)) {
			if (lenp)
				*lenp = fdt32_ld(base + off + 4);
			return base + off + 12;
		}
	}
fail:
	if (lenp)
		*lenp = err;
	return NULL;
}

/* Does node name @n match the path component @name (@len bytes)? */
static bool name_matches(const char *n, const char *name, int len)
{
	if (strncmp(n, name, len))
		return false;
	if (n[len] == '\0')
		return true;
	/* "uart" matches "uart@9000000" unless the component has a unit. */
	return n[len] == '@' && !memchr(name, '@', len);
}

static int subnode_namelen(const void *fdt, int parent, const char *name, int len)
{
	int node;

	fdt_for_each_subnode(node, fdt, parent) {
		if (name_matches(fdt_get_name(fdt, node, NULL), name, len))
			return node;
	}
	return node == -ENOENT ? -ENOENT : node;
}

int fdt_subnode_offset(const void *fdt, int parent, const char *name)
{
	return subnode_namelen(fdt, parent, name, strlen(name));
}

int fdt_path_offset(const void *fdt, const char *path)
{
	const char *p = path, *end;
	int off = 0;

	if (fdt_check_header(fdt))
		return -EINVAL;
	if (*p != '/')
		return -EINVAL;
	if (!is_node(fdt, 0))
		return -EINVAL;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		end = strchr(p, '/');
		if (!end)
			end = p + strlen(p);
		off = subnode_namelen(fdt, off, p, end - p);
		if (off < 0)
			return off;
		p = end;
	}
	return off;
}

int fdt_parent_offset(const void *fdt, int offset)
{
	int stack[FDT_MAX_DEPTH];
	int depth = -1, node;

	for (node = fdt_next_node(fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		if (depth >= FDT_MAX_DEPTH)
			return -EINVAL;
		stack[depth] = node;
		if (node == offset)
			return depth ? stack[depth - 1] : -ENOENT;
	}
	return node;
}

int fdt_node_check_compatible(const void *fdt, int offset, const char *compat)
{
	int len, n;
	const char *list = fdt_getprop(fdt, offset, "compatible", &len);

	if (!list)
		return len == -ENOENT ? -ENOENT : len;
	/* A list of NUL-terminated strings, len bytes in all. */
	while (len > 0) {
		const char *nul = memchr(list, 0, len);

		if (!nul)
			break;
		n = nul - list;
		if (!strcmp(list, compat))
			return 0;
		list += n + 1;
		len -= n + 1;
	}
	return 1;
}

int fdt_node_offset_by_compatible(const void *fdt, int startoffset, const char *compat)
{
	int node;

	for (node = fdt_next_node(fdt, startoffset, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		if (fdt_node_check_compatible(fdt, node, compat) == 0)
			return node;
	}
	return node;
}

int fdt_node_offset_by_phandle(const void *fdt, u32 phandle)
{
	int node;
	u32 v;

	if (phandle == 0 || phandle == ~0U)
		return -EINVAL;
	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		if ((!fdt_getprop_u32(fdt, node, "phandle", 0, &v) ||
		     !fdt_getprop_u32(fdt, node, "linux,phandle", 0, &v)) && v == phandle)
			return node;
	}
	return node;
}

int fdt_getprop_u32(const void *fdt, int offset, const char *name, int index, u32 *val)
{
	int len;
	const u8 *p = fdt_getprop(fdt, offset, name, &len);

	if (!p || index < 0 || len < (index + 1) * 4)
		return -ENOENT;
	*val = fdt32_ld(p + index * 4);
	return 0;
}

bool fdt_cpu_node_available(const void *fdt, int offset)
{
	const char *type = fdt_getprop(fdt, offset, "device_type", NULL);
	const char *status = fdt_getprop(fdt, offset, "status", NULL);

	return type && !strcmp(type, "cpu") && (!status || !strcmp(status, "okay"));
}

int fdt_address_cells(const void *fdt, int offset)
{
	u32 v;

	return fdt_getprop_u32(fdt, offset, "#address-cells", 0, &v) ? 2 : (int)v;
}

int fdt_size_cells(const void *fdt, int offset)
{
	u32 v;

	return fdt_getprop_u32(fdt, offset, "#size-cells", 0, &v) ? 1 : (int)v;
}

/* @cells (1 or 2) big-endian cells at @p as one number. */
static u64 read_cells(const u8 *p, int cells)
{
	u64 v = 0;

	for (int i = 0; i < cells; i++)
		v = v << 32 | fdt32_ld(p + 4 * i);
	return v;
}

int fdt_get_reg(const void *fdt, int offset, int index, u64 *addr, u64 *size)
{
	int parent = fdt_parent_offset(fdt, offset);
	int ac, sc, len, entry;
	const u8 *reg;

	if (parent < 0)
		return parent == -ENOENT ? -EINVAL : parent;
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return -EINVAL;
	reg = fdt_getprop(fdt, offset, "reg", &len);
	entry = (ac + sc) * 4;
	if (!reg || index < 0 || len < (index + 1) * entry)
		return -ENOENT;
	reg += index * entry;
	*addr = read_cells(reg, ac);
	*size = read_cells(reg + ac * 4, sc);
	return 0;
}
