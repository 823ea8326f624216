#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""User-space benchmarks (part of make bench): the same static program
(tests/bench/ubench.c) and the same initramfs on Ferrite and, when one is
available, on Debian's Linux kernel in the same QEMU. Figures from one run;
not a test.

    bench_user.py [--arch ARCH] [--linux VMLINUZ] [--fetch-linux]
                  [--production VMLINUX] [--icount]
                  [--smp [--smp-cpus 1,2,4] [--smp-active y|n]]

--fetch-linux downloads Debian's linux-image package for ARCH with apt-get
download into build/linux/ (x86_64) or build/linux-ARCH/ and uses its
vmlinuz (it also unpacks the virtio and virtio-blk modules, for
bench_disk.py); arm has none (see ARCHES). --production first prints the
size and boot time of the test kernel beside those of VMLINUX, the
production one (CONFIG_KUNIT=n), then measures VMLINUX (no lock-order
checker: Debian's kernel has none) rather than the test kernel. --icount runs both kernels with QEMU's -icount
shift=0: each "us" figure is then thousands of instructions.

--smp measures only the scaling curve (make bench BENCH=smp): ubench's
parallel forms (pipe round trips in P independent pairs, fork+exit+wait
in P forkers, P = the CPUs of the boot) on both kernels booted with QEMU's
-smp 1, 2 and 4 (--smp-cpus), in wall time (-icount would run the vCPUs
one after another); VMLINUX when --production names one. On an
architecture whose secondary CPUs run no task (CONFIG_SMP_ACTIVE, given
by --smp-active or read from arch/ARCH/Makefile) it prints why there is
no curve.
"""
import argparse
import glob
import os
import re
import select
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Per architecture: the compiler of the static test program, Debian's kernel
# package and the serial console's name under Linux. arm has no Linux
# column: Debian 12's armel kernels (marvell, rpi) have no support for
# QEMU's versatilepb (CONFIG_ARCH_VERSATILE is not set in either).
ARCHES = {
    "x86_64": (["musl-gcc", "-static"], "linux-image-amd64", "ttyS0"),
    "arm64": (["aarch64-linux-gnu-gcc", "-static"], "linux-image-arm64", "ttyAMA0"),
    "riscv64": (["riscv64-linux-gnu-gcc", "-static"], "linux-image-riscv64", "ttyS0"),
    "powerpc": (["powerpc64le-linux-gnu-gcc", "-static"], "linux-image-powerpc64le", "hvc0"),
    "arm": (["arm-linux-gnueabi-gcc", "-static"], None, None),
}
ARCH = "x86_64"
# The guest memory of the scale curves: 16,000 processes alive
# (fork_exit_16k) need about 1 GiB. Where the board cannot have that, its
# most, the largest fork_exit curve that fits in it, and why.
# (Ferrite's fork fails short of 4,000 processes in arm's 256 MiB, and once
# in two wall-time runs the benchmark printed no curve after that attempt.)
CURVE_MEMORY = {"arm": ("256M", 1000, "versatilepb has at most 256 MiB of RAM, "
                        "in which Ferrite's fork fails short of 4,000 processes")}
# Where Debian's Linux cannot make the larger fork_exit curves in that
# memory, the largest it is given (in its command line, which Linux hands
# to init's environment) and why.
LINUX_MAX_PROCS = {"powerpc": (1000, "Debian's ppc64el kernel has 64 KiB pages: at 4,000 "
                               "processes in 1 GiB its OOM killer ends the benchmark")}
# The sizes of the scale curves, in thousands (tests/bench/ubench.c).
CURVE_SIZES = (1, 4, 16, 64)


def qemu_cmd(kernel, initrd, append, timeout=120):
    return [os.path.join(HERE, "qemu.sh"), "--arch", ARCH, "--kernel", kernel,
            "--initrd", initrd, "--append", append, "--timeout", str(timeout)]


def boot_to_prompt(kernel, initrd, append):
    """Seconds from starting QEMU to the shell prompt, and from poweroff to exit."""
    p = subprocess.Popen(qemu_cmd(kernel, initrd, append), stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    t0 = time.monotonic()
    out = b""
    while b"/ # " not in out:
        ready, _, _ = select.select([p.stdout], [], [], 30)
        if not ready:
            p.kill()
            return None, None
        chunk = os.read(p.stdout.fileno(), 4096)
        if not chunk:
            return None, None
        out += chunk
    t1 = time.monotonic()
    p.stdin.write(b"poweroff\r")
    p.stdin.flush()
    p.communicate(timeout=60)
    return t1 - t0, time.monotonic() - t1


def image_kib(path):
    """KiB of a little-endian ELF's PT_LOAD segments in memory, 64-bit or
    32-bit (arm): (executable ones, all)."""
    with open(path, "rb") as f:
        elf = f.read()
    if elf[4] == 1:  # ELFCLASS32: e_phoff at 0x1c; p_memsz at 20, p_flags at 24
        phoff, = struct.unpack_from("<I", elf, 0x1c)
        phentsize, phnum = struct.unpack_from("<HH", elf, 0x2a)
        fields = lambda off: struct.unpack_from("<I16xII", elf, off)
    else:  # ELFCLASS64: p_flags at 4, p_memsz at 40
        phoff, = struct.unpack_from("<Q", elf, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
        fields = lambda off: struct.unpack_from("<II32xQ", elf, off)
    text = total = 0
    for i in range(phnum):
        if elf[4] == 1:
            p_type, memsz, p_flags = fields(phoff + i * phentsize)
        else:
            p_type, p_flags, memsz = fields(phoff + i * phentsize)
        if p_type == 1:  # PT_LOAD
            total += memsz
            text += memsz if p_flags & 1 else 0  # PF_X
    return text / 1024, total / 1024


def compare_production(kernel, production, initrd):
    """The test kernel (CONFIG_KUNIT=y) beside the production one."""
    rows = [("vmlinux text (KiB)",), ("vmlinux loaded (KiB)",), ("boot_to_prompt (s)",)]
    for k in (kernel, production):
        text, total = image_kib(k)
        boot, _ = boot_to_prompt(k, initrd, "quiet")
        rows = [rows[0] + ("%.1f" % text,), rows[1] + ("%.1f" % total,),
                rows[2] + ("%.3f" % boot if boot is not None else "-",)]
    print("size: %-22s %12s %12s" % ("figure", "test", "production"))
    for r in rows:
        print("size: %-22s %12s %12s" % r)


def initrd_with(tmp, base, entries):
    """A file in @tmp: the initramfs @base, then a cpio of @entries
    (usr/gen_initramfs.py's "file:DEST:SRC")."""
    extra = os.path.join(tmp, "extra.cpio")
    subprocess.run([sys.executable, os.path.join(ROOT, "usr", "gen_initramfs.py"), extra] +
                   entries, check=True)
    initrd = os.path.join(tmp, "initrd.cpio")
    with open(initrd, "wb") as out:
        for part in (base, extra):
            with open(part, "rb") as f:
                out.write(f.read())
    return initrd



def ubench_initrd(tmp, cc, base, script):
    """An initramfs in tmp: base with ubench (compiled with cc) in /tmp and
    script (shell lines) as /tmp/bench.sh, which run-in-vm runs."""
    ubench = os.path.join(tmp, "ubench")
    subprocess.run(cc + ["-O2", "-o", ubench,
                    os.path.join(ROOT, "tests", "bench", "ubench.c")], check=True)
    with open(os.path.join(tmp, "bench.sh"), "w") as f:
        f.write(script)
    with open(os.path.join(tmp, "run-in-vm"), "w") as f:
        f.write("bench.sh\n")
    return initrd_with(tmp, base, ["file:tmp/ubench:" + ubench,
                                   "file:tmp/bench.sh:" + os.path.join(tmp, "bench.sh"),
                                   "file:etc/run-in-vm:" + os.path.join(tmp, "run-in-vm")])

def linux_columns(fv, lv, fmt):
    """A table line's Linux figure @lv (printed with @fmt) and the ratio
    Ferrite's @fv over it."""
    return " %12s %8s" % (fmt % lv if lv is not None else "-",
                          "%.2f" % (fv / lv) if fv and lv else "-")


def run_ubench(kernel, initrd, append, smp=None):
    """ubench's "name value unit" lines as {name: (value, unit)}; @smp: the
    CPUs of the boot (qemu.sh's $SMP), for the scaling curve."""
    # The scale curves make tens of thousands of files and mappings: minutes under TCG.
    # 16,000 processes alive need more than qemu.sh's 128 MiB: 1 GiB (the last -m wins).
    mem = CURVE_MEMORY.get(ARCH, ("1G",))[0]
    env = dict(os.environ, QEMU_EXTRA=(os.environ.get("QEMU_EXTRA", "") + " -m " + mem).strip())
    if smp:
        env["SMP"] = str(smp)
    out = subprocess.run(qemu_cmd(kernel, initrd, append, 900), stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env).stdout
    res = {}
    for line in out.decode("utf-8", "replace").replace("\r", "").split("\n"):
        m = re.match(r"^(\w+) ([0-9.]+) (\w+)", line)
        if m:
            res[m.group(1)] = (float(m.group(2)), m.group(3))
    return res


def apt_options():
    """apt's options for ARCH: riscv64 is only in Debian 13, whose package
    index scripts/setup.sh keeps in build/cache/apt-trixie (for busybox)."""
    if ARCH != "riscv64":
        return []
    apt = os.path.join(ROOT, "build", "cache", "apt-trixie")
    return ["-o", "Dir::Etc::SourceList=%s/sources.list" % apt,
            "-o", "Dir::Etc::SourceParts=/dev/null", "-o", "Dir::State::Lists=%s/lists" % apt,
            "-o", "Dir::Cache=%s" % apt, "-o", "Dir::State::status=/dev/null",
            "-o", "APT::Architecture=riscv64", "-o", "APT::Architectures::=riscv64"]


def linux_dir():
    """Where --fetch-linux unpacks Debian's kernel for ARCH."""
    return os.path.join(ROOT, "build", "linux" if ARCH == "x86_64" else "linux-" + ARCH)


# The modules --fetch-linux unpacks (Debian builds virtio-blk as modules),
# under lib/modules (Debian 12) or usr/lib/modules (13).
MODULE_GLOBS = ["./%slib/modules/*/kernel/drivers/%s" % (usr, m) for usr in ("", "usr/")
                for m in ("virtio/*", "block/virtio_blk.ko*")]


def module_files(dest, suffix):
    """The unpacked module files in @dest whose names end with @suffix."""
    return [p for usr in ("", "usr") for p in
            glob.glob(os.path.join(dest, usr, "lib", "modules", "*", "kernel", "drivers", "*",
                                   "*" + suffix))]


def linux_modules(dest):
    """The unpacked modules in @dest by name: {"virtio_blk": path, ...}."""
    return {os.path.basename(p)[:-3]: p for p in module_files(dest, ".ko")}


def linux_image(dest):
    """The kernel image unpacked in @dest (riscv64's package calls it vmlinux-*)."""
    found = glob.glob(os.path.join(dest, "boot", "vmlinuz-*")) + \
        glob.glob(os.path.join(dest, "boot", "vmlinux-*"))
    return found[0] if found else ""


def fetch_linux():
    dest = linux_dir()
    os.makedirs(dest, exist_ok=True)
    if linux_image(dest) and "virtio_blk" in linux_modules(dest):
        return linux_image(dest)
    deps = subprocess.run(["apt-cache"] + apt_options() + ["depends", ARCHES[ARCH][1]],
                          capture_output=True, text=True).stdout
    m = re.search(r"Depends: (linux-image-\S+)", deps)
    if not m:
        sys.exit("bench_user.py: cannot find Debian's linux-image package")
    subprocess.run(["apt-get"] + apt_options() + ["download", m.group(1)], cwd=dest,
                   check=True)
    deb = glob.glob(os.path.join(dest, "*.deb"))[0]
    untar = "dpkg-deb --fsys-tarfile '%s' | tar -x --wildcards -C '%s' " % (deb, dest)
    subprocess.run(untar + "./boot", shell=True, check=True)
    # Only one of the two layouts is there: tar fails for the other.
    subprocess.run(untar + " ".join("'%s'" % g for g in MODULE_GLOBS) + " 2>/dev/null",
                   shell=True, check=False)
    os.unlink(deb)
    # Debian 13 compresses its modules; busybox insmod wants them plain.
    for ko in module_files(dest, ".ko.xz"):
        subprocess.run(["xz", "-df", ko], check=True)
    return linux_image(dest)


def smp_active(arch):
    """Whether @arch's secondary CPUs run tasks: CONFIG_SMP_ACTIVE := y in
    its Makefile, as the top Makefile reads it."""
    try:
        with open(os.path.join(ROOT, "arch", arch, "Makefile")) as f:
            return any(re.match(r"^CONFIG_SMP_ACTIVE\s*:?=\s*y\s*$", l) for l in f)
    except OSError:
        return False


# The parallel forms of tests/bench/ubench.c ("ubench smp"), in ops/s.
SMP_FORMS = (("pipe_round_trip", "pipe_round_trip_par"), ("fork_exit", "fork_exit_par"))


def smp_curve(args, kernel, base, linux):
    """The scaling curve: ubench's parallel forms at each CPU count of
    --smp-cpus on Ferrite's @kernel and on @linux, one boot each, in
    one table."""
    cpus = [int(n) for n in args.smp_cpus.split(",")]
    if args.icount:
        # -icount runs the vCPUs in turn on one host thread: no scaling to see.
        print("smp: --icount ignored: QEMU runs the vCPUs one after another with it")
        os.environ["QEMU_EXTRA"] = os.environ["QEMU_EXTRA"].replace("-icount shift=0", "").strip()
    print("smp: %s on %d host CPUs, load average %.2f %.2f %.2f before"
          % (ARCH, os.cpu_count(), *os.getloadavg()))
    cc, _, console = ARCHES[ARCH]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        initrd = ubench_initrd(tmp, cc, base, "/tmp/ubench smp\n")
        systems = [("ferrite", kernel, "quiet")]
        if linux:
            systems.append(("linux", linux, "console=%s quiet" % console))
        for n in cpus:
            for name, k, append in systems:
                results[(name, n)] = run_ubench(k, initrd, append, smp=n)
    print("smp: load average %.2f %.2f %.2f after" % os.getloadavg())
    print("smp: %-16s %4s %12s %12s %8s %9s %9s   (ops/s, wall time, QEMU TCG)"
          % ("figure", "CPUs", "ferrite", "linux", "ratio", "ferrite/1", "linux/1"))
    for label, key in SMP_FORMS:
        for n in cpus:
            cols = []
            for name in ("ferrite", "linux"):
                res = results.get((name, n), {})
                v = res.get(key, (None,))[0]
                seen = res.get("smp_cpus", (None,))[0]
                one = results.get((name, cpus[0]), {}).get(key, (None,))[0]
                cols.append((v, v / one if v and one else None,
                             seen is not None and int(seen) != n))
            (fv, fx, fbad), (lv, lx, lbad) = cols
            print("smp: %-16s %4d %12s %12s %8s %9s %9s%s"
                  % (label, n, "%.0f" % fv if fv else "-",
                     ("%.0f" % lv if lv else "-") if linux else "",
                     "%.2f" % (fv / lv) if fv and lv else "-",
                     "%.2f" % fx if fx else "-", "%.2f" % lx if lx else "-",
                     "   (a kernel saw another CPU count)" if fbad or lbad else ""))
    if not linux:
        print("smp: no Linux kernel to compare with (bench_user.py --fetch-linux)")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--arch", default="x86_64")
    ap.add_argument("--linux", default=os.environ.get("LINUX_KERNEL", ""))
    ap.add_argument("--fetch-linux", action="store_true")
    ap.add_argument("--production", default="", help="a CONFIG_KUNIT=n vmlinux")
    ap.add_argument("--icount", action="store_true", help="QEMU -icount shift=0")
    ap.add_argument("--smp", action="store_true", help="only the scaling curve")
    ap.add_argument("--smp-cpus", default="1,2,4", help="the CPU counts of --smp")
    ap.add_argument("--smp-active", choices=("y", "n"),
                    help="CONFIG_SMP_ACTIVE (default: from arch/ARCH/Makefile)")
    args = ap.parse_args()
    if args.icount:
        os.environ["QEMU_EXTRA"] = (os.environ.get("QEMU_EXTRA", "") + " -icount shift=0").strip()
    global ARCH
    ARCH = args.arch
    o = os.path.join(ROOT, "build", args.arch)
    kernel, base = os.path.join(o, "vmlinux"), os.path.join(o, "initramfs.cpio")
    if args.smp:
        active = args.smp_active == "y" if args.smp_active else smp_active(args.arch)
        if not active:
            print("smp: no scaling curve on %s: its secondary CPUs come online but run no "
                  "task (CONFIG_SMP_ACTIVE is not set in arch/%s/Makefile)"
                  % (args.arch, args.arch))
            return 0
        if args.production:
            kernel = args.production
    elif args.production:
        compare_production(kernel, args.production, base)
        kernel = args.production
    if args.arch not in ARCHES:
        print("user: no user-space benchmark on %s yet" % args.arch)
        return 0
    cc, _, console = ARCHES[ARCH]
    linux = args.linux
    if not ARCHES[ARCH][1] and not linux:
        print("user: no Debian Linux kernel boots on %s's QEMU board; Ferrite's figures only"
              % ARCH)
    elif args.fetch_linux and not linux:
        try:
            linux = fetch_linux()
        except (subprocess.CalledProcessError, OSError, IndexError, SystemExit) as e:
            print("user: could not fetch Debian's Linux (%s); Ferrite's figures only" % e)
            linux = ""
        if linux:
            print("user: comparing with %s" % os.path.relpath(linux, ROOT))
    elif not linux:
        linux = linux_image(linux_dir())
    if args.smp:
        print("smp: Ferrite's %s" % os.path.relpath(kernel, ROOT))
        return smp_curve(args, kernel, base, linux)

    with tempfile.TemporaryDirectory() as tmp:
        # The scale curves' directory: Linux's rootfs is a tmpfs limited to
        # about 16,000 inodes in 128 MiB, so give them one without a limit.
        script = "mkdir -p /scale; mount -t tmpfs -o nr_inodes=0 none /scale 2>/dev/null\n"
        # Linux allows about 7,800 tasks in 1 GiB (threads-max): lift that.
        script += "echo 40000 > /proc/sys/kernel/threads-max 2>/dev/null\n"
        if ARCH in CURVE_MEMORY:
            _, procs, why = CURVE_MEMORY[ARCH]
            print("user: fork_exit above %dk skipped on %s: %s" % (procs // 1000, ARCH, why))
            script += "export UBENCH_MAX_PROCS=%d\n" % procs
        initrd = ubench_initrd(tmp, cc, base, script + "/tmp/ubench\n")
        systems = [("ferrite", kernel, "quiet", "quiet")]
        if linux:
            append = "console=%s quiet" % console
            bench_append = append
            if ARCH in LINUX_MAX_PROCS:
                procs, why = LINUX_MAX_PROCS[ARCH]
                print("user: Linux's fork_exit above %dk skipped: %s" % (procs // 1000, why))
                bench_append += " UBENCH_MAX_PROCS=%d" % procs
            systems.append(("linux", linux, append, bench_append))
        results = {}
        for name, k, append, bench_append in systems:
            results[name] = run_ubench(k, initrd, bench_append)
            results[name]["boot_to_prompt"] = (None, "s")
            b, p = boot_to_prompt(k, base, append)
            results[name]["boot_to_prompt"] = (b, "s")
            results[name]["poweroff"] = (p, "s")

    names = ["null_syscall", "pipe_round_trip", "fork_exit_wait", "fork_exec_wait",
             "read_64k", "read_file_64k", "read_64k_rust_random", "anon_fault", "file_fault", "boot_to_prompt", "poweroff"]
    # Scale curves (tests/bench/ubench.c): one operation with N entries or mappings.
    curve_ops = ("dir_create", "dir_stat", "dir_unlink", "mmap", "fault", "munmap",
                 "timer_arm", "timer_disarm")
    names += ["%s_%dk" % (op, k) for op in curve_ops for k in CURVE_SIZES]
    names += ["fork_exit_%dk" % k for k in CURVE_SIZES[:3]]
    header = "user: %-20s %12s" % ("figure", "ferrite")
    if linux:
        header += " %12s %8s" % ("linux", "ratio")
    print(header + "   (QEMU TCG, same program and initramfs)")
    for n in names:
        fv, unit = results["ferrite"].get(n, (None, ""))
        line = "user: %-20s %12s" % (n, "%.3f %s" % (fv, unit) if fv is not None else "-")
        if linux:
            line += linux_columns(fv, results["linux"].get(n, (None, ""))[0], "%.3f " + unit)
        print(line)
    print_curves(results, curve_ops + ("fork_exit",), bool(linux))
    if not linux:
        print("user: no Linux kernel to compare with (bench_user.py --fetch-linux)")
    return 0


def curve_growth(res, op):
    """@op's figures at each size in @res (None where missing), and the
    largest measured size's over the smallest's."""
    points = [res.get("%s_%dk" % (op, k), (None, ""))[0] for k in CURVE_SIZES]
    got = [v for v in points if v]
    return points, (got[-1] / got[0] if len(got) > 1 else None)


def print_curves(results, ops, with_linux):
    """The scale curves as bench.rst shows them: per operation at each
    size, and how much the largest size costs over the smallest."""
    def cols(points, growth):
        return "".join("%8s" % ("%.2f" % v if v else "-") for v in points) + \
            "%9s" % ("%.2f" % growth if growth else "-")
    header = "curve: %-14s %8s%8s%8s%8s%9s" % (("per operation", "Ferrite 1k") +
                                               tuple("%dk" % k for k in CURVE_SIZES[1:]) +
                                               ("last/1k",))
    if with_linux:
        header += "  %8s%8s%8s%8s%9s" % (("Linux 1k",) + tuple("%dk" % k for k in
                                                                CURVE_SIZES[1:]) + ("last/1k",))
    print(header)
    for op in ops:
        line = "curve: %-14s " % op + cols(*curve_growth(results["ferrite"], op))
        if with_linux:
            line += "  " + cols(*curve_growth(results["linux"], op))
        print(line)


if __name__ == "__main__":
    sys.exit(main())
