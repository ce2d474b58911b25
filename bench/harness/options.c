/* Command-line parsing for `tandem-bench run`. Pure (no I/O, no topology)
 * so the unit tests drive it directly; defaults that need the machine
 * (thread counts) are left at 0 and filled in by run.c. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int tb_parse_int_list(const char *s, int **out, int *n, char *err, size_t errlen)
{
    int count;
    char **items = tb_split(s, ',', &count);
    int *v = tb_xmalloc((size_t)count * sizeof *v);
    int k = 0, rc = 0;
    for (int i = 0; i < count; i++) {
        char *end;
        errno = 0;
        long x = strtol(items[i], &end, 10);
        if (!items[i][0] || *end || errno || x < 1 || x > 4096) {
            snprintf(err, errlen, "'%s' is not a thread count (expected integers 1..4096, "
                     "comma-separated, e.g. 1,2,4)", items[i]);
            rc = -1;
            break;
        }
        v[k++] = (int)x;
    }
    for (int i = 0; i < count; i++)
        free(items[i]);
    free(items);
    if (rc < 0) {
        free(v);
        return -1;
    }
    qsort(v, (size_t)k, sizeof *v, cmp_int);
    int u = 0;
    for (int i = 0; i < k; i++)
        if (u == 0 || v[u - 1] != v[i])
            v[u++] = v[i];
    *out = v;
    *n = u;
    return 0;
}

int tb_default_threads(int cores, int **out)
{
    if (cores < 1)
        cores = 1;
    int *v = tb_xmalloc(40 * sizeof *v);
    int k = 0;
    for (int t = 1; t < cores && k < 38; t *= 2)
        v[k++] = t;
    v[k++] = cores;
    *out = v;
    return k;
}

/* The value of an option given as `--opt VALUE` or `--opt=VALUE`. */
static const char *value_of(int argc, char **argv, int *i, const char *name,
                            char *err, size_t errlen)
{
    const char *a = argv[*i];
    size_t len = strlen(name);
    if (a[len] == '=')
        return a + len + 1;
    if (*i + 1 >= argc) {
        snprintf(err, errlen, "option %s needs a value", name);
        return NULL;
    }
    return argv[++*i];
}

static int matches(const char *arg, const char *name)
{
    size_t len = strlen(name);
    return strncmp(arg, name, len) == 0 && (arg[len] == '\0' || arg[len] == '=');
}

static int parse_count(const char *name, const char *v, int min, int *out, char *err, size_t errlen)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (!*v || *end || errno || x < min || x > 1000) {
        snprintf(err, errlen, "option %s: '%s' is not an integer in %d..1000", name, v, min);
        return -1;
    }
    *out = (int)x;
    return 0;
}

static int parse_positive(const char *name, const char *v, double max, double *out,
                          char *err, size_t errlen)
{
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (!*v || *end || errno || !isfinite(x) || !(x > 0) || x > max) {
        snprintf(err, errlen, "option %s: '%s' is not a positive number (at most %g)", name, v, max);
        return -1;
    }
    *out = x;
    return 0;
}

/* A comma list of non-empty names; "all" (alone) means every one. */
static int parse_names(const char *name, const char *v, char ***out, int *n, int allow_all,
                       char *err, size_t errlen)
{
    if (allow_all && strcmp(v, "all") == 0) {
        *out = NULL;
        *n = 0;
        return 0;
    }
    int count;
    char **items = tb_split(v, ',', &count);
    for (int i = 0; i < count; i++) {
        if (!items[i][0]) {
            snprintf(err, errlen, "option %s: empty name in '%s'", name, v);
            return -1;
        }
        if (allow_all && strcmp(items[i], "all") == 0) {
            snprintf(err, errlen, "option %s: 'all' cannot be combined with names", name);
            return -1;
        }
    }
    *out = items;
    *n = count;
    return 0;
}

int tb_parse_run_options(int argc, char **argv, TbRunOptions *o, char *err, size_t errlen)
{
    static char *default_builds[] = {"gil", "ft", NULL};
    memset(o, 0, sizeof *o);
    o->builds = default_builds;
    o->nbuilds = 2;
    o->pin = "compact";
    o->repeat = 3;
    o->warmup = 1;
    o->scale = 1.0;
    o->timeout = 300;
    err[0] = '\0';
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
#define VALUE(name) if (!(v = value_of(argc, argv, &i, name, err, errlen))) return -1
        if (matches(a, "--builds")) {
            VALUE("--builds");
            if (parse_names("--builds", v, &o->builds, &o->nbuilds, 0, err, errlen) < 0)
                return -1;
        } else if (matches(a, "--workloads")) {
            VALUE("--workloads");
            if (parse_names("--workloads", v, &o->workloads, &o->nworkloads, 1, err, errlen) < 0)
                return -1;
        } else if (matches(a, "--threads")) {
            VALUE("--threads");
            free(o->threads);
            o->threads = NULL;
            o->nthreads = 0;
            o->threads_all = strcmp(v, "all") == 0;
            if (!o->threads_all) {
                char sub[200];
                if (tb_parse_int_list(v, &o->threads, &o->nthreads, sub, sizeof sub) < 0) {
                    snprintf(err, errlen, "option --threads: %s", sub);
                    return -1;
                }
            }
        } else if (matches(a, "--pin")) {
            VALUE("--pin");
            if (strcmp(v, "compact") && strcmp(v, "scatter") && strcmp(v, "none")) {
                snprintf(err, errlen, "option --pin: unknown policy '%s' (expected compact, "
                         "scatter or none)", v);
                return -1;
            }
            o->pin = v;
        } else if (matches(a, "--repeat")) {
            VALUE("--repeat");
            if (parse_count("--repeat", v, 1, &o->repeat, err, errlen) < 0)
                return -1;
        } else if (matches(a, "--warmup")) {
            VALUE("--warmup");
            if (parse_count("--warmup", v, 0, &o->warmup, err, errlen) < 0)
                return -1;
        } else if (matches(a, "--scale")) {
            VALUE("--scale");
            if (parse_positive("--scale", v, 1000, &o->scale, err, errlen) < 0)
                return -1;
        } else if (matches(a, "--timeout")) {
            VALUE("--timeout");
            if (parse_positive("--timeout", v, 86400, &o->timeout, err, errlen) < 0)
                return -1;
        } else if (matches(a, "--out")) {
            VALUE("--out");
            if (!*v) {
                snprintf(err, errlen, "option --out: empty directory name");
                return -1;
            }
            o->out = v;
        } else if (matches(a, "--workload-dir")) {
            VALUE("--workload-dir");
            o->workload_dir = v;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            o->quiet = 1;
        } else if (strcmp(a, "--no-plot") == 0) {
            o->no_plot = 1;
        } else {
            snprintf(err, errlen, a[0] == '-' ? "unknown option '%s'" : "unexpected argument '%s'", a);
            return -1;
        }
#undef VALUE
    }
    return 0;
}
