# SPDX-License-Identifier: GPL-2.0-only
# Many short-lived processes, and a crash reported by the shell.
n=0
for i in $(seq 1 60); do
	n=$((n + $(echo 1)))
	/bin/true
done
echo "ran $n"
/tests/helper segv
echo "status $?"
/tests/helper exit 3; echo "exit $?"
sh -c 'echo $$ > pid; exec sleep 0.05'; test -s pid && echo "pid written"
