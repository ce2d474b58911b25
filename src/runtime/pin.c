/* -X pin: bind interpreter threads to CPUs (see include/tandem/pin.h and
 * docs/pinning.md).
 *
 * Global state: `order`/`norder` are written once by tn_pin_init on the
 * main thread before any other interpreter thread exists and only read
 * afterwards (thread creation orders the write before the readers);
 * `next_slot` is atomic. The hwloc topology is loaded, used and destroyed
 * inside tn_pin_order: binding itself needs only the OS CPU number. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hwloc.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/pin.h"

static int *order;
static int norder;
static atomic_ulong next_slot;
static atomic_int warned;
static _Thread_local int bound_cpu = -1;

/* ---- CPU list syntax ---------------------------------------------------- */

/* Decimal digits at *p; advances *p. -1 if there are none. */
static int read_num(const char **p, long *out)
{
    const char *s = *p;
    long v = 0;
    if (*s < '0' || *s > '9')
        return -1;
    while (*s >= '0' && *s <= '9') {
        if (v < TN_PIN_MAX_CPU)   /* saturate: the range check reports it */
            v = v * 10 + (*s - '0');
        s++;
    }
    *p = s;
    *out = v;
    return 0;
}

int tn_pin_parse_list(const char *spec, int *cpus, int cap, char *err, size_t errlen)
{
    unsigned char *seen = NULL;
    int count = 0, itemlen = 0;
    const char *p = spec, *item = spec;
    err[0] = '\0';
    if (!*spec) {
        snprintf(err, errlen, "empty CPU list");
        return -1;
    }
    seen = calloc(TN_PIN_MAX_CPU / 8, 1);
    if (!seen) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (;;) {
        item = p;
        itemlen = (int)strcspn(item, ",");
        long lo, hi;
        if (itemlen == 0) {
            snprintf(err, errlen, "empty item in CPU list '%s'", spec);
            goto error;
        }
        if (read_num(&p, &lo) < 0)
            goto malformed;
        hi = lo;
        if (*p == '-') {
            p++;
            if (read_num(&p, &hi) < 0)
                goto malformed;
        }
        if (*p != ',' && *p != '\0')
            goto malformed;
        if (hi < lo) {
            snprintf(err, errlen, "reversed range '%.*s' (write the lower CPU first)", itemlen, item);
            goto error;
        }
        if (hi >= TN_PIN_MAX_CPU) {
            snprintf(err, errlen, "CPU number out of range in '%.*s' (CPU numbers go up to %d)",
                     itemlen, item, TN_PIN_MAX_CPU - 1);
            goto error;
        }
        for (long c = lo; c <= hi; c++) {
            if (seen[c / 8] & (1u << (c % 8))) {
                snprintf(err, errlen, "CPU %ld is listed twice", c);
                goto error;
            }
            seen[c / 8] |= (unsigned char)(1u << (c % 8));
            if (count < cap)
                cpus[count] = (int)c;
            count++;
        }
        if (!*p)
            break;
        p++;
    }
    free(seen);
    return count;
malformed:
    snprintf(err, errlen, "malformed item '%.*s' in CPU list (expected N or N-M, e.g. 0,2,4-7)",
             itemlen, item);
error:
    free(seen);
    return -1;
}

/* ---- topology order ----------------------------------------------------- */

/* One allowed PU and the keys the policies sort on. */
typedef struct {
    int os;             /* OS CPU number */
    int core;           /* core key: topology (logical) order, nearest first */
    int smt;            /* rank of this PU among the allowed PUs of its core */
    int pkg;            /* package logical index (0 if unknown) */
    int numa;           /* NUMA node logical index (0 if unknown) */
    int numa_in_pkg;    /* rank of its NUMA node among those of its package */
    int core_in_dom;    /* rank of its core among the cores of its (pkg, numa) */
} Pu;

static int cmp_compact(const void *a, const void *b)
{
    const Pu *x = a, *y = b;
    if (x->smt != y->smt)
        return x->smt < y->smt ? -1 : 1;
    return (x->core > y->core) - (x->core < y->core);
}

/* Round-robin over packages first, then over the NUMA nodes inside them,
 * then the next core of each: consecutive threads land as far apart as the
 * machine allows. */
