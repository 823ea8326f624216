# SPDX-License-Identifier: GPL-2.0-only
# busybox mount, df and umount on a tmpfs; remounting it read-only.
mkdir -p /tmp/mnt_sh
mount -t tmpfs none /tmp/mnt_sh && echo "mounted"
mount | grep ' /tmp/mnt_sh '
grep -c '^ramfs / ramfs ' /etc/mtab
echo hello > /tmp/mnt_sh/file && cat /tmp/mnt_sh/file
df /tmp/mnt_sh | awk 'NR == 2 && $2 > 0 { print "df:", $1, $6 }'
stat -f -c '%t' /tmp/mnt_sh
mount -o remount,ro /tmp/mnt_sh && echo "remounted read-only"
grep ' /tmp/mnt_sh ' /proc/mounts
(echo x > /tmp/mnt_sh/other) 2>&1 | grep -o 'Read-only file system'
cat /tmp/mnt_sh/file
cd /tmp/mnt_sh && umount /tmp/mnt_sh 2>&1 | grep -o 'Device or resource busy'
cd /
mount -o remount,rw /tmp/mnt_sh && echo x > /tmp/mnt_sh/other && echo "writable again"
umount /tmp/mnt_sh && echo "unmounted"
mount | grep -c ' /tmp/mnt_sh '
test -e /tmp/mnt_sh/file || echo "gone with the mount"
umount /tmp/mnt_sh 2>&1 | grep -o 'Invalid argument'
mount -t nosuchfs none /tmp/mnt_sh 2>&1 | grep -o 'No such device'
rmdir /tmp/mnt_sh
