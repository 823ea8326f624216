// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lock-order checker, in the spirit of Linux's lockdep
 * (Documentation/locking/lockdep.rst, <linux/lockdep.h>).
 *
 * Classes: a lock's class is found by its key (the static lock_class_key
 * of its init call site, or the address of a statically allocated lock),
 * once, and cached in its lockdep_map. A run-time lock never initialised
 * (zeroed memory) has no key and is not checked. Subclass n of a class
 * is the class keyed n bytes further (lock_class_key.subkeys[n]); only
 * subclass 0 is cached in the map.
 *
 * Order: each acquisition (not a trylock, which cannot wait) adds an edge
 * "held class -> acquired class" for every lock the task holds, with the
 * stack of the acquisition. Before an edge A -> B is added, the graph is
 * searched for a path B -> ... -> A; finding one means some code took the
 * locks in the opposite order, and the report shows the stacks of both.
 * Locks taken in hard IRQ context are held on a per-CPU stack of their
 * own, not the interrupted task's.
 *
 * IRQ safety: a class taken in hard IRQ context and also with interrupts
 * enabled is reported once, with the first stack of each.
 *
 * Everything is in static tables under graph_lock (taken with the raw
 * ticket operations, so the checker never checks itself), which an
 * acquisition that would record nothing new does not take: it looks its
 * edges up in a hash of them, whose entries are only ever added. The per-CPU
 * recursion count keeps the locks printk takes while reporting out. When
 * a table is full the checker stops, saying so once.
 */
#define pr_fmt(fmt) "lockdep: " fmt

#include <kunit/lockdep.h>
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/lockdep.h>
#include <linux/panic.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/stacktrace.h>
#include <linux/string.h>

#define MAX_CLASSES	1024
#define MAX_EDGES	4096
#define HASH_SIZE	2048		/* power of two, > MAX_CLASSES */
#define EDGE_HASH_SIZE	8192		/* power of two, 2 * MAX_EDGES */
#define TRACE_LEN	8

#define USED_IN_HARDIRQ		0	/* usage bits, and index of their trace */
#define ENABLED_HARDIRQ		1
#define IRQ_REPORTED		(1U << 2)

struct lock_trace {
	unsigned int nr;
	unsigned long entries[TRACE_LEN];
};

struct lock_class {
	const void *key;
	const char *name;
	unsigned int subclass;		/* printed as "name/subclass" when not 0 */
	unsigned int usage;
	unsigned int first_edge;	/* out-edges: index + 1 into edges[], 0 none */
	struct lock_trace usage_trace[2];
};

struct lock_edge {
	unsigned short from, to;
	unsigned int next;		/* next out-edge of @from, as first_edge */
	struct lock_trace trace;	/* where @to was taken while @from was held */
};

static struct lock_class classes[MAX_CLASSES];	/* [0] unused: "no class" */
static unsigned int nr_classes = 1;
static unsigned short class_hash[HASH_SIZE];
static struct lock_edge edges[MAX_EDGES];
static u32 edge_hash[EDGE_HASH_SIZE];	/* from << 16 | to, 0 free */
static unsigned int nr_edges;
static spinlock_t graph_lock;
static bool lockdep_full;
static DEFINE_PER_CPU(int, lockdep_recursion);
static DEFINE_PER_CPU(struct lockdep_task, irq_held);
unsigned long lockdep_reports;
struct lockdep_report_names lockdep_last_report;
bool lockdep_expect_report;

/* Search state, under graph_lock: the edge that reached each class. */
static unsigned int reached_by[MAX_CLASSES];
static unsigned short queue[MAX_CLASSES];

extern char _stext[], _end[];

/*
 * The acquisition's site @ip (lock_acquire()'s return address), then its
 * callers: the walk's frames up to @ip are the checker's own, left out
 * (how many depends on inlining); if @ip is not found, the site alone.
 */
static void save_trace(struct lock_trace *t, unsigned long ip)
{
	unsigned long walk[TRACE_LEN + 4];
	unsigned int n = stack_trace_save(walk, ARRAY_SIZE(walk), 0), i = 0;

	while (i < n && walk[i] != ip)
		i++;
	if (i == n)
		n = i = 0;
	t->entries[0] = ip;
	t->nr = 1;
	while (++i < n && t->nr < TRACE_LEN)
		t->entries[t->nr++] = walk[i];
}

