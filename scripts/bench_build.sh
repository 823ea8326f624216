#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build-speed benchmark (issue targets: clean build < 90 s, edit-to-result
# < 10 s on a 2-core machine). Prints figures from one run; not a test.
#   1. clean build of everything (core/alloc included) with make -j$(nproc)
#   2. incremental: touch one sample (or a C file), rebuild, boot, run one
#      test suite, and report the wall time until the result is known.
set -eu
arch=${ARCH:-x86_64}
out=build/bench-$arch
jobs=$(nproc)
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

rm -rf "$out"
t0=$(now)
make -s -j"$jobs" O="$out" ARCH="$arch" >/dev/null
t1=$(now)
clean=$(secs "$t0" "$t1")

edit=$(ls samples/rust/rust_minimal.rs 2>/dev/null || echo kernel/params.c)
touch "$edit"
t0=$(now)
make -s -j"$jobs" O="$out" ARCH="$arch" >/dev/null
python3 scripts/run_tests.py --arch "$arch" --kernel "$out/vmlinux" --no-crash \
	--filter 'cmdline' --timeout 60 >/dev/null
t1=$(now)
incr=$(secs "$t0" "$t1")

echo "build: clean build of everything (-j$jobs): $clean s (target 90 s, ratio $(awk -v a="$clean" 'BEGIN{printf "%.2f", a/90}'))"
echo "build: edit $edit -> booted test result: $incr s (target 10 s, ratio $(awk -v a="$incr" 'BEGIN{printf "%.2f", a/10}'))"
rm -rf "$out"
