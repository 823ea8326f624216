#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Tells whether the pinned Rust toolchain needed to build Ferrite's Rust
# support is usable. Run through `make rustavailable`, which passes the
# tools the build will really use; run by hand it checks the same defaults.
#
# Environment (each defaults to the pinned Debian 12 tool, never to $PATH):
#   RUSTC RUSTDOC BINDGEN RUSTFMT CLIPPY_DRIVER   the tools
#   RUST_LIB_SRC     the library source (default: from `$RUSTC --print sysroot`)
#   RUST_VERSION     the pinned rustc version (major.minor[.patch])
#   RUST_TARGET, BINDGEN_TARGET, KCC, ARCH
#                    optional: the architecture's rustc target, clang target
#                    and C compiler, each checked when given
#
# Hard errors (exit 1): rustc missing, unusable, too old, or its library
# source missing; bindgen missing, too old, or without a libclang.
# Warnings only: rustc too new, rustdoc/rustfmt/clippy-driver missing or
# not matching rustc (they are needed for docs, formatting and lints, not
# to build the kernel).
#
# Quiet on success except for the line "Rust is available!".

set -u

RUSTC=${RUSTC:-/usr/bin/rustc}
RUSTDOC=${RUSTDOC:-/usr/bin/rustdoc}
BINDGEN=${BINDGEN:-/usr/bin/bindgen}
RUSTFMT=${RUSTFMT:-/usr/bin/rustfmt}
CLIPPY_DRIVER=${CLIPPY_DRIVER:-/usr/bin/clippy-driver}
RUST_VERSION=${RUST_VERSION:-1.96.0}

# Minimum versions of the other tools (Debian 12 ships exactly these).
BINDGEN_MIN=0.60.1
LIBCLANG_MIN=13.0.1

errors=0

error()
{
	errors=$((errors + 1))
	printf '***\n' >&2
	for line in "$@"; do
		printf '*** %s\n' "$line" >&2
	done
	printf '***\n' >&2
}

warning()
{
	printf '***\n' >&2
	for line in "$@"; do
		printf '*** %s\n' "$line" >&2
	done
	printf '***\n' >&2
}

# Prints a version as one comparable number: 1.96.0 -> 1096000.
version_num()
{
	echo "$1" | awk -F. '{ printf "%d%03d%03d\n", $1, $2, $3 }'
}

# First x.y.z (or x.y) found in a string.
extract_version()
{
	echo "$1" | grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -n 1
}

