#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Boot Ferrite under QEMU, run the in-kernel tests and report.

One boot runs every KUnit suite (C and Rust) and prints KTAP v1 on the
serial port; this script parses it. With --smp-kunit N, a second boot
runs them again with N CPUs (failures named "smpN:suite.case"). With --initrd, user-space boots run
test programs from the initramfs as init (tests/user/*.c), which print
the same KTAP, or must die in an expected way; with --smp-user N, the
runner and shell boots run a second time with N CPUs (failures named
"smpN:user.suite.case"); with --production, the
production kernel (CONFIG_KUNIT=n) boots once with that initramfs and runs
a shell command. Further boots run the crash tests
(drivers/misc/lkdtm.c): each makes the kernel fault on purpose and checks
that the fault is reported (oops text, symbolized RIP, exit status) rather
than rebooting or hanging. Ends with "N passed, N failed"; exits non-zero on
any failure, panic, hang or missing result.

With --jobs N, up to N boots run at once (a KUnit boot of several CPUs
alone); every boot writes its own log and reports into its own results,
which are printed in the same order whatever the timing.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

STAMP = re.compile(r"^\[\s*\d+\.\d+\] ")
# A lock-order checker report (kernel/locking/lockdep.c) in any boot fails the
# run; the checker's own tests make theirs say "EXPECTED (test)" instead.
LOCKDEP_SPLAT = re.compile(r"^(lockdep: )?WARNING: (possible circular locking dependency "
                           r"detected|inconsistent lock state|lock .* not held at )")
LOCKDEP_SPLATS = []  # (log file, the report's first lines), outside a Task
EXIT_NAMES = {0: "clean exit", 1: "tests failed", 2: "kernel panic", 3: "reset/triple fault",
              124: "timeout (hang)"}

# name -> (lkdtm argument, expected exit status, patterns that must appear)
CRASH_TESTS = {
    "null_deref": (2, [r"BUG: kernel NULL pointer dereference, address: 0+8\b",
                       r"#PF: supervisor read access in kernel mode",
                       r"RIP: 0008:lkdtm_null_deref\+0x", r"Kernel panic - not syncing"]),
    "write_rodata": (2, [r"BUG: unable to handle page fault for address",
                         r"#PF: supervisor write access in kernel mode",
                         r"protection violation", r"RIP: 0008:lkdtm_write_rodata\+0x"]),
    "exec_data": (2, [r"#PF: supervisor instruction fetch access in kernel mode",
                      r"Call Trace:", r"lkdtm_exec_data\+0x"]),
    "divide": (2, [r"Oops: divide error", r"RIP: 0008:lkdtm_divide\+0x"]),
    "invalid_opcode": (2, [r"Oops: invalid opcode", r"RIP: 0008:lkdtm_invalid_opcode\+0x"]),
    "bug": (2, [r"kernel BUG at drivers/misc/lkdtm\.c:\d+!", r"lkdtm_bug\+0x",
                r"Kernel panic - not syncing: BUG at drivers/misc/lkdtm\.c"]),
    "panic": (2, [r"Kernel panic - not syncing: lkdtm: panic on request",
                  r"RAX: [0-9a-f]{16}", r"Call Trace:", r"lkdtm_panic\+0x"]),
    "warn": (0, [r"WARNING: at drivers/misc/lkdtm\.c:\d+", r"lkdtm_warn\+0x",
                 r"lkdtm: survived WARN_ON", r"Power down"]),
    "stack_overflow": (2, [r"BUG: kernel stack overflow", r"Oops: double fault",
                           r"lkdtm_recurse\+0x"]),
    "rust_misc_panic": (2, [r"Kernel panic - not syncing: Rust panic at "
                            r"drivers/misc/rust_lkdtm\.rs:\d+:\d+: lkdtm: panic in a Rust ioctl",
                            r"Call [Tt]race:", r"FileOperationsVTable\w*ioctl\w*\+0x",
                            r"vfs_ioctl\+0x"]),
}

# Per-architecture differences: register names in the reports, and what a
# CPU does that another does not (RISC-V division by zero gives all ones
# instead of trapping, so that crash test checks the result instead).
ARCH_CRASH_TESTS = {
    "riscv64": {
        "null_deref": (2, [r"BUG: kernel NULL pointer dereference, address: 0+8\b",
                           r"Page fault: supervisor read access in kernel mode",
                           r"Oops: load page fault",
                           r"epc : lkdtm_null_deref\+0x", r"Kernel panic - not syncing"]),
        "write_rodata": (2, [r"BUG: unable to handle page fault for address",
                             r"Page fault: supervisor write access in kernel mode",
                             r"protection violation", r"epc : lkdtm_write_rodata\+0x"]),
        "exec_data": (2, [r"Page fault: supervisor instruction fetch access in kernel mode",
                          r"Call Trace:", r"lkdtm_exec_data\+0x"]),
        "divide": (0, [r"lkdtm: got -1$", r"Power down"]),
        "invalid_opcode": (2, [r"Oops: (illegal instruction|breakpoint \(ebreak\))",
                               r"epc : lkdtm_invalid_opcode\+0x"]),
        "panic": (2, [r"Kernel panic - not syncing: lkdtm: panic on request",
                      r" ra : [0-9a-f]{16}", r"Call Trace:", r"lkdtm_panic\+0x"]),
        "stack_overflow": (2, [r"BUG: kernel stack overflow", r"Oops: kernel stack overflow",
                               r"lkdtm_recurse\+0x"]),
    },
    # powerpc64 names the interrupt vector ("data storage", "program
    # check") and the NIP; a division by zero gives an undefined result
    # (no trap), so that test checks that the kernel survives it.
    "powerpc": {
        "null_deref": (2, [r"BUG: kernel NULL pointer dereference, address: 0+8\b",
                           r"Page fault: supervisor read access in kernel mode, not-present page",
                           r"Oops: data storage", r"NIP: lkdtm_null_deref\+0x",
                           r"Kernel panic - not syncing"]),
        "write_rodata": (2, [r"BUG: unable to handle page fault for address",
                             r"Page fault: supervisor write access in kernel mode",
                             r"protection violation", r"NIP: lkdtm_write_rodata\+0x"]),
        "exec_data": (2, [r"Page fault: supervisor instruction fetch access in kernel mode",
                          r"Call Trace:", r"lkdtm_exec_data\+0x"]),
        "divide": (0, [r"lkdtm: got -?\d+$", r"Power down"]),
        "invalid_opcode": (2, [r"Oops: program check", r"program check: trap",
                               r"NIP: lkdtm_invalid_opcode\+0x"]),
        "panic": (2, [r"Kernel panic - not syncing: lkdtm: panic on request",
                      r"GPR00: [0-9a-f]{16}", r"Call Trace:", r"lkdtm_panic\+0x"]),
        "stack_overflow": (2, [r"BUG: kernel stack overflow", r"Oops: kernel stack overflow",
                               r"lkdtm_recurse\+0x"]),
    },
    # arm64 words its reports like Linux's arm64 ("pc : sym+off", "Call
    # trace:"); division by zero gives 0; __builtin_trap() is a BRK.
    "arm64": {
        "null_deref": (2, [r"Unable to handle kernel NULL pointer dereference at virtual "
                           r"address 0+8\b", r"EC = 0x25: DABT \(current EL\)",
                           r"WnR = 0 \(read access\)", r"pc : lkdtm_null_deref\+0x",
                           r"Kernel panic - not syncing"]),
        "write_rodata": (2, [r"Unable to handle kernel write to read-only memory at virtual "
                             r"address", r"level permission fault", r"WnR = 1 \(write access\)",
                             r"pc : lkdtm_write_rodata\+0x"]),
        "exec_data": (2, [r"Unable to handle kernel execute from non-executable memory",
                          r"EC = 0x21: IABT \(current EL\)", r"Call trace:",
                          r"lr : lkdtm_exec_data\+0x"]),
        "divide": (0, [r"lkdtm: dividing by zero", r"lkdtm: got 0$", r"Power down"]),
        "invalid_opcode": (2, [r"Oops: BRK handler", r"pc : lkdtm_invalid_opcode\+0x"]),
        "panic": (2, [r"Kernel panic - not syncing: lkdtm: panic on request",
                      r"x0 : [0-9a-f]{16}", r"Call trace:", r"lkdtm_panic\+0x"]),
        "stack_overflow": (2, [r"Insufficient stack space to handle exception!",
                               r"BUG: kernel stack overflow", r"Oops: kernel stack overflow",
                               r"pc : lkdtm_recurse\+0x"]),
    },
    # 32-bit ARM words its reports like Linux's arm ("PC is at sym+off",
    # "Call trace:"); division by zero is libgcc's, which reports it and
    # gives 0; __builtin_trap() is an undefined instruction.
    "arm": {
        "null_deref": (2, [r"Unable to handle kernel NULL pointer dereference at virtual "
                           r"address 0+4\b", r"Data abort: FSR = 0x005: section translation "
                           r"fault \(read access\)", r"PC is at lkdtm_null_deref\+0x",
                           r"Kernel panic - not syncing"]),
        "write_rodata": (2, [r"Unable to handle kernel write to read-only memory at virtual "
                             r"address", r"page permission fault \(write access\)",
                             r"PC is at lkdtm_write_rodata\+0x"]),
        "exec_data": (2, [r"Unable to handle kernel execute from non-executable memory",
                          r"Prefetch abort: FSR = 0x00f: page permission fault \(execute",
                          r"Call trace:", r"LR is at lkdtm_exec_data\+0x"]),
        "divide": (0, [r"lkdtm: dividing by zero", r"Division by zero in kernel",
                       r"lkdtm: got 0$", r"Power down"]),
        "invalid_opcode": (2, [r"Oops: undefined instruction",
                               r"PC is at lkdtm_invalid_opcode\+0x"]),
        "panic": (2, [r"Kernel panic - not syncing: lkdtm: panic on request",
                      r"r0 : [0-9a-f]{8}", r"Call trace:", r"lkdtm_panic\+0x"]),
        "stack_overflow": (2, [r"Insufficient stack space to handle exception!",
                               r"BUG: kernel stack overflow", r"Oops: kernel stack overflow",
                               r"PC is at lkdtm_recurse\+0x"]),
    },
}


def crash_tests(arch):
    """The crash tests for arch: the common ones with its own overrides."""
    tests = dict(CRASH_TESTS)
    tests.update(ARCH_CRASH_TESTS.get(arch, {}))
    return tests

# User-space boots: name -> (init program, expected exit status, parse KTAP?,
# patterns that must appear).
USER_BOOTS = {
    # tests/user/runner.c runs every test program, one KTAP suite each.
    "runner": ("/tests/runner", 0, True, [r"Run /tests/runner as init process"]),
    # Random system calls from a fixed seed; the kernel must survive them.
    "fuzz": ("/tests/fuzz", 0, True, []),
    # tests/shell/run-all.sh runs the busybox shell scripts, one case each.
    "shell": ("/tests/shell/run-all.sh", 0, True, []),
    # A user fault kills the process, not the kernel: here the process is
    # init, so the kernel reports the fault and then init's death. The error
    # is the arch's fault code (x86-64: 6, a user write; arm64: ESR_EL1;
    # riscv64: scause, f for a store page fault; powerpc: the vector, 300
    # for a data storage interrupt; arm: the DFSR, a write's translation
    # fault).
    "segv_init": ("/tests/segv", 2, False,
                  [r"segv\[1\]: segfault at 0 ip [0-9a-f]+ sp [0-9a-f]+ error (6|92[0-9a-f]{6}|f|300|80[57])$",
                   r"Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b"]),
}

# The interactive shell on the serial console: (text to type, pattern that
# must then appear in the output). \x03 is ^C, \x04 ^D, \x7f erase.
TTY_SCRIPT = [
    ("", r"/ # "),
    ("echo tty-$((40 + 2))\r", r"tty-42\r?\n"),
    ("echo abX\x7fc\r", r"\nabc\r?\n"),
    ("sleep 10\r", None),
    ("\x03", r"/ # "),
    ("echo after-intr\r", r"after-intr\r?\n"),
    ("cat\r", None),
    ("canon-line\r", r"canon-line\r?\n(.|\n)*canon-line\r?\n"),
    ("\x04", r"/ # "),
    ("stty size\r", r"24 80"),
    # cat FILE to the terminal goes through sendfile() into the tty.
    ("cat /etc/passwd\r", r"root:x:0:0:root:/root:/bin/sh"),
    ("echo to-echo > /dev/rust_echo; cat /dev/rust_echo\r", r"\nto-echo\r?\n"),
    ("sleep 10\r", None),
    ("\x1a", r"Stopped[^\n]*\n[^\n]*/ # "),
    ("fg\r", r"sleep 10"),
    ("\x03", r"/ # "),
    ("echo after-fg\r", r"after-fg\r?\n"),
    # login checks the password against /etc/shadow's hash, then runs the
    # user's login shell; leaving it comes back to root's.
    ("login user\r", r"Password: "),
    ("user\r", r"~ \$ "),
    ("id\r", r"uid=1000\(user\) gid=1000\(user\)"),
    ("exit\r", r"/ # "),
    ("poweroff\r", None),
]


