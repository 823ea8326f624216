#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Shell-script tests, run as init (rdinit=/tests/shell/run-all.sh): each
# tests/shell/NAME.sh runs under busybox sh in a fresh directory and its
# output (stdout and stderr) must equal NAME.out. KTAP on the console.
# A script with a "# needs: PATH" line is skipped, saying so, where PATH
# does not exist (the PCI tests on a machine Ferrite drives no PCI on),
# one with "# needs-pci: VVVVDDDD" where /proc/bus/pci/devices lists no
# such vendor and device (QEMU's edu, which versatilepb refuses).
export PATH=/sbin:/usr/sbin:/bin:/usr/bin HOME=/root
cd /tests/shell || exit 1
set -- *.sh
n=0
for t in "$@"; do [ "$t" = run-all.sh ] || n=$((n + 1)); done
echo "KTAP version 1"
echo "1..1"
echo "    KTAP version 1"
echo "    # Subtest: shell"
echo "    1..$n"
i=0 failed=0
for t in "$@"; do
	[ "$t" = run-all.sh ] && continue
	i=$((i + 1))
	name=${t%.sh}
	dir=/tmp/shelltest.$name
	need=$(sed -n 's/^# needs: //p' "$t")
	if [ -n "$need" ] && [ ! -e "$need" ]; then
		echo "    ok $i $name # SKIP no $need"
		continue
	fi
	need=$(sed -n 's/^# needs-pci: //p' "$t")
	if [ -n "$need" ] && ! cut -f 2 /proc/bus/pci/devices 2>/dev/null | grep -qx "$need"; then
		echo "    ok $i $name # SKIP no PCI device $need"
		continue
	fi
	mkdir -p "$dir"
	(cd "$dir" && /bin/sh "/tests/shell/$t") > "/tmp/$name.actual" 2>&1
	if cmp -s "/tmp/$name.actual" "/tests/shell/$name.out"; then
		echo "    ok $i $name"
	else
		failed=$((failed + 1))
		diff -u "/tests/shell/$name.out" "/tmp/$name.actual" | sed 's/^/    # /'
		echo "    not ok $i $name"
	fi
	rm -rf "$dir" "/tmp/$name.actual"
done
if [ $failed = 0 ]; then echo "ok 1 shell"; else echo "not ok 1 shell"; fi
poweroff -f