/* "name" or "name/subclass", as Linux prints them. */
static const char *const subclass_suffix[MAX_LOCKDEP_SUBCLASSES] = {
	"", "/1", "/2", "/3", "/4", "/5", "/6", "/7"
};
#define CLASS_FMT "%s%s"
#define CLASS_ARG(idx) classes[idx].name, subclass_suffix[classes[idx].subclass]

static void print_trace(const struct lock_trace *t)
{
	for (unsigned int i = 0; i < t->nr; i++)
		print_return_address(t->entries[i]);
}

static void lockdep_stop(const char *what)
{
	if (!lockdep_full)
		pr_warn("%s table full: checking stops\n", what);
	lockdep_full = true;
}

static bool is_static(const struct lockdep_map *map)
{
	return (const char *)map >= _stext && (const char *)map < _end;
}

/*
 * The class of @map as @subclass, created if new; 0 if it has none.
 * Subclass 0's is cached in @map. Under graph_lock.
 */
static unsigned int lookup_class(struct lockdep_map *map, unsigned int subclass)
{
	const char *key = (const char *)map->key;
	unsigned int h, idx;

	if (!key && is_static(map))
		key = (const char *)map;	/* a static lock is its own class */
	if (!key)
		return 0;
	key += subclass;
	for (h = ((unsigned long)key >> 3) & (HASH_SIZE - 1); class_hash[h];
	     h = (h + 1) & (HASH_SIZE - 1))
		if (classes[class_hash[h]].key == key)
			goto found;
	if (nr_classes == MAX_CLASSES) {
		lockdep_stop("class");
		return 0;
	}
	classes[nr_classes].key = key;
	classes[nr_classes].name = map->name ? map->name : "(unnamed)";
	classes[nr_classes].subclass = subclass;
	class_hash[h] = nr_classes++;
found:
	idx = class_hash[h];
	if (!subclass)
		map->class_idx = idx;
	return idx;
}

/*
 * The slot of @from -> @to in edge_hash[]: where it is, or the free one
 * where it would go. Safe without graph_lock: a slot, once set, keeps its
 * value, and the table is never more than half full.
 */
static u32 *edge_slot(unsigned int from, unsigned int to)
{
	u32 want = from << 16 | to, h = (want * 2654435761U) >> 19, v;

	while ((v = READ_ONCE(edge_hash[h])) && v != want)
		h = (h + 1) & (EDGE_HASH_SIZE - 1);
	return &edge_hash[h];
}

/* Whether @from -> @to is recorded; any context, without graph_lock. */
static bool has_edge(unsigned int from, unsigned int to)
{
	return READ_ONCE(*edge_slot(from, to)) != 0;
}

/*
 * Breadth-first from @from; true if @to is reachable, and then
 * reached_by[] leads back from @to to @from edge by edge.
 */
static bool path_exists(unsigned int from, unsigned int to)
{
	unsigned int head = 0, tail = 0;

	memset(reached_by, 0, nr_classes * sizeof(reached_by[0]));
	queue[tail++] = from;
	reached_by[from] = ~0U;
	while (head < tail) {
		unsigned int c = queue[head++];

		for (unsigned int e = classes[c].first_edge; e; e = edges[e - 1].next) {
			unsigned int n = edges[e - 1].to;

			if (reached_by[n])
				continue;
			reached_by[n] = e;
			if (n == to)
				return true;
			queue[tail++] = n;
		}
	}
	return false;
}

/* What a report prints, gathered under graph_lock, printed outside it. */
static struct {
	unsigned int held, acquired;		/* classes */
	unsigned int nr_path;
	unsigned int path[8];			/* edges acquired -> ... -> held */
	struct lock_trace *irq_traces;
} report;

/* "WARNING", or "EXPECTED (test)" for a report a test provokes on purpose. */
static const char *severity(void)
{
	return READ_ONCE(lockdep_expect_report) ? "EXPECTED (test)" : "WARNING";
}

