// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for the FDT reader. The blobs are built here by a small writer (the
 * sequential-write half of libfdt, reduced) modelled on what QEMU's riscv64
 * and arm64 virt machines pass, so the tests run on every architecture.
 * Blobs are placed at the very end of a vmalloc() area, right before its
 * guard page: a read past the end of a corrupt blob faults the test.
 */
#include <linux/libfdt.h>
#include <linux/byteorder.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <kunit/test.h>

struct fdt_writer {
	u8 st[2048];
	u32 st_len;
	char str[512];
	u32 str_len;
};

static void fw_u32(struct fdt_writer *w, u32 v)
{
	v = cpu_to_be32(v);
	memcpy(w->st + w->st_len, &v, 4);
	w->st_len += 4;
}

static void fw_bytes(struct fdt_writer *w, const void *p, u32 len)
{
	memcpy(w->st + w->st_len, p, len);
	w->st_len += len;
	while (w->st_len % 4)
		w->st[w->st_len++] = 0;
}

static void fw_begin(struct fdt_writer *w, const char *name)
{
	fw_u32(w, FDT_BEGIN_NODE);
	fw_bytes(w, name, strlen(name) + 1);
}

static void fw_end(struct fdt_writer *w)
{
	fw_u32(w, FDT_END_NODE);
}

static void fw_prop(struct fdt_writer *w, const char *name, const void *val, u32 len)
{
	u32 off = w->str_len;

	memcpy(w->str + off, name, strlen(name) + 1);
	w->str_len += strlen(name) + 1;
	fw_u32(w, FDT_PROP);
	fw_u32(w, len);
	fw_u32(w, off);
	fw_bytes(w, val, len);
}

static void fw_cells(struct fdt_writer *w, const char *name, int n, const u32 *cells)
{
	u32 be[8];

	for (int i = 0; i < n; i++)
		be[i] = cpu_to_be32(cells[i]);
	fw_prop(w, name, be, n * 4);
}

#define fw_u32s(w, name, ...) do {					\
	const u32 __c[] = { __VA_ARGS__ };				\
	fw_cells(w, name, ARRAY_SIZE(__c), __c);			\
} while (0)
#define fw_str(w, name, s) fw_prop(w, name, s, sizeof(s))

struct blob {
	void *area;	/* vmalloc()ed */
	void *fdt;	/* ends where the area's guard page starts */
	u32 size;
};

/* Header + empty reservation map + structure + strings, at a page's end. */
static int fw_finish(struct fdt_writer *w, struct blob *b)
{
	u32 rsv = sizeof(struct fdt_header), st = rsv + 16, str = st + w->st_len;
	u32 total = str + w->str_len;
	u32 pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
	struct fdt_header h = {
		.magic = cpu_to_be32(FDT_MAGIC), .totalsize = cpu_to_be32(total),
		.off_dt_struct = cpu_to_be32(st), .off_dt_strings = cpu_to_be32(str),
		.off_mem_rsvmap = cpu_to_be32(rsv), .version = cpu_to_be32(17),
		.last_comp_version = cpu_to_be32(16),
		.size_dt_strings = cpu_to_be32(w->str_len),
		.size_dt_struct = cpu_to_be32(w->st_len),
	};

	b->area = vmalloc(pages * PAGE_SIZE);
	if (!b->area)
		return -ENOMEM;
	/* Keep 4-byte alignment: total is a multiple of 4 after padding. */
	b->size = ALIGN(total, 4);
	b->fdt = (u8 *)b->area + pages * PAGE_SIZE - b->size;
	memset(b->fdt, 0, b->size);
	memcpy(b->fdt, &h, sizeof(h));
	memcpy((u8 *)b->fdt + st, w->st, w->st_len);
	memcpy((u8 *)b->fdt + str, w->str, w->str_len);
	return 0;
}

