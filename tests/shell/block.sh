# SPDX-License-Identifier: GPL-2.0-only
# /dev/nullb0 (null_blk: 16 MiB, 512-byte blocks, data kept in memory)
# through busybox: dd round trips, unaligned and short I/O, the end of the
# device, the size ioctls, four writers at once, and an MBR partition.
ls -l /dev/nullb0 | cut -c1
blockdev --getsize64 /dev/nullb0
blockdev --getss /dev/nullb0
yes 0123456789abcdef | head -c 65536 > p
dd if=p of=/dev/nullb0 bs=4096 seek=3 conv=fsync 2>/dev/null && echo written and synced
dd if=/dev/nullb0 bs=4096 skip=3 count=16 2>/dev/null | cmp - p && echo roundtrip ok
# 7 bytes at byte 12289 (inside the pattern), read back with neighbours
printf 'NULLBLK' | dd of=/dev/nullb0 bs=1 seek=12289 conv=notrunc 2>/dev/null
dd if=/dev/nullb0 bs=1 skip=12288 count=11 2>/dev/null; echo
# the end: a short read, nothing after it, and no room to write
dd if=/dev/nullb0 bs=512 skip=32767 count=4 2>/dev/null | wc -c
dd if=/dev/nullb0 bs=512 skip=32768 count=4 2>/dev/null | wc -c
echo x | dd of=/dev/nullb0 bs=512 seek=32768 2>&1 | head -1
# four processes writing their own MiB at once
for i in 1 2 3 4; do
	(yes "writer $i" | head -c 1048576 | dd of=/dev/nullb0 bs=65536 seek=$((i * 16)) conv=fsync 2>/dev/null) &
done
wait
for i in 1 2 3 4; do
	yes "writer $i" | head -c 1048576 > w$i
	dd if=/dev/nullb0 bs=65536 skip=$((i * 16)) count=16 2>/dev/null | cmp - w$i && echo writer $i ok
done
# an MBR with partition 1 at sector 2048, 4096 sectors long
dd if=/dev/zero of=mbr bs=512 count=1 2>/dev/null
printf '\203' | dd of=mbr bs=1 seek=450 conv=notrunc 2>/dev/null
printf '\000\010\000\000\000\020\000\000' | dd of=mbr bs=1 seek=454 conv=notrunc 2>/dev/null
printf '\125\252' | dd of=mbr bs=1 seek=510 conv=notrunc 2>/dev/null
dd if=mbr of=/dev/nullb0 conv=fsync 2>/dev/null
blockdev --rereadpt /dev/nullb0
echo /dev/nullb0*
blockdev --getsize64 /dev/nullb0p1
echo partition | dd of=/dev/nullb0p1 bs=512 seek=1 conv=sync,fsync 2>/dev/null
dd if=/dev/nullb0 bs=512 skip=2049 count=1 2>/dev/null | head -c 9; echo
dd if=/dev/zero of=/dev/nullb0 bs=512 count=1 conv=fsync 2>/dev/null
blockdev --rereadpt /dev/nullb0
echo /dev/nullb0*
