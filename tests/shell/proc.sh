# SPDX-License-Identifier: GPL-2.0-only
# /proc as busybox reads it.
grep -c '^MemTotal:' /proc/meminfo
readlink /proc/self/exe
# When the shell reports the killed job depends on timing: stderr dropped.
(
sleep 2 & pid=$!
# The child may not have exec'd sleep yet: wait until it has (bounded).
n=0; while [ "$(cat /proc/$pid/comm 2>/dev/null)" != sleep ] && [ $n -lt 500 ]; do n=$((n+1)); done
grep -q sleep /proc/$pid/cmdline && echo "cmdline ok"
cut -d' ' -f2,3 /proc/$pid/stat
ps | grep -c '[s]leep 2'
kill $pid; wait $pid
test -d /proc/$pid || echo "gone after reaping"
) 2>/dev/null
free | grep -c Mem:
