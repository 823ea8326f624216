#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot a Ferrite kernel under QEMU on the serial console.
#   qemu.sh --arch x86_64 --kernel build/x86_64/vmlinux [--append "..."]
#           [--initrd FILE] [--gdb] [--timeout SECONDS]
# The machine has $SMP CPUs (default 1), as `make run|test SMP=n` sets.
# ARCH=arm: $MACHINE is the board, versatilepb (ARM1176, one CPU: the
# default at SMP=1) or realview-eb-mpcore (ARM11 MPCore, up to 4 CPUs:
# the default above 1).
# DISK=path in the environment: a raw image attached as the first
# virtio-blk disk (a 16 MiB scratch image, deleted afterwards, without it);
# DISK_OPTS=...: more properties of that virtio-blk-pci device (queue-size=4).
# Exit status: 0 when the kernel powered off cleanly, 1 when it reported a
# failure, 2 on panic, 124 on timeout; other values are QEMU's own.
set -u
arch=x86_64 kernel= append= initrd= gdb=0 timeout=0
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=$2; shift ;;
	--kernel) kernel=$2; shift ;;
	--append) append=$2; shift ;;
	--initrd) initrd=$2; shift ;;
	--gdb) gdb=1 ;;
	--timeout) timeout=$2; shift ;;
	*) echo "qemu.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
[ -n "$kernel" ] || { echo "qemu.sh: --kernel is required" >&2; exit 2; }

case "$arch" in
x86_64)
	set -- qemu-system-x86_64 -machine q35 -cpu max -m 128M \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 ;;
riscv64)
	# OpenSBI from Debian's opensbi package when installed, else QEMU's
	# copy; the kernel's exit goes through the SiFive test device.
	bios=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
	[ -f "$bios" ] || bios=default
	set -- qemu-system-riscv64 -machine virt -cpu rv64 -m 128M -bios "$bios" ;;
arm64)
	# QEMU boots the Image next to vmlinux (Linux's arm64 boot format: the
	# device tree comes in x0); semihosting carries the exit status.
	case "$kernel" in
	*vmlinux) [ -f "${kernel%vmlinux}Image" ] && kernel=${kernel%vmlinux}Image ;;
	esac
	set -- qemu-system-aarch64 -machine virt -cpu cortex-a57 -m 128M \
		-semihosting-config enable=on,target=native ;;
arm)
	# QEMU boots the raw Image next to vmlinux (the 32-bit ARM boot
	# protocol: the ATAGs come in r2); semihosting carries the exit status.
	case "$kernel" in
	*vmlinux) [ -f "${kernel%vmlinux}Image" ] && kernel=${kernel%vmlinux}Image ;;
	esac
	# The boards' AC97 codec gets no audio backend.
	export QEMU_AUDIO_DRV=none
	machine=${MACHINE:-$([ "${SMP:-1}" = 1 ] && echo versatilepb || echo realview-eb-mpcore)}
	case "$machine" in
	versatilepb) cpu=arm1176 ;;
	realview-eb-mpcore) cpu=arm11mpcore ;;
	*) echo "qemu.sh: MACHINE=$machine: not an arm board Ferrite runs on" >&2; exit 2 ;;
	esac
	set -- qemu-system-arm -machine "$machine" -cpu $cpu -m 128M \
		-semihosting-config enable=on,target=native ;;
powerpc)
	# pseries runs the Image next to vmlinux as its firmware (QEMU enters
	# it at 0x100 with the device tree in r3); vmlinux as -kernel only
	# makes QEMU accept -append. XICS interrupts; the Spectre capabilities
	# TCG lacks are declared absent. The kernel's exit code comes on a
	# second virtual terminal (arch/powerpc/kernel/reboot.c), in a file.
	# Any other kernel (Debian's vmlinux-<version>, for make bench) is
	# loaded by QEMU's own firmware, SLOF.
	exitfile=$(mktemp)
	trap 'rm -f "$exitfile"' EXIT
	set -- qemu-system-ppc64 -machine pseries,ic-mode=xics,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off \
		-cpu power9 -m 256M \
		-chardev file,id=exitcode,path="$exitfile" \
		-device spapr-vty,reg=0x71000010,chardev=exitcode
	case "$kernel" in
	*vmlinux) set -- "$@" -bios "${kernel%vmlinux}Image" ;;
	esac ;;
