# SPDX-License-Identifier: GPL-2.0-only
"""The ext2 write tests of `make test` (scripts/run_tests.py):
user.ext2_write_1k, user.ext2_write_2k and user.ext2_write_4k.

The host makes an empty ext2 image with mke2fs (MKE2FS: 1 KiB blocks and
revision 0; 2 KiB blocks and mke2fs's default features; 4 KiB blocks
without large_file). Ferrite boots with it as /dev/vda, mounts it
read-write with busybox and runs WORKLOAD in it: files of several sizes
(one past the double-indirect start), overwrites, appends, truncation
down and up, a hole, mkdir/rmdir, unlink, hard links, fast and slow
symlinks, renames within and across directories and over an existing
name, a directory of 300 files with every third removed, a sparse file
past 2 GiB; then sync and umount. Mounted again (so that no name is in
the dentry cache), AGAIN fails to make names that exist, fails to remove
a directory that is not empty and removes, renames, truncates and
appends to names it has not looked up before; then umount. The host runs
both in a temporary directory for the expected tree. Mounted a third
time, FILL fills the disk as a user (who stops at the blocks reserved
for root: ENOSPC, statfs and df show none available) and then as root
(to the last block), removes it all and finds the free count it began
with. The superblock's s_state, read from the disk, must be "not clean"
while mounted read-write and "clean" after each umount and through a
read-only mount.

After QEMU exits, `e2fsck -fn` must find the image clean (exit 0), and
every path of the expected tree must be in the image (`debugfs -R rdump`)
with the same type, content or symlink target, permissions and link
count (`debugfs stat`), owned by root; and nothing else. `dumpe2fs -h`
must show the state clean, three mounts counted, mount and write times
of this run, and large_file (revision 1, for the revision 0 image).
"""
import calendar
import hashlib
import os
import re
import subprocess
import tempfile
import time

IMAGE_SIZE = 24 << 20

# How far the guest's clock may be from the host's (a QEMU under load
# drifts by seconds): a time "of this run" is within this of the run.
CLOCK_SLACK = 600

