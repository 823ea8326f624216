# SPDX-License-Identifier: GPL-2.0-only
# /proc as busybox reads it.
grep -c '^MemTotal:' /proc/meminfo
readlink /proc/self/exe
# When the shell reports the killed job depends on timing: stderr dropped.
(
sleep 2 & pid=$!
grep -q sleep /proc/$pid/cmdline && echo "cmdline ok"
cut -d' ' -f2,3 /proc/$pid/stat
ps | grep -c '[s]leep 2'
kill $pid; wait $pid
test -d /proc/$pid || echo "gone after reaping"
) 2>/dev/null
free | grep -c Mem:
