# SPDX-License-Identifier: GPL-2.0-only
# Background jobs, wait, kill and traps.
sleep 0.2 & p1=$!
(sleep 0.1; exit 4) & p2=$!
wait $p2; echo "job 2: $?"
wait $p1; echo "job 1: $?"
# When the shell reports the killed background job depends on timing: not checked.
(sleep 10 & p3=$!; kill $p3; wait $p3; echo "killed: $?") 2>/dev/null
# kill returns before its victim dies, so wait reports how the job ended.
sleep 5 & p4=$!; kill $p4; wait $p4; echo "waited: $?"
sh -c 'kill -TERM $$'; echo "self TERM: $?"
trap 'echo caught USR1' USR1
kill -USR1 $$
trap - USR1
trap 'echo bye' EXIT
sh -c 'trap "echo child trap; exit 3" INT; kill -INT $$; sleep 1'; echo "child: $?"
for i in 1 2 3 4 5; do (exit $i) & done; wait; echo "all waited"
