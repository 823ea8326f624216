// SPDX-License-Identifier: GPL-2.0-only
/*
 * Capabilities: capable(), capget/capset (header versions 1 and 3; 2 is
 * read as 3, as Linux does), the bounding and ambient sets' and the
 * securebits' prctl calls and the capability side of uid changes.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

bool capable(int cap)
{
	return cap_valid(cap) && cap_raised(current_cred()->cap_effective, cap);
}

long prctl_capbset(bool drop, unsigned long cap)
{
	struct cred *new;

	if (cap > CAP_LAST_CAP)
		return -EINVAL;
	if (!drop)
		return cap_raised(current_cred()->cap_bset, cap);
	if (!capable(CAP_SETPCAP))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->cap_bset.val &= ~(1ULL << cap);
	commit_creds(new);
	return 0;
}

long prctl_cap_ambient(unsigned long op, unsigned long cap, unsigned long rest)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (op == PR_CAP_AMBIENT_CLEAR_ALL ? (cap | rest) : (cap > CAP_LAST_CAP || rest))
		return -EINVAL;
	if (op == PR_CAP_AMBIENT_IS_SET)
		return cap_raised(old->cap_ambient, cap);
	if (op != PR_CAP_AMBIENT_RAISE && op != PR_CAP_AMBIENT_LOWER &&
	    op != PR_CAP_AMBIENT_CLEAR_ALL)
		return -EINVAL;
	if (op == PR_CAP_AMBIENT_RAISE && (!cap_raised(old->cap_permitted, cap) ||
					   !cap_raised(old->cap_inheritable, cap) ||
					   (old->securebits & SECBIT_NO_CAP_AMBIENT_RAISE)))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (op == PR_CAP_AMBIENT_RAISE)
		new->cap_ambient.val |= 1ULL << cap;
	else if (op == PR_CAP_AMBIENT_LOWER)
		new->cap_ambient.val &= ~(1ULL << cap);
	else
		cap_clear(&new->cap_ambient);
	commit_creds(new);
	return 0;
}

long prctl_securebits(bool set, unsigned long bits)
{
	unsigned int old = current_cred()->securebits;
	struct cred *new;

	if (!set)
		return old;
	if ((((old & SECURE_ALL_LOCKS) >> 1) & (old ^ bits)) ||	/* a locked bit */
	    (old & SECURE_ALL_LOCKS & ~bits) ||			/* unlocking */
	    (bits & ~(SECURE_ALL_LOCKS | SECURE_ALL_BITS)) || !capable(CAP_SETPCAP))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->securebits = bits;
	commit_creds(new);
	return 0;
}

void cap_task_fix_setuid(struct cred *new, const struct cred *old, bool fs)
{
	if (old->securebits & SECBIT_NO_SETUID_FIXUP)
		return;
	if (fs) {
		if (old->fsuid == 0 && new->fsuid != 0)
			new->cap_effective.val &= ~CAP_FS_SET.val;
		if (old->fsuid != 0 && new->fsuid == 0)
			new->cap_effective = cap_combine(new->cap_effective,
				cap_intersect(new->cap_permitted, CAP_FS_SET));
		return;
	}
	if ((old->uid == 0 || old->euid == 0 || old->suid == 0) &&
	    new->uid != 0 && new->euid != 0 && new->suid != 0) {
		if (!(new->securebits & SECBIT_KEEP_CAPS)) {
			cap_clear(&new->cap_permitted);
			cap_clear(&new->cap_effective);
		}
		cap_clear(&new->cap_ambient);
	}
	if (old->euid == 0 && new->euid != 0)
		cap_clear(&new->cap_effective);
	if (old->euid != 0 && new->euid == 0)
		new->cap_effective = new->cap_permitted;
}

/*
 * Check the header's version: the number of data structs it takes, or
 * -EINVAL after writing the preferred version back (as Linux does, so a
 * caller can probe it), -EFAULT.
 */
static int cap_validate_magic(cap_user_header_t header, unsigned int *tocopy)
{
	__u32 version;

	if (get_user(version, &header->version))
		return -EFAULT;
	switch (version) {
	case _LINUX_CAPABILITY_VERSION_1:
		*tocopy = _LINUX_CAPABILITY_U32S_1;
		return 0;
	case _LINUX_CAPABILITY_VERSION_2:
	case _LINUX_CAPABILITY_VERSION_3:
		*tocopy = _LINUX_CAPABILITY_U32S_3;
		return 0;
	default:
		if (put_user((__u32)_LINUX_CAPABILITY_VERSION_3, &header->version))
			return -EFAULT;
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(capget, cap_user_header_t, header, cap_user_data_t, dataptr)
{
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
	struct task_struct *task = NULL;
	const struct cred *cred;
	unsigned int tocopy, i;
	int ret, pid;

	ret = cap_validate_magic(header, &tocopy);
	if (!dataptr || ret)
		return !dataptr && ret == -EINVAL ? 0 : ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid < 0)
		return -EINVAL;
	if (pid && pid != current->pid) {
		task = find_get_task_by_pid(pid);
		if (!task)
			return -ESRCH;
		cred = get_task_cred(task);
		put_task_struct(task);
	} else {
		cred = get_cred(current_cred());
	}
	for (i = 0; i < tocopy; i++) {
		data[i].effective = cred->cap_effective.val >> (32 * i);
		data[i].permitted = cred->cap_permitted.val >> (32 * i);
		data[i].inheritable = cred->cap_inheritable.val >> (32 * i);
	}
	put_cred(cred);
	return copy_to_user(dataptr, data, tocopy * sizeof(data[0])) ? -EFAULT : 0;
}

/*
 * capset: only on oneself (pid 0 or current's). Linux's rules: the new
 * inheritable set within the old inheritable and permitted ones (any, up
 * to the bounding set, with CAP_SETPCAP), permitted never grows,
 * effective within permitted; ambient shrinks to what stays in both.
 */
SYSCALL_DEFINE2(capset, cap_user_header_t, header, const cap_user_data_t, data)
{
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3] = { 0 };
	kernel_cap_t eff = {0}, prm = {0}, inh = {0};
	const struct cred *old = current_cred();
	unsigned int tocopy, i;
	struct cred *new;
	int ret, pid;

	ret = cap_validate_magic(header, &tocopy);
	if (ret)
		return ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid && pid != current->pid)
		return -EPERM;
	if (copy_from_user(d, data, tocopy * sizeof(d[0])))
		return -EFAULT;
	for (i = 0; i < tocopy; i++) {
		eff.val |= (u64)d[i].effective << (32 * i);
		prm.val |= (u64)d[i].permitted << (32 * i);
		inh.val |= (u64)d[i].inheritable << (32 * i);
	}
	eff.val &= CAP_VALID_MASK;
	prm.val &= CAP_VALID_MASK;
	inh.val &= CAP_VALID_MASK;
	if (!cap_raised(old->cap_effective, CAP_SETPCAP) &&
	    !cap_issubset(inh, cap_combine(old->cap_inheritable, old->cap_permitted)))
		return -EPERM;
	if (!cap_issubset(inh, cap_combine(old->cap_inheritable, old->cap_bset)) ||
	    !cap_issubset(prm, old->cap_permitted) || !cap_issubset(eff, prm))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->cap_effective = eff;
	new->cap_permitted = prm;
	new->cap_inheritable = inh;
	new->cap_ambient = cap_intersect(new->cap_ambient, cap_intersect(prm, inh));
	commit_creds(new);
	return 0;
}
