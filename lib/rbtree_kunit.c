// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for red-black trees (suite "rbtree"): random insertions and
 * erasures, with every rule of the tree and every cached subtree maximum
 * checked after each step.
 */
#include <kunit/test.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>

#define NR_NODES 400
#define NR_STEPS 3000

struct item {
	struct rb_node rb;
	u32 key;
	u32 val;		/* the node's own value */
	u32 subtree_max;	/* the maximum val in its subtree */
	bool in_tree;
};

#define item_val(it) ((it)->val)
RB_DECLARE_CALLBACKS_MAX(static, item_aug, struct item, rb, u32, subtree_max, item_val);

/* A fixed pseudo-random sequence (xorshift32), so a failure repeats. */
static u32 next_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

static void item_insert(struct rb_root *root, struct item *it, bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = it->key < rb_entry(parent, struct item, rb)->key ?
			&parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->rb, parent, link);
	it->in_tree = true;
	if (!augmented) {
		rb_insert_color(&it->rb, root);
		return;
	}
	it->subtree_max = it->val;
	item_aug.propagate(parent, NULL);
	rb_insert_augmented(&it->rb, root, &item_aug);
}

struct check {
	struct kunit *test;
	bool augmented;
	int count;
	bool ok;
};

/* Black height of @n's subtree, checking the rules on the way (-1 if broken). */
static int check_subtree(struct check *c, struct rb_node *n, struct rb_node *parent,
			 u32 *max)
{
	struct item *it;
	u32 lmax = 0, rmax = 0;
	int lh, rh;
	bool black;

	if (!n)
		return 1;
	it = rb_entry(n, struct item, rb);
	black = n->__rb_parent_color & 1;
	c->count++;
	if (rb_parent(n) != parent ||
	    (n->rb_left && rb_entry(n->rb_left, struct item, rb)->key > it->key) ||
	    (n->rb_right && rb_entry(n->rb_right, struct item, rb)->key < it->key) ||
	    (!black && ((n->rb_left && !(n->rb_left->__rb_parent_color & 1)) ||
			(n->rb_right && !(n->rb_right->__rb_parent_color & 1)))))
		c->ok = false;
	lh = check_subtree(c, n->rb_left, n, &lmax);
	rh = check_subtree(c, n->rb_right, n, &rmax);
	*max = max(it->val, max(lmax, rmax));
	if (c->augmented && it->subtree_max != *max)
		c->ok = false;
	if (lh < 0 || lh != rh)
		return -1;
	return lh + black;
}

static void check_tree(struct check *c, struct rb_root *root, int expected)
{
	struct rb_node *n, *prev = NULL;
	u32 max;
	int walked = 0;

	c->count = 0;
	c->ok = true;
	if (root->rb_node && !(root->rb_node->__rb_parent_color & 1))
		c->ok = false;		/* the root is black */
	if (check_subtree(c, root->rb_node, NULL, &max) < 0)
		c->ok = false;
	for (n = rb_first(root); n; prev = n, n = rb_next(n)) {
		if (rb_prev(n) != prev)
			c->ok = false;
		walked++;
	}
	if (prev != rb_last(root))
		c->ok = false;
	KUNIT_EXPECT_EQ(c->test, c->count, expected);
	KUNIT_EXPECT_EQ(c->test, walked, expected);
	KUNIT_EXPECT_TRUE(c->test, c->ok);
}

static void rbtree_random(struct kunit *test, bool augmented)
{
	struct item *items = kcalloc(NR_NODES, sizeof(*items), GFP_KERNEL);
	struct check c = { .test = test, .augmented = augmented };
	struct rb_root root = RB_ROOT;
	u32 seed = 0x9e3779b9;
	int in = 0;

	KUNIT_ASSERT_NOT_NULL(test, items);
	for (int i = 0; i < NR_NODES; i++) {
		items[i].key = next_rand(&seed) % 1000;	/* duplicates too */
		items[i].val = next_rand(&seed);
	}
	for (int step = 0; step < NR_STEPS && test->status == KUNIT_SUCCESS; step++) {
		struct item *it = &items[next_rand(&seed) % NR_NODES];

		if (it->in_tree) {
			if (augmented)
				rb_erase_augmented(&it->rb, &root, &item_aug);
			else
				rb_erase(&it->rb, &root);
			it->in_tree = false;
			in--;
		} else {
			item_insert(&root, it, augmented);
			in++;
		}
		check_tree(&c, &root, in);
	}
	/* Empty it in key order, as a teardown would. */
	while (!RB_EMPTY_ROOT(&root)) {
		rb_erase(rb_first(&root), &root);
		in--;
	}
	KUNIT_EXPECT_EQ(test, in, 0);
	kfree(items);
}

static void rbtree_insert_erase(struct kunit *test)
{
	rbtree_random(test, false);
}

static void rbtree_augmented_max(struct kunit *test)
{
	rbtree_random(test, true);
}

/* In-order walks see sorted keys; an empty tree has no ends. */
static void rbtree_order(struct kunit *test)
{
	struct item items[64];
	struct rb_root root = RB_ROOT;
	struct rb_node *n;
	u32 last = 0;

	KUNIT_EXPECT_NULL(test, rb_first(&root));
	KUNIT_EXPECT_NULL(test, rb_last(&root));
	for (int i = 0; i < 64; i++) {
		items[i].key = (i * 37) % 64;	/* a permutation of 0..63 */
		item_insert(&root, &items[i], false);
	}
	for (n = rb_first(&root); n; n = rb_next(n)) {
		KUNIT_EXPECT_EQ(test, rb_entry(n, struct item, rb)->key, last);
		last++;
	}
	KUNIT_EXPECT_EQ(test, last, 64U);
	KUNIT_EXPECT_EQ(test, rb_entry(rb_last(&root), struct item, rb)->key, 63U);
}

static struct kunit_case rbtree_cases[] = {
	KUNIT_CASE(rbtree_order),
	KUNIT_CASE(rbtree_insert_erase),
	KUNIT_CASE(rbtree_augmented_max),
	{}
};

static struct kunit_suite rbtree_suite = {
	.name = "rbtree",
	.test_cases = rbtree_cases,
};
kunit_test_suites(&rbtree_suite);
