# SPDX-License-Identifier: GPL-2.0-only
"""The ext2 write tests of `make test` (scripts/run_tests.py):
user.ext2_write_1k and user.ext2_write_4k.

The host makes an empty ext2 image with mke2fs (1 or 4 KiB blocks).
Ferrite boots with it as /dev/vda, mounts it read-write with busybox and
runs WORKLOAD in it: files of several sizes (one past the double-indirect
start), overwrites, appends, truncation down and up, a hole, mkdir/rmdir,
unlink, hard links, fast and slow symlinks, renames within and across
directories and over an existing name, a directory of 300 files with
every third removed; then sync and umount. Mounted again (so that no
name is in the dentry cache), AGAIN fails to make names that exist,
fails to remove a directory that is not empty and removes, renames and
appends to names it has not looked up before; then umount. The host
runs both in a temporary directory for the expected tree.

After QEMU exits, `e2fsck -fn` must find the image clean (exit 0), and
every path of the expected tree must be in the image (`debugfs -R rdump`)
with the same type, content or symlink target, permissions and link
count (`debugfs stat`), owned by root; and nothing else.
"""
import hashlib
import os
import re
import subprocess
import tempfile

IMAGE_SIZE = 24 << 20

# Runs in the directory $1 under busybox sh (Ferrite) and dash (host).
WORKLOAD = r"""set -e
umask 022
cd "$1"
seq 1 20 > small
seq 1 3000 > mid
seq 1 800000 > big
dd if=big of=mid bs=1 skip=100000 seek=500 count=3000 conv=notrunc status=none
echo appended >> small
seq 1 500 >> mid
cp big trunc
truncate -s 70000 trunc
truncate -s 300000 trunc
dd if=small of=trunc bs=1 seek=250000 conv=notrunc status=none
cp big shrunk
truncate -s 0 shrunk
echo after > shrunk
dd if=small of=sparse bs=1 seek=3000000 status=none
mkdir d1 d1/sub d2 gone
rmdir gone
echo keep > d1/sub/inner
echo del > deleted
rm deleted
ln small hard1
ln small d2/hard2
ln -s small fastlink
ln -s aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/x slowlink
mv mid d1/mid_moved
mv d1/sub d2/sub
mv fastlink fastlink2
echo one > r1
echo two > r2
mv r1 r2
mkdir e1 e2
mv e1 e2
i=0
while [ $i -lt 300 ]; do
	echo "file $i" > d2/f$i
	i=$((i + 1))
done
i=0
while [ $i -lt 300 ]; do
	rm d2/f$i
	i=$((i + 3))
done
chmod 600 small
"""

# The second mount: the names are on the disk only.
AGAIN = r"""set -e
cd "$1"
if mkdir d2 2>/dev/null; then exit 10; fi
if rmdir d2 2>/dev/null; then exit 11; fi
if ln small d2/hard2 2>/dev/null; then exit 12; fi
rm d1/mid_moved
rmdir d1
mv d2/f1 d2/f1_renamed
mv r2 d2/sub/r2
echo more >> small
"""

GUEST_SCRIPT = """\
mkdir -p /mnt
mount -t ext2 /dev/vda /mnt || exit 1
sh workload.sh /mnt || exit 2
sync
umount /mnt || exit 3
mount -t ext2 /dev/vda /mnt || exit 4
sh again.sh /mnt || exit 5
umount /mnt || exit 6
echo done
"""


def tree(root):
    """{path: (kind, content or target, permissions, links)} of root,
    symlinks not followed."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            if os.path.islink(path):
                out[rel] = ("link", os.readlink(path), 0o777, 1)
            elif os.path.isdir(path):
                subdirs = sum(1 for e in os.scandir(path) if e.is_dir(follow_symlinks=False))
                out[rel] = ("dir", None, st.st_mode & 0o7777, 2 + subdirs)
            else:
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
                out[rel] = ("file", digest, st.st_mode & 0o7777, st.st_nlink)
    return out


def debugfs_stats(image, paths):
    """{path: (permissions, links, uid, gid)} from debugfs stat."""
    cmds = "".join('stat "/%s"\n' % p for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".cmds") as f:
        f.write(cmds)
        f.flush()
        p = subprocess.run(["debugfs", "-f", f.name, image], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, check=False)
    text = p.stdout.decode("utf-8", "replace")
    out = {}
    for chunk in text.split("debugfs: stat ")[1:]:
        path = chunk.split("\n", 1)[0].strip().strip('"').lstrip("/")
        mode = re.search(r"Mode:\s+0?(\d+)", chunk)
        links = re.search(r"Links:\s+(\d+)", chunk)
        owner = re.search(r"User:\s+(\d+)\s+Group:\s+(\d+)", chunk)
        if mode and links and owner:
            out[path] = (int(mode.group(1), 8), int(links.group(1)),
                         int(owner.group(1)), int(owner.group(2)))
    return out


def check_image(image, want, tmp):
    """Problems of the image against the expected tree."""
    p = subprocess.run(["e2fsck", "-fn", image], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, check=False)
    if p.returncode != 0:
        return ["e2fsck -fn exited %d:" % p.returncode] + \
            p.stdout.decode("utf-8", "replace").splitlines()[-25:]
    out = os.path.join(tmp, "out")
    os.mkdir(out)
    subprocess.run(["debugfs", "-R", "rdump / %s" % out, image], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    got = tree(out)
    got.pop("lost+found", None)
    stats = debugfs_stats(image, sorted(want))
    problems = []
    for path in sorted(set(want) | set(got)):
        if path not in got:
            problems.append("/%s: missing from the image" % path)
            continue
        if path not in want:
            problems.append("/%s: in the image, not written" % path)
            continue
        kind, data, perm, links = want[path]
        if got[path][:2] != (kind, data):
            problems.append("/%s: %s %s in the image, want %s %s" %
                            ((path,) + got[path][:2] + (kind, data)))
        st = stats.get(path)
        if kind != "link" and st != (perm, links, 0, 0):
            problems.append("/%s: (mode, links, uid, gid) %s in the image, want %s" %
                            (path, st, (perm, links, 0, 0)))
    return problems


def run_one(script_in_vm, args, kernel, log_dir, block_size):
    """One image of block_size; a list of problems (empty: passed)."""
    name = "ext2_write_%dk" % (block_size // 1024)
    with tempfile.TemporaryDirectory() as tmp:
        image = os.path.join(tmp, "disk.img")
        with open(image, "wb") as f:
            f.truncate(IMAGE_SIZE)
        subprocess.run(["mke2fs", "-q", "-F", "-t", "ext2", "-b", str(block_size), image],
                       check=True, stdout=subprocess.DEVNULL)
        host = os.path.join(tmp, "host")
        os.mkdir(host)
        for part, text in (("workload.sh", WORKLOAD), ("again.sh", AGAIN)):
            script = os.path.join(tmp, part)
            with open(script, "w") as f:
                f.write(text)
            subprocess.run(["sh", script, host], check=True)
        want = tree(host)
        ok, why = script_in_vm(args, kernel, name, log_dir, {
            "check.sh": GUEST_SCRIPT, "workload.sh": WORKLOAD, "again.sh": AGAIN}, 0,
            "done\n", disk=image)
        if not ok:
            return name, [why]
        return name, check_image(image, want, tmp)


def run(script_in_vm, args, kernel, log_dir, names):
    """The tests of names ("ext2_write_1k"...): [(name, problems)]."""
    return [run_one(script_in_vm, args, kernel, log_dir, int(n.split("_")[-1][:-1]) * 1024)
            for n in names]
