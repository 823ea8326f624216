#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Install the Debian 12 packages Ferrite needs to build, boot and test.
#   scripts/setup.sh [--arch x86_64] [--check]
# Fast when everything is there (one dpkg query). Otherwise installs the
# missing packages with apt-get, as root or through sudo; when neither is
# possible it stops and names the exact packages to install.
set -eu
arch=x86_64 check=0
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=$2; shift ;;
	--check) check=1 ;;
	*) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done

# Build: C toolchain, both compilers; Rust: the pinned toolchain.
pkgs="make gcc binutils clang lld llvm python3 gdb \
	rustc-web rust-web-src rustfmt-web rust-web-clippy bindgen libclang-dev \
	musl-tools busybox-static"
case "$arch" in
x86_64) pkgs="$pkgs qemu-system-x86" ;;
riscv64) pkgs="$pkgs gcc-riscv64-linux-gnu binutils-riscv64-linux-gnu qemu-system-misc \
	opensbi gdb-multiarch" ;;
arm64) pkgs="$pkgs gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-system-arm gdb-multiarch" ;;
*) echo "setup.sh: unsupported ARCH=$arch" >&2; exit 2 ;;
esac

missing=
for p in $pkgs; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "setup.sh: missing Debian packages:$missing"
if [ "$check" = 1 ]; then
	exit 1
fi
if [ "$(id -u)" = 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=sudo
else
	echo "setup.sh: not root and no password-less sudo; please run:" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "setup.sh: installing with apt-get (this happens once)"
$sudo apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "setup.sh: done"
