#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Install the Debian 12 packages Ferrite needs to build, boot and test.
#   scripts/setup.sh [--arch x86_64] [--check]
#   scripts/setup.sh --busybox-source DIR
#   scripts/setup.sh --unpack-busybox DEB DIR
# Fast when everything is there (one dpkg query). Otherwise installs the
# missing packages with apt-get, as root or through sudo; when neither is
# possible it stops and names the exact packages to install.
# --busybox-source only unpacks Debian 12's source of the installed
# busybox-static into DIR/busybox-<version> (once), for
# scripts/busybox-testsuite.sh. --unpack-busybox only unpacks a
# busybox-static package as the fetches below do (scripts/check_busybox.sh
# tests that with a package of its own).
set -eu
arch=x86_64 check=0 bbsrc= unpack_deb= unpack_dir=
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=$2; shift ;;
	--check) check=1 ;;
	--busybox-source) bbsrc=$2; shift ;;
	--unpack-busybox) unpack_deb=$2 unpack_dir=$3; shift 2 ;;
	*) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done

# Build: C toolchain, both compilers; Rust: the pinned toolchain;
# e2fsprogs makes the ext2 test images (scripts/ext2_images.py).
pkgs="make gcc binutils clang lld llvm python3 gdb \
	rustc-web rust-web-src rustfmt-web rust-web-clippy bindgen libclang-dev \
	musl-tools busybox-static e2fsprogs"
case "$arch" in
x86_64) pkgs="$pkgs qemu-system-x86" ;;
riscv64) pkgs="$pkgs gcc-riscv64-linux-gnu binutils-riscv64-linux-gnu libc6-dev-riscv64-cross \
	qemu-system-misc opensbi gdb-multiarch dpkg-dev" ;;
arm64) pkgs="$pkgs gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross \
	qemu-system-arm gdb-multiarch" ;;
arm) pkgs="$pkgs gcc-arm-linux-gnueabi binutils-arm-linux-gnueabi libc6-dev-armel-cross \
	qemu-system-arm gdb-multiarch" ;;
powerpc) pkgs="$pkgs gcc-powerpc64le-linux-gnu binutils-powerpc64le-linux-gnu \
	libc6-dev-ppc64el-cross qemu-system-ppc gdb-multiarch" ;;
*) echo "setup.sh: unsupported ARCH=$arch" >&2; exit 2 ;;
esac

# User space on a foreign architecture runs that architecture's Debian
# busybox-static, which cannot be installed beside the native one: its
# package is downloaded (apt-get download, once dpkg knows the
# architecture) and unpacked under build/cache/ (usr/Makefile's BUSYBOX).
case "$arch" in
arm64) foreign_busybox=arm64 ;;
arm) foreign_busybox=armel ;;
powerpc) foreign_busybox=ppc64el ;;
*) foreign_busybox= ;;
esac

# unpack_busybox DEB DIR: the package's files under DIR, and DIR/bin/busybox
# (where usr/Makefile's BUSYBOX looks) whether the package ships it in bin/
# (Debian 12) or usr/bin/ (Debian 13).
unpack_busybox() {
	mkdir -p "$2"
	dpkg-deb -x "$1" "$2"
	if [ ! -e "$2/bin/busybox" ] && [ -x "$2/usr/bin/busybox" ]; then
		mkdir -p "$2/bin"
		ln -s ../usr/bin/busybox "$2/bin/busybox"
	fi
}

fetch_busybox() {
	dir=$(dirname "$0")/../build/cache/busybox-$1
	[ -x "$dir/bin/busybox" ] && return 0
	echo "setup.sh: fetching Debian's busybox-static for $1"
	if ! dpkg --print-foreign-architectures | grep -qx "$1"; then
		$sudo dpkg --add-architecture "$1"
		$sudo apt-get update -qq >/dev/null
	fi
	tmp=$(mktemp -d)
	(cd "$tmp" && apt-get download -qq "busybox-static:$1" >/dev/null 2>&1) ||
		{ $sudo apt-get update -qq >/dev/null &&
		  (cd "$tmp" && apt-get download -qq "busybox-static:$1" >/dev/null 2>&1); } ||
		{ echo "setup.sh: cannot download busybox-static:$1" >&2; rm -rf "$tmp"; exit 1; }
	unpack_busybox "$tmp"/busybox-static_*.deb "$dir"
	rm -rf "$tmp"
}