class Result:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []  # (name, [detail lines])

    def ok(self):
        self.passed += 1

    def fail(self, name, details):
        self.failed += 1
        self.failures.append((name, details))


class Task:
    """One boot (or a few that must run in turn) of the run: fn(args, res,
    log_dir) with its own results, printed lines and lock-order reports,
    so that tasks may run at once and still be reported in a fixed order.
    cpus: the boot's CPUs; alone: no other task runs beside it."""

    def __init__(self, name, fn, cpus=1, alone=False):
        self.name, self.fn, self.cpus, self.alone = name, fn, cpus, alone
        self.res = Result()
        self.out = []       # lines it printed
        self.splats = []    # (log file, report) from the lock-order checker
        self.secs = 0.0


_CURRENT = threading.local()  # .task: the Task this thread runs


def say(line):
    """Print line, or keep it for the running Task's report."""
    task = getattr(_CURRENT, "task", None)
    if task:
        task.out.append(line)
    else:
        print(line)


def run_task(task, args, log_dir):
    _CURRENT.task = task
    t0 = time.monotonic()
    try:
        task.fn(args, task.res, log_dir)
    except Exception as e:  # a bug in this script: still report the others
        import traceback
        task.res.fail(task.name + ".<runner>", ["run_tests.py raised: %r" % e] +
                      traceback.format_exc().rstrip().split("\n"))
    task.secs = time.monotonic() - t0
    _CURRENT.task = None


