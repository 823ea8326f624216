#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write a rustc target specification (JSON) derived from a built-in target.

Some built-in bare-metal targets are close to what the kernel needs but not
quite: aarch64-unknown-none-softfloat enables +strict-align, which makes
rustc split every unaligned store into byte stores, while the C kernel is
built without -mstrict-align and runs with alignment checks off. Linux
generates its own target specification at build time for the same kind of
reason (scripts/generate_rust_target.rs); here the built-in one is printed
by the very rustc that will use the result, and edited:

    generate_rust_target.py RUSTC BASE [--drop=FEATURE]... [--add=FEATURE]...
                            [--need=FEATURE]...

prints BASE's specification with each --drop feature removed from
"features" (absent ones are ignored), each --add feature appended (e.g.
powerpc's -altivec: in a specification a feature is the target's, while
-Ctarget-feature warns on every crate that it is unstable), and fails
unless every --need feature (e.g. -neon, which the soft-float ABI relies
on) is there. The
"is-builtin" key, which older compilers print and refuse in a file, is
removed. rust/Makefile writes the output into the build directory and
regenerates it whenever the compiler changes; it is never committed.

A specification file is unstable: rustc needs -Zunstable-options (and
RUSTC_BOOTSTRAP=1) to load it, and the crate's target name becomes the
file name's stem.
"""
import argparse
import json
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rustc")
    parser.add_argument("base", help="built-in target to start from")
    parser.add_argument("--drop", action="append", default=[], metavar="FEATURE",
                        help="remove FEATURE (e.g. +strict-align) from \"features\"")
    parser.add_argument("--add", action="append", default=[], metavar="FEATURE",
                        help="append FEATURE (e.g. -altivec) to \"features\"")
    parser.add_argument("--need", action="append", default=[], metavar="FEATURE",
                        help="fail unless FEATURE (e.g. -neon) is in \"features\"")
    args = parser.parse_args()

    env = dict(os.environ, RUSTC_BOOTSTRAP="1")
    try:
        out = subprocess.run([args.rustc, "-Z", "unstable-options", "--print",
                              "target-spec-json", "--target", args.base],
                             env=env, check=True, stdout=subprocess.PIPE,
                             universal_newlines=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"generate_rust_target: cannot print {args.base}'s specification: {e}")
    spec = json.loads(out)

    spec.pop("is-builtin", None)
    features = [f for f in spec.get("features", "").split(",") if f]
    features = [f for f in features if f not in args.drop]
    features += [f for f in args.add if f not in features]
    for f in args.need:
        if f not in features:
            sys.exit(f"generate_rust_target: {args.base} has no feature {f} "
                     f"(features: {','.join(features)})")
    spec["features"] = ",".join(features)

    json.dump(spec, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