*)
	echo "qemu.sh: unsupported ARCH=$arch" >&2; exit 2 ;;
esac
# PCI devices for the PCI tests (drivers/pci/pci_kunit.c), at fixed
# addresses on every machine (versatilepb's root bus has slots 11-31): a
# virtio RNG on the root bus, and QEMU's "edu" teaching device behind a
# PCI-to-PCI bridge, its DMA engine let reach all of RAM (its default mask
# stops at 256 MiB, below arm64's and riscv64's RAM). QEMU refuses edu
# where the interrupt controller has no MSI (both arm boards: versatilepb's
# VIC, realview-eb-mpcore's GICs): there the bridge stays empty and the edu
# tests say they are skipped.
set -- "$@" -device virtio-rng-pci,addr=0x10 \
	-device pci-bridge,id=pcibr1,chassis_nr=1,shpc=off,addr=0x11
[ "$arch" = arm ] ||
	set -- "$@" -device edu,bus=pcibr1,addr=0x0,dma_mask=0xffffffffffffffff
# The first virtio-blk disk, on the root bus at a fixed address too.
disk=${DISK:-}
if [ -z "$disk" ]; then
	disk=$(mktemp "${TMPDIR:-/tmp}/ferrite-disk.XXXXXX") || exit 2
	trap 'rm -f "$disk"' EXIT
	truncate -s 16M "$disk" || exit 2
elif [ ! -f "$disk" ]; then
	echo "qemu.sh: DISK=$disk: no such file" >&2; exit 2
fi
set -- "$@" -drive "file=$disk,format=raw,if=none,id=disk0" \
	-device "virtio-blk-pci,drive=disk0,addr=0x12${DISK_OPTS:+,$DISK_OPTS}"
set -- "$@" -smp "${SMP:-1}" -kernel "$kernel" -append "$append" -nographic -no-reboot \
	-serial mon:stdio
[ -n "$initrd" ] && set -- "$@" -initrd "$initrd"
# Extra QEMU options from the environment (e.g. QEMU_EXTRA="-icount shift=0").
# shellcheck disable=SC2086
[ -n "${QEMU_EXTRA:-}" ] && set -- "$@" $QEMU_EXTRA
if [ "$gdb" = 1 ]; then
	set -- "$@" -S -gdb tcp::1234
	echo "qemu.sh: QEMU waits for gdb on :1234; in another terminal:" >&2
	echo "  gdb $kernel -ex 'target remote :1234'" >&2
fi
if [ "$timeout" != 0 ]; then
	timeout --foreground -k 5 "$timeout" "$@"
else
	"$@"
fi
rc=$?
# pseries: QEMU exits with 0 on power-off; the code was written to a file.
if [ "$arch" = powerpc ] && [ "$rc" = 0 ]; then
	code=$(sed -n 's/^exit \([0-9]*\).*/\1/p' "$exitfile" | tail -n 1)
	[ -n "$code" ] && rc=$((2 * code + 1))
fi
# isa-debug-exit (x86_64), the SiFive test device (riscv64, see
# arch/riscv64/kernel/reboot.c) and semihosting (arm64 and arm, see
# arch/arm*/kernel/reboot.c): the kernel's code n comes out as 2n+1.
case $rc in
1) exit 0 ;;
3) exit 1 ;;
5) exit 2 ;;
0) echo "qemu.sh: QEMU exited without the kernel's exit code (reset or triple fault?)" >&2; exit 3 ;;
*) exit $rc ;;
esac
