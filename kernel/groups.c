// SPDX-License-Identifier: GPL-2.0-only
/*
 * Supplementary groups: struct group_info, getgroups and setgroups.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct group_info init_groups = { .usage = REFCOUNT_INIT(1) };

/* groups_alloc() - room for @ngroups gids, or NULL. May sleep. */
struct group_info *groups_alloc(int ngroups)
{
	struct group_info *gi = kvmalloc(sizeof(*gi) + ngroups * sizeof(gid_t), GFP_KERNEL);

	if (!gi)
		return NULL;
	refcount_set(&gi->usage, 1);
	gi->ngroups = ngroups;
	return gi;
}

void put_group_info(struct group_info *gi)
{
	if (refcount_dec_and_test(&gi->usage))
		kvfree(gi);
}

/* Shell sort: getgroups returns them ascending, as Linux does. */
static void groups_sort(struct group_info *gi)
{
	for (int gap = gi->ngroups / 2; gap > 0; gap /= 2) {
		for (int i = gap; i < gi->ngroups; i++) {
			gid_t g = gi->gid[i];
			int j = i;

			for (; j >= gap && gi->gid[j - gap] > g; j -= gap)
				gi->gid[j] = gi->gid[j - gap];
			gi->gid[j] = g;
		}
	}
}

bool in_group_p(gid_t gid)
{
	const struct cred *cred = current_cred();

	if (gid == cred->fsgid)
		return true;
	for (int i = 0; i < cred->group_info->ngroups; i++)
		if (cred->group_info->gid[i] == gid)
			return true;
	return false;
}

/* getgroups: size 0 asks for the count; a smaller nonzero size is EINVAL. */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;

	if (gidsetsize < 0)
		return -EINVAL;
	if (gidsetsize) {
		if (gidsetsize < gi->ngroups)
			return -EINVAL;
		if (copy_to_user(grouplist, gi->gid, gi->ngroups * sizeof(gid_t)))
			return -EFAULT;
	}
	return gi->ngroups;
}

/* setgroups: needs CAP_SETGID; at most NGROUPS_MAX groups. */
SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	struct group_info *gi;
	struct cred *new;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	if (copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t))) {
		put_group_info(gi);
		return -EFAULT;
	}
	groups_sort(gi);
	new = prepare_creds();
	if (!new) {
		put_group_info(gi);
		return -ENOMEM;
	}
	put_group_info(new->group_info);
	new->group_info = gi;
	commit_creds(new);
	return 0;
}
