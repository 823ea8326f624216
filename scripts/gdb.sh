#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Debug Ferrite: start QEMU paused with its gdbstub, then attach gdb with the
# kernel's symbols. QEMU's serial console goes to build/<arch>/gdb-console.log
# (tail -f it in another terminal); quitting gdb stops QEMU.
#   gdb.sh --arch x86_64 --kernel build/x86_64/vmlinux [--append "..."] [--batch FILE]
# --batch FILE runs the gdb commands in FILE and exits (for scripts and tests).
set -eu
arch=x86_64 kernel= append= batch= port=1234 image=
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=$2; shift ;;
	--kernel) kernel=$2; shift ;;
	--append) append=$2; shift ;;
	--batch) batch=$2; shift ;;
	--port) port=$2; shift ;;
	*) echo "gdb.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
gdb=gdb
log=$(dirname "$kernel")/gdb-console.log
case "$arch" in
x86_64) qemu="qemu-system-x86_64 -machine q35 -cpu max -m 128M -device isa-debug-exit,iobase=0xf4,iosize=0x04" ;;
riscv64)
	bios=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
	[ -f "$bios" ] || bios=default
	qemu="qemu-system-riscv64 -machine virt -cpu rv64 -m 128M -bios $bios"
	gdb=gdb-multiarch ;;
arm64)
	qemu="qemu-system-aarch64 -machine virt -cpu cortex-a57 -m 128M -semihosting-config enable=on,target=native"
	image=${kernel%vmlinux}Image	# QEMU boots the Image, gdb reads vmlinux
	gdb=gdb-multiarch ;;
arm)
	export QEMU_AUDIO_DRV=none
	qemu="qemu-system-arm -machine versatilepb -cpu arm1176 -m 128M -semihosting-config enable=on,target=native"
	image=${kernel%vmlinux}Image	# QEMU boots the Image, gdb reads vmlinux
	gdb=gdb-multiarch ;;
powerpc)
	# The Image is the firmware (see qemu.sh); -kernel carries -append.
	qemu="qemu-system-ppc64 -machine pseries,ic-mode=xics,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off -cpu power9 -m 256M -bios ${kernel%vmlinux}Image"
	gdb=gdb-multiarch ;;
*) echo "gdb.sh: unsupported ARCH=$arch" >&2; exit 2 ;;
esac
command -v $gdb >/dev/null || { echo "gdb.sh: $gdb is missing: apt-get install $gdb" >&2; exit 1; }
# shellcheck disable=SC2086
$qemu -kernel "${image:-$kernel}" -append "$append" -display none -no-reboot \
	-serial "file:$log" -S -gdb "tcp:127.0.0.1:$port" &
qpid=$!
trap 'kill $qpid 2>/dev/null || true' EXIT
echo "gdb.sh: QEMU is paused; console output goes to $log"
if [ -n "$batch" ]; then
	$gdb -q -batch -ex "target remote 127.0.0.1:$port" -x "$batch" "$kernel"
else
	$gdb -q -ex "target remote 127.0.0.1:$port" "$kernel"
fi
