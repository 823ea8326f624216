# SPDX-License-Identifier: GPL-2.0-only
#
# Ferrite top-level Makefile. Plain GNU Make in Kbuild style:
#   make [ARCH=x86_64|riscv64|arm64|powerpc] [LLVM=1] [V=1]   build build/<arch>/vmlinux
#   make run | test | bench | gdb       boot it under QEMU (see `make help`)
#
# Non-recursive: each directory's Kbuild (or Makefile) is a fragment listing
# `obj-y += file.o` and `obj-y += subdir/`; this file collects them all
# and builds every object into $(O) (build/<arch>/ by default).

.DEFAULT_GOAL := all
ARCH ?= x86_64
SRCARCH := $(ARCH)
# CONFIG_KUNIT: the in-kernel tests and what only they use (see config-vars
# below). On by default, since `make test` needs it; `make CONFIG_KUNIT=n`
# builds the production kernel, into its own directory so that switching
# between the two rebuilds nothing.
CONFIG_KUNIT ?= y
O ?= build/$(ARCH)$(if $(filter y,$(CONFIG_KUNIT)),,-nokunit)
export RUSTC_BOOTSTRAP := 1

ifeq ($(V),1)
  Q :=
  say :=
else
  Q := @
  say = @printf '  %-8s%s\n' '$(1)' '$(2)';
endif

# --- Toolchain -----------------------------------------------------------
# A cross-built architecture names its default CROSS_COMPILE there.
-include arch/$(SRCARCH)/Makefile.toolchain
ifneq ($(LLVM),)
  CC := clang
  LD := ld.lld
  NM := llvm-nm-14
  OBJCOPY := llvm-objcopy-14
else
  CC := $(CROSS_COMPILE)gcc
  LD := $(CROSS_COMPILE)ld
  NM := $(CROSS_COMPILE)nm
  OBJCOPY := $(CROSS_COMPILE)objcopy
endif
PYTHON ?= python3

KBUILD_CPPFLAGS := -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iinclude -Iarch/$(SRCARCH)/include -D__KERNEL__
KBUILD_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-builtin-printf \
	-fno-common -fno-strict-aliasing -fno-stack-protector -fno-pic -fno-pie \
	-fno-omit-frame-pointer -fno-optimize-sibling-calls -funsigned-char \
	-fno-asynchronous-unwind-tables -fno-delete-null-pointer-checks \
	-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wstrict-prototypes -Wmissing-prototypes \
	-Werror
KBUILD_AFLAGS := -D__ASSEMBLER__ -g -Wa,--noexecstack
KBUILD_LDFLAGS := -nostdlib -z max-page-size=0x1000 --no-warn-rwx-segments

ifneq ($(LLVM),)
  KBUILD_LDFLAGS := $(filter-out --no-warn-rwx-segments,$(KBUILD_LDFLAGS))
endif

# The architecture adds its flags, QEMU command and image rules.
include arch/$(SRCARCH)/Makefile

# Frame pointers make backtraces (-fno-omit-frame-pointer above, Rust's
# -Cforce-frame-pointers), except where the ABI links every stack frame
# to its caller's already: an architecture that sets ARCH_BACKCHAIN := y
# (powerpc's ELFv2 back chain) walks that, and a frame pointer would be
# three instructions of every function's frame for nothing.
ifeq ($(ARCH_BACKCHAIN),y)
KBUILD_CFLAGS := $(filter-out -fno-omit-frame-pointer,$(KBUILD_CFLAGS))
endif

