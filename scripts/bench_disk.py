#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Disk benchmark (part of make bench): tests/bench/diskbench.c on /dev/vda,
served by Ferrite's virtio-blk driver and by Debian's Linux in the same QEMU
(scripts/qemu.sh: same -cpu, memory and -drive options), each on a fresh
image of the same size. Figures from one run; not a test.

    bench_disk.py [--arch ARCH] [--mib N] [--kernel VMLINUX] [--linux VMLINUZ]
                  [--fetch-linux] [--icount]

--kernel is Ferrite's kernel (default build/ARCH/vmlinux; make bench
gives the production one). --icount runs both kernels with QEMU's
-icount shift=0: the guest's clock advances a nanosecond an instruction
(and with the host's clock while the guest idles), so the figures count
the instructions each kernel spends per byte and a loaded host moves
them little.

Debian's kernel has virtio-blk as modules: --fetch-linux (bench_user.py's)
also unpacks them, and the script insmods them from the initramfs.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import bench_user

ROOT = bench_user.ROOT
# Loaded in this order (each one's dependencies first), those Debian's
# kernel has as modules; absent on Ferrite.
MODULES = ["virtio_ring", "virtio", "virtio_pci_legacy_dev", "virtio_pci_modern_dev",
           "virtio_pci", "virtio_blk"]
FIGURES = [("seq_write_128k", "MiB/s"), ("seq_read_128k", "MiB/s"),
           ("seq_write_1024k", "MiB/s"), ("seq_read_1024k", "MiB/s"),
           ("rand_read_4k", "us")]

SCRIPT = """\
for m in %s; do
	[ -f /lib/modules/$m.ko ] && insmod /lib/modules/$m.ko
done
[ -b /dev/vda ] || mount -t devtmpfs none /dev 2>/dev/null
i=0
while [ ! -b /dev/vda ] && [ $i -lt 20 ]; do sleep 1; i=$((i + 1)); done
/tmp/diskbench /dev/vda %d
"""


def run(kernel, initrd, append, image, mib):
    """diskbench's figures on @kernel, with a fresh @image of @mib MiB."""
    with open(image, "wb") as f:
        f.truncate((mib + 1) << 20)
    env = dict(os.environ, DISK=image)
    out = subprocess.run(bench_user.qemu_cmd(kernel, initrd, append, 900),
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, env=env).stdout
    out = out.decode("utf-8", "replace").replace("\r", "")
    res = {}
    for line in out.split("\n"):
        m = re.match(r"^(\w+) ([0-9.]+) (\S+)$", line)
        if m:
            res[m.group(1)] = float(m.group(2))
    if not res:
        print("disk: no figures; the console said:\n" + out[-2000:])
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--arch", default="x86_64")
    ap.add_argument("--mib", type=int, default=64, help="MiB moved per figure (default 64)")
    ap.add_argument("--linux", default=os.environ.get("LINUX_KERNEL", ""))
    ap.add_argument("--fetch-linux", action="store_true")
    ap.add_argument("--kernel", default="", help="Ferrite's vmlinux")
    ap.add_argument("--icount", action="store_true", help="QEMU -icount shift=0")
    args = ap.parse_args()
    if args.icount:
        os.environ["QEMU_EXTRA"] = (os.environ.get("QEMU_EXTRA", "") + " -icount shift=0").strip()
    bench_user.ARCH = args.arch
    if args.arch not in bench_user.ARCHES:
        print("disk: no disk benchmark on %s yet" % args.arch)
        return 0
    o = os.path.join(ROOT, "build", args.arch)
    kernel, base = os.path.join(o, "vmlinux"), os.path.join(o, "initramfs.cpio")
    kernel = args.kernel or kernel
    cc, _, console = bench_user.ARCHES[args.arch]
    linux = args.linux
    if not bench_user.ARCHES[args.arch][1] and not linux:
        print("disk: no Debian Linux kernel boots on %s's QEMU board; Ferrite's figures only"
              % args.arch)
    elif args.fetch_linux and not linux:
        linux = bench_user.fetch_linux()
    elif not linux:
        linux = bench_user.linux_image(bench_user.linux_dir())
    mods = bench_user.linux_modules(os.path.dirname(os.path.dirname(linux))) if linux else {}

    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "diskbench")
        subprocess.run(cc + ["-O2", "-o", prog,
                        os.path.join(ROOT, "tests", "bench", "diskbench.c")], check=True)
        with open(os.path.join(tmp, "bench.sh"), "w") as f:
            f.write(SCRIPT % (" ".join(MODULES), args.mib))
        with open(os.path.join(tmp, "run-in-vm"), "w") as f:
            f.write("bench.sh\n")
        entries = ["file:tmp/diskbench:" + prog,
                   "file:tmp/bench.sh:" + os.path.join(tmp, "bench.sh"),
                   "file:etc/run-in-vm:" + os.path.join(tmp, "run-in-vm")]
        systems = [("ferrite", kernel, "quiet", entries)]
        if linux:
            # Those not unpacked are built in (Debian 13 builds virtio in).
            systems.append(("linux", linux, "console=%s quiet" % console,
                            entries + ["file:lib/modules/%s.ko:%s" % (m, mods[m])
                                       for m in MODULES if m in mods]))
        results = {}
        image = os.path.join(tmp, "disk.img")
        for name, k, append, ents in systems:
            initrd = bench_user.initrd_with(tmp, base, ents)
            results[name] = run(k, initrd, append, image, args.mib)

    header = "disk: %-16s %8s %12s" % ("figure", "unit", "ferrite")
    if linux:
        header += " %12s %8s" % ("linux", "ratio")
    print(header + "   (%d MiB, /dev/vda, QEMU TCG%s)" % (args.mib, ", -icount" if args.icount else ""))
    for n, unit in FIGURES:
        fv = results["ferrite"].get(n)
        line = "disk: %-16s %8s %12s" % (n, unit, "%.2f" % fv if fv is not None else "-")
        if linux:
            line += bench_user.linux_columns(fv, results["linux"].get(n), "%.2f")
        print(line)
    if not linux:
        print("disk: no Linux kernel to compare with (bench_disk.py --fetch-linux)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
