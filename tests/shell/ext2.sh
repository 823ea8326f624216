# SPDX-License-Identifier: GPL-2.0-only
# ext2 images the host made from real files (scripts/ext2_mount_images.py:
# 1, 2 and 4 KiB blocks) written to a disk and mounted read-only: every
# path's mode, owner, link count, time, size, and checksum or link
# target compared with the host's manifest, then statfs and df, ls,
# reads through symlinks, writes refused, umount. A read-write mount
# (and unmount) before that leaves the image as it was: the manifest
# still matches. Unknown RO_COMPAT and INCOMPAT features through mount.
# Writing is tested against e2fsck by scripts/ext2_write_test.py.
DEV=${DEV:-/dev/nullb0}	# the disk the images go to (user.ext2_disk: /dev/vda)
MNT=/tmp/ext2_mnt
IMG=/tests/ext2
mkdir -p $MNT

# One line per path, then its checksum or target: the manifest's format.
# (A few processes in all, not a few per path: forks are slow in QEMU.)
walk() {
	find . -type f | xargs sha256sum > /tmp/ext2.sums
	find . -type l | while read -r f; do echo "$f $(readlink "$f")"; done > /tmp/ext2.links
	find . | xargs stat -c '%f %u %g %h %Y %s %n' | sort -k 7 |
		awk 'FILENAME == "/tmp/ext2.sums" { sum[$2] = $1; next }
		     FILENAME == "/tmp/ext2.links" { link[$1] = $2; next }
		     {
			if (length($1) == 4 && substr($1, 1, 1) == "4")
				$6 = "dir"
			print
			if ($7 in link)
				print "  -> " link[$7]
			else if ($7 in sum)
				print "  " sum[$7]
		     }' /tmp/ext2.sums /tmp/ext2.links -
	rm /tmp/ext2.sums /tmp/ext2.links
}

for name in b1k b2k b4k; do
	zcat $IMG/$name.img.gz | dd of=$DEV bs=64k 2>/dev/null || echo "$name: dd failed"
	mount -t ext2 $DEV $MNT && grep -q "^$DEV $MNT ext2 rw" /proc/mounts &&
		echo "mounted read-write"
	umount $MNT
	mount -t ext2 -o ro $DEV $MNT && echo "$name: mounted"
	grep -q "^$DEV $MNT ext2 ro" /proc/mounts && echo "$name: in /proc/mounts"
	(cd $MNT && walk) > /tmp/$name.walk
	if cmp -s /tmp/$name.walk $IMG/$name.manifest; then
		echo "$name: every path matches"
	else
		diff $IMG/$name.manifest /tmp/$name.walk | head -20
	fi
	{
		echo "statfs $(stat -f -c '%b %f %a %c %d' $MNT)"
		df -k $MNT | awk 'NR == 2 { print "df", $2, $3, $4 }'
	} > /tmp/$name.statfs
	cmp -s /tmp/$name.statfs $IMG/$name.statfs && echo "$name: statfs and df match" ||
		diff $IMG/$name.statfs /tmp/$name.statfs
	stat -f -c '%t' $MNT
	ls -ln $MNT/bin/busybox.part | awk '{ print $1, $2, $5 }'
	ls $MNT/many | wc -l
	cat $MNT/slow $MNT/dirlink/c/deep
	cat $MNT/dangling 2>&1 | grep -o 'No such file or directory'
	(echo x > $MNT/new) 2>&1 | grep -o 'Read-only file system'
	rm /tmp/$name.walk /tmp/$name.statfs
	umount $MNT && echo "$name: unmounted"
	grep -c " $MNT " /proc/mounts
done

# Features this driver does not know, set in the last image (bit 31 of
# s_feature_ro_compat, then of s_feature_incompat): the first mounts
# read-only only (busybox retries read-only after EROFS), the second not
# at all, each saying why in the log.
printf '\200' | dd of=$DEV bs=1 seek=1127 conv=notrunc 2>/dev/null
mount -t ext2 $DEV $MNT 2>/dev/null
grep -q "^$DEV $MNT ext2 ro" /proc/mounts && echo "unknown RO_COMPAT: mounted read-only"
umount $MNT
dmesg | grep -o 'unsupported RO_COMPAT features 0x80000000: read-only' | tail -1
dmesg | grep -o 'unsupported RO_COMPAT features: mount with -o ro' | tail -1
printf '\0' | dd of=$DEV bs=1 seek=1127 conv=notrunc 2>/dev/null
printf '\200' | dd of=$DEV bs=1 seek=1123 conv=notrunc 2>/dev/null
mount -t ext2 -o ro $DEV $MNT 2>&1 | grep -o 'Invalid argument'
dmesg | grep -o 'cannot mount: unsupported INCOMPAT features 0x80000000' | tail -1
grep -c " $MNT " /proc/mounts
rmdir $MNT
