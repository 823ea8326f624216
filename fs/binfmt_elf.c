// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ELF loader (ELF32 or ELF64, the architecture's class: linux/elf.h):
 * static executables (ET_EXEC) and static position-independent ones
 * (ET_DYN without PT_INTERP, placed at ELF_ET_DYN_BASE).
 * Programs that need a dynamic loader are refused with -ENOEXEC.
 *
 * Each PT_LOAD becomes a private file mapping of its file bytes and, when
 * p_memsz is larger, an anonymous mapping for the rest (.bss); the bytes
 * between p_filesz and the end of its last file page are zeroed after the
 * switch, as Linux's padzero() does. Nothing is read yet: pages come in on
 * first touch. The stack gets the strings, AT_RANDOM bytes, the auxiliary
 * vector, envp, argv and argc, in the System V ABI's layout.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/elf.h>
#include <asm/processor.h>
#include <uapi/linux/mman.h>

#define MAX_PHNUM 64
#define W sizeof(unsigned long)		/* a word of the initial stack */

/*
 * What asm/elf.h may add to the auxiliary vector: AT_HWCAP2's value, and
 * ARCH_DLINFO(AUX), which emits up to AUXV_ARCH_ENTRIES more entries
 * through AUX(type, value) (Linux's names).
 */
#ifndef ELF_HWCAP2
#define ELF_HWCAP2 0
#endif
#ifndef ARCH_DLINFO
#define ARCH_DLINFO(AUX) do { } while (0)
#endif
#define AUXV_ARCH_ENTRIES 8

static bool elf_valid(const elfhdr *eh)
{
	return !memcmp(eh->e_ident, ELFMAG, SELFMAG) && eh->e_ident[EI_CLASS] == ELF_CLASS &&
	       eh->e_ident[EI_DATA] == ELFDATA2LSB && eh->e_machine == ELF_ARCH &&
	       (eh->e_type == ET_EXEC || eh->e_type == ET_DYN) &&
	       eh->e_phentsize == sizeof(elf_phdr) && eh->e_phnum &&
	       eh->e_phnum <= MAX_PHNUM;
}

static unsigned long prot_of(const elf_phdr *ph)
{
	return (ph->p_flags & PF_R ? PROT_READ : 0) | (ph->p_flags & PF_W ? PROT_WRITE : 0) |
	       (ph->p_flags & PF_X ? PROT_EXEC : 0);
}

/* Map one PT_LOAD segment into @mm at @bias. */
static int map_segment(struct mm_struct *mm, struct file *file, const elf_phdr *ph,
		       unsigned long bias)
{
	unsigned long start = bias + ph->p_vaddr;
	unsigned long page = start & PAGE_MASK;
	unsigned long file_end = PAGE_ALIGN(start + ph->p_filesz);
	unsigned long mem_end = PAGE_ALIGN(start + ph->p_memsz);
	unsigned long prot = prot_of(ph), ret;

	if ((ph->p_vaddr & ~PAGE_MASK) != (ph->p_offset & ~PAGE_MASK) ||
	    ph->p_filesz > ph->p_memsz || start < bias || mem_end > TASK_SIZE_MAX ||
	    page < PAGE_SIZE)
		return -ENOEXEC;
	if (ph->p_filesz) {
		ret = do_mmap(mm, file, page, file_end - page, prot, MAP_PRIVATE | MAP_FIXED,
			      ph->p_offset >> PAGE_SHIFT);
		if (IS_ERR_VALUE(ret))
			return ret;
	} else {
		file_end = page;
	}
	if (mem_end > file_end) {
		ret = do_mmap(mm, NULL, file_end, mem_end - file_end, prot,
			      MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0);
		if (IS_ERR_VALUE(ret))
			return ret;
	}
	return 0;
}

