#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Where the CPUs of a booted kernel spend their time, by sampling: boots
KERNEL with the initramfs of bench_user.py running "ubench smp FORM"
(tests/bench/ubench.c), asks QEMU's monitor for every CPU's registers
("info registers -a") every INTERVAL seconds, and counts the program
counters by the function of KERNEL's symbol table (nm) they fall in.
Figures from one run; not a test.

    bench_profile.py [--arch ARCH] [--kernel VMLINUX] [--smp N]
                     [--form pipe_round_trip_par|fork_exit_par]
                     [--interval S] [--top N] [--linux]

--kernel defaults to build/ARCH-nokunit/vmlinux (the production kernel
that make bench BENCH=smp measures). --linux boots bench_user.py's Debian
kernel instead, whose functions are not named (no symbol table): only the
split between user and kernel is printed then. Under TCG a CPU's
registers are read between two translated blocks, so a sample falls on a
block's start, not on any instruction: a profile of where time goes by
function, not by line.
"""
import argparse
import bisect
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

import bench_user

ROOT = bench_user.ROOT
NM = {"x86_64": "nm", "arm64": "aarch64-linux-gnu-nm", "riscv64": "riscv64-linux-gnu-nm",
      "powerpc": "powerpc64le-linux-gnu-nm", "arm": "arm-linux-gnueabi-nm"}
# The program counter in "info registers" of each target.
PC_RE = {"x86_64": r"\bRIP=", "arm64": r"\bPC=", "riscv64": r"^ pc\s+",
         "powerpc": r"\bNIP ", "arm": r"\bR15="}


def symbols(vmlinux, arch):
    """Sorted (addresses, names) of @vmlinux's text symbols."""
    nm = NM.get(arch, "nm")
    out = subprocess.run([nm, "-n", vmlinux], capture_output=True, text=True,
                         check=True).stdout
    addrs, names = [], []
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in "tTwW":
            addrs.append(int(f[0], 16))
            names.append(f[2])
    return addrs, names


class Monitor:
    """QEMU's human monitor on a Unix socket."""

    def __init__(self, path):
        for _ in range(200):
            try:
                self.s = socket.socket(socket.AF_UNIX)
                self.s.connect(path)
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise OSError("no monitor at " + path)
        self.buf = b""
        self.read_prompt()

    def read_prompt(self):
        while b"(qemu) " not in self.buf:
            chunk = self.s.recv(65536)
            if not chunk:
                raise EOFError
            self.buf += chunk
        out, _, self.buf = self.buf.partition(b"(qemu) ")
        return out.decode("utf-8", "replace")

    def cmd(self, line):
        self.s.sendall(line.encode() + b"\n")
        return self.read_prompt()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--arch", default="x86_64")
    ap.add_argument("--kernel", default="")
    ap.add_argument("--smp", type=int, default=4)
    ap.add_argument("--form", default="pipe_round_trip_par")
    ap.add_argument("--interval", type=float, default=0.01)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--linux", action="store_true")
    args = ap.parse_args()
    bench_user.ARCH = args.arch
    o = os.path.join(ROOT, "build", args.arch)
    kernel = args.kernel or os.path.join(ROOT, "build", args.arch + "-nokunit", "vmlinux")
    cc, _, console = bench_user.ARCHES[args.arch]
    append = "quiet"
    if args.linux:
        kernel = bench_user.linux_image(bench_user.linux_dir())
        append = "console=%s quiet" % console
        addrs, names = [], []
    else:
        addrs, names = symbols(kernel, args.arch)
    counts, total, stop = {}, [0], threading.Event()
    pc_re = re.compile(PC_RE[args.arch] + "([0-9a-fA-F]{8,16})", re.M)

    with tempfile.TemporaryDirectory() as tmp:
        ubench = os.path.join(tmp, "ubench")
        subprocess.run(cc + ["-O2", "-o", ubench,
                        os.path.join(ROOT, "tests", "bench", "ubench.c")], check=True)
        with open(os.path.join(tmp, "bench.sh"), "w") as f:
            f.write("/tmp/ubench smp %s\n" % args.form)
        with open(os.path.join(tmp, "run-in-vm"), "w") as f:
            f.write("bench.sh\n")
        initrd = bench_user.initrd_with(
            tmp, os.path.join(o, "initramfs.cpio"),
            ["file:tmp/ubench:" + ubench, "file:tmp/bench.sh:" + os.path.join(tmp, "bench.sh"),
             "file:etc/run-in-vm:" + os.path.join(tmp, "run-in-vm")])
        sock = os.path.join(tmp, "monitor")
        env = dict(os.environ, SMP=str(args.smp),
                   QEMU_EXTRA="-monitor unix:%s,server=on,wait=off" % sock)
        qemu = subprocess.Popen(bench_user.qemu_cmd(kernel, initrd, append, 300),
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=env)
        console_out = []

        def sample():
            # Only while the benchmark runs: from its "smp_cpus" line on.
            try:
                mon = Monitor(sock)
                while not stop.is_set():
                    if any("smp_cpus" in l for l in console_out):
                        for pc in pc_re.findall(mon.cmd("info registers -a")):
                            counts[int(pc, 16)] = counts.get(int(pc, 16), 0) + 1
                            total[0] += 1
                    time.sleep(args.interval)
            except (OSError, EOFError):
                pass

        t = threading.Thread(target=sample)
        t.start()
        for raw in qemu.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            console_out.append(line)
            if re.match(r"^(smp_cpus|\w+_par) ", line):
                print("profile:", line)
                if not line.startswith("smp_cpus"):
                    stop.set()
        stop.set()
        qemu.wait()
        t.join()

    by_func = {}
    for pc, n in counts.items():
        if pc < (1 << 47) and args.arch != "arm":
            name = "(user space)"
        elif not addrs:
            name = "(kernel)"
        else:
            i = bisect.bisect_right(addrs, pc) - 1
            name = names[i] if i >= 0 else "(unknown)"
        by_func[name] = by_func.get(name, 0) + n
    print("profile: %s, %d CPUs, %s: %d samples of every CPU's program counter"
          % (os.path.relpath(kernel, ROOT), args.smp, args.form, total[0]))
    for name, n in sorted(by_func.items(), key=lambda kv: -kv[1])[:args.top]:
        print("profile: %6.1f%%  %s" % (100.0 * n / max(total[0], 1), name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
