#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Boot Ferrite with "bench=1" and report the C-versus-Rust driver figures.

The kernel runs the pairs of lib/devbench.c (a C driver and its Rust twin,
the same operations on both) and the in-kernel scale curves (the cost of
one operation with 1k to 64k timers pending, or 1k to 8k vmalloc areas in
place), prints "bench:" lines, then exits QEMU
through isa-debug-exit. This script collects the lines and prints a table;
it is not a test (figures vary between runs), but it fails when the boot
does not end with "bench: done".

With --icount, QEMU runs with "-icount shift=0": its virtual clock advances
one nanosecond per guest instruction, so the kernel's ktime (and every
"ns/op" it prints) counts instructions. Those figures are the same on every
run and every host, which makes the Rust/C ratios exact; the default mode
measures wall time under TCG emulation, which a busy host disturbs by
+-20%. (A "rep" string instruction counts once per iteration.)
"""
import argparse
import os
import re
import subprocess
import sys

STAMP = re.compile(r"^\[\s*\d+\.\d+\] ")
RESULT = re.compile(r"^bench: (\S+) (\S+)\s+C (\d+) ns/op\s+Rust (\d+) ns/op\s+ratio ([\d.]+)"
                    r"\s+\((\d+) x (\d+) iters")
CURVE = re.compile(r"^bench: curve (\S+) (\S+) (\d+) ns/op")
SKIP = re.compile(r"^bench: (\S+)(?: (\S+))?\s+skipped: (.*)$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", default="x86_64")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--filter", help="run only the pair of this name")
    ap.add_argument("--ms", type=int, help="time per operation and device, in ms (default 50)")
    ap.add_argument("--log", help="write the console log here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the console")
    ap.add_argument("--icount", action="store_true",
                    help="count guest instructions instead of wall time (deterministic)")
    args = ap.parse_args()

    append = "bench=1"
    if args.filter:
        append += " bench.filter=" + args.filter
    if args.ms:
        append += " bench.ms=%d" % args.ms
    cmd = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "qemu.sh"),
           "--arch", args.arch, "--kernel", args.kernel, "--append", append,
           "--timeout", str(args.timeout)]
    env = dict(os.environ)
    if args.icount:
        env["QEMU_EXTRA"] = (env.get("QEMU_EXTRA", "") + " -icount shift=0").strip()
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, check=False, env=env)
    text = proc.stdout.decode("utf-8", "replace").replace("\r", "")
    if args.log:
        with open(args.log, "w", encoding="utf-8") as f:
            f.write(text)
    if args.verbose:
        sys.stdout.write(text)
    lines = [STAMP.sub("", l) for l in text.split("\n")]

    results, skips, curves, done = [], [], {}, False
    for line in lines:
        m = RESULT.match(line)
        if m:
            results.append(m.groups())
            continue
        m = CURVE.match(line)
        if m:
            curves.setdefault(m.group(1), []).append((m.group(2), int(m.group(3))))
            continue
        m = SKIP.match(line)
        if m:
            skips.append(m.groups())
        elif line.startswith("bench: done"):
            done = True

    if results:
        unit = "insn/op" if args.icount else "ns/op"
        print("%s:" % ("instructions per operation (QEMU -icount, exact)" if args.icount
                       else "wall time per operation under TCG (noisy)"))
        print("%-24s %-11s %10s %10s %7s  %s" % ("pair", "operation", "C " + unit,
                                                 "Rust " + unit, "ratio", "iterations"))
        for pair, op, c_ns, r_ns, ratio, rounds, iters in results:
            print("%-24s %-11s %10s %10s %7s  %s x %s" % (pair, op, c_ns, r_ns, ratio,
                                                        rounds, iters))
    print_curves(curves, "insn/op" if args.icount else "ns/op")
    for pair, op, why in skips:
        print("skipped: %s%s: %s" % (pair, " " + op if op else "", why))
    if pair_selfcheck_only(results):
        print("note: only the harness self-check ran (null vs zero is not a twin pair)")
    if not done or proc.returncode != 0:
        print("bench: the kernel did not finish the benchmark (QEMU exit %d); see %s"
              % (proc.returncode, args.log or "--log/-v"), file=sys.stderr)
        return 1
    print("bench: %d operations measured" % (len(results) + len(curves)))
    return 0


def print_curves(curves, unit):
    """One line per curve: the cost per operation at each size, then last/first."""
    for name, points in curves.items():
        growth = points[-1][1] / points[0][1] if points[0][1] else float("inf")
        print("%-24s %s %s  %s/%s %.2f" % (name, "  ".join("%s %d" % p for p in points), unit,
                                           points[-1][0], points[0][0], growth))


def pair_selfcheck_only(results):
    """True when every measured line is from a self-check pair."""
    return bool(results) and all(r[0].startswith("selfcheck") for r in results)


if __name__ == "__main__":
    sys.exit(main())