# Features an architecture selects in its Makefile (`CONFIG_X := y`), as
# Kconfig would: Kbuild fragments use obj-$(CONFIG_X), C sees CONFIG_X=1
# (test with IS_ENABLED(CONFIG_X) or #ifdef). CONFIG_USER_SPACE: user
# processes, the syscall ABI and the initramfs init. CONFIG_CLONE_BACKWARDS:
# clone(2) takes the TLS before child_tid (arm64, riscv64), as on Linux.
# CONFIG_PCI: the machine has a PCI host Ferrite drives (drivers/pci/).
# (CONFIG_GENERIC_USERCOPY, which only Kbuild fragments read: the user
# copies of lib/usercopy_words.c, built on the arch's get_user()/put_user()
# accessors; arm64, arm and powerpc select it. CONFIG_GENERIC_IRQ_IPI_MUX: the
# muxed IPIs of kernel/ipi-mux.c, for an interrupt controller with one IPI
# per CPU; riscv64 and powerpc select it.)
# CONFIG_KUNIT (chosen on the command line, not by the architecture): the
# KUnit framework, every *_kunit.o, the test-only helpers (<kunit/*.h>), the
# crash fixtures (lkdtm) and the driver benchmarks; Rust sees it as
# --cfg=CONFIG_KUNIT (#[kunit_tests] modules and the doctests).
# CONFIG_SMP_ACTIVE: the secondary CPUs the architecture starts become
# active and run tasks (kernel/smp.c's secondary_start_kernel()); without
# it they come online but run no task, only cross-CPU calls and their tick.
# CONFIG_LOCKDEP: the lock-order checker (kernel/locking/lockdep.c); on
# with CONFIG_KUNIT, so every test run checks lock order.
CONFIG_LOCKDEP ?= $(CONFIG_KUNIT)
config-vars := CONFIG_USER_SPACE CONFIG_CLONE_BACKWARDS CONFIG_PCI CONFIG_SMP_ACTIVE CONFIG_KUNIT \
	CONFIG_LOCKDEP
KBUILD_CPPFLAGS += $(foreach v,$(config-vars),$(if $(filter y,$($(v))),-D$(v)=1))
# CONFIG_NR_CPUS: the most CPUs the kernel handles (NR_CPUS, the size of
# per-CPU data and CPU masks); `make CONFIG_NR_CPUS=n` (default 64).
CONFIG_NR_CPUS ?= 64
KBUILD_CPPFLAGS += -DCONFIG_NR_CPUS=$(CONFIG_NR_CPUS)

# --- Collect objects from the Kbuild fragments ----------------------------
core-dirs := init/ kernel/ mm/ lib/ drivers/ fs/ block/ arch/$(SRCARCH)/

define collect
obj-y :=
include $(firstword $(wildcard $(1)Kbuild) $(1)Makefile)
$(1)objs := $$(addprefix $(1),$$(filter %.o,$$(obj-y)))
$(1)subdirs := $$(addprefix $(1),$$(filter %/,$$(obj-y)))
all-objs += $$($(1)objs)
$$(foreach d,$$($(1)subdirs),$$(eval $$(call collect,$$(d))))
endef
all-objs :=
$(foreach d,$(core-dirs),$(eval $(call collect,$(d))))

vmlinux-objs := $(addprefix $(O)/,$(all-objs))
# Archives an architecture links after every object ($(vmlinux-libs), set
# in arch/$(SRCARCH)/Makefile): only what the objects call is taken.

# Rust support adds $(rust-objs) when present (rust/Makefile).
rust-objs :=
-include rust/Makefile
vmlinux-objs += $(rust-objs)

# User space: test programs and the initramfs (usr/Makefile).
include usr/Makefile

# --- Rules ------------------------------------------------------------------
.PHONY: all vmlinux clean mrproper help FORCE
all: vmlinux
vmlinux: $(O)/vmlinux

# Rebuild everything when the compiler or flags change.
flags-now := $(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(KBUILD_AFLAGS) $(KBUILD_LDFLAGS)
$(O)/.flags: FORCE
	@mkdir -p $(O)
	@echo '$(flags-now)' | cmp -s - $@ || echo '$(flags-now)' > $@

$(O)/%.o: %.c $(O)/.flags
	$(call say,CC,$*.o)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(CFLAGS_$(notdir $*).o) -MMD -MP -c -o $@ $<

$(O)/%.o: %.S $(O)/.flags
	$(call say,AS,$*.o)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_AFLAGS) -MMD -MP -c -o $@ $<

