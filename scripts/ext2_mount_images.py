#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Build the images tests/shell/ext2.sh mounts inside Ferrite.

    ext2_mount_images.py OUTDIR

Makes a tree of real files (a slice of the host's busybox, the texts of
/usr/share/common-licenses, a directory of several blocks, sparse files,
fast, slow and dangling symlinks, hard links, a FIFO, odd modes) and puts
it in one image per block size with `mke2fs -t ext2 -d` (1 KiB blocks
also hold a file that needs triple-indirect blocks), indexes the
directories (`e2fsck -fyD`) and checks each image (`e2fsck -fn`). Writes,
for each NAME in b1k, b2k, b4k:

  OUTDIR/NAME.img.gz    the image, gzipped
  OUTDIR/NAME.manifest  one line per path, as tests/shell/ext2.sh prints
                        them: "MODE(hex) UID GID NLINK MTIME SIZE PATH"
                        (SIZE "dir" for directories), then for a regular
                        file "  SHA256", for a symlink "  -> TARGET"
  OUTDIR/NAME.statfs    "statfs BLOCKS FREE AVAIL INODES FREE_INODES" and
                        "df TOTAL_K USED_K AVAIL_K", from dumpe2fs
"""

import gzip
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile

from ext2_images import FAKE_TIME, UUID, run, tool, write_at

# name: block size, blocks, whether the tree gets the triple-indirect file.
VARIANTS = {
    "b1k": (1024, 8192, True),
    "b2k": (2048, 4096, False),
    "b4k": (4096, 2048, False),
}


def host_busybox():
    for p in ("/bin/busybox", "/usr/bin/busybox", "/bin/sh"):
        if os.path.isfile(p):
            return os.path.realpath(p)
    sys.exit("ext2_mount_images.py: no busybox or /bin/sh to take a slice of")


def tree(root, tind):
    def p(*names):
        return os.path.join(root, *names)

    os.makedirs(p("bin"))
    with open(host_busybox(), "rb") as f:
        data = f.read(300 * 1024)
    with open(p("bin", "busybox.part"), "wb") as f:
        f.write(data)
    os.chmod(p("bin", "busybox.part"), 0o4755)
    os.link(p("bin", "busybox.part"), p("bin", "hardlink"))
    licenses = "/usr/share/common-licenses"
    os.makedirs(p("share", "licenses"))
    for n in sorted(os.listdir(licenses))[:12]:
        src = os.path.join(licenses, n)
        if os.path.isfile(src) and not os.path.islink(src):
            shutil.copyfile(src, p("share", "licenses", n))
    # More than one block of entries at every block size.
    os.mkdir(p("many"))
    for i in range(300):
        with open(p("many", "entry-with-a-longish-name-%03d" % i), "w") as f:
            f.write("%d\n" % i)
    os.link(p("bin", "busybox.part"), p("many", "busybox-link"))
    # Holes at the start, in the middle and at the end.
    write_at(p("sparse"), 3 * 1024 * 1024, 1024 * 1024 + 5, b"middle")
    with open(p("sparse"), "r+b") as f:
        f.seek(2 * 1024 * 1024 + 4000)
        f.write(b"x" * 9000)
    if tind:
        # Past block 65804: triple-indirect at 1 KiB blocks.
        write_at(p("tind"), 70 * 1024 * 1024 + 4, 70 * 1024 * 1024, b"TIND")
    open(p("empty"), "wb").close()
    os.makedirs(p("a", "b", "c"))
    with open(p("a", "b", "c", "deep"), "wb") as f:
        f.write(b"deep down\n")
    os.chmod(p("a", "b"), 0o750)
    os.chmod(p("empty"), 0o600)
    os.symlink("bin/busybox.part", p("fast"))
    os.symlink("a/b/c/" + "../c/" * 25 + "deep", p("slow"))
    os.symlink("a/b", p("dirlink"))
    os.symlink("nowhere", p("dangling"))
    os.mkfifo(p("fifo"))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def manifest(root):
    """The lines ext2.sh prints for the image made from `root`."""
    paths = ["."]
    for d, dirs, files in os.walk(root):
        rel = os.path.relpath(d, root)
        for n in dirs + files:
            paths.append("./" + n if rel == "." else "./%s/%s" % (rel, n))
    paths.append("./lost+found")
    out = []
    for rel in sorted(paths):
        full = os.path.join(root, rel)
        if rel == "./lost+found":
            out.append("41c0 0 0 2 %d dir %s" % (FAKE_TIME, rel))
            continue
        st = os.lstat(full)
        uid, gid = (0, 0) if rel == "." else (st.st_uid, st.st_gid)
        if stat.S_ISDIR(st.st_mode):
            subdirs = sum(1 for n in os.listdir(full)
                          if os.path.isdir(os.path.join(full, n))
                          and not os.path.islink(os.path.join(full, n)))
            nlink, size = 2 + subdirs + (rel == "."), "dir"
        else:
            nlink, size = st.st_nlink, str(st.st_size)
        out.append("%x %d %d %d %d %s %s" % (st.st_mode, uid, gid, nlink,
                                             int(st.st_mtime), size, rel))
        if stat.S_ISLNK(st.st_mode):
            out.append("  -> " + os.readlink(full))
        elif stat.S_ISREG(st.st_mode):
            out.append("  " + sha256(full))
    return "".join(line + "\n" for line in out)


def statfs(img, block_size):
    r = subprocess.run([tool("dumpe2fs"), "-h", img], capture_output=True, text=True)
    f = {}
    for line in r.stdout.splitlines():
        k, _, v = line.partition(":")
        f[k.strip()] = v.strip()
    blocks, free = int(f["Block count"]), int(f["Free blocks"])
    avail = max(free - int(f["Reserved block count"]), 0)
    k = block_size // 1024
    return "statfs %d %d %d %s %s\ndf %d %d %d\n" % (
        blocks, free, avail, f["Inode count"], f["Free inodes"],
        blocks * k, (blocks - free) * k, avail * k)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    cmds = "sif / mtime %d\nsif / mode 040755\nsif /lost+found mtime %d\n" % (
        FAKE_TIME, FAKE_TIME)
    for name, (bs, blocks, tind) in VARIANTS.items():
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "src")
            os.mkdir(src)
            tree(src, tind)
            os.chmod(src, 0o755)
            for d, dirs, files in os.walk(src):
                for n in dirs + files + ([""] if d == src else []):
                    os.utime(os.path.join(d, n), (FAKE_TIME, FAKE_TIME),
                             follow_symlinks=False)
            img = os.path.join(tmp, name + ".img")
            run("mke2fs", "-q", "-F", "-t", "ext2", "-U", UUID, "-b", str(bs),
                "-N", "1024", "-E", "root_owner=0:0,hash_seed=" + UUID,
                "-d", src, img, str(blocks))
            with open(os.path.join(tmp, "cmds"), "w") as f:
                f.write(cmds)
            run("debugfs", "-w", "-f", os.path.join(tmp, "cmds"), img)
            r = subprocess.run([tool("e2fsck"), "-fyD", img],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if r.returncode not in (0, 1):
                sys.exit("e2fsck -fyD %s: status %d" % (name, r.returncode))
            run("e2fsck", "-fn", img)
            with open(os.path.join(out, name + ".manifest"), "w") as f:
                f.write(manifest(src))
            with open(os.path.join(out, name + ".statfs"), "w") as f:
                f.write(statfs(img, bs))
            with open(img, "rb") as f, \
                    gzip.GzipFile(os.path.join(out, name + ".img.gz"), "wb",
                                  mtime=0) as g:
                shutil.copyfileobj(f, g)


if __name__ == "__main__":
    main()