static int cmp_scatter(const void *a, const void *b)
{
    const Pu *x = a, *y = b;
    if (x->smt != y->smt)
        return x->smt < y->smt ? -1 : 1;
    if (x->core_in_dom != y->core_in_dom)
        return x->core_in_dom < y->core_in_dom ? -1 : 1;
    if (x->numa_in_pkg != y->numa_in_pkg)
        return x->numa_in_pkg < y->numa_in_pkg ? -1 : 1;
    if (x->pkg != y->pkg)
        return x->pkg < y->pkg ? -1 : 1;
    return (x->core > y->core) - (x->core < y->core);
}

static int numa_of(hwloc_topology_t topo, unsigned os)
{
    int nn = hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_NUMANODE);
    for (int i = 0; i < nn; i++) {
        hwloc_obj_t node = hwloc_get_obj_by_type(topo, HWLOC_OBJ_NUMANODE, (unsigned)i);
        if (node && node->cpuset && hwloc_bitmap_isset(node->cpuset, os))
            return (int)node->logical_index;
    }
    return 0;
}

/* The allowed PUs with their keys, in topology order. */
static Pu *collect_pus(hwloc_topology_t topo, hwloc_const_bitmap_t allowed, int *n)
{
    int npu = hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_PU);
    Pu *pus = calloc(npu > 0 ? (size_t)npu : 1, sizeof *pus);
    int k = 0;
    if (!pus)
        return NULL;
    for (int i = 0; i < npu; i++) {
        hwloc_obj_t pu = hwloc_get_obj_by_type(topo, HWLOC_OBJ_PU, (unsigned)i);
        if (!pu || !hwloc_bitmap_isset(allowed, pu->os_index))
            continue;
        hwloc_obj_t core = hwloc_get_ancestor_obj_by_type(topo, HWLOC_OBJ_CORE, pu);
        hwloc_obj_t pkg = hwloc_get_ancestor_obj_by_type(topo, HWLOC_OBJ_PACKAGE, pu);
        Pu *r = &pus[k];
        r->os = (int)pu->os_index;
        /* Without core objects every PU counts as its own core. */
        r->core = core ? (int)core->logical_index : npu + (int)pu->logical_index;
        r->pkg = pkg ? (int)pkg->logical_index : 0;
        r->numa = numa_of(topo, pu->os_index);
        for (int j = 0; j < k; j++)
            if (pus[j].core == r->core)
                r->smt++;
        k++;
    }
    /* Ranks inside the package and the (package, NUMA node) domain. A
     * NUMA node or core is counted once, at its first PU. O(n^2) in the
     * allowed PUs, once per process. */
    for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
            if (pus[j].pkg != pus[i].pkg)
                continue;
            int first_numa = 1, first_core = 1;
            for (int m = 0; m < j; m++) {
                if (pus[m].pkg == pus[j].pkg && pus[m].numa == pus[j].numa)
                    first_numa = 0;
                if (pus[m].core == pus[j].core)
                    first_core = 0;
            }
            if (first_numa && pus[j].numa < pus[i].numa)
                pus[i].numa_in_pkg++;
            if (first_core && pus[j].numa == pus[i].numa && pus[j].core < pus[i].core)
                pus[i].core_in_dom++;
        }
    }
    *n = k;
    return pus;
}

/* The CPUs this process may run on: hwloc's allowed set (cgroups) narrowed
 * to the affinity the process started with (taskset), so pinning never
 * widens what the user confined us to. */
static hwloc_bitmap_t allowed_cpus(hwloc_topology_t topo)
{
    hwloc_bitmap_t set = hwloc_bitmap_dup(hwloc_topology_get_allowed_cpuset(topo));
    hwloc_bitmap_t cur = hwloc_bitmap_alloc();
    if (set && cur && hwloc_get_cpubind(topo, cur, HWLOC_CPUBIND_THREAD) == 0)
        hwloc_bitmap_and(set, set, cur);
    hwloc_bitmap_free(cur);
    return set;
}

