// SPDX-License-Identifier: GPL-2.0-only
/* Who may look inside another process (no ptrace(2) yet). */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/ptrace.h>
#include <linux/sched.h>

bool ptrace_may_access(struct task_struct *task)
{
	const struct cred *cred = current_cred(), *tcred;
	bool ok;

	if (task == current)
		return true;
	tcred = get_task_cred(task);
	ok = (cred->fsuid == tcred->uid && cred->fsuid == tcred->euid &&
	      cred->fsuid == tcred->suid && cred->fsgid == tcred->gid &&
	      cred->fsgid == tcred->egid && cred->fsgid == tcred->sgid) ||
	     capable(CAP_SYS_PTRACE);
	put_cred(tcred);
	return ok;
}
