# SPDX-License-Identifier: GPL-2.0-only
"""The virtio-blk disk test of `make test` (scripts/run_tests.py).

The host makes a disk image: random bytes from a fixed seed with an MBR
whose one partition starts at sector 2048 (so /dev/vda1 exists). Ferrite
boots with it as /dev/vda (DISK=, scripts/qemu.sh) and runs a busybox
script that prints the sha256 of /dev/vda and /dev/vda1, which must be
the host's, then writes a pattern at several offsets (unaligned, across
4 KiB and 128 KiB boundaries, the last sector, and through /dev/vda1),
syncs and powers off. After QEMU exits, the image must be the original
with exactly those writes applied.
"""
import hashlib
import os
import random
import tempfile

SIZE = 8 << 20
PART_START = 2048 * 512
PATTERN_SIZE = 64 << 10

# (device, offset on that device, length, offset in the pattern)
WRITES = [
    ("/dev/vda", 4096 - 100, 300, 0),
    ("/dev/vda", (128 << 10) - 512, 1024, 1000),
    ("/dev/vda", (3 << 20) + 7, 10000, 3000),
    ("/dev/vda", (2 << 20) - 4096, 40 << 10, 20000),
    ("/dev/vda", SIZE - 512, 512, 7),
    ("/dev/vda1", 4096 + 1, 4095, 60000),
]

GUEST_SCRIPT = """\
sha256sum /dev/vda /dev/vda1
while read dev seek count skip; do
	dd if=pattern.bin of=$dev bs=4096 iflag=skip_bytes,count_bytes oflag=seek_bytes \\
		skip=$skip seek=$seek count=$count conv=notrunc status=none || exit 1
done < writes.txt
sync
echo written
"""


def make_image(path):
    """Writes the image to path; returns its bytes."""
    data = bytearray(random.Random(14).randbytes(SIZE))
    entry = bytes([0, 0, 0, 0, 0x83, 0, 0, 0])
    entry += (PART_START // 512).to_bytes(4, "little")
    entry += ((SIZE - PART_START) // 512).to_bytes(4, "little")
    data[446:462] = entry
    data[462:510] = bytes(48)
    data[510:512] = b"\x55\xaa"
    with open(path, "wb") as f:
        f.write(data)
    return data


def expected_after(data, pattern):
    """The image with every write of WRITES applied."""
    want = bytearray(data)
    for dev, off, length, skip in WRITES:
        if dev.endswith("1"):
            off += PART_START
        want[off:off + length] = pattern[skip:skip + length]
    return want


def differences(got, want):
    """Up to 5 ranges where got and want differ, as text."""
    if len(got) != len(want):
        return ["image is %d bytes, expected %d" % (len(got), len(want))]
    out, i = [], 0
    while i < len(want) and len(out) < 5:
        if got[i] != want[i]:
            j = i
            while j < len(want) and got[j] != want[j]:
                j += 1
            out.append("bytes %#x..%#x differ from what was expected" % (i, j))
            i = j
        i += 1
    return out


def run(script_in_vm, args, kernel, log_dir, name="user.virtio_blk", queue_size=None):
    """Runs the test; returns a list of problems (empty: passed). With
    queue_size, the device's virtqueue has that many descriptors (QEMU's
    queue-size; its seg_max is then queue_size - 2): requests are split to
    fit and wait for room in the ring, and the driver must say so."""
    with tempfile.TemporaryDirectory() as tmp:
        image = os.path.join(tmp, "disk.img")
        data = make_image(image)
        pattern = random.Random(15).randbytes(PATTERN_SIZE)
        part = data[PART_START:]
        want_out = "%s  /dev/vda\n%s  /dev/vda1\nwritten\n" % (
            hashlib.sha256(data).hexdigest(), hashlib.sha256(part).hexdigest())
        writes = "".join("%s %d %d %d\n" % w for w in WRITES)
        script, opts = GUEST_SCRIPT, None
        if queue_size:
            opts = "queue-size=%d" % queue_size
            script = "dmesg | grep -o '[0-9]* descriptors, [0-9]* segments per request'\n" + script
            want_out = "%d descriptors, %d segments per request\n" % (
                queue_size, queue_size - 2) + want_out
        ok, why = script_in_vm(args, kernel, name, log_dir, {
            "check.sh": script, "writes.txt": writes, "pattern.bin": pattern},
            0, want_out, disk=image, disk_opts=opts)
        problems = [] if ok else [why]
        with open(image, "rb") as f:
            got = f.read()
        diff = differences(got, expected_after(data, pattern))
        if diff:
            problems += ["after QEMU exited, the image is not the original with "
                         "exactly the guest's writes:"] + diff
        return problems
