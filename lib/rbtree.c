// SPDX-License-Identifier: GPL-2.0-only
/*
 * Red-black trees (<linux/rbtree.h>, <linux/rbtree_augmented.h>). The
 * rules: every node is red or black, the root is black, a red node has no
 * red child, and every path from a node down to a missing child crosses
 * the same number of black nodes. Insertion and erasure restore them with
 * recolouring and at most three rotations, so every operation is O(log n).
 * Colours live in bit 0 of the parent pointer (nodes are word aligned).
 */
#include <linux/rbtree_augmented.h>

#define RB_RED		0
#define RB_BLACK	1

static inline bool rb_is_black(const struct rb_node *n)
{
	return !n || (n->__rb_parent_color & RB_BLACK);	/* missing children are black */
}

static inline bool rb_is_red(const struct rb_node *n)
{
	return !rb_is_black(n);
}

static inline void rb_set_parent(struct rb_node *n, struct rb_node *p)
{
	n->__rb_parent_color = (unsigned long)p | (n->__rb_parent_color & RB_BLACK);
}

static inline void rb_set_color(struct rb_node *n, int color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | color;
}

/* Make @new the child of @parent (or the root) where @old was. */
static void change_child(struct rb_node *old, struct rb_node *new, struct rb_node *parent,
			 struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

static void dummy_propagate(struct rb_node *node, struct rb_node *stop) {}
static void dummy_copy(struct rb_node *old, struct rb_node *new) {}
static void dummy_rotate(struct rb_node *old, struct rb_node *new) {}

static const struct rb_augment_callbacks dummy_callbacks = {
	.propagate = dummy_propagate, .copy = dummy_copy, .rotate = dummy_rotate,
};

/*
 * Rotate @x down to the left (@left) or right: its child on the other
 * side takes its place and its colour-independent links.
 */
static void rotate(struct rb_node *x, bool left, struct rb_root *root,
		   const struct rb_augment_callbacks *aug)
{
	struct rb_node *parent = rb_parent(x);
	struct rb_node *y = left ? x->rb_right : x->rb_left;
	struct rb_node *inner = left ? y->rb_left : y->rb_right;

	if (left) {
		x->rb_right = inner;
		y->rb_left = x;
	} else {
		x->rb_left = inner;
		y->rb_right = x;
	}
	if (inner)
		rb_set_parent(inner, x);
	rb_set_parent(y, parent);
	change_child(x, y, parent, root);
	rb_set_parent(x, y);
	aug->rotate(x, y);
}

static void insert_fixup(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *aug)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		bool left = parent == (gparent = rb_parent(parent))->rb_left;

		uncle = left ? gparent->rb_right : gparent->rb_left;
		if (rb_is_red(uncle)) {
			/* Push the red up: the black count below is unchanged. */
			rb_set_color(parent, RB_BLACK);
			rb_set_color(uncle, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (node == (left ? parent->rb_right : parent->rb_left)) {
			/* Inner grandchild: make it the outer one first. */
			rotate(parent, left, root, aug);
			node = parent;
			parent = rb_parent(node);
		}
		rb_set_color(parent, RB_BLACK);
		rb_set_color(gparent, RB_RED);
		rotate(gparent, !left, root, aug);
		break;
	}
	rb_set_color(root->rb_node, RB_BLACK);
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, &dummy_callbacks);
}

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	insert_fixup(node, root, augment);
}

/*
 * A black node was removed above @x (maybe NULL) under @parent: the paths
 * through @x lack one black. Borrow one from the sibling's side.
 */
static void erase_fixup(struct rb_node *x, struct rb_node *parent, struct rb_root *root,
			const struct rb_augment_callbacks *aug)
{
	while (x != root->rb_node && rb_is_black(x)) {
		bool left = x == parent->rb_left;
		struct rb_node *w = left ? parent->rb_right : parent->rb_left;

		if (rb_is_red(w)) {
			rb_set_color(w, RB_BLACK);
			rb_set_color(parent, RB_RED);
			rotate(parent, left, root, aug);
			w = left ? parent->rb_right : parent->rb_left;
		}
		if (rb_is_black(w->rb_left) && rb_is_black(w->rb_right)) {
			rb_set_color(w, RB_RED);
			x = parent;
			parent = rb_parent(x);
			continue;
		}
		if (rb_is_black(left ? w->rb_right : w->rb_left)) {
			/* The sibling's red child is the inner one: make it outer. */
			rb_set_color(left ? w->rb_left : w->rb_right, RB_BLACK);
			rb_set_color(w, RB_RED);
			rotate(w, !left, root, aug);
			w = left ? parent->rb_right : parent->rb_left;
		}
		rb_set_color(w, parent->__rb_parent_color & RB_BLACK);
		rb_set_color(parent, RB_BLACK);
		rb_set_color(left ? w->rb_right : w->rb_left, RB_BLACK);
		rotate(parent, left, root, aug);
		x = root->rb_node;
		break;
	}
	if (x)
		rb_set_color(x, RB_BLACK);
}

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *aug)
{
	struct rb_node *parent = rb_parent(node), *x, *xparent, *succ;
	bool black = rb_is_black(node);

	if (!node->rb_left || !node->rb_right) {
		/* At most one child: it takes the node's place. */
		x = node->rb_left ? node->rb_left : node->rb_right;
		xparent = parent;
		if (x)
			rb_set_parent(x, parent);
		change_child(node, x, parent, root);
		if (xparent)
			aug->propagate(xparent, NULL);
	} else {
		/* Two children: the next node in order takes its place. */
		succ = node->rb_right;
		while (succ->rb_left)
			succ = succ->rb_left;
		x = succ->rb_right;
		black = rb_is_black(succ);
		if (succ == node->rb_right) {
			xparent = succ;
		} else {
			xparent = rb_parent(succ);
			xparent->rb_left = x;
			if (x)
				rb_set_parent(x, xparent);
			succ->rb_right = node->rb_right;
			rb_set_parent(node->rb_right, succ);
		}
		succ->rb_left = node->rb_left;
		rb_set_parent(node->rb_left, succ);
		succ->__rb_parent_color = node->__rb_parent_color;
		change_child(node, succ, parent, root);
		aug->copy(node, succ);
		aug->propagate(xparent, succ);
		aug->propagate(succ, NULL);
	}
	if (black)
		erase_fixup(x, xparent, root, aug);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_augmented(node, root, &dummy_callbacks);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_right)
		n = n->rb_right;
	return n;
}

/* The in-order neighbour of @node on the right (@right) or the left. */
static struct rb_node *rb_step(const struct rb_node *node, bool right)
{
	struct rb_node *n = right ? node->rb_right : node->rb_left, *parent;

	if (n) {
		/* Down one step, then all the way to the other side. */
		while (right ? n->rb_left : n->rb_right)
			n = right ? n->rb_left : n->rb_right;
		return n;
	}
	/* Up until we come from the other side. */
	while ((parent = rb_parent(node)) &&
	       node == (right ? parent->rb_right : parent->rb_left))
		node = parent;
	return parent;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return rb_step(node, true);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return rb_step(node, false);
}
