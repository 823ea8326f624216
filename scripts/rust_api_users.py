#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""List which C functions, types and constants Rust code uses, and where.

A C developer changing an API runs `make rust-api-users` to see which Rust
files break. It reads the generated bindings (so it knows every C name Rust
can see) and finds each `bindings::NAME` in the tree's Rust files.
Usage: rust_api_users.py OBJTREE [NAME...]   (NAMEs filter the report)
"""
import collections
import glob
import os
import re
import sys


def c_names(objtree):
    names = {}
    for f in ("bindings_generated.rs", "bindings_helpers_generated.rs"):
        path = os.path.join(objtree, "rust", "bindings", f)
        if not os.path.exists(path):
            sys.exit("rust_api_users: %s is missing: run make first" % path)
        text = open(path).read()
        for kind, pat in (("fn", r"pub fn (\w+)"), ("type", r"pub (?:struct|union|type|enum) (\w+)"),
                          ("const", r"pub const (\w+)"), ("static", r"pub static (?:mut )?(\w+)")):
            for m in re.finditer(pat, text):
                names.setdefault(m.group(1), kind)
    return names


def main():
    objtree = sys.argv[1]
    only = set(sys.argv[2:])
    names = c_names(objtree)
    users = collections.defaultdict(set)
    files = [f for f in glob.glob("**/*.rs", recursive=True)
             if not f.startswith("build/") and "/bindings/" not in f]
    use = re.compile(r"bindings::(\w+)")
    for f in sorted(files):
        for lineno, line in enumerate(open(f, encoding="utf-8", errors="replace"), 1):
            for m in use.finditer(line):
                if m.group(1) in names:
                    users[m.group(1)].add("%s:%d" % (f, lineno))
    shown = 0
    for name in sorted(users):
        if only and name not in only:
            continue
        shown += 1
        locs = sorted(users[name])
        print("%-32s %-6s %s" % (name, names[name], locs[0]))
        for loc in locs[1:]:
            print("%-32s %-6s %s" % ("", "", loc))
    print("%d C names used from Rust (of %d visible)" % (len(users), len(names)),
          file=sys.stderr)
    return 0 if shown or not only else 1


if __name__ == "__main__":
    sys.exit(main())