int *tn_pin_order(const char *policy, int *n, char *err, size_t errlen)
{
    hwloc_topology_t topo = NULL;
    hwloc_bitmap_t allowed = NULL;
    Pu *pus = NULL;
    int *cpus = NULL;
    int npu = 0, count = 0;
    int is_compact = strcmp(policy, "compact") == 0;
    int is_scatter = strcmp(policy, "scatter") == 0;
    *n = 0;
    err[0] = '\0';
    if (strcmp(policy, "none") == 0)
        return NULL;
    if (!is_compact && !is_scatter) {
        if ((*policy >= 'a' && *policy <= 'z') || (*policy >= 'A' && *policy <= 'Z')) {
            snprintf(err, errlen, "unknown policy '%s' (expected compact, scatter, none or a "
                     "CPU list like 0,2,4-7)", policy);
            return NULL;
        }
        count = tn_pin_parse_list(policy, NULL, 0, err, errlen);
        if (count < 0)
            return NULL;
    }
    if (hwloc_topology_init(&topo) < 0) {
        snprintf(err, errlen, "hwloc cannot initialise the topology");
        return NULL;
    }
    if (hwloc_topology_load(topo) < 0) {
        snprintf(err, errlen, "hwloc cannot read the machine topology: %s", strerror(errno));
        goto error;
    }
    allowed = allowed_cpus(topo);
    if (!allowed || hwloc_bitmap_iszero(allowed)) {
        snprintf(err, errlen, "no CPU is available to this process");
        goto error;
    }
    if (!is_compact && !is_scatter) {
        cpus = malloc((size_t)count * sizeof *cpus);
        if (!cpus) {
            snprintf(err, errlen, "out of memory");
            goto error;
        }
        tn_pin_parse_list(policy, cpus, count, err, errlen);
        for (int i = 0; i < count; i++) {
            if (!hwloc_bitmap_isset(allowed, (unsigned)cpus[i])) {
                char *avail = NULL;
                hwloc_bitmap_list_asprintf(&avail, allowed);
                snprintf(err, errlen, "CPU %d is not available to this process (available CPUs: %s)",
                         cpus[i], avail ? avail : "?");
                free(avail);
                goto error;
            }
        }
    } else {
        pus = collect_pus(topo, allowed, &npu);
        if (!pus || npu == 0) {
            snprintf(err, errlen, pus ? "hwloc found no usable CPU" : "out of memory");
            goto error;
        }
        qsort(pus, (size_t)npu, sizeof *pus, is_compact ? cmp_compact : cmp_scatter);
        cpus = malloc((size_t)npu * sizeof *cpus);
        if (!cpus) {
            snprintf(err, errlen, "out of memory");
            goto error;
        }
        for (int i = 0; i < npu; i++)
            cpus[i] = pus[i].os;
        count = npu;
    }
    free(pus);
    hwloc_bitmap_free(allowed);
    hwloc_topology_destroy(topo);
    *n = count;
    return cpus;
error:
    free(cpus);
    free(pus);
    hwloc_bitmap_free(allowed);
    hwloc_topology_destroy(topo);
    return NULL;
}

/* ---- binding ------------------------------------------------------------ */

/* Bind the calling thread to one CPU. 0 or an errno value. */
static int bind_self(int cpu)
{
    cpu_set_t *set = CPU_ALLOC(cpu + 1);
    size_t size = CPU_ALLOC_SIZE(cpu + 1);
    int rc;
    if (!set)
        return ENOMEM;
    CPU_ZERO_S(size, set);
    CPU_SET_S(cpu, size, set);
    rc = pthread_setaffinity_np(pthread_self(), size, set);
    CPU_FREE(set);
    if (rc == 0)
        bound_cpu = cpu;
    return rc;
}

int tn_pin_init(void)
{
    const char *policy = tn_runtime.pin_policy;
    char err[512];
    int n, rc;
    if (!policy)
        return 0;
    int *cpus = tn_pin_order(policy, &n, err, sizeof err);
    if (!cpus) {
        if (!err[0])
            return 0;   /* "none" */
        fprintf(stderr, "tandem: -X pin=%s: %s\n", policy, err);
        return -1;
    }
    rc = bind_self(cpus[0]);
    if (rc != 0) {
        fprintf(stderr, "tandem: -X pin=%s: cannot bind the main thread to CPU %d: %s\n",
                policy, cpus[0], strerror(rc));
        free(cpus);
        return -1;
    }
    order = cpus;
    norder = n;
    atomic_store(&next_slot, 1);
    return 0;
}

void tn_pin_thread_start(void)
{
    if (!order)
        return;
    unsigned long slot = atomic_fetch_add(&next_slot, 1);
    int cpu = order[slot % (unsigned long)norder];
    int rc = bind_self(cpu);
    if (rc != 0 && atomic_exchange(&warned, 1) == 0)
        fprintf(stderr, "tandem: warning: -X pin: cannot bind a thread to CPU %d: %s "
                "(the thread runs unpinned)\n", cpu, strerror(rc));
}

int tn_pin_current_cpu(void)
{
    return bound_cpu;
}