$(O)/%.lds: %.lds.S $(O)/.flags
	$(call say,LDS,$*.lds)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(KBUILD_CPPFLAGS) -E -P -D__ASSEMBLER__ -MMD -MP -MT $@ -o $@ $<

# Two-pass link: the symbol table for backtraces and %pS is generated from
# the first link and sits after .rodata, so no text address moves.
LDS := $(O)/arch/$(SRCARCH)/kernel/vmlinux.lds
$(O)/vmlinux: $(vmlinux-objs) $(LDS) scripts/kallsyms.sh
	$(call say,KSYMS,.tmp_kallsyms1.S)
	$(Q)scripts/kallsyms.sh /dev/null $(NM) > $(O)/.tmp_kallsyms1.S
	$(Q)$(CC) $(KBUILD_AFLAGS) -c -o $(O)/.tmp_kallsyms1.o $(O)/.tmp_kallsyms1.S
	$(call say,LD,.tmp_vmlinux1)
	$(Q)$(LD) $(KBUILD_LDFLAGS) -T $(LDS) -o $(O)/.tmp_vmlinux1 $(vmlinux-objs) $(O)/.tmp_kallsyms1.o $(vmlinux-libs)
	$(call say,KSYMS,.tmp_kallsyms2.S)
	$(Q)scripts/kallsyms.sh $(O)/.tmp_vmlinux1 $(NM) > $(O)/.tmp_kallsyms2.S
	$(Q)$(CC) $(KBUILD_AFLAGS) -c -o $(O)/.tmp_kallsyms2.o $(O)/.tmp_kallsyms2.S
	$(call say,LD,vmlinux)
	$(Q)$(LD) $(KBUILD_LDFLAGS) -T $(LDS) -o $@ $(vmlinux-objs) $(O)/.tmp_kallsyms2.o $(vmlinux-libs)
	$(Q)scripts/kallsyms.sh --check $(O)/.tmp_vmlinux1 $@ $(NM)

-include $(vmlinux-objs:.o=.d) $(LDS:.lds=.d)

# --- Running -------------------------------------------------------------
SETUP := scripts/setup.sh
QEMU_TIMEOUT ?= 120
# CPUs of the QEMU machine for run, test, bench and scripts/run-in-vm.sh
# (scripts/qemu.sh reads it; on arm, more than one means the
# realview-eb-mpcore board). Every architecture starts the other CPUs,
# and on every one (CONFIG_SMP_ACTIVE in arch/$(ARCH)/Makefile) they run
# tasks.
SMP ?= 1
export SMP
# make test at SMP=1 also runs the KUnit suites in a second boot with
# SMP_KUNIT CPUs (one more KUnit boot, one to three minutes under load;
# SMP_KUNIT=0: not). The timeouts of boots with more than two CPUs grow
# with their CPU count (scripts/run_tests.py).
SMP_KUNIT ?= $(if $(filter x86_64 riscv64 arm64 powerpc arm,$(ARCH)),$(if $(filter 1,$(SMP)),4))
# Where the secondary CPUs run tasks (CONFIG_SMP_ACTIVE), make test at
# SMP=1 also boots the user-space runner and shell a second time with
# SMP_USER CPUs (default 4, arm 0 for now: arch/arm/Makefile; SMP_USER=0:
# not).
SMP_USER ?= $(if $(filter y,$(CONFIG_SMP_ACTIVE)),$(if $(filter 1,$(SMP)),4))
# make test runs up to JOBS boots at once (a KUnit boot of several CPUs
# alone): by default the host's cores, at most 2 (scripts/run_tests.py
# --jobs; JOBS=1: one after another).
JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ "$$n" -gt 2 ] && n=2; echo $$n)

.PHONY: setup run test bench gdb busybox-testsuite fuzz-ext2
setup:
	$(Q)$(SETUP) --arch $(ARCH)

run: setup
	$(Q)$(MAKE) --no-print-directory vmlinux initramfs
	$(Q)DISK="$(DISK)" scripts/qemu.sh --arch $(ARCH) --kernel $(O)/vmlinux --initrd $(INITRAMFS) --append "$(CMDLINE)"

