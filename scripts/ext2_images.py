#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Build the ext2 test images with the host's e2fsprogs.

    ext2_images.py OUTDIR

Makes one source tree (tree()) and, from it, one image per variant of
VARIANTS with `mke2fs -t ext2 -d`, then sets owners and times with
`debugfs -w` (so the images are the same whoever builds them), indexes
the directories (`e2fsck -fyD`: dir_index images get htree directories,
which ext2 reads as linear ones) and checks each with `e2fsck -fn`.
Each image is written packed, as OUTDIR/NAME.simg, for fs/ext2's KUnit
tests to embed: little-endian u32s N (the 1 KiB chunks that are not all
zero) and T (all the image's chunks), N sorted u32 numbers of those
chunks, then those N chunks. The zero chunks
(most of an image) are left out; the tests read them back as zeros.

The tests in fs/ext2/tests.rs know this tree: change both together.
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile

CHUNK = 1024

# name: mke2fs options, blocks (of the variant's size).
VARIANTS = {
    # default ext2 features (sparse_super, filetype, dir_index, ext_attr,
    # resize_inode, large_file), 4 groups: backups in groups 0, 1 and 3.
    "b1k": (["-b", "1024", "-g", "256", "-N", "256"], 1024),
    # every group has a superblock backup.
    "b2k_nosparse": (["-b", "2048", "-g", "256", "-N", "256",
                      "-O", "^sparse_super,^resize_inode"], 1024),
    "b4k": (["-b", "4096", "-N", "256"], 256),
    # revision 0: no features, 128-byte inodes, 16-bit name lengths.
    "rev0": (["-b", "1024", "-r", "0", "-N", "256"], 1024),
}


def pattern(n):
    """The bytes of /pattern: byte i is (7i + 3) mod 251."""
    return bytes((i * 7 + 3) % 251 for i in range(n))


def write_at(path, size, offset, data):
    """A sparse file of `size` bytes holding `data` at `offset`."""
    with open(path, "wb") as f:
        f.truncate(size)
        f.seek(offset)
        f.write(data)


def tree(root):
    def p(*names):
        return os.path.join(root, *names)

    with open(p("hello"), "wb") as f:
        f.write(b"hello, ext2\n")
    with open(p("pattern"), "wb") as f:
        f.write(pattern(20000))
    # Data past the double-indirect start at 1 KiB blocks (block 268),
    # holes before it.
    write_at(p("sparse"), 300 * 1024, 300 * 1024 - 11, b"END-OF-DIND")
    # Past the triple-indirect start at 1 KiB blocks (block 65804).
    write_at(p("tind"), 70 * 1024 * 1024 + 4, 70 * 1024 * 1024, b"TIND")
    os.makedirs(p("a", "b", "c", "d", "e"))
    with open(p("a", "b", "c", "d", "e", "deep"), "wb") as f:
        f.write(b"deep\n")
    # A directory of more than one block at every block size: 400
    # entries, each a hard link to /hello.
    os.mkdir(p("big"))
    for i in range(400):
        os.link(p("hello"), p("big", "f%03d" % i))
    os.symlink("hello", p("fast"))
    os.symlink("a/b/c/d/e/" + "x" * 90, p("slow"))


DEBUGFS = """\
sif /hello uid 1000
sif /hello gid 100
sif /hello mode 0100640
sif /hello mtime 0x5f5e1000
"""


def tool(name):
    """e2fsprogs' tools live in /usr/sbin, which a user's PATH may lack."""
    path = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
    found = shutil.which(name, path=path)
    if not found:
        sys.exit("ext2_images.py: %s not found: install e2fsprogs" % name)
    return found


# A fixed UUID, hash seed (so the htree's order) and times on the tree:
# images of two builds differ only in the times e2fsprogs stamps.
UUID = "6f2e3b1c-5a4d-4e8f-9b7a-0c1d2e3f4a5b"
FAKE_TIME = 1600000000


def run(name, *args):
    r = subprocess.run([tool(name), *args], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit("ext2_images.py: %s %s: status %d\n%s" % (
            name, " ".join(args), r.returncode, r.stderr.decode(errors="replace")))


def pack(img, out):
    with open(img, "rb") as f:
        data = f.read()
    chunks = []
    for nr in range(len(data) // CHUNK):
        c = data[nr * CHUNK:(nr + 1) * CHUNK]
        if c.count(0) != CHUNK:
            chunks.append((nr, c))
    with open(out + ".tmp", "wb") as f:
        f.write(struct.pack("<II", len(chunks), len(data) // CHUNK))
        f.write(b"".join(struct.pack("<I", nr) for nr, _ in chunks))
        f.write(b"".join(c for _, c in chunks))
    os.replace(out + ".tmp", out)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        os.mkdir(src)
        tree(src)
        for d, dirs, files in os.walk(src):
            for n in dirs + files:
                os.utime(os.path.join(d, n), (FAKE_TIME, FAKE_TIME),
                         follow_symlinks=False)
        cmds = os.path.join(tmp, "debugfs.cmds")
        with open(cmds, "w") as f:
            f.write(DEBUGFS)
        for name, (opts, blocks) in VARIANTS.items():
            img = os.path.join(tmp, name + ".img")
            run("mke2fs", "-q", "-F", "-t", "ext2", "-U", UUID,
                "-E", "root_owner=0:0,hash_seed=" + UUID,
                *opts, "-d", src, img, str(blocks))
            run("debugfs", "-w", "-f", cmds, img)
            # -D exits 1 when it optimised directories: that is its job.
            r = subprocess.run([tool("e2fsck"), "-fyD", img],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if r.returncode not in (0, 1):
                sys.exit("e2fsck -fyD %s: status %d" % (name, r.returncode))
            run("e2fsck", "-fn", img)
            pack(img, os.path.join(out, name + ".simg"))


if __name__ == "__main__":
    main()
