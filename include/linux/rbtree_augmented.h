/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Augmented red-black trees: every node also caches a value computed from
 * its subtree (a maximum, say), so a search can skip whole subtrees that
 * cannot hold what it looks for. The tree code keeps the cache right
 * through rotations and erasure through three callbacks; the user keeps it
 * right for changes it makes itself (a new leaf, a key that changed) by
 * calling ->propagate() from the changed node up.
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/rbtree.h>

/*
 * propagate: recompute the cached value from @node up to (not including)
 *	@stop (NULL: the root), and may stop early where nothing changed.
 * copy: @new takes @old's place in the tree: give it @old's value.
 * rotate: @new became the parent of @old: @new takes @old's value (the
 *	subtree is the same set), @old is recomputed from its new children.
 */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

/*
 * rb_insert_augmented() - rb_insert_color() for an augmented tree. The
 * caller has set @node's value and propagated it to the root.
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);

/* rb_erase_augmented() - rb_erase() that keeps every cached value right. */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/*
 * RB_DECLARE_CALLBACKS_MAX() - the three callbacks (as @name) for a cache
 * that is the maximum over a subtree of @compute(node), where @compute
 * returns the node's own value of type @type, and @field is the cached
 * value in @struct (whose rb_node is @rbfield).
 */
#define RB_DECLARE_CALLBACKS_MAX(rbstatic, name, struct_t, rbfield, type, field, compute) \
static inline bool name##_update(struct_t *node)				\
{										\
	type max = compute(node);						\
	struct rb_node *c;							\
										\
	c = node->rbfield.rb_left;						\
	if (c && rb_entry(c, struct_t, rbfield)->field > max)			\
		max = rb_entry(c, struct_t, rbfield)->field;			\
	c = node->rbfield.rb_right;						\
	if (c && rb_entry(c, struct_t, rbfield)->field > max)			\
		max = rb_entry(c, struct_t, rbfield)->field;			\
	if (node->field == max)							\
		return false;							\
	node->field = max;							\
	return true;								\
}										\
static void name##_propagate(struct rb_node *rb, struct rb_node *stop)		\
{										\
	for (; rb != stop; rb = rb_parent(rb))					\
		if (!name##_update(rb_entry(rb, struct_t, rbfield)))		\
			break;							\
}										\
static void name##_copy(struct rb_node *old, struct rb_node *new)		\
{										\
	rb_entry(new, struct_t, rbfield)->field =				\
		rb_entry(old, struct_t, rbfield)->field;			\
}										\
static void name##_rotate(struct rb_node *old, struct rb_node *new)		\
{										\
	name##_copy(old, new);							\
	name##_update(rb_entry(old, struct_t, rbfield));			\
}										\
rbstatic const struct rb_augment_callbacks name = {				\
	.propagate = name##_propagate,						\
	.copy = name##_copy,							\
	.rotate = name##_rotate,						\
}

#endif /* _LINUX_RBTREE_AUGMENTED_H */
