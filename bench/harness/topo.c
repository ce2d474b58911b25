/* The machine as hwloc sees it, and the CPU order of each pin policy.
 *
 * The harness computes the CPU list itself and hands it to the tree's
 * interpreters as `-X pin=LIST` (and to other interpreters as a process
 * affinity mask), so every build of one measurement runs on exactly the
 * same CPUs and results.json can record them. The orders follow
 * docs/pinning.md: compact = one PU per core, nearest cores first, SMT
 * siblings last; scatter = round-robin over packages, then NUMA nodes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <hwloc.h>
#include "harness.h"

typedef struct {
    int os, core, smt, pkg, numa;
    int numa_rank;      /* rank of its NUMA node among its package's */
    int core_rank;      /* rank of its core inside its (package, NUMA node) */
} Pu;

static int by_compact(const void *a, const void *b)
{
    const Pu *x = a, *y = b;
    if (x->smt != y->smt)
        return x->smt - y->smt;
    return x->core - y->core;
}

static int by_scatter(const void *a, const void *b)
{
    const Pu *x = a, *y = b;
    if (x->smt != y->smt)
        return x->smt - y->smt;
    if (x->core_rank != y->core_rank)
        return x->core_rank - y->core_rank;
    if (x->numa_rank != y->numa_rank)
        return x->numa_rank - y->numa_rank;
    if (x->pkg != y->pkg)
        return x->pkg - y->pkg;
    return x->core - y->core;
}

static int numa_index(hwloc_topology_t t, unsigned os)
{
    int n = hwloc_get_nbobjs_by_type(t, HWLOC_OBJ_NUMANODE);
    for (int i = 0; i < n; i++) {
        hwloc_obj_t o = hwloc_get_obj_by_type(t, HWLOC_OBJ_NUMANODE, (unsigned)i);
        if (o && o->cpuset && hwloc_bitmap_isset(o->cpuset, os))
            return i;
    }
    return 0;
}

/* Counts of distinct values among the PUs before index i that share the
 * given predicate: small O(n^2) loops, run once per harness invocation. */
static void rank_pus(Pu *p, int n)
{
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++)
            if (p[j].core == p[i].core)
                p[i].smt++;
    }
    for (int i = 0; i < n; i++) {
        int seen_numa[1024], nseen = 0, seen_core[4096], ncore = 0;
        for (int j = 0; j < n; j++) {
            if (p[j].pkg != p[i].pkg)
                continue;
            int dup = 0;
            for (int k = 0; k < nseen; k++)
                dup |= seen_numa[k] == p[j].numa;
            if (!dup && nseen < 1024) {
                seen_numa[nseen++] = p[j].numa;
                if (p[j].numa < p[i].numa)
                    p[i].numa_rank++;
            }
            if (p[j].numa != p[i].numa)
                continue;
            dup = 0;
            for (int k = 0; k < ncore; k++)
                dup |= seen_core[k] == p[j].core;
            if (!dup && ncore < 4096) {
                seen_core[ncore++] = p[j].core;
                if (p[j].core < p[i].core)
                    p[i].core_rank++;
            }
        }
    }
}

static void read_cpu_model(char *buf, size_t len, hwloc_topology_t t)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[512];
    buf[0] = '\0';
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0 || strncmp(line, "Processor", 9) == 0 ||
            strncmp(line, "cpu model", 9) == 0) {
            char *v = strchr(line, ':');
            if (!v)
                continue;
            v++;
            while (isspace((unsigned char)*v))
                v++;
            v[strcspn(v, "\n")] = '\0';
            snprintf(buf, len, "%s", v);
            break;
        }
    }
    if (f)
        fclose(f);
    if (!buf[0]) {
        hwloc_obj_t pkg = hwloc_get_obj_by_type(t, HWLOC_OBJ_PACKAGE, 0);
        const char *m = pkg ? hwloc_obj_get_info_by_name(pkg, "CPUModel") : NULL;
        snprintf(buf, len, "%s", m ? m : "unknown");
    }
}