static void print_inversion(void)
{
	struct task_struct *t = current;

	pr_warn("======================================================\n");
	pr_warn("%s: possible circular locking dependency detected\n", severity());
	pr_warn("%s/%d is trying to acquire lock " CLASS_FMT "\n", t ? t->comm : "?",
		t ? t->pid : 0, CLASS_ARG(report.acquired));
	pr_warn("while holding lock " CLASS_FMT ", but the opposite order was seen before:\n",
		CLASS_ARG(report.held));
	for (unsigned int i = 0; i < report.nr_path; i++) {
		const struct lock_edge *e = &edges[report.path[i] - 1];

		pr_warn("-> " CLASS_FMT " taken while holding " CLASS_FMT ", at:\n",
			CLASS_ARG(e->to), CLASS_ARG(e->from));
		print_trace(&e->trace);
	}
	pr_warn("and now " CLASS_FMT " taken while holding " CLASS_FMT ":\n",
		CLASS_ARG(report.acquired), CLASS_ARG(report.held));
	dump_stack();
}

static void print_irq_inconsistent(void)
{
	pr_warn("======================================================\n");
	pr_warn("%s: inconsistent lock state\n", severity());
	pr_warn("lock " CLASS_FMT " is taken in hard IRQ context and with interrupts enabled\n",
		CLASS_ARG(report.acquired));
	pr_warn("taken in hard IRQ context at:\n");
	print_trace(&report.irq_traces[USED_IN_HARDIRQ]);
	pr_warn("taken with interrupts enabled at:\n");
	print_trace(&report.irq_traces[ENABLED_HARDIRQ]);
	dump_stack();
}

/*
 * Record that @cls is acquired while @held is held; false if the opposite
 * order exists, with report filled in. The edge is added either way, so
 * an inversion is reported once.
 */
static bool add_edge(unsigned int held, unsigned int cls, unsigned long ip)
{
	bool ok = true;
	struct lock_edge *e;

	if (held == cls || has_edge(held, cls))
		return true;
	if (path_exists(cls, held)) {
		ok = false;
		report.held = held;
		report.acquired = cls;
		report.nr_path = 0;
		for (unsigned int c = held; c != cls && report.nr_path < ARRAY_SIZE(report.path);
		     c = edges[reached_by[c] - 1].from)
			report.path[report.nr_path++] = reached_by[c];
		/* Print the path in acquisition order: from @cls on. */
		for (unsigned int i = 0; i < report.nr_path / 2; i++) {
			unsigned int tmp = report.path[i];

			report.path[i] = report.path[report.nr_path - 1 - i];
			report.path[report.nr_path - 1 - i] = tmp;
		}
	}
	if (nr_edges == MAX_EDGES) {
		lockdep_stop("dependency");
		return ok;
	}
	e = &edges[nr_edges++];
	e->from = held;
	e->to = cls;
	e->next = classes[held].first_edge;
	save_trace(&e->trace, ip);
	classes[held].first_edge = nr_edges;
	WRITE_ONCE(*edge_slot(held, cls), held << 16 | cls);
	return ok;
}

/* Mark @cls's use now; true if that makes it both IRQ-safe and IRQ-unsafe. */
static bool mark_usage(unsigned int cls, bool irqs_were_on, unsigned long ip)
{
	struct lock_class *c = &classes[cls];
	unsigned int bit = in_irq() ? USED_IN_HARDIRQ : irqs_were_on ? ENABLED_HARDIRQ : 2;

	if (bit == 2 || (c->usage & (1U << bit)))
		return false;
	c->usage |= 1U << bit;
	save_trace(&c->usage_trace[bit], ip);
	if ((c->usage & 3) != 3 || (c->usage & IRQ_REPORTED))
		return false;
	c->usage |= IRQ_REPORTED;
	report.held = 0;
	report.acquired = cls;
	report.irq_traces = c->usage_trace;
	return true;
}

/*
 * True if acquiring @map now would record nothing new: it has no class,
 * or its class has this usage already and an edge from every lock held.
 * The common case, checked without graph_lock (entries are only added).
 */
static bool nothing_new(struct lockdep_map *map, struct lockdep_task *held, bool trylock,
			bool irqs_on)
{
	unsigned int cls = READ_ONCE(map->class_idx);
	unsigned int bit = in_irq() ? USED_IN_HARDIRQ : ENABLED_HARDIRQ;

	if (!cls)
		return !map->key && !is_static(map);
	if ((in_irq() || irqs_on) && !(READ_ONCE(classes[cls].usage) & (1U << bit)))
		return false;
	for (unsigned int i = 0; !trylock && i < held->depth; i++) {
		unsigned int from = held->held[i].class_idx;

		if (from && from != cls && !held->held[i].trylock && !has_edge(from, cls))
			return false;
	}
	return true;
}