# With TEST_PRODUCTION=y (the default on x86_64 only: the second build
# shares nothing with the first, and doubles the time of a run), make test
# also builds the production kernel (CONFIG_KUNIT=n, in $(O)-nokunit) and
# boots it once to run a shell command (user.production), unless FILTER is
# given and does not name that boot.
TEST_PRODUCTION ?= $(if $(filter x86_64,$(ARCH)),y)
test-production := $(if $(filter y,$(TEST_PRODUCTION)),$(if $(filter y,$(CONFIG_USER_SPACE)),\
	$(if $(FILTER),$(findstring production,$(FILTER)),y)))
test: setup
	$(if $(filter y,$(CONFIG_KUNIT)),,$(error make test needs CONFIG_KUNIT=y))
	$(Q)$(MAKE) --no-print-directory vmlinux initramfs $(if $(filter y,$(CONFIG_RUST)),rustmacrocheck) busyboxcheck
	$(Q)$(if $(test-production),$(MAKE) --no-print-directory CONFIG_KUNIT=n O=$(O)-nokunit vmlinux,true)
	$(Q)$(PYTHON) scripts/run_tests.py --arch $(ARCH) --kernel $(O)/vmlinux \
		$(if $(filter y,$(CONFIG_USER_SPACE)),--initrd $(INITRAMFS) $(if $(BUSYBOX),--busybox)) \
		--timeout $(QEMU_TIMEOUT) $(if $(FILTER),--filter '$(FILTER)') \
		$(if $(filter-out 0,$(SMP_KUNIT)),--smp-kunit $(SMP_KUNIT)) \
		$(if $(filter-out 0,$(SMP_USER)),--smp-user $(SMP_USER)) --jobs $(JOBS) \
		$(if $(filter y,$(CONFIG_RUST)),,--no-rust) \
		$(if $(test-production),--production $(O)-nokunit/vmlinux)

# Host-side checks, run by make test: scripts/setup.sh finds busybox in a
# Debian 13 package (usr/bin/busybox), and BUSYBOX= changing rebuilds the
# initramfs (scripts/check_busybox.sh; a scratch build directory).
.PHONY: busyboxcheck
busyboxcheck:
	$(Q)scripts/check_busybox.sh $(ARCH)

# busybox's upstream testsuite in Ferrite, compared with Linux's results
# (scripts/busybox-testsuite.sh; BBTESTS="applet..." runs only those).
busybox-testsuite: setup
	$(Q)$(MAKE) --no-print-directory vmlinux initramfs
	$(Q)ARCH=$(ARCH) O=$(O) scripts/busybox-testsuite.sh $(BBTESTS)

# Hostile ext2 images (scripts/ext2_fuzz.py): N images mutated from valid
# ones, image I from the seed "SEED:I" alone, each mounted read-only,
# walked and unmounted in Ferrite, BATCH per boot; prints the count that
# survived and the seeds of those that did not. FIRST=I N=1 reruns one.
SEED ?= 1
N ?= 10000
FIRST ?= 0
BATCH ?= 500
fuzz-ext2: setup
	$(Q)$(MAKE) --no-print-directory vmlinux initramfs
	$(Q)$(PYTHON) scripts/ext2_fuzz.py --arch $(ARCH) --kernel $(O)/vmlinux \
		--initrd $(INITRAMFS) --seed $(SEED) --count $(N) --first $(FIRST) --batch $(BATCH)

gdb: setup
	$(Q)$(MAKE) --no-print-directory vmlinux
	$(Q)scripts/gdb.sh --arch $(ARCH) --kernel $(O)/vmlinux --append "$(CMDLINE)"

