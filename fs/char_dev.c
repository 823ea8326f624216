// SPDX-License-Identifier: GPL-2.0-only
/*
 * Character device numbers and struct cdev. Two tables, as in Linux: the
 * regions reserved by register/alloc_chrdev_region() (who owns which
 * numbers), and the map of live cdevs (who serves them), which
 * chrdev_open() consults when a device node is opened.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/fs.h>
#include <linux/cdev.h>

#define CHRDEV_MAJOR_MAX		512
#define CHRDEV_MAJOR_DYN_END		234	/* dynamic majors: 254..234 */
#define CHRDEV_MAJOR_DYN_EXT_START	511	/* then 511..384 */
#define CHRDEV_MAJOR_DYN_EXT_END	384

struct char_device_struct {
	struct list_head list;
	unsigned int major;
	unsigned int baseminor;
	unsigned int minorct;
	char name[64];
	struct cdev *cdev;		/* __register_chrdev() only */
};

static LIST_HEAD(chrdevs);
static DEFINE_MUTEX(chrdevs_lock);

static bool major_in_use(unsigned int major)
{
	struct char_device_struct *cd;

	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major == major)
			return true;
	return false;
}

static int find_dynamic_major(void)
{
	unsigned int i;

	for (i = 254; i >= CHRDEV_MAJOR_DYN_END; i--)
		if (!major_in_use(i))
			return i;
	for (i = CHRDEV_MAJOR_DYN_EXT_START; i >= CHRDEV_MAJOR_DYN_EXT_END; i--)
		if (!major_in_use(i))
			return i;
	return -EBUSY;
}

/* Reserve minors of one major (0: a dynamic one). */
static struct char_device_struct *
__register_chrdev_region(unsigned int major, unsigned int baseminor,
			 unsigned int minorct, const char *name)
{
	struct char_device_struct *cd, *new;
	int ret;

	if (major >= CHRDEV_MAJOR_MAX || !minorct || baseminor > MINORMASK ||
	    minorct > MINORMASK + 1 - baseminor)
		return ERR_PTR(-EINVAL);
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return ERR_PTR(-ENOMEM);

	mutex_lock(&chrdevs_lock);
	if (!major) {
		ret = find_dynamic_major();
		if (ret < 0)
			goto fail;
		major = ret;
	}
	ret = -EBUSY;
	list_for_each_entry(cd, &chrdevs, list) {
		if (cd->major != major)
			continue;
		if (baseminor < cd->baseminor + cd->minorct &&
		    cd->baseminor < baseminor + minorct)
			goto fail;
	}
	new->major = major;
	new->baseminor = baseminor;
	new->minorct = minorct;
	strscpy(new->name, name ? name : "", sizeof(new->name));
	list_add_tail(&new->list, &chrdevs);
	mutex_unlock(&chrdevs_lock);
	return new;
fail:
	mutex_unlock(&chrdevs_lock);
	kfree(new);
	return ERR_PTR(ret);
}

static struct char_device_struct *
__unregister_chrdev_region(unsigned int major, unsigned int baseminor, unsigned int minorct)
{
	struct char_device_struct *cd;

	mutex_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list) {
		if (cd->major == major && cd->baseminor == baseminor &&
		    cd->minorct == minorct) {
			list_del(&cd->list);
			mutex_unlock(&chrdevs_lock);
			return cd;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return NULL;
}

/* Walk [from, from + count) one major at a time. */
#define for_each_major_chunk(n, next, from, count)			\
	for (u64 n = (from), next; n < (u64)(from) + (count); n = next)

int register_chrdev_region(dev_t from, unsigned int count, const char *name)
{
	u64 end = (u64)from + count;

	if (!count || end > ((u64)CHRDEV_MAJOR_MAX << MINORBITS))
		return -EINVAL;
	for_each_major_chunk(n, next, from, count) {
		struct char_device_struct *cd;

		next = min_t(u64, ((n >> MINORBITS) + 1) << MINORBITS, end);
		cd = __register_chrdev_region(MAJOR(n), MINOR(n), next - n, name);
		if (IS_ERR(cd)) {
			if (n > from)
				unregister_chrdev_region(from, n - from);
			return PTR_ERR(cd);
		}
	}
	return 0;
}

int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name)
{
	struct char_device_struct *cd = __register_chrdev_region(0, baseminor, count, name);

	if (IS_ERR(cd))
		return PTR_ERR(cd);
	*dev = MKDEV(cd->major, cd->baseminor);
	return 0;
}

