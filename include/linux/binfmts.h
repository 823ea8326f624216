/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Program loading (fs/exec.c, fs/binfmt_*.c). execve collects the program's
 * file, its first bytes and the argument and environment strings into a
 * struct linux_binprm, then asks each format in turn (ELF, "#!" scripts)
 * to load it.
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>

struct file;
struct mm_struct;
struct pt_regs;

#define BINPRM_BUF_SIZE 256
/* Room for the argument and environment strings (Linux: 1/4 of the stack). */
#define MAX_ARG_STRINGS_SIZE (256 * 1024)

struct linux_binprm {
	struct file *file;		/* the program (or interpreter) */
	char *filename;			/* the path execve was given (kmalloc) */
	char *interp;			/* "#!" interpreter path, or NULL */
	char buf[BINPRM_BUF_SIZE];	/* the first bytes of file */
	char *strings;			/* argv then envp strings, NUL-separated */
	size_t strings_len;
	int argc, envc;
	int depth;			/* "#!" nesting */
	struct cred *cred;		/* the new program's credentials */
	bool secureexec;		/* AT_SECURE: the ids or capabilities changed */
};

/*
 * load_elf_binary() - replace current's address space with the ELF64
 * program @bprm describes and set @regs to start it. -ENOEXEC if it is not
 * an ELF program this CPU runs; other errors before the point of no return
 * leave current unchanged; after it, current is killed (SIGKILL).
 */
int load_elf_binary(struct linux_binprm *bprm, struct pt_regs *regs);

/* load_script() - "#!" scripts: rewrite @bprm to run the interpreter. */
int load_script(struct linux_binprm *bprm);

/*
 * begin_new_exec() - the point of no return: make @mm current's address
 * space (dropping the old one), install the new program's credentials
 * (bprm->cred, turned by bprm_creds_from_file(), which also sets
 * bprm->secureexec), close O_CLOEXEC files,
 * reset signal handlers, set the command name. Never fails.
 */
void begin_new_exec(struct linux_binprm *bprm, struct mm_struct *mm);

/*
 * arch_setup_additional_pages() - map what the architecture adds to every
 * new program (arm64: the signal return trampoline), after
 * begin_new_exec(), in current's @mm. 0 or -errno (the exec then kills
 * the process). May sleep. The default adds nothing.
 */
int arch_setup_additional_pages(struct mm_struct *mm);

/*
 * install_code_page() - for arch_setup_additional_pages(): map a private
 * page at user address @addr of @mm, copy @size bytes of instructions
 * @code (at most a page) to it, and make it read-only and executable
 * (e.g. a signal return trampoline). @mm must be current's. Returns 0 or
 * -errno. May sleep.
 */
int install_code_page(struct mm_struct *mm, unsigned long addr, const void *code, size_t size);

/*
 * Helpers for the formats (fs/exec.c): bprm_open() makes @path the file to
 * load (0, -ENOENT..., -EACCES when not a regular file current may
 * execute: x permission, read permission not needed);
 * bprm_prepend_arg() adds an argv[0] (0 or -E2BIG); bprm_remove_arg()
 * drops argv[0].
 */
int bprm_open(struct linux_binprm *bprm, const char *path);
int bprm_prepend_arg(struct linux_binprm *bprm, const char *s);
void bprm_remove_arg(struct linux_binprm *bprm);

/*
 * kernel_execve() - execve(2) for kernel callers (init): @filename, @argv,
 * @envp are kernel pointers. On success current's pt_regs start the new
 * program when it returns to user mode. Returns 0 or -errno.
 */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif /* _LINUX_BINFMTS_H */