# mke2fs's options per test, after the block size.
MKE2FS = {
    "ext2_write_1k": ["-r", "0"],
    "ext2_write_2k": [],
    "ext2_write_4k": ["-O", "^resize_inode,^large_file"],
}

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
dd if=small of=huge bs=1 seek=2200000000 status=none
echo owned > owned
touch -d @1234567890 owned
sync small
sync -d small
sync -f .
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
[ "$(stat -c %s huge)" -gt 2147483647 ] || exit 13
truncate -s 5000 huge
"""

# The third mount: the disk filled, by a user then by root, and emptied.
FILL = r"""set -e
cd "$1"
free=$(stat -f -c %f .)
reserved=$((free - $(stat -f -c %a .)))
[ "$reserved" -gt 0 ] || exit 20
mkdir fill
chown user:user fill
if su user -c "dd if=/dev/zero of=fill/user bs=4096 2>/dev/null"; then exit 21; fi
if su user -c "echo x > fill/user2" 2>/dev/null; then exit 22; fi
[ "$(stat -f -c %a .)" = 0 ] || exit 23
[ "$(df -k . | awk 'NR == 2 { print $4 }')" = 0 ] || exit 24
[ "$(stat -f -c %f .)" = "$reserved" ] || exit 25
if dd if=/dev/zero of=fill/root bs=4096 2>/dev/null; then exit 26; fi
[ "$(stat -f -c %f .)" = 0 ] || exit 27
rm -r fill
[ "$(stat -f -c %f .)" = "$free" ] || exit 28
"""

GUEST_SCRIPT = """\
dmesg -n 1
state() { echo "$1 $(od -An -tu2 -j1082 -N2 /dev/vda | tr -d ' ')"; }
mkdir -p /mnt
mount -t ext2 /dev/vda /mnt || exit 1
state mounted
sh workload.sh /mnt || exit 2
chown 1234:5678 /mnt/owned || exit 12
sync
umount /mnt || exit 3
state unmounted
mount -t ext2 /dev/vda /mnt || exit 4
sh again.sh /mnt || exit 5
umount /mnt || exit 6
mount -t ext2 /dev/vda /mnt || exit 7
sh fill.sh /mnt || { echo "fill.sh: $?"; exit 8; }
umount /mnt || exit 9
mount -t ext2 -o ro /dev/vda /mnt || exit 10
state read-only
umount /mnt || exit 11
state unmounted
echo done
"""

# Owners other than root's, set by GUEST_SCRIPT (the host may not be root).
OWNERS = {"owned": (1234, 5678)}
# Modification times other than "during the test", set by WORKLOAD.
MTIMES = {"owned": 1234567890}

# What it prints: s_state 0 while mounted read-write, EXT2_VALID_FS after.
GUEST_OUTPUT = "mounted 0\nunmounted 1\nread-only 1\nunmounted 1\ndone\n"


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
    """{path: (permissions, links, uid, gid, mtime)} from debugfs stat."""
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
        mtime = re.search(r"mtime:\s+0x([0-9a-f]+)", chunk)
        if mode and links and owner and mtime:
            out[path] = (int(mode.group(1), 8), int(links.group(1)),
                         int(owner.group(1)), int(owner.group(2)), int(mtime.group(1), 16))
    return out


def superblock_problems(image, start, end):
    """Problems of the image's superblock (dumpe2fs -h) after three
    read-write mounts between the times start and end (seconds)."""
    p = subprocess.run(["dumpe2fs", "-h", image], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, check=False, env=dict(os.environ, TZ="UTC"))
    fields = dict(line.split(":", 1) for line in p.stdout.decode("utf-8", "replace").splitlines()
                  if ":" in line)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    problems = []

    def when(key):
        try:
            return calendar.timegm(time.strptime(fields.get(key, ""), "%a %b %d %H:%M:%S %Y"))
        except ValueError:
            return None

    for key, want in (("Filesystem state", "clean"), ("Mount count", "3"),
                      ("Filesystem revision #", "1 (dynamic)")):
        if fields.get(key) != want:
            problems.append("dumpe2fs: %s %r, want %r" % (key, fields.get(key), want))
    if "large_file" not in fields.get("Filesystem features", "").split():
        problems.append("dumpe2fs: no large_file in %r" % fields.get("Filesystem features"))
    mounted, written = when("Last mount time"), when("Last write time")
    if mounted is None or not start - CLOCK_SLACK <= mounted <= end + CLOCK_SLACK:
        problems.append("dumpe2fs: last mount time %r, not in this run" %
                        fields.get("Last mount time"))
    if written is None or mounted is None or not mounted <= written <= end + CLOCK_SLACK:
        problems.append("dumpe2fs: last write time %r, not after the last mount" %
                        fields.get("Last write time"))
    return problems


def check_image(image, want, tmp, start, end):
    """Problems of the image against the expected tree, written between
    the times start and end (seconds)."""
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
        owner = OWNERS.get(path, (0, 0))
        if kind != "link" and (st is None or st[:4] != (perm, links) + owner):
            problems.append("/%s: (mode, links, uid, gid) %s in the image, want %s" %
                            (path, st and st[:4], (perm, links) + owner))
        mtime = st and st[4]
        if mtime is not None and (mtime != MTIMES[path] if path in MTIMES else
                                  not start - CLOCK_SLACK <= mtime <= end + CLOCK_SLACK):
            problems.append("/%s: mtime %d in the image, want %s" %
                            (path, mtime, MTIMES.get(path, "in this run")))
    return problems


def run_one(script_in_vm, args, kernel, log_dir, name):
    """Test name (a key of MKE2FS); a list of problems (empty: passed)."""
    block_size = int(name.split("_")[-1][:-1]) * 1024
    with tempfile.TemporaryDirectory() as tmp:
        image = os.path.join(tmp, "disk.img")
        with open(image, "wb") as f:
            f.truncate(IMAGE_SIZE)
        subprocess.run(["mke2fs", "-q", "-F", "-t", "ext2", "-b", str(block_size)] +
                       MKE2FS[name] + [image], check=True, stdout=subprocess.DEVNULL)
        host = os.path.join(tmp, "host")
        os.mkdir(host)
        for part, text in (("workload.sh", WORKLOAD), ("again.sh", AGAIN)):
            script = os.path.join(tmp, part)
            with open(script, "w") as f:
                f.write(text)
            subprocess.run(["sh", script, host], check=True)
        want = tree(host)
        start = int(time.time())
        ok, why = script_in_vm(args, kernel, name, log_dir, {
            "check.sh": GUEST_SCRIPT, "workload.sh": WORKLOAD, "again.sh": AGAIN,
            "fill.sh": FILL}, 0, GUEST_OUTPUT, disk=image)
        if not ok:
            return name, [why]
        end = time.time()
        return name, (superblock_problems(image, start, end) +
                      check_image(image, want, tmp, start, end))


def run(script_in_vm, args, kernel, log_dir, names):
    """The tests of names ("ext2_write_1k"...): [(name, problems)]."""
    return [run_one(script_in_vm, args, kernel, log_dir, n) for n in names]
