# SPDX-License-Identifier: GPL-2.0-only
# The character devices from user space.
echo gone > /dev/null && echo "null takes writes"
cat /dev/null | wc -c
head -c 1000 /dev/zero | tr -d '\0' | wc -c
head -c 4096 /dev/zero | wc -c
echo x > /dev/full 2>/dev/null || echo "full is full"
head -c 64 /dev/urandom | wc -c
head -c 16 /dev/random | wc -c
ls -l /dev/null /dev/zero /dev/full | awk '{ print $1, $5, $6 }'
echo to-console > /dev/console