def run_tasks(tasks, args, log_dir, jobs):
    """Run tasks, up to jobs at once; a task marked alone runs by itself.
    Those run first, then the others, the boots of most CPUs (the longest)
    first, each group in the order given."""
    if jobs <= 1:
        for t in tasks:
            run_task(t, args, log_dir)
        return
    pending = sorted(tasks, key=lambda t: (not t.alone, -t.cpus))  # stable
    cond = threading.Condition()
    state = {"free": jobs, "running": 0}

    def worker(task, slots):
        run_task(task, args, log_dir)
        with cond:
            state["free"] += slots
            state["running"] -= 1
            cond.notify()

    with cond:
        while pending or state["running"]:
            while pending and (jobs if pending[0].alone else 1) <= state["free"]:
                task = pending.pop(0)
                slots = jobs if task.alone else 1
                state["free"] -= slots
                state["running"] += 1
                threading.Thread(target=worker, args=(task, slots), daemon=True).start()
            cond.wait()


def timeout_for(base, cpus):
    """A boot's timeout with cpus CPUs: base up to 2 CPUs, then base per two
    CPUs (QEMU's TCG runs one host thread per virtual CPU, and CI hosts have
    two cores)."""
    return base * max(1, (cpus + 1) // 2)


def boot_timeout(args, smp=None):
    """The timeout of a boot with smp CPUs, or $SMP."""
    return timeout_for(args.base_timeout, smp or int(os.environ.get("SMP") or 1))


def boot(args, append, log_path, initrd=None, smp=None):
    """Boot once (with $SMP CPUs, or smp); returns (exit status, console lines
    without timestamps)."""
    cmd = [os.path.join(os.path.dirname(__file__), "qemu.sh"), "--arch", args.arch,
           "--kernel", args.kernel, "--append", append,
           "--timeout", str(boot_timeout(args, smp))]
    if initrd:
        cmd += ["--initrd", initrd]
    t0 = time.monotonic()
    with open(log_path, "wb") as log:
        env = dict(os.environ, SMP=str(smp)) if smp else None
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, check=False, env=env)
        log.write(proc.stdout)
    text = proc.stdout.decode("utf-8", "replace").replace("\r", "")
    lines = [STAMP.sub("", l) for l in text.split("\n")]
    task = getattr(_CURRENT, "task", None)
    (task.splats if task else LOCKDEP_SPLATS).extend(
        (os.path.basename(log_path), lines[i:i + 24])
        for i, l in enumerate(lines) if LOCKDEP_SPLAT.match(l))
    if args.verbose:
        say(text.rstrip("\n"))
    return proc.returncode, lines, time.monotonic() - t0