/* Build the initial stack below STACK_TOP; returns the stack pointer or 0. */
static unsigned long create_elf_tables(struct linux_binprm *bprm, const elfhdr *eh,
				       unsigned long phdr_addr, unsigned long entry)
{
	unsigned long p = STACK_TOP, execfn, strings, platform, random, sp, arg_start, env_start = 0;
	unsigned long auxv[2 * (24 + AUXV_ARCH_ENTRIES)], *a = auxv;
	unsigned long nwords, argv_ptr, envp_ptr;
	size_t fnlen = strlen(bprm->filename) + 1;
	u8 rnd[16];
	const char *s;

	p -= fnlen;
	execfn = p;
	if (copy_to_user((void __user *)p, bprm->filename, fnlen))
		return 0;
	p -= bprm->strings_len;
	strings = p;
	if (copy_to_user((void __user *)p, bprm->strings, bprm->strings_len))
		return 0;
	p -= sizeof(ELF_PLATFORM);
	platform = p;
	if (copy_to_user((void __user *)p, ELF_PLATFORM, sizeof(ELF_PLATFORM)))
		return 0;
	p = (p - sizeof(rnd)) & ~15UL;
	random = p;
	get_random_bytes(rnd, sizeof(rnd));
	if (copy_to_user((void __user *)p, rnd, sizeof(rnd)))
		return 0;

#define AUX(type, val) do { *a++ = (type); *a++ = (val); } while (0)
	AUX(AT_HWCAP, ELF_HWCAP);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);
	AUX(AT_PHDR, phdr_addr);
	AUX(AT_PHENT, sizeof(elf_phdr));
	AUX(AT_PHNUM, eh->e_phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, entry);
	AUX(AT_UID, current_uid());
	AUX(AT_EUID, current_euid());
	AUX(AT_GID, current_gid());
	AUX(AT_EGID, current_egid());
	AUX(AT_SECURE, bprm->secureexec);
	AUX(AT_RANDOM, random);
	AUX(AT_HWCAP2, ELF_HWCAP2);
	AUX(AT_EXECFN, execfn);
	AUX(AT_PLATFORM, platform);
	AUX(AT_MINSIGSTKSZ, ELF_MINSIGSTKSZ);
	ARCH_DLINFO(AUX);
	AUX(AT_NULL, 0);
#undef AUX

	/* argc, argv[] + NULL, envp[] + NULL, auxv (words): sp 16-byte aligned at entry. */
	nwords = 1 + bprm->argc + 1 + bprm->envc + 1 + (a - auxv);
	sp = (p - nwords * W) & ~15UL;
	argv_ptr = sp + W;
	envp_ptr = argv_ptr + (bprm->argc + 1) * W;
	if (put_user((unsigned long)bprm->argc, (unsigned long __user *)sp))
		return 0;
	s = bprm->strings;
	arg_start = strings;
	for (int i = 0; i < bprm->argc + bprm->envc; i++) {
		unsigned long slot = i < bprm->argc ? argv_ptr + W * i :
				     envp_ptr + W * (i - bprm->argc);
		size_t len = strlen(s) + 1;

		if (put_user(strings, (unsigned long __user *)slot))
			return 0;
		strings += len;
		s += len;
		if (i + 1 == bprm->argc)
			env_start = strings;
	}
	if (!bprm->argc)
		env_start = arg_start;
	/*
	 * Published once whole, the end before the start: /proc/<pid>/cmdline
	 * read from another CPU meanwhile (fs/proc/base.c reads the start,
	 * then the end) sees either no arguments or all of them.
	 */
	current->mm->env_end = strings;
	current->mm->env_start = env_start;
	current->mm->arg_end = env_start;
	smp_wmb();
	WRITE_ONCE(current->mm->arg_start, arg_start);
	if (put_user(0UL, (unsigned long __user *)(argv_ptr + W * bprm->argc)) ||
	    put_user(0UL, (unsigned long __user *)(envp_ptr + W * bprm->envc)))
		return 0;
	if (copy_to_user((void __user *)(envp_ptr + W * (bprm->envc + 1)), auxv,
			 (a - auxv) * sizeof(unsigned long)))
		return 0;
	return sp;
}