# riscv64: Debian 12 has no riscv64 port, Debian 13 (trixie) has, so its
# busybox-static is used instead. apt runs with a private source list and
# state under build/cache/apt-trixie (the system's apt configuration is
# untouched, no root needed): it checks the package index against the
# signed Release file and the .deb against the index; the .deb's SHA256 is
# compared with the index again here. When this fails, setup.sh builds
# busybox from Debian 12's source instead (build_busybox_bookworm).
fetch_busybox_trixie() {
	dir=$(dirname "$0")/../build/cache/busybox-$1
	[ -x "$dir/bin/busybox" ] && return 0
	echo "setup.sh: fetching Debian 13's busybox-static for $1"
	apt=$(cd "$(dirname "$0")/.." && pwd)/build/cache/apt-trixie
	mkdir -p "$apt/lists/partial" "$apt/archives/partial"
	echo "deb [arch=$1] http://deb.debian.org/debian trixie main" > "$apt/sources.list"
	set -- "$1" -o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt" -o Dir::State::status=/dev/null \
		-o "APT::Architecture=$1" -o "APT::Architectures::=$1"
	barch=$1; shift
	if ! apt-get "$@" -qq update >/dev/null 2>&1; then
		echo "setup.sh: cannot read Debian 13's $barch package index" >&2
		return 1
	fi
	sha=$(apt-cache "$@" show busybox-static | sed -n 's/^SHA256: //p' | head -n 1)
	tmp=$(mktemp -d)
	if ! (cd "$tmp" && apt-get "$@" -qq download busybox-static >/dev/null 2>&1) ||
	   [ -z "$sha" ] || ! echo "$sha  $(echo "$tmp"/busybox-static_*.deb)" | sha256sum -c --quiet; then
		echo "setup.sh: cannot download busybox-static:$barch from Debian 13" >&2
		rm -rf "$tmp"
		return 1
	fi
	unpack_busybox "$tmp"/busybox-static_*.deb "$dir"
	rm -rf "$tmp"
}

# The fallback when Debian 13's package cannot be fetched: busybox built
# from Debian 12's own source package, the version the native
# busybox-static was built from (so the native applet list is exact), with
# Debian's static configuration (debian/config/os/linux then
# debian/config/pkg/static), Debian's riscv64 hardening flags and the
# cross gcc with Debian 12's static glibc, as debian/rules builds the
# static flavour. apt runs with a private source list and state under
# build/cache/apt-bookworm-src (deb-src lines for bookworm,
# bookworm-updates and bookworm-security, signed-by Debian's archive
# keyring): it checks each index against the signed InRelease (gpgv) and
# the .dsc, .orig and .debian tarballs against the Sources entry, and
# dpkg-source applies debian/patches. Not done: Debian's testsuite (it
# would have to run the riscv64 binary), the other two flavours, the man
# page. About two minutes on two cores, once: a failed compile leaves
# build/cache/busybox-riscv64.failed, which stops later runs retrying.
# fetch_busybox_source DEST LOG: Debian 12's source of the installed
# busybox-static, unpacked (patches applied) in DEST; prints its directory.
# apt's state is kept under build/cache/apt-bookworm-src only meanwhile.
fetch_busybox_source() {
	ver=$(dpkg-query -W -f='${source:Version}' busybox-static 2>/dev/null || true)
	upver=${ver#*:}; upver=${upver%-*}
	[ -n "$ver" ] || return 1
	apt=$(cd "$(dirname "$0")/.." && pwd)/build/cache/apt-bookworm-src
	mkdir -p "$apt/lists/partial" "$apt/archives/partial"
	key=/usr/share/keyrings/debian-archive-keyring.gpg
	{
		echo "deb-src [signed-by=$key] http://deb.debian.org/debian bookworm main"
		echo "deb-src [signed-by=$key] http://deb.debian.org/debian bookworm-updates main"
		echo "deb-src [signed-by=$key] http://deb.debian.org/debian-security bookworm-security main"
	} > "$apt/sources.list"
	set -- "$1" "$2" -o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt" -o Dir::State::status=/dev/null
	dest=$1 flog=$2; shift 2
	if ! apt-get "$@" -qq update > "$flog" 2>&1 ||
	   ! (cd "$dest" && apt-get "$@" -qq source "busybox=$ver") >> "$flog" 2>&1 ||
	   [ ! -d "$dest/busybox-$upver/debian" ]; then
		rm -rf "$apt"
		return 1
	fi
	rm -rf "$apt"
	echo "$dest/busybox-$upver"
}

build_busybox_bookworm() {
	top=$(cd "$(dirname "$0")/.." && pwd)
	dir=$top/build/cache/busybox-$1
	[ -x "$dir/bin/busybox" ] && return 0
	log=$top/build/cache/busybox-$1-build.log
	if [ -e "$top/build/cache/busybox-$1.failed" ]; then
		echo "setup.sh: no busybox for $1: building it failed before (see $log;" \
			"remove build/cache/busybox-$1.failed to retry)" >&2
		return 1
	fi
	ver=$(dpkg-query -W -f='${source:Version}' busybox-static 2>/dev/null || true)
	if [ -z "$ver" ]; then
		echo "setup.sh: busybox-static is not installed; no busybox for $1" >&2
		return 1
	fi
	echo "setup.sh: building busybox ${ver#*:} for $1 from Debian 12's source (once, a few minutes)"
	tmp=$(mktemp -d)
	if ! src=$(fetch_busybox_source "$tmp" "$log"); then
		echo "setup.sh: cannot download and unpack Debian 12's busybox $ver source (see $log)" >&2
		rm -rf "$tmp"
		return 1
	fi
	barch=$1
	if ! build_busybox_static "$src" "$tmp/b" "$barch" "$ver" >> "$log" 2>&1; then
		echo "setup.sh: building busybox for $barch failed (see $log)" >&2
		touch "$top/build/cache/busybox-$barch.failed"
		rm -rf "$tmp"
		return 1
	fi
	mkdir -p "$dir/bin"
	cp "$tmp/b/busybox" "$dir/bin/busybox.tmp"
	mv "$dir/bin/busybox.tmp" "$dir/bin/busybox"
	rm -rf "$tmp"
	echo "setup.sh: built $(echo "$dir" | sed "s|^$top/||")/bin/busybox"
}

# debian/rules' static flavour, cross-compiled: build_busybox_static SRC
# BUILDDIR DEBARCH VERSION leaves BUILDDIR/busybox, stripped as dh_strip
# would. Debian's rules drops -O2 so busybox's own -Os applies.
build_busybox_static() (
	case "$3" in
	riscv64) karch=riscv cross=riscv64-linux-gnu- ;;
	*) echo "no cross compiler for $3"; exit 1 ;;
	esac
	export KCONFIG_NOTIMESTAMP=1
	cd "$1" && mkdir -p "$2" &&
	cat debian/config/os/linux debian/config/pkg/static > "$2/.config" &&
	flags=$(DEB_HOST_ARCH=$3 DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh) &&
	eval "$flags" && CFLAGS=$(echo " $CFLAGS " | sed 's/ -O2 / /') &&
	{ yes "" | make -C "$2" -f "$PWD/Makefile" KBUILD_SRC="$PWD" ARCH=$karch \
		CROSS_COMPILE=$cross silentoldconfig; } &&
	diff -u debian/config/pkg/static "$2/.config" &&
	make -C "$2" -j2 all ARCH=$karch CROSS_COMPILE=$cross SKIP_STRIP=y \
		BB_EXTRA_VERSION="Debian $4" \
		CONFIG_EXTRA_CFLAGS="$CFLAGS $CPPFLAGS" CONFIG_EXTRA_LDFLAGS="$CFLAGS $LDFLAGS" &&
	"${cross}strip" --remove-section=.comment --remove-section=.note "$2/busybox"
)

