#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run busybox's own upstream testsuite inside Ferrite and compare with Linux.
#   scripts/busybox-testsuite.sh [--linux] [APPLET...]
# Debian 12's source of the installed busybox-static is fetched once
# (scripts/setup.sh --busybox-source build/cache/busybox-src); its
# testsuite/ and Debian's static configuration (debian/config/pkg/static,
# which busybox-static was built with and which runtest reads to skip what
# is not built in) go into /tmp of a Ferrite boot (scripts/run-in-vm.sh),
# where testsuite/runtest runs as root against the initramfs's
# /bin/busybox. The PASS and FAIL lines are compared with
# tests/busybox-testsuite/linux-$ARCH.txt, what the same testsuite gives on
# Linux; --linux records that file instead (shows the results when
# applets are named), running the testsuite on the build machine's Linux
# in a chroot that holds only the same busybox (as root, x86_64 only). Exits 1 if a test that passes on Linux fails in
# Ferrite and is not listed in tests/busybox-testsuite/known-$ARCH.txt.
# Naming applets runs only their tests. Environment: ARCH, O, TIMEOUT
# (seconds for the boot, default 3600).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
arch=${ARCH:-x86_64}
linux=0
if [ "${1:-}" = --linux ]; then
	linux=1
	shift
fi
base=$top/tests/busybox-testsuite
"$here/setup.sh" --busybox-source "$top/build/cache/busybox-src"
for src in "$top"/build/cache/busybox-src/busybox-*/; do :; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The directory runtest expects: busybox and .config, testsuite/ below.
mkdir "$tmp/bb"
cp -a "$src/testsuite" "$tmp/bb/"
cp "$src/debian/config/pkg/static" "$tmp/bb/.config"
cat > "$tmp/bbtests.sh" <<EOS
cd /tmp && tar -xzf bbtests.tgz && cp /bin/busybox bb/busybox && cd bb/testsuite &&
./runtest $* 2>&1 | grep -E '^(PASS|FAIL|SKIPPED|UNTESTED):'
true
EOS
results=$tmp/results.txt

if [ "$linux" = 1 ]; then
	if [ "$arch" != x86_64 ] || [ "$(id -u)" != 0 ]; then
		echo "busybox-testsuite.sh: --linux needs x86_64 and root" >&2
		exit 2
	fi
	root=$tmp/root
	mkdir -p "$root/bin" "$root/etc" "$root/proc" "$root/dev" "$root/tmp" "$root/root" "$root/usr"
	cp /bin/busybox "$root/bin/busybox"
	for a in $("$root/bin/busybox" --list); do
		[ "$a" = busybox ] || ln -s busybox "$root/bin/$a"
	done
	ln -s ../bin "$root/sbin"; ln -s ../bin "$root/usr/bin"; ln -s ../bin "$root/usr/sbin"
	cp "$top/usr/rootfs/passwd" "$root/etc/passwd"
	cp "$top/usr/rootfs/group" "$root/etc/group"
	mv "$tmp/bb" "$root/tmp/bb"
	tar -C "$root/tmp" -czf "$root/tmp/bbtests.tgz" bb
	rm -rf "$root/tmp/bb"
	cp "$tmp/bbtests.sh" "$root/tmp/"
	# A private mount namespace: /proc and /dev vanish with it. The
	# environment is the one Ferrite's /init gives (no LANG: no Unicode).
	unshare -m sh -c "mount -t proc proc '$root/proc' && mount --bind /dev '$root/dev' &&
		env -i PATH=/sbin:/usr/sbin:/bin:/usr/bin HOME=/root TERM=vt100 \
		chroot '$root' /bin/sh /tmp/bbtests.sh" |
		sort > "$results"
	echo "busybox-testsuite: $(grep -c '^PASS' "$results") passed," \
		"$(grep -c '^FAIL' "$results") failed on Linux"
	if [ $# -gt 0 ]; then
		cat "$results"		# a part only: shown, not recorded
	else
		mkdir -p "$base"
		cp "$results" "$base/linux-$arch.txt"
		echo "busybox-testsuite: recorded tests/busybox-testsuite/linux-$arch.txt"
	fi
	exit 0
fi

tar -C "$tmp" -czf "$tmp/bbtests.tgz" bb
TIMEOUT=${TIMEOUT:-3600} "$here/run-in-vm.sh" "$tmp/bbtests.sh" "$tmp/bbtests.tgz" |
	tr -d '\r' | grep -E '^(PASS|FAIL|SKIPPED|UNTESTED):' | sort > "$results" || true
pass=$(grep -c '^PASS' "$results" || true)
fail=$(grep -c '^FAIL' "$results" || true)
echo "busybox-testsuite: $pass passed, $fail failed in Ferrite ($arch)"
if [ ! -f "$base/linux-$arch.txt" ]; then
	echo "busybox-testsuite: no Linux results for $arch to compare with"
	[ "$fail" = 0 ]
	exit
fi
# Tests that pass on Linux (limited to those that ran here when applets are named).
grep '^PASS' "$base/linux-$arch.txt" | sed 's/^PASS: //' | sort > "$tmp/linux-pass"
sed -n 's/^[A-Z]*: //p' "$results" | sort > "$tmp/ran"
[ $# -gt 0 ] && comm -12 "$tmp/linux-pass" "$tmp/ran" > "$tmp/lp" && mv "$tmp/lp" "$tmp/linux-pass"
sed -n 's/^PASS: //p' "$results" | sort > "$tmp/pass"
comm -23 "$tmp/linux-pass" "$tmp/pass" > "$tmp/lost"
known=$base/known-$arch.txt
[ -f "$known" ] || known=/dev/null
sed '/^#/d' "$known" | sort > "$tmp/known"
comm -23 "$tmp/lost" "$tmp/known" > "$tmp/new"
echo "busybox-testsuite: $(comm -12 "$tmp/linux-pass" "$tmp/pass" | wc -l) of" \
	"$(wc -l < "$tmp/linux-pass") tests that pass on Linux pass in Ferrite"
comm -12 "$tmp/lost" "$tmp/known" | sed 's/^/busybox-testsuite: known difference: /'
sed 's/^/busybox-testsuite: FAILS in Ferrite only: /' "$tmp/new"
[ ! -s "$tmp/new" ]
