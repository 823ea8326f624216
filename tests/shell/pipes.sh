# SPDX-License-Identifier: GPL-2.0-only
# Pipelines and large pipes.
echo hello world | tr a-z A-Z
printf 'b\na\nc\n' | sort | head -n 2
seq 1 2000 | wc -l
dd if=/dev/zero bs=65536 count=64 2>/dev/null | wc -c
head -c 300000 /dev/urandom | md5sum | wc -c
yes ferrite | head -n 10000 | sort -u
echo abc | cat | cat | cat | cat | rev