need_root() {
	if [ "$(id -u)" = 0 ]; then
		sudo=
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo=sudo
	else
		echo "setup.sh: not root and no password-less sudo; please run:" >&2
		echo "  $1" >&2
		exit 1
	fi
}

if [ -n "$unpack_dir" ]; then
	unpack_busybox "$unpack_deb" "$unpack_dir"
	exit 0
fi

if [ -n "$bbsrc" ]; then
	mkdir -p "$bbsrc"
	for d in "$bbsrc"/busybox-*/testsuite; do
		[ -d "$d" ] && exit 0
	done
	echo "setup.sh: fetching Debian 12's busybox source into $bbsrc (once)"
	fetch_busybox_source "$bbsrc" "$bbsrc/fetch.log" >/dev/null ||
		{ echo "setup.sh: cannot fetch busybox's source (see $bbsrc/fetch.log)" >&2; exit 1; }
	exit 0
fi

if [ -n "$foreign_busybox" ] && [ "$check" = 0 ]; then
	dir=$(dirname "$0")/../build/cache/busybox-$foreign_busybox
	if [ ! -x "$dir/bin/busybox" ]; then
		if dpkg --print-foreign-architectures | grep -qx "$foreign_busybox"; then
			sudo=
		else
			need_root "dpkg --add-architecture $foreign_busybox && apt-get update"
		fi
		fetch_busybox "$foreign_busybox"
	fi
fi

missing=
for p in $pkgs; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
if [ -n "$missing" ]; then
	echo "setup.sh: missing Debian packages:$missing"
	if [ "$check" = 1 ]; then
		exit 1
	fi
	need_root "sudo apt-get install$missing"
	export DEBIAN_FRONTEND=noninteractive
	echo "setup.sh: installing with apt-get (this happens once)"
	$sudo apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
	echo "setup.sh: done"
fi

# riscv64's busybox, once the packages above are there (the fallback
# build needs the cross gcc and dpkg-dev). Not fatal: without it the
# initramfs has no busybox and the shell boots are skipped (usr/Makefile).
if [ "$arch" = riscv64 ] && [ "$check" = 0 ]; then
	fetch_busybox_trixie riscv64 || build_busybox_bookworm riscv64 || true
fi