/* A tree shaped like QEMU's riscv64 virt machine's, cut down. */
static int build_virt(struct blob *b)
{
	struct fdt_writer *w = kzalloc(sizeof(*w), GFP_KERNEL);
	int ret;

	if (!w)
		return -ENOMEM;
	fw_begin(w, "");
	fw_u32s(w, "#address-cells", 2);
	fw_u32s(w, "#size-cells", 2);
	fw_str(w, "compatible", "riscv-virtio");
	fw_begin(w, "chosen");
	fw_str(w, "bootargs", "console=ttyS0 kunit=1");
	fw_str(w, "stdout-path", "/soc/serial@10000000");
	fw_end(w);
	fw_begin(w, "memory@80000000");
	fw_str(w, "device_type", "memory");
	fw_u32s(w, "reg", 0, 0x80000000, 0, 0x8000000);
	fw_end(w);
	fw_begin(w, "cpus");
	fw_u32s(w, "#address-cells", 1);
	fw_u32s(w, "#size-cells", 0);
	fw_u32s(w, "timebase-frequency", 10000000);
	fw_begin(w, "cpu@0");
	fw_str(w, "device_type", "cpu");
	fw_u32s(w, "reg", 0);
	fw_end(w);
	fw_begin(w, "cpu@1");
	fw_str(w, "device_type", "cpu");
	fw_u32s(w, "reg", 1);
	fw_str(w, "status", "okay");
	fw_end(w);
	fw_begin(w, "cpu@2");
	fw_str(w, "device_type", "cpu");
	fw_u32s(w, "reg", 2);
	fw_str(w, "status", "disabled");
	fw_end(w);
	fw_end(w);
	fw_begin(w, "soc");
	fw_u32s(w, "#address-cells", 2);
	fw_u32s(w, "#size-cells", 2);
	fw_str(w, "compatible", "simple-bus");
	fw_begin(w, "serial@10000000");
	fw_u32s(w, "interrupts", 10);
	fw_u32s(w, "interrupt-parent", 3);
	fw_u32s(w, "reg", 0, 0x10000000, 0, 0x100);
	fw_str(w, "compatible", "ns16550a");
	fw_end(w);
	fw_begin(w, "plic@c000000");
	fw_u32s(w, "phandle", 3);
	fw_str(w, "compatible", "sifive,plic-1.0.0\0riscv,plic0");
	fw_u32s(w, "reg", 0, 0xc000000, 0, 0x600000);
	fw_end(w);
	fw_begin(w, "virtio_mmio@10001000");
	fw_str(w, "compatible", "virtio,mmio");
	fw_u32s(w, "reg", 0, 0x10001000, 0, 0x1000);
	fw_end(w);
	fw_u32(w, FDT_NOP);
	fw_begin(w, "virtio_mmio@10002000");
	fw_str(w, "compatible", "virtio,mmio");
	fw_u32s(w, "reg", 0, 0x10002000, 0, 0x1000);
	fw_end(w);
	fw_end(w);
	fw_end(w);
	fw_u32(w, FDT_END);
	ret = fw_finish(w, b);
	kfree(w);
	return ret;
}

/* Declares `fdt`, the virt tree in blob @b; ends the test if it cannot. */
#define GET_VIRT(test, b)						\
	void *fdt = build_virt(&(b)) ? NULL : (b).fdt;			\
	KUNIT_ASSERT_NOT_NULL(test, fdt);				\
	KUNIT_ASSERT_EQ(test, fdt_check_header(fdt), 0)

static void fdt_paths(struct kunit *test)
{
	struct blob b;
	GET_VIRT(test, b);
	int soc = fdt_path_offset(fdt, "/soc");
	int uart = fdt_path_offset(fdt, "/soc/serial@10000000");

	KUNIT_EXPECT_EQ(test, fdt_path_offset(fdt, "/"), 0);
	KUNIT_EXPECT_GT(test, soc, 0);
	KUNIT_EXPECT_GT(test, uart, soc);
	/* A component without a unit address matches any unit. */
	KUNIT_EXPECT_EQ(test, fdt_path_offset(fdt, "/soc/serial"), uart);
	KUNIT_EXPECT_EQ(test, fdt_path_offset(fdt, "//soc//serial/"), uart);
	KUNIT_EXPECT_EQ(test, fdt_path_offset(fdt, "/soc/serial@10000001"), -ENOENT);
	KUNIT_EXPECT_EQ(test, fdt_path_offset(fdt, "/soc/ser"), -ENOENT);
	KUNIT_EXPECT_EQ(test, fdt_path_offset(fdt, "/nothere"), -ENOENT);
	KUNIT_EXPECT_EQ(test, fdt_path_offset(fdt, "chosen"), -EINVAL);
	KUNIT_EXPECT_STREQ(test, fdt_get_name(fdt, uart, NULL), "serial@10000000");
	KUNIT_EXPECT_STREQ(test, fdt_get_name(fdt, 0, NULL), "");
	KUNIT_EXPECT_EQ(test, fdt_parent_offset(fdt, uart), soc);
	KUNIT_EXPECT_EQ(test, fdt_parent_offset(fdt, soc), 0);
	KUNIT_EXPECT_EQ(test, fdt_parent_offset(fdt, 0), -ENOENT);
	/* Not the start of a node. */
	KUNIT_EXPECT_NULL(test, fdt_get_name(fdt, uart + 4, NULL));
	vfree(b.area);
}

