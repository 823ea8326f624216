# SPDX-License-Identifier: GPL-2.0-only
# needs: /proc/bus/pci/devices
# /dev/hwrng, served by the safe-Rust virtio-rng driver
# (drivers/char/hw_random/virtio_rng.rs): 4096 bytes through busybox
# head, with many distinct byte values (random data has about 256; fewer
# than 100 would be a broken source), and the PCI listing names the driver
# bound to the RNG.
head -c 4096 /dev/hwrng > rnd
wc -c < rnd | tr -d ' '
od -An -v -tu1 rnd | tr -s ' ' '\n' | grep -v '^$' | sort -u | wc -l |
	awk '{ print ($1 > 100) ? "varied" : "uniform: " $1 " values" }'
awk -F'\t' '$2 == "1af41005" { print $NF }' /proc/bus/pci/devices