static void collect_caches(TbMachine *m, hwloc_topology_t t)
{
    int depth = hwloc_topology_get_depth(t);
    for (int d = 0; d < depth; d++) {
        int n = hwloc_get_nbobjs_by_depth(t, (unsigned)d);
        for (int i = 0; i < n; i++) {
            hwloc_obj_t o = hwloc_get_obj_by_depth(t, (unsigned)d, (unsigned)i);
            if (!o || !hwloc_obj_type_is_cache(o->type) || !o->attr)
                continue;
            int level = (int)o->attr->cache.depth;
            const char *type = o->attr->cache.type == HWLOC_OBJ_CACHE_DATA ? "data"
                             : o->attr->cache.type == HWLOC_OBJ_CACHE_INSTRUCTION ? "instruction"
                             : "unified";
            unsigned long long size = (unsigned long long)o->attr->cache.size;
            int k;
            for (k = 0; k < m->ncaches; k++)
                if (m->caches[k].level == level && m->caches[k].type == type &&
                    m->caches[k].size == size)
                    break;
            if (k == m->ncaches) {
                if (m->ncaches == 16)
                    continue;
                m->caches[k] = (TbCache){level, type, size, 0};
                m->ncaches++;
            }
            m->caches[k].count++;
        }
    }
}

int tb_topo_load(TbMachine *m, char *err, size_t errlen)
{
    hwloc_topology_t t;
    memset(m, 0, sizeof *m);
    if (hwloc_topology_init(&t) < 0) {
        snprintf(err, errlen, "hwloc cannot initialise a topology");
        return -1;
    }
    /* hwloc drops instruction caches by default; the summary lists them. */
    hwloc_topology_set_icache_types_filter(t, HWLOC_TYPE_FILTER_KEEP_ALL);
    if (hwloc_topology_load(t) < 0) {
        hwloc_topology_destroy(t);
        snprintf(err, errlen, "hwloc cannot read the machine topology");
        return -1;
    }
    m->packages = hwloc_get_nbobjs_by_type(t, HWLOC_OBJ_PACKAGE);
    m->numa_nodes = hwloc_get_nbobjs_by_type(t, HWLOC_OBJ_NUMANODE);
    m->cores = hwloc_get_nbobjs_by_type(t, HWLOC_OBJ_CORE);
    m->pus = hwloc_get_nbobjs_by_type(t, HWLOC_OBJ_PU);
    if (m->cores <= 0)
        m->cores = m->pus;
    collect_caches(m, t);
    read_cpu_model(m->cpu_model, sizeof m->cpu_model, t);
    FILE *la = fopen("/proc/loadavg", "r");
    if (la) {
        if (fscanf(la, "%lf", &m->loadavg) != 1)
            m->loadavg = 0;
        fclose(la);
    }
    struct utsname u;
    if (uname(&u) == 0) {
        snprintf(m->kernel, sizeof m->kernel, "%s %s %s %s", u.sysname, u.release, u.version, u.machine);
        snprintf(m->hostname, sizeof m->hostname, "%s", u.nodename);
    }

    /* Allowed = hwloc's allowed set (cgroups) narrowed to our affinity
     * (taskset): the harness never widens what the user confined it to. */
    hwloc_bitmap_t allowed = hwloc_bitmap_dup(hwloc_topology_get_allowed_cpuset(t));
    hwloc_bitmap_t cur = hwloc_bitmap_alloc();
    if (hwloc_get_cpubind(t, cur, HWLOC_CPUBIND_PROCESS) == 0)
        hwloc_bitmap_and(allowed, allowed, cur);
    hwloc_bitmap_free(cur);
    hwloc_bitmap_list_snprintf(m->allowed, sizeof m->allowed, allowed);

    int npu = m->pus, k = 0;
    Pu *p = tb_xmalloc((size_t)(npu > 0 ? npu : 1) * sizeof *p);
    for (int i = 0; i < npu; i++) {
        hwloc_obj_t pu = hwloc_get_obj_by_type(t, HWLOC_OBJ_PU, (unsigned)i);
        if (!pu || !hwloc_bitmap_isset(allowed, pu->os_index))
            continue;
        hwloc_obj_t core = hwloc_get_ancestor_obj_by_type(t, HWLOC_OBJ_CORE, pu);
        hwloc_obj_t pkg = hwloc_get_ancestor_obj_by_type(t, HWLOC_OBJ_PACKAGE, pu);
        p[k] = (Pu){(int)pu->os_index, core ? (int)core->logical_index : npu + i, 0,
                    pkg ? (int)pkg->logical_index : 0, numa_index(t, pu->os_index), 0, 0};
        k++;
    }
    hwloc_bitmap_free(allowed);
    hwloc_topology_destroy(t);
    if (k == 0) {
        free(p);
        snprintf(err, errlen, "hwloc found no CPU this process may use");
        return -1;
    }
    rank_pus(p, k);
    for (int i = 0; i < k; i++)
        m->allowed_cores += p[i].smt == 0;
    m->compact = tb_xmalloc((size_t)k * sizeof(int));
    m->scatter = tb_xmalloc((size_t)k * sizeof(int));
    qsort(p, (size_t)k, sizeof *p, by_compact);
    for (int i = 0; i < k; i++)
        m->compact[i] = p[i].os;
    qsort(p, (size_t)k, sizeof *p, by_scatter);
    for (int i = 0; i < k; i++)
        m->scatter[i] = p[i].os;
    m->ncompact = m->nscatter = k;
    free(p);
    return 0;
}