static struct lockdep_task *held_locks(void)
{
	struct task_struct *t = current;

	return in_irq() || !t ? this_cpu_ptr(&irq_held) : &t->lockdep;
}

void lockdep_init_map(struct lockdep_map *map, const char *name,
		      const struct lock_class_key *key)
{
	map->key = key;
	map->name = name;
	map->class_idx = 0;
}

void lock_acquire(struct lockdep_map *map, unsigned int subclass, bool trylock)
{
	unsigned long ip = (unsigned long)__builtin_return_address(0);
	void (*print)(void) = NULL;
	bool irqs_on = !irqs_disabled();
	struct lockdep_task *held;
	unsigned long flags;
	unsigned int cls;

	if (READ_ONCE(lockdep_full))
		return;
	local_irq_save(flags);
	if (__this_cpu_read(lockdep_recursion)) {
		local_irq_restore(flags);
		return;
	}
	__this_cpu_write(lockdep_recursion, 1);
	held = held_locks();
	if (subclass >= MAX_LOCKDEP_SUBCLASSES)
		subclass = MAX_LOCKDEP_SUBCLASSES - 1;
	if (!subclass && nothing_new(map, held, trylock, irqs_on)) {
		cls = map->class_idx;
		goto push;
	}
	do_raw_spin_lock(&graph_lock);
	cls = map->class_idx && !subclass ? map->class_idx : lookup_class(map, subclass);
	if (cls) {
		if (mark_usage(cls, irqs_on, ip))
			print = print_irq_inconsistent;
		for (unsigned int i = 0; !trylock && !print && i < held->depth; i++)
			if (held->held[i].class_idx && !held->held[i].trylock &&
			    !add_edge(held->held[i].class_idx, cls, ip))
				print = print_inversion;
	}
	if (print) {
		lockdep_reports++;
		lockdep_last_report.held = report.held ? classes[report.held].name : NULL;
		lockdep_last_report.held_subclass = classes[report.held].subclass;
		lockdep_last_report.acquired = classes[report.acquired].name;
		lockdep_last_report.acquired_subclass = classes[report.acquired].subclass;
	}
	do_raw_spin_unlock(&graph_lock);
	if (print)
		print();
push:
	if (held->depth < MAX_LOCK_DEPTH)
		held->held[held->depth++] = (struct held_lock){ map, cls, trylock };
	else
		lockdep_stop("held lock");
	__this_cpu_write(lockdep_recursion, 0);
	local_irq_restore(flags);
}

void lock_release(struct lockdep_map *map)
{
	struct lockdep_task *held;
	unsigned long flags;

	local_irq_save(flags);
	held = held_locks();
	/*
	 * Usually the last one taken. A lock released by another task than
	 * the one that took it is not on this stack: nothing to do here.
	 */
	for (unsigned int i = held->depth; i-- > 0;) {
		if (held->held[i].map != map)
			continue;
		memmove(&held->held[i], &held->held[i + 1],
			(held->depth - i - 1) * sizeof(held->held[0]));
		held->depth--;
		break;
	}
	local_irq_restore(flags);
}

bool lock_is_held(const struct lockdep_map *map)
{
	struct lockdep_task *held;
	unsigned long flags;
	bool found = false;

	if (READ_ONCE(lockdep_full))
		return true;
	local_irq_save(flags);
	held = held_locks();
	for (unsigned int i = 0; i < held->depth && !found; i++)
		found = held->held[i].map == map;
	local_irq_restore(flags);
	return found;
}

void lockdep_report_not_held(const struct lockdep_map *map, const char *file, int line)
{
	struct task_struct *t = current;

	lockdep_reports++;
	lockdep_last_report.held = map->name ? map->name : "(unnamed)";
	lockdep_last_report.held_subclass = 0;
	lockdep_last_report.acquired = NULL;
	pr_warn("======================================================\n");
	pr_warn("%s: lock %s not held at %s:%d\n", severity(), lockdep_last_report.held, file,
		line);
	pr_warn("%s/%d holds %u locks there\n", t ? t->comm : "?", t ? t->pid : 0,
		held_locks()->depth);
	dump_stack();
}