def parse_ktap(lines, res, prefix=""):
    """Parse the KTAP stream, failures named prefix + "suite.case"; returns the
    number of suites the plan promised and saw."""
    plan = None
    suites_seen = 0
    suite = None          # current suite name
    suite_plan = 0
    cases_seen = 0
    diag = []             # diagnostics of the case being run
    started = False
    for line in lines:
        if line.strip() == "KTAP version 1" and not line.startswith(" "):
            started = True
            continue
        if not started:
            continue
        m = re.match(r"^1\.\.(\d+)$", line)
        if m and plan is None:
            plan = int(m.group(1))
            continue
        m = re.match(r"^    # Subtest: (\S+)", line)
        if m:
            suite, suite_plan, cases_seen, diag = m.group(1), None, 0, []
            continue
        m = re.match(r"^    1\.\.(\d+)$", line)
        if m and suite:
            suite_plan = int(m.group(1))
            continue
        m = re.match(r"^    (not ok|ok) (\d+) (\S+)(.*)$", line)
        if m and suite:
            cases_seen += 1
            name = "%s%s.%s" % (prefix, suite, m.group(3))
            if m.group(1) == "ok":
                if "# SKIP" in m.group(4):
                    res.skipped += 1
                else:
                    res.ok()
            else:
                res.fail(name, diag or ["(no diagnostics)"])
            diag = []
            continue
        if line.startswith("    #") or line.startswith("        "):
            if suite:
                diag.append(line.strip())
            continue
        m = re.match(r"^(not ok|ok) (\d+) (\S+)(.*)$", line)
        if m and not suite and m.group(1) == "ok" and "# SKIP" in m.group(4):
            suites_seen += 1      # a whole suite skipped (a program not built here)
            res.skipped += 1
            continue
        if m and suite:
            suites_seen += 1
            if suite_plan is not None and cases_seen != suite_plan:
                res.fail(prefix + suite + ".<plan>", ["suite planned %d cases, reported %d" %
                                             (suite_plan, cases_seen)])
            suite = None
    return plan, suites_seen, suite, cases_seen


SRC_TREE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUST_TEST_FN = re.compile(r"#\[test\][^{;]*?\bfn\s+(\w+)")


def source_cases(suite):
    """The cases of suite in the order they run, as (name, "file:line"):
    read from its C kunit_case array or its Rust #[kunit_tests] module."""
    for top in ("arch", "drivers", "fs", "kernel", "lib", "mm", "rust", "samples"):
        for d, _, files in os.walk(os.path.join(SRC_TREE, top)):
            for f in files:
                path = os.path.join(d, f)
                rel = os.path.relpath(path, SRC_TREE)
                if f.endswith(".c"):
                    text = open(path, encoding="utf-8", errors="replace").read()
                    m = re.search(r'\.name\s*=\s*"%s",\s*\.test_cases\s*=\s*(\w+)' %
                                  re.escape(suite), text)
                    arr = m and re.search(r"kunit_case\s+%s\[\]\s*=\s*\{(.*?)\};" %
                                          m.group(1), text, re.S)
                    if arr:
                        names = re.findall(r"KUNIT_CASE\w*\((\w+)", arr.group(1))
                        return [(n, "%s:%d" % (rel, line_of(text, r"\b%s\(struct kunit \*" % n)))
                                for n in names]
                elif f.endswith(".rs"):
                    text = open(path, encoding="utf-8", errors="replace").read()
                    short = suite[len("rust_"):] if suite.startswith("rust_") else suite
                    m = re.search(r"kunit_tests\((%s|%s)\)\]" % (re.escape(suite),
                                                                re.escape(short)), text)
                    if m:
                        return [(n.group(1), "%s:%d" % (rel, text.count("\n", 0, n.start(1)) + 1))
                                for n in RUST_TEST_FN.finditer(text, m.end())]
    return []


def line_of(text, pattern):
    """The line number of pattern's first match in text (0 if none)."""
    m = re.search(pattern, text)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def running_case(lines, suite, done):
    """The case of suite that was running when the output stopped, after
    done finished ones: (name, location). A Rust doctest prints its own
    "# name: location: file:line" line; other cases are looked up in the
    source."""
    for line in reversed(lines):
        m = re.match(r"^    # (\S+): location: (\S+)$", line)
        if m:
            return m.group(1), m.group(2)
        if re.match(r"^    (not ok|ok) \d+ ", line) or line.startswith("    # Subtest:"):
            break
    cases = source_cases(suite)
    if done < len(cases):
        return cases[done]
    return "case %d" % (done + 1), "(not found in the source)"


# Module parameters for samples/rust/rust_params.rs, whose suite checks
# them: three set, one (300 for a u8) refused.
KUNIT_PARAMS = 'rust_params.count=7 rust_params.flag rust_params.greeting="hi there" ' \
    'rust_params.level=300'


def run_kunit(args, res, log_dir, smp=None):
    """One boot running the KUnit suites (with smp CPUs: names prefixed "smpN:")."""
    append = "kunit=1 loglevel=7 " + KUNIT_PARAMS
    if args.filter:
        append += " kunit.filter=" + args.filter
    prefix = "smp%d:" % smp if smp else ""
    log = "kunit-smp%d.log" % smp if smp else "kunit.log"
    status, lines, secs = boot(args, append, os.path.join(log_dir, log), smp=smp)
    plan, seen, open_suite, open_cases = parse_ktap(lines, res, prefix)
    problems = []
    if plan is None:
        problems.append("no KTAP plan in the output (did the kernel boot?)")
    elif seen != plan:
        problems.append("KTAP plan promised %d suites, %d reported" % (plan, seen))
    if open_suite:
        # A case that never ended: name it, where it is, and why it stopped.
        case, where = running_case(lines, open_suite, open_cases)
        why = ("QEMU_TIMEOUT (%d s at SMP=%d) ran out" %
               (boot_timeout(args, smp), smp or int(os.environ.get("SMP") or 1))
               if status == 124 else
               "the run ended with %s (status %d)" % (EXIT_NAMES.get(status, "QEMU error"),
                                                       status))
        tail = [l for l in lines if l.strip()][-15:]
        res.fail("%s%s.%s" % (prefix, open_suite, case),
                 ["did not finish: %s while it ran (case %d of the suite)" %
                  (why, open_cases + 1), "at %s" % where, "last console lines:"] + tail)
        problems.append("suite %s stopped in case %s" % (open_suite, case))
    if status not in (0, 1):
        problems.append("kernel run ended with %s (status %d)" %
                        (EXIT_NAMES.get(status, "QEMU error"), status))
    if problems:
        tail = [l for l in lines if l.strip()][-25:]
        res.fail(prefix + "kunit.run", problems + ["last console lines:"] + tail)
    say("kunit%s: %d suites in %.1f s of QEMU" % (" (%d CPUs)" % smp if smp else "", seen, secs))


