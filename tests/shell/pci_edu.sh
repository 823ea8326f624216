# SPDX-License-Identifier: GPL-2.0-only
# needs-pci: 123411e8
# QEMU's edu behind the bridge at 01:00.0 in /proc/bus/pci/devices (Linux's
# format): its 1 MiB BAR 0 (32-bit memory), and an IRQ.
awk -F'\t' '$2 == "123411e8" {
	start = $4; size = $11
	gsub(/ /, "", start); gsub(/ /, "", size)
	printf "%s %s fields %d irq %s bar0 size %s flags %s\n", $1, $2, NF,
		$3 != "0" ? "yes" : "no", size, substr(start, length(start))
}' /proc/bus/pci/devices
