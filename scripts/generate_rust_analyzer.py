#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write rust-project.json so rust-analyzer understands Ferrite's crates.

Ferrite builds Rust with plain rustc (no cargo), so editors need this file
to resolve core, alloc, ffi, bindings, macros, kernel and the samples.
Usage: generate_rust_analyzer.py OBJTREE SRCTREE LIB_SRC TARGET [CFG...] > rust-project.json
"""
import glob
import json
import os
import sys


def main():
    objtree, srctree, lib_src, target = sys.argv[1:5]
    # The kernel's own crates' cfgs (CONFIG_KUNIT...), as rust/Makefile passes them.
    kcfg = sys.argv[5:]
    objtree = os.path.abspath(objtree)
    srctree = os.path.abspath(srctree)
    crates = []
    index = {}

    def add(name, root, deps, cfg=(), edition="2021", is_proc_macro=False, env=None,
            is_workspace_member=True):
        crate = {
            "display_name": name,
            "root_module": root,
            "edition": edition,
            "deps": [{"crate": index[d], "name": d} for d in deps],
            "cfg": list(cfg),
            "is_workspace_member": is_workspace_member,
            "is_proc_macro": is_proc_macro,
            "env": env or {"RUST_MODFILE": "This is only for rust-analyzer"},
        }
        if not is_proc_macro:
            crate["target"] = target
        if is_proc_macro:
            crate["proc_macro_dylib_path"] = os.path.join(objtree, "rust", "libmacros.so")
        index[name] = len(crates)
        crates.append(crate)

    add("core", os.path.join(lib_src, "core", "src", "lib.rs"), [],
        cfg=["no_fp_fmt_parse"], edition="2024", is_workspace_member=False)
    add("compiler_builtins", os.path.join(srctree, "rust", "compiler_builtins.rs"), ["core"])
    add("alloc", os.path.join(lib_src, "alloc", "src", "lib.rs"), ["core", "compiler_builtins"],
        cfg=["no_global_oom_handling"], edition="2024", is_workspace_member=False)
    add("ffi", os.path.join(srctree, "rust", "ffi.rs"), ["core"])
    add("bindings", os.path.join(srctree, "rust", "bindings", "lib.rs"), ["core", "ffi"],
        env={"OBJTREE": objtree})
    kernel_deps = ["core", "alloc", "ffi", "bindings"]
    if os.path.exists(os.path.join(srctree, "rust", "macros", "lib.rs")):
        add("macros", os.path.join(srctree, "rust", "macros", "lib.rs"), [],
            is_proc_macro=True)
        kernel_deps.append("macros")
    add("kernel", os.path.join(srctree, "rust", "kernel", "lib.rs"), kernel_deps,
        cfg=kcfg, env={"OBJTREE": objtree})
    for path in sorted(glob.glob(os.path.join(srctree, "samples", "rust", "*.rs")) +
                       glob.glob(os.path.join(srctree, "drivers", "**", "*.rs"), recursive=True)):
        name = os.path.splitext(os.path.basename(path))[0]
        add(name, path, ["core", "alloc", "kernel"] + (["macros"] if "macros" in index else []),
            cfg=kcfg)

    json.dump({"sysroot_src": lib_src, "crates": crates}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
