/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ELF class of this architecture's programs (asm/elf.h's ELF_CLASS,
 * ELFCLASS64 unless it says ELFCLASS32) and the header types of that
 * class, as Linux names them: elfhdr and elf_phdr.
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <asm/elf.h>

#ifndef ELF_CLASS
#define ELF_CLASS ELFCLASS64
#endif

#if ELF_CLASS == ELFCLASS32
typedef Elf32_Ehdr elfhdr;
typedef Elf32_Phdr elf_phdr;
#else
typedef Elf64_Ehdr elfhdr;
typedef Elf64_Phdr elf_phdr;
#endif

#endif /* _LINUX_ELF_H */
