#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Mount hostile ext2 images in Ferrite (make fuzz-ext2; a slice in make test).

    ext2_fuzz.py --kernel VMLINUX --initrd CPIO [--arch ARCH] [--seed S]
                 [--count N] [--first I] [--batch B]

The host makes small valid images with mke2fs -d (1, 2 and 4 KiB blocks,
revision 0 and 1, one and two groups; files with indirect, double- and
triple-indirect blocks, holes, a directory htree-indexed by e2fsck -D,
fast, slow and dangling symlinks, a FIFO), then image I of a run is one
of them mutated by a random.Random seeded with "SEED:I" alone, so image
I is the same whatever the run around it: bit and byte flips in metadata
blocks, and chosen values (0, 1, all ones, off by one, another
structure's block, the directory itself or an ancestor as an entry's
inode...) written into superblock, group descriptor, inode, directory
entry, symlink and indirect-block fields. The REGRESSIONS, images that
once failed, come first in every boot.

B images at a time ride gzipped on one disk, attached as /dev/vda; a
busybox script writes each to /dev/nullb0, mounts it read-only, walks
everything (ls -lRa: readdir, lstat, readlink; every regular file read
by head and tail; statfs) and unmounts it. An image passes when the
kernel prints no oops, panic, BUG, WARNING or lock-order report, it
takes less than SLOW_S seconds (else: a hang), every mount is
unmounted, and every error a tool printed is one of ALLOWED_ERRORS (a
clean errno, not EFAULT, ENOMEM...). Each boot also compares MemFree
after WARMUP images and at the end: more than LEAK_KB lost fails.
Prints the seeds of images that failed: --seed S --first I --count 1
boots with that one.
"""
import argparse
import gzip
import os
import random
import re
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ext2_images import FAKE_TIME, UUID, run, tool, write_at  # noqa: E402

SLOT = 512 * 1024       # bytes per image on the disk
# name: block size, blocks, extra mke2fs options.
VARIANTS = {
    "b1k": (1024, 512, ["-g", "256", "-N", "64"]),
    "b1k_rev0": (1024, 256, ["-r", "0", "-N", "32"]),
    "b2k": (2048, 128, ["-N", "32", "-O", "^sparse_super,^resize_inode"]),
    "b4k": (4096, 64, ["-N", "32"]),
}
# What busybox prints after the last ": " for an errno the kernel may give
# for a corrupt image (and ENOENT, ENOTDIR... for names a corrupt
# directory holds).
ALLOWED_ERRORS = {
    "Structure needs cleaning", "Input/output error", "Invalid argument",
    "No such file or directory", "Not a directory", "Is a directory",
    "File too large", "Symbolic link loop", "Too many levels of symbolic links",
    "File name too long", "Value too large for defined data type",
}
# Kernel messages that fail an image whatever else happened.
BAD = re.compile(r"Oops|BUG[: ]|Kernel panic|WARNING:|Call [Tt]race|lockdep|"
                 r"Unable to handle|stack overflow|Rust panic")
LEAK_KB = 512           # MemFree lost over a boot before it counts as a leak
WARMUP = 8              # images walked before the first MemFree reading
SLOW_S = 30             # seconds one image may take before it counts as a hang

# The guest: images FIRST.. on /dev/vda, each gzipped, padded to SLOT bytes
# (so that nothing of one is left on the scratch disk for the next), at
# the 1 KiB offset and count list.txt gives. "@I UPTIME" before image I
# (the last one printed names a hang); the tools' errors go to one awk,
# which prints each distinct message once with its count and first image.
GUEST = r"""
DEV=/dev/nullb0 MNT=/mnt/fuzz WARMUP=%(warmup)d
mkdir -p $MNT
free_kb() { awk '/^MemFree:/ { print $2 }' /proc/meminfo; }
walk() {
	ls -lRa $MNT > /dev/null
	find $MNT -type f -exec head -c 1048576 {} + -exec tail -c 65536 {} + > /dev/null
	stat -f $MNT > /dev/null
}
exec 3>&1
{
	n=0
	while read -r i skip count; do
		[ $n = $WARMUP ] && echo "memfree-before $(free_kb)" >&3
		n=$((n + 1))
		read -r up _ < /proc/uptime
		echo "@$i $up" >&3
		echo "@$i" >&2
		dd if=/dev/vda bs=1024 skip=$skip count=$count 2>/dev/null | zcat > $DEV ||
			echo "copy-failed $i" >&3
		if mount -t ext2 -o ro $DEV $MNT; then
			walk
			umount $MNT || echo "umount-failed $i" >&3
		fi
	done < list.txt
	echo "memfree-after $(free_kb)" >&3
	echo "fuzz-done $n" >&3
} 2>&1 >&3 | awk -F': ' '/^@/ { i = substr($0, 2); next }
		{ if (!n[$NF]++) first[$NF] = i }
		END { for (m in n) print "error " n[m] " " first[m] " " m }'