def selected(args, prefix, names):
    """The names kept by --filter (globs on "prefix.name" or "prefix")."""
    if not args.filter:
        return list(names)
    import fnmatch
    pats = args.filter.split(",")
    return [n for n in names if any(fnmatch.fnmatch(prefix + "." + n, p) or
                                    fnmatch.fnmatch(prefix, p) for p in pats)]


# The boots that run Debian's busybox (sh, the utilities): when the
# initramfs has none, skipped if it was built without one on purpose
# (BUSYBOX=), failed if busybox was supposed to be there (--busybox).
BUSYBOX_BOOTS = ["shell", "tty", "run_in_vm", "production", "virtio_blk", "virtio_blk_queue4",
                 "ext2_write_1k",
                 "ext2_write_2k", "ext2_write_4k", "ext2_disk", "ext2_fuzz"]


def initrd_names(path):
    """The entry names of a newc cpio archive."""
    names = set()
    with open(path, "rb") as f:
        data = f.read()
    off = 0
    while off + 110 <= len(data) and data[off:off + 6] == b"070701":
        size = int(data[off + 54:off + 62], 16)
        namesize = int(data[off + 94:off + 102], 16)
        name = data[off + 110:off + 110 + namesize - 1].decode("utf-8", "replace")
        if name == "TRAILER!!!":
            break
        names.add(name)
        off = (off + 110 + namesize + 3) & ~3
        off = (off + size + 3) & ~3
    return names


def has_busybox(args):
    return "bin/busybox" in initrd_names(args.initrd)


def skip_busybox_boots(args, res, names):
    """Count the selected busybox boots in names as skipped, or as failed
    with --busybox; returns them."""
    skipped = [n for n in names if n in BUSYBOX_BOOTS]
    if skipped and args.busybox:
        for n in skipped:
            res.fail("user." + n, ["no bin/busybox in %s, which should hold one" % args.initrd])
    elif skipped:
        res.skipped += len(skipped)
        say("user: no busybox in %s: skipped %s" % (args.initrd, ", ".join(skipped)))
    return skipped


# The user-space boots that run again with --smp-user CPUs: every test
# program (threads, signals, fork stress...) and the busybox scripts.
SMP_USER_BOOTS = ["runner", "shell"]


def user_boots(args, res, names):
    """The boots of names (USER_BOOTS) that can run: those that need busybox
    or a program missing from the initramfs are counted as skipped (or as
    failed, busybox with --busybox) here."""
    boots = list(names)
    if not has_busybox(args):
        skipped = skip_busybox_boots(args, res, boots)
        boots = [n for n in boots if n not in skipped]
    # A test program not ported to the architecture (USER_TESTS_NOT_PORTED
    # in its Makefile) is not in the initramfs: its boot is skipped.
    names = initrd_names(args.initrd)
    missing = [n for n in boots if n not in BUSYBOX_BOOTS and
               USER_BOOTS[n][0].lstrip("/") not in names]
    if missing:
        res.skipped += len(missing)
        say("user: not built for %s: skipped %s" % (args.arch, ", ".join(missing)))
        boots = [n for n in boots if n not in missing]
    return boots


def run_user_boot(args, res, log_dir, name, smp=None):
    """One user-space boot of USER_BOOTS (with smp CPUs: failures named
    "smpN:user...", log user-NAME-smpN.log)."""
    init, want_status, ktap, patterns = USER_BOOTS[name]
    prefix = "smp%d:user." % smp if smp else "user."
    log = "user-%s-smp%d.log" % (name, smp) if smp else "user-%s.log" % name
    status, lines, secs = boot(args, "rdinit=%s loglevel=7" % init,
                               os.path.join(log_dir, log), args.initrd, smp=smp)
    text = "\n".join(lines)
    problems = []
    if ktap:
        sub = Result()
        plan, seen, open_suite, _ = parse_ktap(lines, sub)
        res.passed += sub.passed
        res.skipped += sub.skipped
        for fname, details in sub.failures:
            res.fail(prefix + fname, details)
        if plan is None or seen != plan or open_suite:
            problems.append("incomplete KTAP output (plan %s, %d suites seen)" % (plan, seen))
    if status != want_status:
        why = EXIT_NAMES.get(status, "?")
        if status == 124:
            why += ": QEMU_TIMEOUT (%d s at SMP=%d) ran out" % (
                boot_timeout(args, smp), smp or int(os.environ.get("SMP") or 1))
        problems.append("exit: %s (status %d), expected %s" %
                        (why, status, EXIT_NAMES.get(want_status)))
    problems += ["missing from the console: /%s/" % p for p in patterns
                 if not re.search(p, text, re.M)]
    if problems:
        tail = [l for l in lines if l.strip()][-20:]
        res.fail(prefix + name, problems + ["last console lines:"] + tail)
    elif not ktap:
        res.ok()
    if smp:
        say("user.%s (%d CPUs): %.1f s of QEMU" % (name, smp, secs))


