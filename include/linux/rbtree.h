/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Red-black trees, with Linux's <linux/rbtree.h> interface: the tree is
 * intrusive (a struct rb_node inside the caller's object) and the caller
 * does its own search, so comparisons are inlined and cost no callback:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *	while (*link) {
 *		parent = *link;
 *		link = key < rb_entry(parent, T, node)->key ?
 *			&parent->rb_left : &parent->rb_right;
 *	}
 *	rb_link_node(&obj->node, parent, link);
 *	rb_insert_color(&obj->node, root);
 *
 * Lookup, insertion and erasure are O(log n): the longest path is at most
 * twice the shortest. No locking: the caller serialises changes.
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/kernel.h>

struct rb_node {
	unsigned long __rb_parent_color;	/* the parent; bit 0 is the colour */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT (struct rb_root) { NULL, }
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) \
	({ typeof(ptr) ____ptr = (ptr); ____ptr ? rb_entry(____ptr, type, member) : NULL; })

#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3UL))
#define RB_EMPTY_ROOT(root) ((root)->rb_node == NULL)
/* A node that is in no tree points at itself (after RB_CLEAR_NODE). */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))

/*
 * rb_link_node() - put @node, a new leaf, at *@rb_link below @parent (NULL
 * for an empty tree), as found by the caller's search. rb_insert_color()
 * must follow to rebalance.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* red */
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}

/* rb_insert_color() - rebalance @root after rb_link_node(). O(log n), never sleeps. */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/* rb_erase() - take @node out of @root. O(log n), never sleeps. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order neighbours and ends: NULL past either end. O(log n), O(1) amortised. */
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);

#endif /* _LINUX_RBTREE_H */