# Benchmarks print figures from one run (they are not tests): first the
# C drivers against their Rust twins, in one boot with bench=1 counting
# instructions (QEMU -icount: exact ratios) and one measuring wall time
# (lib/devbench.c; BENCH_FILTER=pair, BENCH_MS=ms per operation), then
# the build speed, then the size and boot time of the test kernel beside
# the production one (CONFIG_KUNIT=n) and user-space figures against
# Debian's Linux (scripts/bench_user.py), then disk throughput on /dev/vda
# against Debian's Linux (scripts/bench_disk.py). The user and disk figures
# are the production kernel's (no lock-order checker, as Debian's kernel
# has none); BENCH_ICOUNT=1 runs both kernels with -icount shift=0, one
# virtual nanosecond an instruction, figures that a loaded host does not
# move. Then the scaling curve (BENCH=smp, a few minutes: six boots):
# pipe and fork+exit throughput of parallel workers at 1, 2 and 4 CPUs on
# the production kernel and Debian's Linux, in wall time (bench_user.py
# --smp; where CONFIG_SMP_ACTIVE is not set it says why there is none).
# BENCH=dev, build, user, disk or smp runs only those.
# The driver pairs run on the bench kernel: the test kernel (the pairs are
# KUnit's, lib/devbench.c) without the lock-order checker, whose cost on
# every lock and unlock would weigh on both sides alike and pull every
# ratio toward 1; it is built in its own directory, $(BENCH_O), so that
# make bench and make test rebuild nothing of each other's.
BENCH ?= dev build user disk smp
BENCH_O := $(O)-bench
bench: setup
	$(Q)$(if $(filter dev,$(BENCH)),$(MAKE) --no-print-directory CONFIG_LOCKDEP=n O=$(BENCH_O) vmlinux && \
		$(PYTHON) scripts/bench_devices.py --arch $(ARCH) --kernel $(BENCH_O)/vmlinux --icount \
		--log $(BENCH_O)/bench-devices-icount.log $(if $(BENCH_FILTER),--filter '$(BENCH_FILTER)') && \
		$(PYTHON) scripts/bench_devices.py --arch $(ARCH) --kernel $(BENCH_O)/vmlinux \
		--log $(BENCH_O)/bench-devices.log $(if $(BENCH_FILTER),--filter '$(BENCH_FILTER)') \
		$(if $(BENCH_MS),--ms $(BENCH_MS)),true)
	$(Q)$(if $(filter build,$(BENCH)),ARCH=$(ARCH) scripts/bench_build.sh,true)
	$(Q)$(if $(filter user,$(BENCH)),$(if $(filter y,$(CONFIG_USER_SPACE)),\
		$(MAKE) --no-print-directory vmlinux initramfs && \
		$(MAKE) --no-print-directory CONFIG_KUNIT=n O=$(O)-nokunit vmlinux && \
		$(PYTHON) scripts/bench_user.py --arch $(ARCH) --fetch-linux \
		--production $(O)-nokunit/vmlinux $(if $(BENCH_ICOUNT),--icount),\
		echo "bench: no user space on $(ARCH) yet"),true)
	$(Q)$(if $(filter disk,$(BENCH)),$(if $(filter y,$(CONFIG_USER_SPACE)),\
		$(MAKE) --no-print-directory initramfs && \
		$(MAKE) --no-print-directory CONFIG_KUNIT=n O=$(O)-nokunit vmlinux && \
		$(PYTHON) scripts/bench_disk.py --arch $(ARCH) --fetch-linux \
		--kernel $(O)-nokunit/vmlinux $(if $(BENCH_ICOUNT),--icount),\
		echo "bench: no user space on $(ARCH) yet"),true)
	$(Q)$(if $(filter smp,$(BENCH)),$(if $(filter y,$(CONFIG_USER_SPACE)),\
		$(if $(filter y,$(CONFIG_SMP_ACTIVE)),\
		$(MAKE) --no-print-directory initramfs && \
		$(MAKE) --no-print-directory CONFIG_KUNIT=n O=$(O)-nokunit vmlinux && )\
		$(PYTHON) scripts/bench_user.py --arch $(ARCH) --fetch-linux --smp \
		--smp-active $(if $(filter y,$(CONFIG_SMP_ACTIVE)),y,n) \
		--production $(O)-nokunit/vmlinux,\
		echo "bench: no user space on $(ARCH) yet"),true)

clean:
	$(Q)rm -rf $(O)