void unregister_chrdev_region(dev_t from, unsigned int count)
{
	u64 end = (u64)from + count;

	for_each_major_chunk(n, next, from, count) {
		next = min_t(u64, ((n >> MINORBITS) + 1) << MINORBITS, end);
		kfree(__unregister_chrdev_region(MAJOR(n), MINOR(n), next - n));
	}
}

int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops)
{
	struct char_device_struct *cd;
	struct cdev *cdev;
	int err;

	cd = __register_chrdev_region(major, baseminor, count, name);
	if (IS_ERR(cd))
		return PTR_ERR(cd);
	err = -ENOMEM;
	cdev = kzalloc(sizeof(*cdev), GFP_KERNEL);
	if (!cdev)
		goto out;
	cdev_init(cdev, fops);
	err = cdev_add(cdev, MKDEV(cd->major, baseminor), count);
	if (err) {
		kfree(cdev);
		goto out;
	}
	cd->cdev = cdev;	/* cd is ours until unregistered */
	return major ? 0 : cd->major;
out:
	kfree(__unregister_chrdev_region(cd->major, baseminor, count));
	return err;
}

void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			 const char *name)
{
	struct char_device_struct *cd = __unregister_chrdev_region(major, baseminor, count);

	if (cd && cd->cdev) {
		cdev_del(cd->cdev);
		kfree(cd->cdev);
	}
	kfree(cd);
}

/* --- The map of live cdevs ---------------------------------------------- */

static LIST_HEAD(cdev_map);
static DEFINE_MUTEX(cdev_lock);
static DECLARE_WAIT_QUEUE_HEAD(cdev_wq);

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	INIT_LIST_HEAD(&cdev->list);
	cdev->ops = fops;
}

static struct cdev *cdev_lookup(dev_t dev)
{
	struct cdev *p;

	list_for_each_entry(p, &cdev_map, list)
		if (dev >= p->dev && dev - p->dev < p->count)
			return p;
	return NULL;
}

int cdev_add(struct cdev *p, dev_t dev, unsigned int count)
{
	struct cdev *q;
	int err = 0;

	if (!count || (u64)dev + count > (u64)U32_MAX + 1)
		return -EINVAL;
	mutex_lock(&cdev_lock);
	list_for_each_entry(q, &cdev_map, list) {
		if (dev < (u64)q->dev + q->count && q->dev < (u64)dev + count) {
			err = -EBUSY;
			goto out;
		}
	}
	p->dev = dev;
	p->count = count;
	p->opening = 0;
	list_add_tail(&p->list, &cdev_map);
out:
	mutex_unlock(&cdev_lock);
	return err;
}

void cdev_del(struct cdev *p)
{
	mutex_lock(&cdev_lock);
	list_del_init(&p->list);
	mutex_unlock(&cdev_lock);
	wait_event(cdev_wq, READ_ONCE(p->opening) == 0);
}

/* def_chr_fops.open: hand the file to the driver of i_rdev. */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops;
	struct cdev *p;
	int ret = -ENXIO;

	mutex_lock(&cdev_lock);
	p = cdev_lookup(inode->i_rdev);
	if (!p) {
		mutex_unlock(&cdev_lock);
		return -ENXIO;
	}
	p->opening++;
	fops = p->ops;
	mutex_unlock(&cdev_lock);

	if (fops) {
		replace_fops(filp, fops);
		ret = fops->open ? fops->open(inode, filp) : 0;
	}

	mutex_lock(&cdev_lock);
	p->opening--;		/* p may be freed as soon as this reaches 0 */
	mutex_unlock(&cdev_lock);
	wake_up_all(&cdev_wq);
	return ret;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
	.llseek = noop_llseek,
};
