# SPDX-License-Identifier: GPL-2.0-only
# Subshells, command substitution, functions and exit statuses.
x=outer
(x=inner; echo "in: $x")
echo "out: $x"
echo "sub: $(echo nested $(echo deeper))"
f() { return 7; }
f; echo "status $?"
false || echo "or works"
true && echo "and works"
sh -c 'exit 5'; echo "child exit $?"
(exit 9); echo "subshell exit $?"
for i in 1 2 3; do printf '%s ' "$i"; done; echo
i=0; while [ $i -lt 5 ]; do i=$((i + 1)); done; echo "i=$i"
case foo in f*) echo matched;; *) echo no;; esac
