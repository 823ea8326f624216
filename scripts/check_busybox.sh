#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Host-side checks of how the build finds and packs busybox (run by
# `make test`, as `make busyboxcheck`; about 15 s, nothing is downloaded):
#
#  1. scripts/setup.sh unpacks a busybox-static package so that
#     bin/busybox exists whether the package ships it in bin/ (Debian 12)
#     or usr/bin/ (Debian 13, riscv64's), using packages built here;
#  2. the initramfs is rebuilt when BUSYBOX= changes, with nothing else
#     changed: built with a busybox, then with BUSYBOX= (no busybox in the
#     archive), then with it again (it is back), in a scratch build
#     directory, without user space (CONFIG_USER_SPACE=n) to stay quick.
#
#   scripts/check_busybox.sh [ARCH]
# Prints one line per check; exits 1 naming the first that fails.
set -eu
arch=${1:-x86_64}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "check_busybox: FAIL: $*" >&2
	exit 1
}

# A stand-in busybox: a script that says which one it is.
fake_busybox() {
	mkdir -p "$(dirname "$1")"
	printf '#!/bin/sh\necho %s\n' "$2" > "$1"
	chmod 755 "$1"
}

# 1. A package per layout, unpacked by setup.sh into a fresh directory.
for layout in bin usr/bin; do
	pkg=$tmp/pkg-$(echo "$layout" | tr / -)
	fake_busybox "$pkg/$layout/busybox" "busybox-in-$layout"
	mkdir -p "$pkg/DEBIAN"
	printf 'Package: busybox-static\nVersion: 1:1.0-1\nArchitecture: all\nMaintainer: none <none@example.org>\nDescription: test package\n' \
		> "$pkg/DEBIAN/control"
	dpkg-deb --build --root-owner-group "$pkg" "$pkg.deb" >/dev/null
	"$top/scripts/setup.sh" --unpack-busybox "$pkg.deb" "$tmp/unpacked-$layout" ||
		fail "setup.sh --unpack-busybox failed for a package with $layout/busybox"
	out=$("$tmp/unpacked-$layout/bin/busybox" 2>/dev/null) ||
		fail "a package with $layout/busybox: no runnable bin/busybox after unpacking"
	[ "$out" = "busybox-in-$layout" ] ||
		fail "a package with $layout/busybox: bin/busybox runs '$out'"
done
echo "check_busybox: setup.sh finds busybox in bin/ and in usr/bin/"

# 2. The initramfs follows BUSYBOX=.
fake_busybox "$tmp/busybox" "ferrite-check-busybox-marker"
o=$tmp/build
# BUSYBOX_LIST: a list without applets (the stand-in prints none).
mk() {
	make -C "$top" --no-print-directory -s ARCH="$arch" O="$o" CONFIG_USER_SPACE=n \
		BUSYBOX_LIST=true "$@" initramfs >/dev/null ||
		fail "make initramfs $* failed"
}
has_busybox() {
	grep -q -a ferrite-check-busybox-marker "$o/initramfs.cpio"
}
mk BUSYBOX="$tmp/busybox"
has_busybox || fail "BUSYBOX=$tmp/busybox: the initramfs has no busybox"
before=$(stat -c %Y.%y "$o/initramfs.cpio")
mk BUSYBOX="$tmp/busybox"
[ "$(stat -c %Y.%y "$o/initramfs.cpio")" = "$before" ] ||
	fail "the initramfs was rebuilt with nothing changed"
mk BUSYBOX=
has_busybox && fail "BUSYBOX= did not rebuild the initramfs: busybox is still in it"
mk BUSYBOX="$tmp/busybox"
has_busybox || fail "BUSYBOX set again did not rebuild the initramfs with busybox"
echo "check_busybox: the initramfs is rebuilt when BUSYBOX= changes"
