#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run a shell script inside Ferrite and get its output and exit status.
#   scripts/run-in-vm.sh FILE [FILE...]
# Boots build/<arch>/vmlinux with the initramfs plus FILE... in /tmp; init
# runs the first FILE under busybox sh from /tmp, its stdout and stderr
# (both on the console) are streamed here, and this script exits with the
# script's exit status (125 if the boot failed). Build first with
# "make vmlinux initramfs". Environment: ARCH, O, KERNEL, INITRAMFS,
# TIMEOUT (seconds, default 60), SMP (CPUs, default 1), DISK (a raw image:
# the first virtio-blk disk, see qemu.sh).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 FILE [FILE...]" >&2; exit 2; }
arch=${ARCH:-x86_64}
here=$(dirname "$0")
o=${O:-$here/../build/$arch}
kernel=${KERNEL:-$o/vmlinux}
base=${INITRAMFS:-$o/initramfs.cpio}
[ -f "$kernel" ] && [ -f "$base" ] || {
	echo "run-in-vm.sh: $kernel or $base missing; run 'make vmlinux initramfs'" >&2
	exit 125
}
[ -z "${DISK:-}" ] || [ -f "$DISK" ] || {
	echo "run-in-vm.sh: DISK=$DISK: no such file" >&2
	exit 2
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
basename "$1" > "$tmp/run-in-vm"
set -- "$@"
entries="file:etc/run-in-vm:$tmp/run-in-vm:0644"
for f in "$@"; do
	[ -f "$f" ] || { echo "run-in-vm.sh: no such file: $f" >&2; exit 2; }
	entries="$entries file:tmp/$(basename "$f"):$f"
done
# shellcheck disable=SC2086
python3 "$here/../usr/gen_initramfs.py" "$tmp/extra.cpio" $entries
cat "$base" "$tmp/extra.cpio" > "$tmp/initrd.cpio"
# mawk (Debian's awk) reads a pipe in blocks unless -W interactive: ask it
# for lines, so that the output comes as the script prints it.
lines=
case $(awk -W version 2>&1 | head -n 1) in mawk*) lines="-W interactive" ;; esac
# shellcheck disable=SC2086
"$here/qemu.sh" --arch "$arch" --kernel "$kernel" --initrd "$tmp/initrd.cpio" \
	--append "${CMDLINE:-quiet}" --timeout "${TIMEOUT:-60}" </dev/null 2>&1 |
	awk $lines 'BEGIN { on = 0; st = 125 }
	     { sub(/\r$/, "") }
	     /^run-in-vm: start$/ { on = 1; next }
	     # The marker may follow output that did not end in a newline.
	     match($0, /run-in-vm: exit status [0-9]+$/) {
		     if (on && RSTART > 1) { printf "%s", substr($0, 1, RSTART - 1); fflush() }
		     split(substr($0, RSTART), w, " "); st = w[4] + 0; on = 0; next
	     }
	     on { print; fflush() }
	     END { exit st }'