if grep -q " $MNT " /proc/mounts; then echo "still-mounted"; fi
"""


# --- Valid images ----------------------------------------------------------

def tree(root, bs):
    def p(*names):
        return os.path.join(root, *names)

    with open(p("hello"), "wb") as f:
        f.write(b"hello, ext2\n")
    # Past the 12 direct blocks: a single-indirect block.
    with open(p("big"), "wb") as f:
        f.write(bytes((i * 7 + 3) % 251 for i in range(14 * bs + 100)))
    per = bs // 4
    # One data block past the double-indirect start, then (1 KiB only)
    # past the triple-indirect one.
    write_at(p("dind"), (13 + per) * bs, (12 + per) * bs + 5, b"DIND")
    if bs == 1024:
        write_at(p("tind"), (13 + per + per * per) * bs, (12 + per + per * per) * bs, b"TIND")
    os.makedirs(p("a", "b", "c"))
    with open(p("a", "b", "c", "deep"), "wb") as f:
        f.write(b"deep\n")
    # More than one block of entries at every block size (hard links, no
    # inodes): e2fsck -D indexes it where dir_index is on.
    os.mkdir(p("many"))
    for i in range(bs // 24 + 20):
        os.link(p("hello"), p("many", "entry-%04d-with-a-long-name" % i))
    os.symlink("hello", p("fast"))
    os.symlink("a/b/c/" + "../c/" * 12 + "deep", p("slow"))
    os.symlink("a/b", p("dirlink"))
    os.symlink("nowhere", p("dangling"))
    os.mkfifo(p("fifo"))


def make_base(tmp, name):
    bs, blocks, opts = VARIANTS[name]
    src = os.path.join(tmp, name + ".src")
    os.mkdir(src)
    tree(src, bs)
    for d, dirs, files in os.walk(src):
        for n in dirs + files:
            os.utime(os.path.join(d, n), (FAKE_TIME, FAKE_TIME), follow_symlinks=False)
    img = os.path.join(tmp, name + ".img")
    run("mke2fs", "-q", "-F", "-t", "ext2", "-U", UUID, "-b", str(bs),
        "-E", "root_owner=0:0,hash_seed=" + UUID, *opts, "-d", src, img, str(blocks))
    r = subprocess.run([tool("e2fsck"), "-fyD", img], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        sys.exit("ext2_fuzz.py: e2fsck -fyD %s: status %d" % (name, r.returncode))
    run("e2fsck", "-fn", img)
    with open(img, "rb") as f:
        return Layout(f.read())


class Layout:
    """A valid image and where its metadata is, for the mutations to aim at."""

    def __init__(self, data):
        self.data = data
        u32 = lambda off: struct.unpack_from("<I", data, off)[0]
        u16 = lambda off: struct.unpack_from("<H", data, off)[0]
        self.inodes_count, self.blocks_count = u32(1024), u32(1028)
        self.first_data_block = u32(1044)
        self.bs = 1024 << u32(1048)
        self.blocks_per_group, self.inodes_per_group = u32(1056), u32(1064)
        rev = u32(1024 + 76)
        self.inode_size = u16(1024 + 88) if rev else 128
        groups = -(-(self.blocks_count - self.first_data_block) // self.blocks_per_group)
        gdt = (self.first_data_block + 1) * self.bs
        self.sb_block = self.first_data_block
        self.gdt_block = self.first_data_block + 1
        self.gd_offsets = [gdt + 32 * g for g in range(groups)]
        self.bitmaps, self.itables = [], []
        it_blocks = -(-self.inodes_per_group * self.inode_size // self.bs)
        for off in self.gd_offsets:
            self.bitmaps += [u32(off), u32(off + 4)]
            self.itables += range(u32(off + 8), u32(off + 8) + it_blocks)
        # Used inodes: (number, offset, mode); their directory, symlink
        # and indirect blocks.
        self.inodes, self.dir_blocks, self.ind_blocks = [], [], []
        self.symlinks, self.dirs = [], []
        for ino in range(1, self.inodes_count + 1):
            g, i = divmod(ino - 1, self.inodes_per_group)
            off = u32(self.gd_offsets[g] + 8) * self.bs + i * self.inode_size
            mode, links = u16(off), u16(off + 26)
            if not mode or not links:
                continue
            self.inodes.append((ino, off, mode))
            kind = mode & 0o170000
            blocks, ind = self.block_map(off)
            self.ind_blocks += ind
            if kind == 0o040000:
                self.dirs.append(ino)
                self.dir_blocks += [(ino, b) for b in blocks]
            elif kind == 0o120000:
                self.symlinks.append(off)

    def block_map(self, off):
        """The data and indirect blocks of the inode at off."""
        ptrs = struct.unpack_from("<15I", self.data, off + 40)
        data, ind = [b for b in ptrs[:12] if b], []

        def walk(b, depth):
            if not b or b >= self.blocks_count:
                return
            if depth == 0:
                data.append(b)
                return
            ind.append(b)
            for p in struct.unpack_from("<%dI" % (self.bs // 4), self.data, b * self.bs):
                walk(p, depth - 1)
        if (struct.unpack_from("<H", self.data, off)[0] & 0o170000) != 0o120000 or \
                struct.unpack_from("<I", self.data, off + 28)[0]:
            for depth, b in enumerate(ptrs[12:], 1):
                walk(b, depth)
        else:
            data = []       # a fast symlink: i_block is its target
        return data, ind

    def metadata_blocks(self):
        return ([self.sb_block, self.gdt_block] + self.bitmaps + self.itables +
                [b for _, b in self.dir_blocks] + self.ind_blocks)


# --- Mutations -----------------------------------------------------------

def interesting(rng, old, lay, bits=32):
    top = (1 << bits) - 1
    choices = [0, 1, 2, 3, 7, 8, 11, 12, 0x7f, 0x80, 0xff, 0x100, 0x3ff, 0x400,
               0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, top - 1, top,
               old + 1, old - 1, old * 2, old // 2, old ^ (1 << rng.randrange(bits)),
               lay.blocks_count - 1, lay.blocks_count, lay.blocks_count + 1,
               lay.inodes_count, lay.inodes_count + 1, lay.bs, lay.bs - 1,
               rng.getrandbits(bits)]
    return rng.choice(choices) & top


def put(img, off, size, value):
    struct.pack_into({1: "<B", 2: "<H", 4: "<I"}[size], img, off, value)


def get(img, off, size):
    return struct.unpack_from({1: "<B", 2: "<H", 4: "<I"}[size], img, off)[0]


# (offset in the superblock, size): counts, geometry, revision, features.
SB_FIELDS = [(0, 4), (4, 4), (8, 4), (12, 4), (16, 4), (20, 4), (24, 4), (28, 4),
             (32, 4), (36, 4), (40, 4), (56, 2), (76, 4), (84, 4), (88, 2),
             (92, 4), (96, 4), (100, 4)]
GD_FIELDS = [(0, 4), (4, 4), (8, 4), (12, 2), (14, 2), (16, 2)]
# mode, size, links, blocks, flags, i_block[0..14], file_acl, size_high.
INODE_FIELDS = ([(0, 2), (4, 4), (26, 2), (28, 4), (32, 4)] +
                [(40 + 4 * k, 4) for k in range(15)] + [(104, 4), (108, 4)])


def mut_flip(img, lay, rng):
    b = rng.choice(lay.metadata_blocks())
    for _ in range(rng.randint(1, 8)):
        bit = rng.randrange(lay.bs * 8)
        img[b * lay.bs + bit // 8] ^= 1 << (bit % 8)


def mut_bytes(img, lay, rng):
    b = rng.choice(lay.metadata_blocks())
    at = b * lay.bs + rng.randrange(lay.bs - 4)
    for k in range(rng.randint(1, 4)):
        img[at + k] = rng.choice([0, 0xff, 0x80, 0x7f, rng.getrandbits(8)])


def mut_sb(img, lay, rng):
    off, size = rng.choice(SB_FIELDS)
    put(img, 1024 + off, size, interesting(rng, get(img, 1024 + off, size), lay, size * 8))


def mut_gd(img, lay, rng):
    base = rng.choice(lay.gd_offsets)
    off, size = rng.choice(GD_FIELDS)
    value = rng.choice([interesting(rng, get(img, base + off, size), lay, size * 8),
                        rng.choice(lay.metadata_blocks())])
    put(img, base + off, size, value & ((1 << (size * 8)) - 1))


def mut_inode(img, lay, rng):
    _, base, _ = rng.choice(lay.inodes)
    off, size = rng.choice(INODE_FIELDS + [(40 + 4 * k, 4) for k in (12, 13, 14)] * 2)
    old = get(img, base + off, size)
    if off == 0:
        value = rng.choice([0, 0o170000, 0o040755, 0o100644, 0o120777, 0o020644,
                            0o140755, 0o010644, old ^ 0o170000,
                            interesting(rng, old, lay, 16)])
    elif 40 <= off < 100:
        value = rng.choice([interesting(rng, old, lay),
                            rng.choice(lay.metadata_blocks()),
                            rng.randrange(lay.blocks_count)])
    else:
        value = interesting(rng, old, lay, size * 8)
    put(img, base + off, size, value & ((1 << (size * 8)) - 1))


def dirents(img, lay, block):
    """The offsets of the entries of a valid directory block."""
    out, off = [], 0
    while off + 8 <= lay.bs:
        out.append(block * lay.bs + off)
        rec = get(img, block * lay.bs + off + 4, 2)
        if rec < 8:
            break
        off += rec
    return out


def mut_dirent(img, lay, rng):
    dino, block = rng.choice(lay.dir_blocks)
    ents = dirents(img, lay, block)
    if not ents:
        return
    e = rng.choice(ents)
    what = rng.choice(["ino", "ino", "loop", "rec_len", "name_len", "type", "name"])
    if what == "ino":
        put(img, e, 4, rng.choice([0, 1, 7, 11, lay.inodes_count, lay.inodes_count + 1,
                                   0xffffffff, rng.choice(lay.inodes)[0]]))
    elif what == "loop":
        # The directory itself, the root, or another directory (an
        # ancestor, or a second parent).
        put(img, e, 4, rng.choice([dino, 2] + lay.dirs))
    elif what == "rec_len":
        old = get(img, e + 4, 2)
        put(img, e + 4, 2, rng.choice([0, 1, 4, 8, 12, old + 1, old + 4, old - 4,
                                       lay.bs, lay.bs + 4, 0xfffc, 0xffff]) & 0xffff)
    elif what == "name_len":
        put(img, e + 6, 1, rng.choice([0, 1, 2, 255, get(img, e + 4, 2) - 7 & 0xff,
                                       rng.getrandbits(8)]))
    elif what == "type":
        put(img, e + 7, 1, rng.choice([0, 1, 2, 7, 8, 0xff]))
    else:
        n = get(img, e + 6, 1)
        if n:
            img[e + 8 + rng.randrange(n)] = rng.choice([0, ord("/"), ord("."), 0xff])


def mut_symlink(img, lay, rng):
    if not lay.symlinks:
        return
    base = rng.choice(lay.symlinks)
    if rng.random() < 0.7:
        put(img, base + 4, 4, rng.choice([0, 1, 59, 60, 61, lay.bs - 1, lay.bs, lay.bs + 1,
                                          0xffffffff, interesting(rng, 0, lay)]))
    else:
        put(img, base + 28, 4, rng.choice([0, 2, lay.bs // 512, 0xffffffff]))


def mut_indirect(img, lay, rng):
    if not lay.ind_blocks:
        return mut_inode(img, lay, rng)
    b = rng.choice(lay.ind_blocks)
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(min(lay.bs // 4, 8) if rng.random() < 0.7 else lay.bs // 4)
        put(img, b * lay.bs + 4 * k, 4, rng.choice(
            [b, 0, 1, lay.sb_block, lay.gdt_block, lay.blocks_count - 1,
             lay.blocks_count, 0xffffffff, rng.choice(lay.metadata_blocks()),
             rng.choice(lay.ind_blocks)]))


MUTATIONS = [(mut_flip, 3), (mut_bytes, 2), (mut_sb, 2), (mut_gd, 2), (mut_inode, 5),
             (mut_dirent, 5), (mut_symlink, 2), (mut_indirect, 3)]


def dir_entries(img, lay, dir_ino):
    """(offset, inode, name) of each entry of directory dir_ino."""
    out = []
    for d, block in lay.dir_blocks:
        if d == dir_ino:
            for e in dirents(img, lay, block):
                out.append((e, get(img, e, 4), bytes(img[e + 8:e + 8 + get(img, e + 6, 1)])))
    return out


def child(img, lay, path):
    """The inode number of path (b"many"...) in the root directory."""
    return next(ino for _, ino, name in dir_entries(img, lay, 2) if name == path)


def reg_slash_in_name(img, lay):
    """/many's ".." entry renamed "./": a walk that takes the names listed
    for what they say enters /many forever (seed 1, image 82)."""
    off = next(e for e, _, name in dir_entries(img, lay, child(img, lay, b"many"))
               if name == b"..")
    img[off + 9] = ord("/")


def reg_nul_in_name(img, lay):
    """/lost+found's "." entry renamed "\\0", which user space reads as an
    empty name: the same endless walk (seed 1, image 102)."""
    off = next(e for e, _, name in dir_entries(img, lay, 11) if name == b".")
    img[off + 8] = 0


def reg_dir_loop(img, lay):
    """/a/b's entry "c" names the root: a loop of directories, walked down
    until the path is too long, slower at each level (seed 1, image 151)."""
    b = child(img, lay, b"a")
    b = next(ino for _, ino, name in dir_entries(img, lay, b) if name == b"b")
    off = next(e for e, _, name in dir_entries(img, lay, b) if name == b"c")
    put(img, off, 4, 2)


# Images that once failed, each from a base image and a change written
# for what it does (not by seed: a change in the mutations would lose
# them). Every boot mounts them first.
REGRESSIONS = [("b1k", reg_slash_in_name), ("b1k", reg_nul_in_name), ("b4k", reg_dir_loop)]


def make_regression(bases, k):
    base, fn = REGRESSIONS[k]
    img = bytearray(bases[base].data)
    fn(img, bases[base])
    return bytes(img), "%s %s" % (base, fn.__name__)


def make_image(bases, seed, index):
    """Image index of the run seeded seed: (its bytes, what was done)."""
    rng = random.Random("%s:%d" % (seed, index))
    name = rng.choice(sorted(bases))
    lay = bases[name]
    img = bytearray(lay.data)
    done = []
    for _ in range(1 + min(int(rng.expovariate(0.7)), 6)):
        fn = rng.choices([m for m, _ in MUTATIONS], [w for _, w in MUTATIONS])[0]
        fn(img, lay, rng)
        done.append(fn.__name__[4:])
    return bytes(img), "%s %s" % (name, ",".join(done))


# --- Boots ---------------------------------------------------------------

def run_batch(args, bases, first, count, log):
    """Boots once for images first..first+count-1; returns the problems."""
    with tempfile.TemporaryDirectory() as tmp:
        disk = os.path.join(tmp, "disk.img")
        what, lines, at = {}, [], 0
        images = [("r%d" % k, lambda k=k: make_regression(bases, k))
                  for k in range(len(REGRESSIONS))]
        images += [(str(i), lambda i=i: make_image(bases, args.seed, i))
                   for i in range(first, first + count)]
        with open(disk, "wb") as f:
            for i, make in images:
                img, what[i] = make()
                packed = gzip.compress(img.ljust(SLOT, b"\0"), 6, mtime=0)
                packed = packed.ljust(-(-len(packed) // 1024) * 1024, b"\0")
                f.write(packed)
                lines.append("%s %d %d\n" % (i, at, len(packed) // 1024))
                at += len(packed) // 1024
            f.truncate(max(at * 1024, 1 << 20))
        script = os.path.join(tmp, "fuzz.sh")
        with open(script, "w") as f:
            f.write(GUEST % {"warmup": WARMUP})
        listing = os.path.join(tmp, "list.txt")
        with open(listing, "w") as f:
            f.write("".join(lines))
        env = dict(os.environ, ARCH=args.arch, KERNEL=args.kernel, INITRAMFS=args.initrd,
                   TIMEOUT=str(args.timeout + count), DISK=disk)
        p = subprocess.run([os.path.join(HERE, "run-in-vm.sh"), script, listing], env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, check=False)
    out = p.stdout.decode("utf-8", "replace")
    log.write(out)
    return check(out, p.returncode, len(images), what, args.seed)


def check(out, status, count, what, seed):
    """The problems the console out of a boot that ran count images shows."""
    problems, last, started = [], None, None
    memfree = {}
    for line in out.splitlines():
        if line.startswith("@"):
            label, at = line[1:].split()[:2]
            if started is not None and float(at) - started > SLOW_S:
                problems.append("image %s: took %.0f s (a hang?)" % (last, float(at) - started))
            last, started = label, float(at)
        elif BAD.search(line):
            problems.append("image %s: kernel: %s" % (last, line.strip()))
        elif line.startswith("umount-failed"):
            problems.append("image %s: umount failed" % line.split()[1])
        elif line.startswith(("copy-failed", "still-mounted")):
            problems.append(line)
        elif line.startswith("memfree-"):
            memfree[line.split()[0]] = int(line.split()[1])
        elif line.startswith("error "):
            _, n, first, msg = line.split(" ", 3)
            if msg not in ALLOWED_ERRORS:
                problems.append("image %s: %s times (from this image on) an error that "
                                "is not a clean errno: %s" % (first, n, msg))
    if "fuzz-done %d" % count not in out or status != 0:
        problems.append("the boot did not finish (exit %d): last image started %s" %
                        (status, last))
    elif len(memfree) == 2:
        lost = memfree["memfree-before"] - memfree["memfree-after"]
        if lost > LEAK_KB:
            problems.append("%d KiB of MemFree lost between image %d and the end (leak?)" %
                            (lost, WARMUP))
    bad = {m.group(1) for m in (re.match(r"image (\S+):", p) for p in problems) if m}
    for i in sorted(bad):
        problems.append("  image %s (seed %s): %s" % (i, seed, what.get(i, "?")))
    return problems


def fuzz(args, log_path):
    """Runs args.count images from args.first; returns the problems."""
    with tempfile.TemporaryDirectory() as tmp:
        bases = {name: make_base(tmp, name) for name in VARIANTS}
    problems = []
    with open(log_path, "w", encoding="utf-8") as log:
        for first in range(args.first, args.first + args.count, args.batch):
            n = min(args.batch, args.first + args.count - first)
            t0 = time.monotonic()
            got = run_batch(args, bases, first, n, log)
            problems += got
            if args.progress:
                print("ext2_fuzz: images %d..%d: %s (%.0f s)" % (
                    first, first + n - 1, "%d problems" % len(got) if got else "ok",
                    time.monotonic() - t0), flush=True)
                for p in got:
                    print("  " + p, flush=True)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", default="x86_64")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--timeout", type=int, default=120, help="seconds per boot, plus 1 per image")
    args = ap.parse_args()
    args.progress = True
    log = os.path.join(os.path.dirname(args.kernel), "test-logs", "ext2-fuzz.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    t0 = time.monotonic()
    problems = fuzz(args, log)
    print("ext2_fuzz: seed %s: %d images from %d, %s in %.0f s (console: %s)" % (
        args.seed, args.count, args.first,
        "%d problems" % len(problems) if problems else "all survived",
        time.monotonic() - t0, log))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
