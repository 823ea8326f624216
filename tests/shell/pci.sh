# SPDX-License-Identifier: GPL-2.0-only
# needs: /proc/bus/pci/devices
# /proc/bus/pci/devices (Linux's format) lists what scripts/qemu.sh adds:
# the virtio RNG at 00:10.0 (64-bit prefetchable BAR 4) and edu behind
# the bridge at 01:00.0 (1 MiB BAR 0), each with an IRQ, and the
# virtio-blk disk at 00:12.0.
awk -F'\t' '
$2 == "1af41005" || $2 == "123411e8" {
	bar = $2 == "1af41005" ? 4 : 0
	start = $(4 + bar); size = $(11 + bar)
	gsub(/ /, "", start); gsub(/ /, "", size)
	printf "%s %s fields %d irq %s bar%d size %s flags %s\n", $1, $2, NF,
		$3 != "0" ? "yes" : "no", bar, size, substr(start, length(start))
}' /proc/bus/pci/devices
awk '$1 == "0090" { print $2 }' /proc/bus/pci/devices