mrproper:
	$(Q)rm -rf build

help:
	@echo 'Ferrite build targets:'
	@echo '  make [ARCH=x86_64|riscv64|arm64|arm|powerpc]  build $$(O)/vmlinux (O defaults to build/<arch>)'
	@echo '  make run             boot under QEMU on the serial console (CMDLINE="...");'
	@echo '                       DISK=image.raw: the first virtio-blk disk (else a scratch one;'
	@echo '                       an ext2 image on it is mounted at /mnt, read-only)'
	@echo '  make test            boot, run all in-kernel KTAP tests, print "N passed, N failed"'
	@echo '                       FILTER=suite-glob runs only matching suites; on x86_64 also'
	@echo '                       boots the CONFIG_KUNIT=n kernel once (TEST_PRODUCTION=y|n);'
	@echo '                       QEMU_TIMEOUT=seconds per boot (default 120): a hang'
	@echo '                       names the case that was running'
	@echo '  make run|test SMP=n  give QEMU n CPUs (default 1; tasks run on all on x86_64, arm64, riscv64, powerpc)'
	@echo '  make test SMP_KUNIT=n  KUnit again with n CPUs (default 4, 0: not)'
	@echo '  make test SMP_USER=n   runner and shell again with n CPUs (default 4 where'
	@echo '                       its secondary CPUs run tasks; 0: not)'
	@echo '  make test JOBS=n       boots at once (default: host cores, at most 2)'
	@echo '  make gdb             boot with QEMU paused, then attach gdb with symbols'
	@echo '  make fuzz-ext2       mount N (10000) hostile ext2 images in Ferrite; SEED=s,'
	@echo '                       FIRST=i N=1 reruns image i; BATCH images per boot'
	@echo '  make busybox-testsuite  busybox'"'"'s own testsuite in Ferrite, compared with Linux'
	@echo '                       (long; BBTESTS="sed grep..." runs only those applets)'
	@echo '  make bench           C-vs-Rust driver benchmark (instruction counts, then'
	@echo '                       wall time, on build/<arch>-bench: the test kernel without'
	@echo '                       lockdep), build speed, size and boot time of the test'
	@echo '                       and CONFIG_KUNIT=n kernels, user space vs Linux if'
	@echo '                       build/linux/ has one (scripts/bench_user.py --fetch-linux)'
	@echo '                       BENCH=dev|build|user|disk|smp: only those; BENCH_FILTER=pair'
	@echo '                       BENCH=smp: pipe and fork+exit throughput at 1, 2, 4 CPUs vs'
	@echo '                       Linux, wall time (a few minutes; x86_64, arm64, riscv64)'
	@echo '  make initramfs       busybox, /init and the test programs as build/<arch>/initramfs.cpio'
	@echo '  make busyboxcheck    host-side checks of finding and packing busybox (run by make test)'
	@echo '  scripts/run-in-vm.sh FILE...  run FILE under busybox sh in Ferrite, get its output and status'
	@echo '  make setup           install missing Debian packages'
	@echo '  make clean           remove $$(O)'
	@echo '  make CONFIG_KUNIT=n  production kernel: no tests, test helpers or crash fixtures,'
	@echo '                       in build/<arch>-nokunit (the default, y, is the test build)'
	@echo 'Rust:'
	@echo '  make rustavailable   check the pinned Rust toolchain, name what is missing'
	@echo '  make rustdoc         HTML docs of the kernel crate in $$(O)/rust/doc'
	@echo '  make rust-analyzer   write rust-project.json for editors'
	@echo '  make rust-api-users  which C names Rust uses, and where (NAMES="kmalloc ...")'
	@echo '  make rustfmt         format Rust sources (rustfmtcheck: only check)'
	@echo '  make CLIPPY=1        lint the kernel crates with clippy'
	@echo '  make CONFIG_RUST=n   build a C-only kernel'
	@echo '  make CONFIG_NR_CPUS=n  the most CPUs the kernel handles (default 64)'
	@echo 'Options: V=1 (full commands), LLVM=1 (clang + lld), O=dir'