def run_tty_test(args, res, log_dir):
    """Type into the busybox shell on the serial port and check its answers."""
    import select
    cmd = [os.path.join(os.path.dirname(__file__), "qemu.sh"), "--arch", args.arch,
           "--kernel", args.kernel, "--initrd", args.initrd, "--append", "quiet",
           "--timeout", str(args.timeout)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = b""
    problems = []

    def wait_for(pattern, seconds, start):
        nonlocal out
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text = out[start:].decode("utf-8", "replace")
            if re.search(pattern, text):
                return True
            ready, _, _ = select.select([proc.stdout], [], [], 0.1)
            if ready:
                chunk = os.read(proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                out += chunk
        return False

    for typed, expect in TTY_SCRIPT:
        start = len(out)
        if typed:
            proc.stdin.write(typed.encode())
            proc.stdin.flush()
        if expect and not wait_for(expect, 10, start):
            problems.append("typed %r, no /%s/ in the output" % (typed, expect))
            break
        if not expect:
            time.sleep(0.3)
    try:
        rest, _ = proc.communicate(timeout=10)
        out += rest
    except subprocess.TimeoutExpired:
        proc.kill()
        problems.append("poweroff did not end QEMU")
    with open(os.path.join(log_dir, "user-tty.log"), "wb") as log:
        log.write(out)
    if proc.returncode not in (0, None) and not problems:
        problems.append("exit status %d after poweroff" % proc.returncode)
    if problems:
        tail = out.decode("utf-8", "replace").replace("\r", "").split("\n")[-15:]
        res.fail("user.tty", problems + ["last console lines:"] + tail)
    else:
        res.ok()


def crash_names(args, res):
    """The crash tests to run (the Rust ones skipped without Rust)."""
    names = selected(args, "crash", crash_tests(args.arch))
    if args.no_rust:
        rust = [n for n in names if n.startswith("rust_")]
        if rust:
            res.skipped += len(rust)
            say("crash: no Rust in this kernel (CONFIG_RUST=n): skipped %s" % ", ".join(rust))
            names = [n for n in names if n not in rust]
    return names


def run_crash_test(args, res, log_dir, name):
    want_status, patterns = crash_tests(args.arch)[name]
    status, lines, _ = boot(args, "lkdtm=%s loglevel=7" % name,
                            os.path.join(log_dir, "crash-%s.log" % name))
    text = "\n".join(lines)
    missing = [p for p in patterns if not re.search(p, text, re.M)]
    problems = []
    if status != want_status:
        problems.append("exit: %s (status %d), expected %s" %
                        (EXIT_NAMES.get(status, "?"), status,
                         EXIT_NAMES.get(want_status)))
    problems += ["missing from the report: /%s/" % p for p in missing]
    if problems:
        tail = [l for l in lines if l.strip()][-15:]
        res.fail("crash." + name, problems + ["last console lines:"] + tail)
    else:
        res.ok()


def script_in_vm(args, kernel, name, log_dir, files, want_status, want, disk=None,
                 disk_opts=None):
    """Run the first of files (name: text or bytes; the others beside it)
    under sh in Ferrite through scripts/run-in-vm.sh on kernel, with the
    image disk as /dev/vda if given (disk_opts: more properties of its
    virtio-blk-pci device, DISK_OPTS of qemu.sh); (whether it exited want_status
    printing exactly want, what happened)."""
    import tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for fname, text in files.items():
            paths.append(os.path.join(tmp, fname))
            with open(paths[-1], "wb" if isinstance(text, bytes) else "w") as f:
                f.write(text)
        env = dict(os.environ, ARCH=args.arch, KERNEL=kernel, INITRAMFS=args.initrd,
                   TIMEOUT=str(args.timeout))
        if disk:
            env["DISK"] = disk
        if disk_opts:
            env["DISK_OPTS"] = disk_opts
        p = subprocess.run([os.path.join(here, "run-in-vm.sh")] + paths, env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, check=False)
    out = p.stdout.decode("utf-8", "replace")
    log = name.split(".")[-1].replace("_", "-") + ".log"
    with open(os.path.join(log_dir, log), "w", encoding="utf-8") as f:
        f.write(out)
    return (p.returncode == want_status and out == want,
            "exit %d (want %d), output %r (want %r)" % (p.returncode, want_status, out, want))


def run_in_vm_test(args, res, log_dir):
    """scripts/run-in-vm.sh hands back a script's output and exit status,
    each line as soon as the script prints it."""
    import tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "check.sh")
        with open(script, "w") as f:
            # Output without a final newline, stderr, a file beside it, a
            # status; the pause shows whether the first lines came early.
            f.write("cat data.txt\necho to-stderr >&2\nsleep 2\nprintf no-newline\nexit 7\n")
        with open(os.path.join(tmp, "data.txt"), "w") as f:
            f.write("from-the-host\n")
        env = dict(os.environ, ARCH=args.arch, KERNEL=args.kernel, INITRAMFS=args.initrd,
                   TIMEOUT=str(args.timeout))
        p = subprocess.Popen([os.path.join(here, "run-in-vm.sh"), script,
                              os.path.join(tmp, "data.txt")], env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        raw, first_at = b"", None
        while True:
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            if first_at is None:
                first_at = time.monotonic()
            raw += chunk
        ended_at = time.monotonic()
        p.wait()
    out = raw.decode("utf-8", "replace")
    with open(os.path.join(log_dir, "run-in-vm.log"), "w", encoding="utf-8") as f:
        f.write(out)
    want = "from-the-host\nto-stderr\nno-newline"
    problems = []
    if p.returncode != 7 or out != want:
        problems.append("exit %d (want 7), output %r (want %r)" % (p.returncode, out, want))
    if first_at is None or ended_at - first_at < 1.0:
        problems.append("the first line came %.1f s before the end, not as printed "
                        "(2 s before)" % (ended_at - (first_at or ended_at)))
    if problems:
        res.fail("user.run_in_vm", problems)
    else:
        res.ok()


def run_production_test(args, res, log_dir):
    """The production kernel (CONFIG_KUNIT=n) boots to busybox and runs a command."""
    ok, why = script_in_vm(args, args.production, "user.production", log_dir, {
        "check.sh": "echo $((6 * 7)) | tr 0-9 a-j\n"}, 0, "ec\n")
    if ok:
        res.ok()
    else:
        res.fail("user.production", [why])


def run_gdb_test(args, res, log_dir):
    """make gdb works: scripts/gdb.sh starts QEMU paused with its gdbstub,
    gdb (batch mode) reads vmlinux's symbols, stops at start_kernel, steps a
    line and backtraces to the architecture's entry code."""
    import socket
    import tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    with socket.socket() as s:	# a free port, so parallel runs do not collide
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.NamedTemporaryFile("w", suffix=".gdb") as cmds:
        cmds.write("break start_kernel\ncontinue\nnext\nbt\ninfo symbol $pc\nkill\n")
        cmds.flush()
        try:
            p = subprocess.run([os.path.join(here, "gdb.sh"), "--arch", args.arch, "--kernel",
                                args.kernel, "--port", str(port), "--batch", cmds.name],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=args.timeout, check=False)
            out = p.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode("utf-8", "replace") + "\n(timed out)"
    with open(os.path.join(log_dir, "gdb.log"), "w", encoding="utf-8") as f:
        f.write(out)
    frames = re.findall(r"^#(\d+) .*? in (\w+) |^#(0)  (\w+) ", out, re.M)
    names = [m[1] or m[3] for m in frames]
    problems = []
    if "Breakpoint 1 at" not in out:
        problems.append("gdb did not find start_kernel in %s's symbols" % args.kernel)
    if "start_kernel" not in names or len(names) < 2:
        problems.append("no backtrace from start_kernel to the entry code: %r" % names)
    if not re.search(r"^start_kernel \+ \d+ in section", out, re.M):
        problems.append("after 'next' the pc is not in start_kernel")
    if problems:
        res.fail("tools.gdb", problems + ["(log: %s)" % os.path.join(log_dir, "gdb.log")])
    else:
        res.ok()


# The architectures that run the boots with a virtio disk image: all five.
DISK_BOOT_ARCHES = ("x86_64", "riscv64", "arm64", "arm", "powerpc")


def run_disk_test(args, res, log_dir, name="virtio_blk", queue_size=None):
    """A host-made image read byte-identically from /dev/vda and /dev/vda1;
    the guest's writes, and only those, in the image after QEMU exits
    (scripts/disk_test.py); with queue_size, through a virtqueue that small."""
    import disk_test
    problems = disk_test.run(script_in_vm, args, args.kernel, log_dir, "user." + name,
                             queue_size)
    if problems:
        res.fail("user." + name, problems)
    else:
        res.ok()


# The ext2 write tests, each booted with its own image (scripts/ext2_write_test.py).
EXT2_WRITE_TESTS = ["ext2_write_1k", "ext2_write_2k", "ext2_write_4k"]


def run_ext2_write_tests(args, res, log_dir, names):
    """Host-made ext2 images written through Ferrite, then checked by
    e2fsck and debugfs (scripts/ext2_write_test.py)."""
    import ext2_write_test
    for name, problems in ext2_write_test.run(script_in_vm, args, args.kernel, log_dir,
                                              names):
        if problems:
            res.fail("user." + name, problems)
        else:
            res.ok()


def run_ext2_disk_test(args, res, log_dir):
    """make run DISK=image.ext2: /sbin/mount-disk, which init runs before
    the shell, mounts the ext2 image on /dev/vda at /mnt, read-only; then
    tests/shell/ext2.sh with its images written to /dev/vda."""
    import gzip
    import shutil
    import tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.join(os.path.dirname(args.kernel), "tests", "ext2", "b1k.img.gz")
    with open(os.path.join(here, "..", "tests", "shell", "ext2.out")) as f:
        ext2_out = f.read()
    with tempfile.TemporaryDirectory() as tmp:
        image = os.path.join(tmp, "b1k.img")
        with gzip.open(src) as g, open(image, "wb") as f:
            shutil.copyfileobj(g, f)
        ok, why = script_in_vm(args, args.kernel, "user.ext2_disk", log_dir, {
            # ext2.sh's refused read-write mount logs an error: not here.
            "check.sh": "dmesg -n 1 && mount-disk && cat /mnt/a/b/c/deep && "
                        "grep ' /mnt ' /proc/mounts | cut -d' ' -f1-4 && umount /mnt &&\n"
                        "DEV=/dev/vda sh /tests/shell/ext2.sh 2>&1\n"}, 0,
            "mount-disk: /dev/vda on /mnt (ext2, read-only)\ndeep down\n"
            "/dev/vda /mnt ext2 ro\n" + ext2_out, disk=image)
    if ok:
        res.ok()
    else:
        res.fail("user.ext2_disk", [why])


# Hostile ext2 images in make test, in one boot: this many per
# architecture (about half a second each on x86-64 under TCG, about a
# second on the others: under a minute there, with the boot), from this seed
# (make fuzz-ext2 runs 10,000).
EXT2_FUZZ_IMAGES = {"x86_64": 300, "riscv64": 40, "arm64": 40, "arm": 40, "powerpc": 40}
EXT2_FUZZ_SEED = "make-test"


def run_ext2_fuzz_test(args, res, log_dir):
    """Mutated ext2 images mounted, walked and unmounted without a crash,
    a hang, an unclean errno or a leak (scripts/ext2_fuzz.py)."""
    import ext2_fuzz
    fuzz_args = argparse.Namespace(arch=args.arch, kernel=args.kernel, initrd=args.initrd,
                                   seed=EXT2_FUZZ_SEED, first=0,
                                   count=EXT2_FUZZ_IMAGES[args.arch],
                                   batch=EXT2_FUZZ_IMAGES[args.arch], timeout=args.timeout,
                                   progress=False)
    problems = ext2_fuzz.fuzz(fuzz_args, os.path.join(log_dir, "ext2-fuzz.log"))
    if problems:
        res.fail("user.ext2_fuzz", problems)
    else:
        res.ok()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--arch", default="x86_64")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--filter", default="", help="comma-separated suite globs")
    ap.add_argument("--no-crash", action="store_true", help="skip the crash boots")
    ap.add_argument("--no-rust", action="store_true",
                    help="the kernel has no Rust (CONFIG_RUST=n): skip the Rust crash boots")
    ap.add_argument("--initrd", default="", help="initramfs with the user-space tests")
    ap.add_argument("--production", default="",
                    help="a CONFIG_KUNIT=n vmlinux to boot once with --initrd")
    ap.add_argument("--busybox", action="store_true",
                    help="the initramfs must hold busybox: fail the boots that need it if not")
    ap.add_argument("--smp-kunit", type=int, default=0,
                    help="run the KUnit suites a second time with this many CPUs")
    ap.add_argument("--smp-user", type=int, default=0,
                    help="run the runner and shell boots a second time with this many CPUs")
    ap.add_argument("-j", "--jobs", type=int, default=1,
                    help="boots run at once (a KUnit boot of several CPUs alone)")
    ap.add_argument("-v", "--verbose", action="store_true", help="echo the console")
    args = ap.parse_args()
    # --timeout is for one CPU; every boot at $SMP gets its scaled timeout.
    args.base_timeout = args.timeout
    args.timeout = boot_timeout(args)

    log_dir = os.path.join(os.path.dirname(args.kernel), "test-logs")
    os.makedirs(log_dir, exist_ok=True)
    res = Result()
    smp = int(os.environ.get("SMP") or 1)
    tasks = []

    def task(name, fn, cpus=smp, *extra, alone=False, **kw):
        tasks.append(Task(name, lambda a, r, d: fn(a, r, d, *extra, **kw), cpus, alone))

    # A KUnit boot of several CPUs runs alone: its timing cases (timers,
    # delays, every CPU's tick) need the host's cores for its virtual CPUs.
    task("kunit", run_kunit, alone=smp > 1)
    if args.smp_kunit:
        task("smp%d:kunit" % args.smp_kunit, run_kunit, args.smp_kunit, alone=True,
             smp=args.smp_kunit)
    if args.initrd:
        for name in user_boots(args, res, selected(args, "user", USER_BOOTS)):
            task("user." + name, run_user_boot, smp, name)
        if args.smp_user:
            prefix = "smp%d:user" % args.smp_user
            names = [n for n in SMP_USER_BOOTS if n in selected(args, "user", SMP_USER_BOOTS) or
                     n in selected(args, prefix, SMP_USER_BOOTS)]
            for name in user_boots(args, res, names):
                task(prefix + "." + name, run_user_boot, args.smp_user, name, smp=args.smp_user)
        shell_tests = selected(args, "user", ["tty", "run_in_vm"] +
                               (["production"] if args.production else []) +
                               (["virtio_blk", "virtio_blk_queue4", "ext2_disk", "ext2_fuzz"] + EXT2_WRITE_TESTS
                                if args.arch in DISK_BOOT_ARCHES else []))
        if not has_busybox(args):
            skipped = skip_busybox_boots(args, res, shell_tests)
            shell_tests = [n for n in shell_tests if n not in skipped]
        if "tty" in shell_tests:
            task("user.tty", run_tty_test)
        if "run_in_vm" in shell_tests:
            task("user.run_in_vm", run_in_vm_test)
        if "production" in shell_tests:
            task("user.production", run_production_test)
        if "virtio_blk" in shell_tests:
            task("user.virtio_blk", run_disk_test)
        if "virtio_blk_queue4" in shell_tests:
            task("user.virtio_blk_queue4", run_disk_test, smp, "virtio_blk_queue4", 4)
        ext2_tests = [n for n in EXT2_WRITE_TESTS if n in shell_tests]
        if ext2_tests:
            task("user.ext2_write", run_ext2_write_tests, smp, ext2_tests)
        if "ext2_disk" in shell_tests:
            task("user.ext2_disk", run_ext2_disk_test)
        if "ext2_fuzz" in shell_tests:
            task("user.ext2_fuzz", run_ext2_fuzz_test)
        say("user: %d boots%s" % (
            sum(t.name.startswith("user.") for t in tasks),
            ", %d more at %d CPUs" % (sum(t.name.startswith("smp%d:user." % args.smp_user)
                                          for t in tasks), args.smp_user)
            if args.smp_user else ""))
    if not args.no_crash:
        for name in crash_names(args, res):
            task("crash." + name, run_crash_test, smp, name)
    if selected(args, "tools", ["gdb"]):
        task("tools.gdb", run_gdb_test)

    t0 = time.monotonic()
    run_tasks(tasks, args, log_dir, max(1, args.jobs))
    wall = time.monotonic() - t0
    # Every task's report in the order the tasks were listed.
    for t in tasks:
        for line in t.out:
            print(line)
        res.passed += t.res.passed
        res.skipped += t.res.skipped
        for name, details in t.res.failures:
            res.fail(name, details)
        LOCKDEP_SPLATS.extend(t.splats)
    print("%d test runs in %.0f s (%.0f s added up), --jobs %d" %
          (len(tasks), wall, sum(t.secs for t in tasks), max(1, args.jobs)))
    for log, report in LOCKDEP_SPLATS:
        res.fail("lockdep (%s)" % log, ["the lock-order checker reported:"] + report)

    for name, details in res.failures:
        print("FAIL %s" % name)
        for d in details:
            print("    " + d)
    print("console logs: %s" % log_dir)
    summary = "%d passed, %d failed" % (res.passed, res.failed)
    if res.skipped:
        summary += ", %d skipped" % res.skipped
    print(summary)
    return 1 if res.failed or res.passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