static void fdt_props(struct kunit *test)
{
	struct blob b;
	GET_VIRT(test, b);
	int chosen = fdt_path_offset(fdt, "/chosen");
	int cpus = fdt_path_offset(fdt, "/cpus");
	const char *args;
	int len;
	u32 v;

	args = fdt_getprop(fdt, chosen, "bootargs", &len);
	KUNIT_ASSERT_NOT_NULL(test, args);
	KUNIT_EXPECT_STREQ(test, args, "console=ttyS0 kunit=1");
	KUNIT_EXPECT_EQ(test, len, (int)sizeof("console=ttyS0 kunit=1"));
	KUNIT_EXPECT_NULL(test, fdt_getprop(fdt, chosen, "nothere", &len));
	KUNIT_EXPECT_EQ(test, len, -ENOENT);
	/* A child's property is not the parent's. */
	KUNIT_EXPECT_NULL(test, fdt_getprop(fdt, 0, "bootargs", &len));
	KUNIT_EXPECT_EQ(test, fdt_getprop_u32(fdt, cpus, "timebase-frequency", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 10000000U);
	KUNIT_EXPECT_EQ(test, fdt_getprop_u32(fdt, cpus, "timebase-frequency", 1, &v), -ENOENT);
	KUNIT_EXPECT_EQ(test, fdt_address_cells(fdt, cpus), 1);
	KUNIT_EXPECT_EQ(test, fdt_size_cells(fdt, cpus), 0);
	/* Defaults when absent: 2 and 1. */
	KUNIT_EXPECT_EQ(test, fdt_address_cells(fdt, chosen), 2);
	KUNIT_EXPECT_EQ(test, fdt_size_cells(fdt, chosen), 1);
	vfree(b.area);
}

static void fdt_reg_and_compatible(struct kunit *test)
{
	struct blob b;
	GET_VIRT(test, b);
	int mem = fdt_path_offset(fdt, "/memory");
	int cpu = fdt_path_offset(fdt, "/cpus/cpu@0");
	int plic, virtio, n = 0;
	u64 addr, size;

	KUNIT_ASSERT_EQ(test, fdt_get_reg(fdt, mem, 0, &addr, &size), 0);
	KUNIT_EXPECT_EQ(test, addr, 0x80000000ULL);
	KUNIT_EXPECT_EQ(test, size, 0x8000000ULL);
	KUNIT_EXPECT_EQ(test, fdt_get_reg(fdt, mem, 1, &addr, &size), -ENOENT);
	KUNIT_ASSERT_EQ(test, fdt_get_reg(fdt, cpu, 0, &addr, &size), 0);
	KUNIT_EXPECT_EQ(test, addr, 0ULL);
	KUNIT_EXPECT_EQ(test, size, 0ULL);
	KUNIT_EXPECT_EQ(test, fdt_get_reg(fdt, 0, 0, &addr, &size), -EINVAL);

	plic = fdt_node_offset_by_compatible(fdt, -1, "riscv,plic0");
	KUNIT_EXPECT_EQ(test, plic, fdt_path_offset(fdt, "/soc/plic"));
	KUNIT_EXPECT_EQ(test, fdt_node_check_compatible(fdt, plic, "sifive,plic-1.0.0"), 0);
	KUNIT_EXPECT_EQ(test, fdt_node_check_compatible(fdt, plic, "riscv,plic"), 1);
	KUNIT_EXPECT_EQ(test, fdt_node_check_compatible(fdt, mem, "x"), -ENOENT);
	KUNIT_EXPECT_EQ(test, fdt_node_offset_by_phandle(fdt, 3), plic);
	KUNIT_EXPECT_EQ(test, fdt_node_offset_by_phandle(fdt, 4), -ENOENT);

	for (virtio = fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio"); virtio >= 0;
	     virtio = fdt_node_offset_by_compatible(fdt, virtio, "virtio,mmio")) {
		KUNIT_ASSERT_EQ(test, fdt_get_reg(fdt, virtio, 0, &addr, &size), 0);
		KUNIT_EXPECT_EQ(test, addr, 0x10001000ULL + n * 0x1000);
		n++;
	}
	KUNIT_EXPECT_EQ(test, virtio, -ENOENT);
	KUNIT_EXPECT_EQ(test, n, 2);
	vfree(b.area);
}

/* CPU nodes are available unless their status says otherwise. */
static void fdt_cpu_nodes(struct kunit *test)
{
	struct blob b;
	GET_VIRT(test, b);

	KUNIT_EXPECT_TRUE(test, fdt_cpu_node_available(fdt, fdt_path_offset(fdt, "/cpus/cpu@0")));
	KUNIT_EXPECT_TRUE(test, fdt_cpu_node_available(fdt, fdt_path_offset(fdt, "/cpus/cpu@1")));
	KUNIT_EXPECT_FALSE(test, fdt_cpu_node_available(fdt, fdt_path_offset(fdt, "/cpus/cpu@2")));
	KUNIT_EXPECT_FALSE(test, fdt_cpu_node_available(fdt, fdt_path_offset(fdt, "/cpus")));
	KUNIT_EXPECT_FALSE(test, fdt_cpu_node_available(fdt, fdt_path_offset(fdt, "/memory")));
	vfree(b.area);
}

static void fdt_walk(struct kunit *test)
{
	static const char *const soc_children[] = {
		"serial@10000000", "plic@c000000", "virtio_mmio@10001000", "virtio_mmio@10002000",
	};
	struct blob b;
	GET_VIRT(test, b);
	int node, n = 0, depth = -1, nodes = 0, maxdepth = 0;

	fdt_for_each_subnode(node, fdt, fdt_path_offset(fdt, "/soc")) {
		KUNIT_ASSERT_LT(test, n, 4);
		KUNIT_EXPECT_STREQ(test, fdt_get_name(fdt, node, NULL), soc_children[n]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 4);
	KUNIT_EXPECT_EQ(test, fdt_first_subnode(fdt, fdt_path_offset(fdt, "/cpus/cpu@0")), -ENOENT);
	for (node = fdt_next_node(fdt, -1, &depth); node >= 0; node = fdt_next_node(fdt, node, &depth)) {
		nodes++;
		maxdepth = max(maxdepth, depth);
	}
	KUNIT_EXPECT_EQ(test, node, -ENOENT);
	KUNIT_EXPECT_EQ(test, nodes, 12);	/* root, chosen, memory, cpus + 3, soc + 4 */
	KUNIT_EXPECT_EQ(test, maxdepth, 2);
	vfree(b.area);
}

static void fdt_bad_headers(struct kunit *test)
{
	struct blob b;
	GET_VIRT(test, b);
	struct fdt_header *h = fdt;
	u32 good;

	good = h->magic;
	h->magic = cpu_to_be32(0xfeedd00d);
	KUNIT_EXPECT_EQ(test, fdt_check_header(fdt), -EINVAL);
	KUNIT_EXPECT_EQ(test, fdt_path_offset(fdt, "/chosen"), -EINVAL);
	h->magic = good;

	good = h->size_dt_struct;
	h->size_dt_struct = cpu_to_be32(be32_to_cpu(good) + 4096);
	KUNIT_EXPECT_EQ(test, fdt_check_header(fdt), -EINVAL);
	h->size_dt_struct = good;

	good = h->version;
	h->version = cpu_to_be32(15);
	KUNIT_EXPECT_EQ(test, fdt_check_header(fdt), -EINVAL);
	h->version = good;
	KUNIT_EXPECT_EQ(test, fdt_check_header(fdt), 0);
	KUNIT_EXPECT_EQ(test, fdt_check_header(NULL), -EINVAL);
	vfree(b.area);
}

/*
 * Corrupt the structure and strings blocks byte by byte; every lookup must
 * return a result or an error, never read past the blob (the guard page
 * after it would fault) or loop forever.
 */
static void fdt_corrupt_blobs(struct kunit *test)
{
	struct blob b;
	GET_VIRT(test, b);
	u32 st = be32_to_cpu(((struct fdt_header *)fdt)->off_dt_struct);
	u32 seed = 12345, errors = 0;
	u64 addr, size;
	int len;

	for (u32 i = st; i < b.size; i++) {
		u8 *p = (u8 *)fdt + i, saved = *p;

		seed = seed * 1103515245 + 12345;
		*p = (i % 3 == 0) ? 0xff : (u8)(seed >> 16);
		if (fdt_path_offset(fdt, "/soc/virtio_mmio@10002000") < 0)
			errors++;
		fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "bootargs", &len);
		fdt_get_reg(fdt, fdt_path_offset(fdt, "/memory"), 0, &addr, &size);
		fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio");
		fdt_node_offset_by_phandle(fdt, 3);
		*p = saved;
	}
	/* Corruption was noticed at least sometimes; the blob is whole again. */
	KUNIT_EXPECT_GT(test, errors, 0U);
	KUNIT_EXPECT_GT(test, fdt_path_offset(fdt, "/soc/virtio_mmio@10002000"), 0);
	vfree(b.area);
}

static struct kunit_case fdt_cases[] = {
	KUNIT_CASE(fdt_paths),
	KUNIT_CASE(fdt_props),
	KUNIT_CASE(fdt_reg_and_compatible),
	KUNIT_CASE(fdt_cpu_nodes),
	KUNIT_CASE(fdt_walk),
	KUNIT_CASE(fdt_bad_headers),
	KUNIT_CASE(fdt_corrupt_blobs),
	{}
};

static struct kunit_suite fdt_suite = {
	.name = "fdt",
	.test_cases = fdt_cases,
};
kunit_test_suites(&fdt_suite);
