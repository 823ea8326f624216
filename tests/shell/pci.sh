# SPDX-License-Identifier: GPL-2.0-only
# needs: /proc/bus/pci/devices
# /proc/bus/pci/devices (Linux's format) lists what scripts/qemu.sh adds:
# the virtio RNG at 00:10.0 (64-bit prefetchable BAR 4) with an IRQ, and
# the virtio-blk disk at 00:12.0 (edu: pci_edu.sh).
awk -F'\t' '
$2 == "1af41005" {
	start = $8; size = $15
	gsub(/ /, "", start); gsub(/ /, "", size)
	printf "%s %s fields %d irq %s bar4 size %s flags %s\n", $1, $2, NF,
		$3 != "0" ? "yes" : "no", size, substr(start, length(start))
}' /proc/bus/pci/devices
awk '$1 == "0090" { print $2 }' /proc/bus/pci/devices