int load_elf_binary(struct linux_binprm *bprm, struct pt_regs *regs)
{
	const elfhdr *eh = (const elfhdr *)bprm->buf;
	unsigned long bias = 0, lo = ~0UL, hi = 0, phdr_addr = 0, entry, sp, bss_start = 0;
	unsigned long end_code = 0, start_data = ~0UL, end_data = 0;
	struct mm_struct *mm;
	elf_phdr *phdrs;
	size_t size;
	loff_t pos;
	int err;

	if (!elf_valid(eh))
		return -ENOEXEC;
	size = eh->e_phnum * sizeof(elf_phdr);
	phdrs = kmalloc(size, GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	pos = eh->e_phoff;
	err = -EIO;
	if (kernel_read(bprm->file, phdrs, size, &pos) != (ssize_t)size)
		goto out_phdrs;

	err = -ENOEXEC;
	for (int i = 0; i < eh->e_phnum; i++) {
		const elf_phdr *ph = &phdrs[i];

		if (ph->p_type == PT_INTERP) {
			pr_info("exec: %s needs a dynamic loader, which Ferrite does not have\n",
				bprm->filename);
			goto out_phdrs;
		}
		if (ph->p_type != PT_LOAD)
			continue;
		if (ph->p_vaddr + ph->p_memsz < ph->p_vaddr)
			goto out_phdrs;
		lo = min(lo, (unsigned long)(ph->p_vaddr & PAGE_MASK));
		hi = max(hi, (unsigned long)(ph->p_vaddr + ph->p_memsz));
	}
	if (lo >= hi)
		goto out_phdrs;
	if (eh->e_type == ET_DYN)
		bias = ELF_ET_DYN_BASE - lo;
	if (hi + bias > TASK_SIZE_MAX - USER_STACK_SIZE)
		goto out_phdrs;

	err = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out_phdrs;
	mutex_lock(&mm->mmap_lock);
	err = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		const elf_phdr *ph = &phdrs[i];
		unsigned long start = ph->p_vaddr + bias;

		if (ph->p_type == PT_PHDR)
			phdr_addr = start;
		if (ph->p_type != PT_LOAD)
			continue;
		err = map_segment(mm, bprm->file, ph, bias);
		if (err)
			break;
		if (!phdr_addr && ph->p_offset <= eh->e_phoff &&
		    eh->e_phoff + size <= ph->p_offset + ph->p_filesz)
			phdr_addr = start + eh->e_phoff - ph->p_offset;
		if (ph->p_flags & PF_X)
			end_code = max(end_code, start + (unsigned long)ph->p_filesz);
		else
			start_data = min(start_data, start);
		end_data = max(end_data, start + (unsigned long)ph->p_filesz);
		if (ph->p_memsz > ph->p_filesz && (ph->p_flags & PF_W))
			bss_start = max(bss_start, start + (unsigned long)ph->p_filesz);
	}
	if (!err && IS_ERR_VALUE(do_mmap(mm, NULL, STACK_TOP - USER_STACK_SIZE, USER_STACK_SIZE,
					 PROT_READ | PROT_WRITE,
					 MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN,
					 0)))
		err = -ENOMEM;
	mm->start_code = lo + bias;
	mm->end_code = end_code;
	mm->start_data = start_data == ~0UL ? end_code : start_data;
	mm->end_data = end_data;
	mm->start_brk = mm->brk = PAGE_ALIGN(hi + bias);
	mm->start_stack = STACK_TOP;
	mutex_unlock(&mm->mmap_lock);
	if (err) {
		mmput(mm);
		goto out_phdrs;
	}

	/* The point of no return: current now runs in mm. */
	begin_new_exec(bprm, mm);
	if (arch_setup_additional_pages(mm))
		goto fatal;
	entry = eh->e_entry + bias;
	/* Zero the end of the last file page of .data, where .bss starts. */
	if (bss_start && (bss_start & ~PAGE_MASK) &&
	    clear_user((void __user *)bss_start, PAGE_SIZE - (bss_start & ~PAGE_MASK)))
		goto fatal;
	sp = create_elf_tables(bprm, eh, phdr_addr, entry);
	if (!sp)
		goto fatal;
	start_thread(regs, entry, sp);
	kfree(phdrs);
	return 0;
fatal:
	kfree(phdrs);
	force_sig(SIGKILL);
	return 0;
out_phdrs:
	kfree(phdrs);
	return err;
}
