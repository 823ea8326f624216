#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Generate the kernel symbol table as assembly for the .kallsyms section.
#   kallsyms.sh VMLINUX NM              print the table for VMLINUX's text
#                                       symbols (/dev/null: an empty table)
#   kallsyms.sh --check OLD NEW NM      fail if a text symbol moved between
#                                       the two links (the table would lie)
set -e

text_syms() {
	"$2" -n "$1" | awk '$2 ~ /^[tTwW]$/ && $3 !~ /^(\.L|__kallsyms)/ { print $1, $3 }'
}

if [ "$1" = "--check" ]; then
	a=$(mktemp); b=$(mktemp)
	trap 'rm -f "$a" "$b"' EXIT
	text_syms "$2" "$4" > "$a"
	text_syms "$3" "$4" > "$b"
	if ! cmp -s "$a" "$b"; then
		echo "kallsyms: text symbols moved between link passes" >&2
		diff "$a" "$b" | head -5 >&2
		exit 1
	fi
	exit 0
fi

echo '	.section .note.GNU-stack, "", %progbits'
echo '	.section .kallsyms, "a"'
echo '	.balign 8'
echo '	.globl kallsyms_num, kallsyms_addresses, kallsyms_name_offsets, kallsyms_names'
if [ "$1" = "/dev/null" ]; then
	# (.quad 0: a zero however wide unsigned long is.)
	printf 'kallsyms_num:\n\t.quad 0\nkallsyms_addresses:\nkallsyms_name_offsets:\nkallsyms_names:\n\t.byte 0\n'
	exit 0
fi
text_syms "$1" "$2" | awk '
{ addr[NR] = $1; name[NR] = $2 }
END {
	# unsigned long words: nm prints 8 hex digits on 32-bit targets.
	word = length(addr[1]) == 8 ? ".long" : ".quad"
	printf "kallsyms_num:\n\t%s %d\n", word, NR
	printf "kallsyms_addresses:\n"
	for (i = 1; i <= NR; i++) printf "\t%s 0x%s\n", word, addr[i]
	printf "kallsyms_name_offsets:\n"
	off = 0
	for (i = 1; i <= NR; i++) { printf "\t.long %d\n", off; off += length(name[i]) + 1 }
	printf "kallsyms_names:\n"
	for (i = 1; i <= NR; i++) printf "\t.asciz \"%s\"\n", name[i]
}'