# is_tool PATH: an executable file (a bare name is looked up in $PATH, but
# the Makefile always passes absolute paths).
is_tool()
{
	case "$1" in
	*/*) [ -f "$1" ] && [ -x "$1" ] ;;
	*) command -v "$1" >/dev/null 2>&1 ;;
	esac
}

# --- rustc -----------------------------------------------------------------
rustc_ok=0
if ! is_tool "$RUSTC"; then
	error "Rust compiler '$RUSTC' could not be found." \
	      "Install the Debian package 'rustc-web' (apt-get install rustc-web)," \
	      "or point RUSTC= at a rustc $RUST_VERSION."
elif ! rustc_out=$(RUSTC_BOOTSTRAP=1 "$RUSTC" --version 2>&1); then
	error "Running '$RUSTC --version' failed:" "$rustc_out"
else
	rustc_ver=$(extract_version "$rustc_out")
	pinned=$(echo "$RUST_VERSION" | awk -F. '{ printf "%d.%d", $1, $2 }')
	rustc_mm=$(echo "$rustc_ver" | awk -F. '{ printf "%d.%d", $1, $2 }')
	if [ -z "$rustc_ver" ]; then
		error "Could not tell the version of Rust compiler '$RUSTC':" "$rustc_out"
	elif [ "$(version_num "$rustc_ver")" -lt "$(version_num "$RUST_VERSION")" ]; then
		error "Rust compiler '$RUSTC' is too old." \
		      "  Your version:    $rustc_ver" \
		      "  Minimum version: $RUST_VERSION" \
		      "Install the Debian package 'rustc-web' and use /usr/bin/rustc."
	else
		rustc_ok=1
		if [ "$rustc_mm" != "$pinned" ]; then
			warning "Rust compiler '$RUSTC' is too new. This may or may not work." \
			        "  Your version:     $rustc_ver" \
			        "  Expected version: $pinned.x"
		fi
	fi
fi

# --- the library source (core, alloc) ---------------------------------------
if [ "$rustc_ok" = 1 ]; then
	if [ -z "${RUST_LIB_SRC:-}" ]; then
		sysroot=$("$RUSTC" --print sysroot 2>/dev/null)
		RUST_LIB_SRC=$sysroot/lib/rustlib/src/rust/library
	fi
	if [ ! -e "$RUST_LIB_SRC/core/src/lib.rs" ]; then
		error "Source code for the 'core' standard library could not be found" \
		      "at '$RUST_LIB_SRC/core/src/lib.rs'." \
		      "Install the Debian package 'rust-web-src', or set RUST_LIB_SRC."
	elif [ ! -e "$RUST_LIB_SRC/alloc/src/lib.rs" ]; then
		error "Source code for the 'alloc' standard library could not be found" \
		      "at '$RUST_LIB_SRC/alloc/src/lib.rs'." \
		      "Install the Debian package 'rust-web-src', or set RUST_LIB_SRC."
	fi
fi

# --- rustdoc: must be the same release as rustc to read its crates ----------
if ! is_tool "$RUSTDOC"; then
	warning "Rust documentation generator '$RUSTDOC' could not be found" \
	        "(needed for 'make rustdoc' and Rust doctests)." \
	        "Install the Debian package 'rustc-web'."
elif [ "$rustc_ok" = 1 ]; then
	rustdoc_ver=$(extract_version "$("$RUSTDOC" --version 2>&1)")
	if [ "$rustdoc_ver" != "$rustc_ver" ]; then
		warning "Rust documentation generator '$RUSTDOC' is version '$rustdoc_ver'" \
		        "but the Rust compiler is '$rustc_ver': they must match." \
		        "Install the Debian package 'rustc-web'."
	fi
fi

# --- bindgen and its libclang -----------------------------------------------
if ! is_tool "$BINDGEN"; then
	error "Rust bindings generator '$BINDGEN' could not be found." \
	      "Install the Debian package 'bindgen' (apt-get install bindgen)."
elif ! bindgen_out=$("$BINDGEN" --version 2>&1); then
	error "Running '$BINDGEN --version' failed:" "$bindgen_out"
else
	bindgen_ver=$(extract_version "$bindgen_out")
	if [ -z "$bindgen_ver" ]; then
		error "Could not tell the version of bindgen '$BINDGEN':" "$bindgen_out"
	elif [ "$(version_num "$bindgen_ver")" -lt "$(version_num "$BINDGEN_MIN")" ]; then
		error "Rust bindings generator '$BINDGEN' is too old." \
		      "  Your version:    $bindgen_ver" \
		      "  Minimum version: $BINDGEN_MIN" \
		      "Install the Debian package 'bindgen'."
	else
		# Ask libclang itself: a header whose only content is a
		# diagnostic that prints clang's version.
		tmp=$(mktemp -d "${TMPDIR:-/tmp}/rust_is_available.XXXXXX") || exit 1
		printf '#pragma message("clang version " __clang_version__)\n' \
			> "$tmp/libclang.h"
		clang_out=$("$BINDGEN" "$tmp/libclang.h" 2>&1)
		rm -rf "$tmp"
		clang_line=$(echo "$clang_out" | grep -F 'clang version ' | head -n 1)
		clang_ver=$(extract_version "${clang_line#*clang version }")
		if [ -z "$clang_line" ] || [ -z "$clang_ver" ]; then
			error "Rust bindings generator '$BINDGEN' could not use libclang:" \
			      "$(echo "$clang_out" | head -n 1)" \
			      "Install the Debian package 'libclang1-14' (or 'libclang-14-dev'," \
			      "and set LIBCLANG_PATH=/usr/lib/llvm-14/lib if it is still not found)."
		elif [ "$(version_num "$clang_ver")" -lt "$(version_num "$LIBCLANG_MIN")" ]; then
			error "libclang (used by the Rust bindings generator '$BINDGEN') is too old." \
			      "  Your version:    $clang_ver" \
			      "  Minimum version: $LIBCLANG_MIN" \
			      "Install the Debian package 'libclang1-14'."
		fi
	fi
fi

# --- the architecture: rustc's target, libclang's, and the C compiler -------
# RUST_TARGET (rustc's built-in target), BINDGEN_TARGET (clang's --target)
# and KCC (the C compiler) are passed by the Makefile for ARCH=$ARCH.
if [ -n "${RUST_TARGET:-}" ] && [ "$rustc_ok" = 1 ] &&
   ! RUSTC_BOOTSTRAP=1 "$RUSTC" --print target-list 2>/dev/null | grep -qx "$RUST_TARGET"; then
	error "Rust compiler '$RUSTC' has no built-in target '$RUST_TARGET'" \
	      "(needed for ARCH=${ARCH:-?}). Install the Debian package 'rustc-web'."
fi
if [ -n "${BINDGEN_TARGET:-}" ] && [ -n "${clang_ver:-}" ]; then
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/rust_is_available.XXXXXX") || exit 1
	printf 'struct probe { long x; };\n' > "$tmp/target.h"
	if ! target_out=$("$BINDGEN" "$tmp/target.h" -- --target="$BINDGEN_TARGET" 2>&1); then
		error "libclang (used by '$BINDGEN') cannot target '$BINDGEN_TARGET'" \
		      "(needed for ARCH=${ARCH:-?}):" "$(echo "$target_out" | head -n 1)"
	fi
	rm -rf "$tmp"
fi
if [ -n "${KCC:-}" ] && ! command -v "$KCC" >/dev/null 2>&1; then
	error "C compiler '$KCC' for ARCH=${ARCH:-?} could not be found." \
	      "Install it with: scripts/setup.sh --arch ${ARCH:-?}"
fi

# --- rustfmt and clippy: only for `make rustfmt` and `make CLIPPY=1` ----------
if ! is_tool "$RUSTFMT"; then
	warning "Rust formatter '$RUSTFMT' could not be found (needed for 'make rustfmt')." \
	        "Install the Debian package 'rustfmt-web'."
elif ! "$RUSTFMT" --version >/dev/null 2>&1; then
	warning "Running '$RUSTFMT --version' failed." \
	        "Install the Debian package 'rustfmt-web'."
fi

if ! is_tool "$CLIPPY_DRIVER"; then
	warning "Rust linter '$CLIPPY_DRIVER' could not be found (needed for 'make CLIPPY=1')." \
	        "Install the Debian package 'rust-web-clippy'."
elif [ "$rustc_ok" = 1 ]; then
	clippy_rustc=$(extract_version "$(RUSTC_BOOTSTRAP=1 "$CLIPPY_DRIVER" --rustc --version 2>&1)")
	if [ "$clippy_rustc" != "$rustc_ver" ]; then
		warning "Rust linter '$CLIPPY_DRIVER' is built for rustc '$clippy_rustc'" \
		        "but the Rust compiler is '$rustc_ver': they must match." \
		        "Install the Debian package 'rust-web-clippy'."
	fi
fi

if [ "$errors" -ne 0 ]; then
	printf '*** Rust is not available: %d error(s) above.\n' "$errors" >&2
	printf '*** Build a C-only kernel with: make CONFIG_RUST=n\n' >&2
	exit 1
fi

echo "Rust is available!"
