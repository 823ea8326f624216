# SPDX-License-Identifier: GPL-2.0-only
# The system-information applets: each must show real figures.
dmesg | grep -c 'Ferrite .* booting'
dmesg -r | head -n 1 | grep -c '^<[0-7]>\['
df | awk 'NR > 1 && $6 == "/" && $2 > 0 && $4 > 0 && $2 >= $3 { print "df: root has size and room" }'
df -a | awk '$6 == "/proc" { print "df: " $1, $6 }'
# The CPUs this shell may use, before the mask is cut to CPU 0 below.
cpus=$(nproc)
taskset -p $$ | sed -n "s/^pid $$'s current affinity mask: [1-9a-f][0-9a-f]*$/taskset: mask shown/p"
taskset 1 echo "taskset ran a command"
taskset -p 1 $$ >/dev/null && echo "taskset set the mask"
echo "nproc after taskset 1: $(nproc)"
uptime | grep -c 'load average: [0-9]*\.[0-9][0-9], [0-9]*\.[0-9][0-9], [0-9]*\.[0-9][0-9]'
free | awk '$1 == "Mem:" && $2 > 0 && $2 >= $3 && $4 > 0 { print "free: Mem has total, used, free" }'
top -bn1 | grep -c '^CPU: *[0-9]*% usr *[0-9]*% sys'
top -bn1 | awk '$1 ~ /^[0-9]+$/ && $NF != "" { n++ } END { print (n >= 3 ? "top lists processes" : "top lists " n) }'
sleep 3 & pid=$!
# The child may not have exec'd sleep yet: wait until it has (bounded).
n=0; while [ "$(cat /proc/$pid/comm 2>/dev/null)" != sleep ] && [ $n -lt 500 ]; do n=$((n+1)); done
ps -o pid,ppid,comm,args | awk -v p=$pid -v me=$$ '$1 == p { print "ps:", ($2 == me), $(NF - 1), $NF }'
kill $pid; wait $pid 2>/dev/null
awk '{ print NF, ($1 + 0 > 0) }' /proc/uptime
awk '$1 == "cpu" { print "stat: cpu", NF, ($2 + $4 + $5 > 0) }' /proc/stat
[ "$(grep -c '^processor' /proc/cpuinfo)" = "$cpus" ] && echo "cpuinfo: one entry per CPU"
grep -c 'proc$' /proc/filesystems
awk '{ print NF, ($1 > 0 && $2 > 0 && $2 <= $1) }' /proc/self/statm
awk '{ print NF, $3, ($22 > 0), ($23 > 0), ($24 > 0) }' /proc/self/stat
