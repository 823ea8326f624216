#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write a "newc" cpio archive (the initramfs format) from a list of entries.

    gen_initramfs.py OUTPUT ENTRY...

Each ENTRY is one of
    file:DEST:SRC[:MODE]    a regular file copied from SRC (mode: SRC's, or octal MODE)
    dir:DEST[:MODE[:UID:GID]]  a directory (owned by root unless UID:GID)
    slink:DEST:TARGET       a symbolic link
    nod:DEST:MODE:c:MAJ:MIN a character device node
Parent directories are added automatically, before their contents. The
archive is written only when its content changed, so make does not
rebuild what depends on it for nothing.
"""
import os
import stat
import sys


def header(ino, mode, size, name, nlink=1, rmaj=0, rmin=0, uid=0, gid=0):
    fields = [ino, mode, uid, gid, nlink, 0, size, 0, 0, rmaj, rmin, len(name) + 1, 0]
    return b"070701" + b"".join(b"%08x" % f for f in fields)


def pad4(n):
    return (4 - n % 4) % 4


def main():
    out, specs = sys.argv[1], sys.argv[2:]
    entries = {}   # dest -> (mode, data, rdev, (uid, gid))
    order = []

    def add(dest, mode, data=b"", rdev=(0, 0), owner=(0, 0)):
        dest = dest.strip("/")
        parts = dest.split("/")
        for i in range(1, len(parts)):
            parent = "/".join(parts[:i])
            if parent not in entries:
                entries[parent] = (stat.S_IFDIR | 0o755, b"", (0, 0), (0, 0))
                order.append(parent)
        if dest not in entries:
            order.append(dest)
        entries[dest] = (mode, data, rdev, owner)

    for spec in specs:
        kind, rest = spec.split(":", 1)
        if kind == "file":
            parts = rest.split(":")
            dest, src = parts[0], parts[1]
            with open(src, "rb") as f:
                data = f.read()
            perm = int(parts[2], 8) if len(parts) > 2 else stat.S_IMODE(os.stat(src).st_mode)
            add(dest, stat.S_IFREG | perm, data)
        elif kind == "dir":
            parts = rest.split(":")
            owner = (int(parts[2]), int(parts[3])) if len(parts) > 3 else (0, 0)
            add(parts[0], stat.S_IFDIR | (int(parts[1], 8) if len(parts) > 1 else 0o755),
                owner=owner)
        elif kind == "slink":
            dest, target = rest.split(":", 1)
            add(dest, stat.S_IFLNK | 0o777, target.encode())
        elif kind == "nod":
            dest, mode, typ, maj, mnr = rest.split(":")
            assert typ == "c", "only character devices"
            add(dest, stat.S_IFCHR | int(mode, 8), b"", (int(maj), int(mnr)))
        else:
            sys.exit("gen_initramfs.py: unknown entry kind %r" % kind)

    blob = bytearray()
    for ino, dest in enumerate(order, start=1):
        mode, data, (rmaj, rmin), (uid, gid) = entries[dest]
        name = dest.encode()
        blob += header(ino, mode, len(data), name, 2 if stat.S_ISDIR(mode) else 1, rmaj, rmin,
                       uid, gid)
        blob += name + b"\0" + b"\0" * pad4(110 + len(name) + 1)
        blob += data + b"\0" * pad4(len(data))
    trailer = b"TRAILER!!!"
    blob += header(0, 0, 0, trailer) + trailer + b"\0" + b"\0" * pad4(110 + len(trailer) + 1)
    blob += b"\0" * pad4(len(blob))

    try:
        with open(out, "rb") as f:
            if f.read() == blob:
                return 0
    except OSError:
        pass
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(blob)
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
