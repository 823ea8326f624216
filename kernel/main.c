// SPDX-License-Identifier: GPL-2.0-only
/*
 * start_kernel(): generic boot, from the arch entry to the first kernel
 * thread, which runs the initcalls and then the in-kernel tests ("kunit=1"
 * on the command line), the driver benchmarks ("bench=1", lib/devbench.c),
 * or unpacks the initramfs and becomes init, the first user process
 * (powering off when there is none).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cmdline.h>
#include <linux/devbench.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/reboot.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/kthread.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <linux/version.h>
#include <kunit/test.h>
#include <linux/binfmts.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/process.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/setup.h>

char boot_command_line[COMMAND_LINE_SIZE];

extern initcall_t __initcall_start[], __initcall_end[];
extern exitcall_t __exitcall_start[], __exitcall_end[];

void __init do_initcalls(void)
{
	for (initcall_t *fn = __initcall_start; fn < __initcall_end; fn++) {
		int ret = (*fn)();

		if (ret)
			pr_warn("initcall %ps returned %d\n", *fn, ret);
	}
}

void do_exitcalls(void)
{
	for (exitcall_t *fn = __exitcall_end; fn > __exitcall_start; fn--)
		fn[-1]();
}

void kernel_power_off(void)
{
	do_exitcalls();
	pr_notice("Power down\n");
	machine_power_off();
}

static void __init parse_early_params(void)
{
	long level;

	if (!cmdline_get_long(boot_command_line, "loglevel", &level) && level >= 0 && level <= 8)
		console_loglevel = (int)level;
	if (cmdline_get_bool(boot_command_line, "quiet"))
		console_loglevel = 4;
}

static void run_init_process(void);

static int kernel_init(void *unused)
{
	char filter[128];

	smp_init();
	/*
	 * Made when only the boot CPU was active, this thread (and all it
	 * starts, which inherit its mask) may now run on every active CPU.
	 */
	set_cpus_allowed_ptr(current, cpu_active_mask);
	do_initcalls();
	if (cmdline_get_bool(boot_command_line, "kunit")) {
		int failed;

		if (cmdline_get_str(boot_command_line, "kunit.filter", filter, sizeof(filter)) < 0)
			filter[0] = '\0';
		failed = kunit_run_all_tests(filter[0] ? filter : NULL);
		do_exitcalls();
		machine_exit(failed ? EXIT_FAILURE_CODE : EXIT_SUCCESS_CODE);
	}
	if (cmdline_get_bool(boot_command_line, "bench")) {
		int err = devbench_run_all();

		do_exitcalls();
		machine_exit(err ? EXIT_FAILURE_CODE : EXIT_SUCCESS_CODE);
	}
	if (initrd_size)
		populate_rootfs(__va(initrd_start_phys), initrd_size);
	run_init_process();
	pr_notice("Ferrite is up; no init program, powering off.\n");
	kernel_power_off();
}

#ifdef CONFIG_USER_SPACE
/* fd 0, 1 and 2 of init: /dev/console. */
static void __init console_on_rootfs(void)
{
	struct file *f = filp_open("/dev/console", O_RDWR, 0);

	if (IS_ERR(f)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (int fd = 0; fd < 3; fd++) {
		if (get_unused_fd_flags(0) != fd)
			break;
		fd_install(fd, fd ? get_file(f) : f);
	}
}

/*
 * Become the first process and exec its program: "rdinit=" or "init=" from
 * the command line, else /init. On success this enters user mode for good.
 */
static void __init run_init_process(void)
{
	static char path[128];
	static const char *envp[] = { "HOME=/", "TERM=linux", "PATH=/bin:/sbin:/usr/bin", NULL };
	const char *argv[] = { path, NULL };
	int err;

	if (cmdline_get_str(boot_command_line, "rdinit", path, sizeof(path)) < 0 &&
	    cmdline_get_str(boot_command_line, "init", path, sizeof(path)) < 0)
		strscpy(path, "/init", sizeof(path));
	err = process_init();
	if (err) {
		pr_err("init: cannot become a process: %d\n", err);
		return;
	}
	console_on_rootfs();
	err = kernel_execve(path, argv, envp);
	if (err) {
		pr_notice("init: cannot run %s: %d\n", path, err);
		return;
	}
	pr_info("Run %s as init process\n", path);
	ret_to_user_mode(current_pt_regs());
}
#else
/* Architectures without user space yet boot, run initcalls and tests. */
static void __init run_init_process(void)
{
	pr_notice("init: no user space on this architecture yet\n");
}
#endif

void __init start_kernel(void)
{
	boot_cpu_init();
	pr_notice("Ferrite " FERRITE_VERSION " booting\n");
	setup_arch();
	pr_notice("Command line: %s\n", boot_command_line);
	parse_early_params();
	trap_init();
	mm_core_init();
	signals_init();
	files_init();
	kernel_pgtable_init_late();
	init_IRQ();
	time_init();
	timekeeping_set_wall(read_persistent_clock() * NSEC_PER_SEC);
	sched_init();
	local_irq_enable();

	/* This boot thread becomes the idle task once init is running. */
	if (IS_ERR(kthread_run(kernel_init, NULL, "init")))
		panic("cannot start the init thread");
	cpu_idle_loop();
}