char *tb_topo_cpus(const TbMachine *m, const char *policy, int threads)
{
    const int *order = NULL;
    int n = 0;
    if (strcmp(policy, "compact") == 0)
        order = m->compact, n = m->ncompact;
    else if (strcmp(policy, "scatter") == 0)
        order = m->scatter, n = m->nscatter;
    if (!order || n == 0)
        return tb_xstrdup("");
    if (threads < n)
        n = threads;
    char *s = tb_xmalloc((size_t)n * 12 + 1), *q = s;
    for (int i = 0; i < n; i++)
        q += sprintf(q, i ? ",%d" : "%d", order[i]);
    *q = '\0';
    return s;
}

int tb_cpulist_parse(const char *s, int *cpus, int cap)
{
    int n = 0;
    const char *p = s;
    if (!*p)
        return 0;
    for (;;) {
        char *end;
        if (!isdigit((unsigned char)*p))
            return -1;
        long lo = strtol(p, &end, 10), hi = lo;
        p = end;
        if (*p == '-') {
            p++;
            if (!isdigit((unsigned char)*p))
                return -1;
            hi = strtol(p, &end, 10);
            p = end;
        }
        if (hi < lo || hi > 1 << 20)
            return -1;
        for (long c = lo; c <= hi; c++) {
            if (n < cap)
                cpus[n] = (int)c;
            n++;
        }
        if (!*p)
            return n;
        if (*p++ != ',')
            return -1;
    }
}

static void print_order(FILE *f, const char *name, const int *v, int n)
{
    fprintf(f, "%-10s", name);
    for (int i = 0; i < n; i++)
        fprintf(f, i ? ",%d" : "%d", v[i]);
    fputc('\n', f);
}

void tb_topo_print(const TbMachine *m, FILE *f)
{
    fprintf(f, "cpu model: %s\n", m->cpu_model);
    fprintf(f, "kernel:    %s\n", m->kernel);
    fprintf(f, "packages:  %d\nnuma:      %d\ncores:     %d\npus:       %d\n",
            m->packages, m->numa_nodes, m->cores, m->pus);
    fprintf(f, "allowed:   %s\n", m->allowed);
    for (int i = 0; i < m->ncaches; i++) {
        const TbCache *c = &m->caches[i];
        if (c->size >= 1024 * 1024 && c->size % (1024 * 1024) == 0)
            fprintf(f, "cache:     L%d %s %llu MiB x %d\n", c->level, c->type, c->size >> 20, c->count);
        else
            fprintf(f, "cache:     L%d %s %llu KiB x %d\n", c->level, c->type, c->size >> 10, c->count);
    }
    fputs("pin order (CPU of the 1st, 2nd, ... thread; -X pin wraps around):\n", f);
    print_order(f, "compact", m->compact, m->ncompact);
    print_order(f, "scatter", m->scatter, m->nscatter);
}
