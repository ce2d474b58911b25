/* `tandem-bench kernels`: single-thread programs (bench/kernels/NAME.py)
 * on each build, output checked against python3's (NAME.expected, or
 * NAME.test-expected with --test, which runs the kernel's TEST_SIZE), then
 * time ratios gil/python3, ft/python3, ft/gil with geometric means.
 * Kernels print their own checksum, not timings, so the time is the
 * process's CPU time (user + system, from wait4) minus the build's
 * start-up CPU time (the median of `-c pass` runs, measured as often as the
 * kernels). CPU time rather than wall time because the machines this runs
 * on are shared: time spent waiting for the CPU is not the interpreter's.
 * Start-up is subtracted because python3 spends 20-40 ms importing site
 * before the first line, tandem a few ms, and that difference is not what
 * the ratios are about. Every run is pinned to
 * the first CPU of the compact order (python3 by affinity) so all builds
 * see the same core. */
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0, n;
    char *buf = tb_xmalloc(cap);
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2)
            buf = tb_xrealloc(buf, cap *= 2);
    }
    buf[len] = '\0';
    fclose(f);
    return buf;
}

static long test_size(const char *path)
{
    char *src = slurp(path);
    long v = -1;
    for (char *line = src; line && *line; ) {
        if (strncmp(line, "TEST_SIZE", 9) == 0) {
            char *p = line + 9;
            while (*p == ' ')
                p++;
            if (*p == '=')
                v = strtol(p + 1, NULL, 10);
            break;
        }
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    free(src);
    return v;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Kernel names (NAME for NAME.py, sorted); files starting with '_' are
 * helpers, not kernels. */
static char **list_kernels(const char *dir, int *n)
{
    DIR *d = opendir(dir);
    char **v = NULL;
    int k = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 3 && e->d_name[0] != '_' && strcmp(e->d_name + len - 3, ".py") == 0) {
            v = tb_xrealloc(v, (size_t)(k + 1) * sizeof *v);
            v[k++] = tb_xasprintf("%.*s", (int)(len - 3), e->d_name);
        }
    }
    if (d)
        closedir(d);
    if (k)
        qsort(v, (size_t)k, sizeof *v, cmp_str);
    *n = k;
    return v;
}

/* The first line where two outputs differ, for the error message. */
static char *first_difference(const char *got, const char *want)
{
    int line = 1;
    const char *g = got, *w = want;
    while (*g && *w && *g == *w) {
        if (*g == '\n')
            line++;
        g++, w++;
    }
    while (g > got && g[-1] != '\n')
        g--;
    while (w > want && w[-1] != '\n')
        w--;
    return tb_xasprintf("line %d: got '%.*s', expected '%.*s'", line, (int)strcspn(g, "\n"), g,
                        (int)strcspn(w, "\n"), w);
}

static int index_of(char **names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* Median CPU time of `CMD -c pass`: 0 if the command does not take -c. */
static double startup_time(const TbBuild *b, const char *cpu, int repeat)
{
    double *t = tb_xmalloc((size_t)repeat * sizeof *t);
    int n = 0;
    for (int r = 0; r < repeat; r++) {
        char **v = tb_build_argv(b, cpu, (char *[]){"-c", "pass", NULL});
        TbProc p;
        if (tb_proc_run(v, b->tree ? NULL : cpu, 60, &p) == 0 && p.status == 0 && !p.signal)
            t[n++] = p.cpu;
        tb_proc_free(&p);
        free(v);
    }
    TbStats st;
    double res = tb_stats(t, n, &st) == 0 ? st.median : 0;
    free(t);
    return res;
}

int tb_cmd_kernels(int argc, char **argv)
{
    char *def_builds = "gil,ft,python3";
    const char *builds_arg = def_builds, *names_arg = NULL, *dir = NULL;
    int repeat = 3, test = 0, failures = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "--builds") == 0 || strcmp(a, "--kernels") == 0 || strcmp(a, "--repeat") == 0 ||
             strcmp(a, "--kernel-dir") == 0) && i + 1 < argc) {
            const char *v = argv[++i];
            if (a[2] == 'b')
                builds_arg = v;
            else if (a[2] == 'r') {
                char *end;
                repeat = (int)strtol(v, &end, 10);
                if (!*v || *end || repeat < 1 || repeat > 1000) {
                    fprintf(stderr, "tandem-bench kernels: option --repeat: '%s' is not an integer in 1..1000\n", v);
                    return 2;
                }
            } else if (strcmp(a, "--kernels") == 0)
                names_arg = v;
            else
                dir = v;
        } else if (strcmp(a, "--test") == 0) {
            test = 1;
        } else {
            fprintf(stderr, "tandem-bench kernels: %s '%s'\nusage: tandem-bench kernels [--builds gil,ft,python3] "
                    "[--kernels NAMES] [--repeat N] [--test] [--kernel-dir DIR]\n",
                    a[0] == '-' ? "unknown option (or missing value)" : "unexpected argument", a);
            return 2;
        }
    }
    char *dir_buf = dir ? NULL : tb_xasprintf("%s/bench/kernels", tb_src_root());
    if (!dir)
        dir = dir_buf;
    int nk = 0, nb = 0;
    char **kernels = list_kernels(dir, &nk);
    if (names_arg) {
        int nn;
        char **want = tb_split(names_arg, ',', &nn);
        char **sel = tb_xmalloc((size_t)nn * sizeof *sel);
        int k = 0;
        for (int i = 0; i < nn; i++) {
            if (index_of(kernels, nk, want[i]) < 0) {
                fprintf(stderr, "tandem-bench: error: unknown kernel '%s' (no %s/%s.py)\n", want[i], dir, want[i]);
                failures++;
            } else {
                sel[k++] = want[i];
            }
        }
        kernels = sel;
        nk = k;
    }
    if (nk == 0) {
        fprintf(stderr, "tandem-bench: error: no kernels to run in %s\n", dir);
        return 1;
    }
    char **bnames = tb_split(builds_arg, ',', &nb);
    TbBuild *b = tb_xmalloc((size_t)nb * sizeof *b);
    for (int i = 0; i < nb; i++) {
        tb_build_resolve(&b[i], bnames[i]);
        if (b[i].error) {
            fprintf(stderr, "tandem-bench: error: build %s: %s\n", b[i].name, b[i].error);
            failures++;
        }
    }
    TbMachine m;
    char err[256], *cpu = NULL;
    if (tb_topo_load(&m, err, sizeof err) == 0)
        cpu = tb_topo_cpus(&m, "compact", 1);

    double *med = tb_xmalloc((size_t)(nk * nb) * sizeof *med);
    double *startup = tb_xmalloc((size_t)nb * sizeof *startup);
    for (int j = 0; j < nb; j++)
        startup[j] = b[j].error ? 0 : startup_time(&b[j], cpu, repeat);
    printf("%-18s", "kernel");
    for (int j = 0; j < nb; j++)
        printf(" %12.12s", b[j].name);
    /* Ratios of interest, when both sides were requested. */
    const char *pairs[3][2] = {{"gil", "python3"}, {"ft", "python3"}, {"ft", "gil"}};
    int pa[3], pb[3];
    for (int p = 0; p < 3; p++) {
        pa[p] = index_of(bnames, nb, pairs[p][0]);
        pb[p] = index_of(bnames, nb, pairs[p][1]);
        if (pa[p] >= 0 && pb[p] >= 0)
            printf(" %14s", tb_xasprintf("%s/%s", pairs[p][0], pairs[p][1]));
    }
    printf("\n");
    for (int k = 0; k < nk; k++) {
        char *script = tb_xasprintf("%s/%s.py", dir, kernels[k]);
        char *exp_path = tb_xasprintf("%s/%s.%s", dir, kernels[k], test ? "test-expected" : "expected");
        char *expected = slurp(exp_path);
        char size[32] = "";
        if (test) {
            long ts = test_size(script);
            if (ts > 0)
                snprintf(size, sizeof size, "%ld", ts);
        }
        printf("%-18.18s", kernels[k]);
        fflush(stdout);
        for (int j = 0; j < nb; j++) {
            double *t = tb_xmalloc((size_t)repeat * sizeof *t);
            int nt = 0;
            char *why = NULL;
            if (b[j].error)
                why = tb_xstrdup(b[j].error);
            else if (!expected)
                why = tb_xasprintf("no %s (generate it with python3)", exp_path);
            for (int r = 0; r < repeat && !why; r++) {
                char **v = tb_build_argv(&b[j], cpu, (char *[]){script, size[0] ? size : NULL, NULL});
                TbProc p;
                if (tb_proc_run(v, b[j].tree ? NULL : cpu, 600, &p) < 0)
                    why = tb_xstrdup("cannot start a process");
                else if (p.status != 0 || p.signal || p.timed_out || p.exec_failed)
                    why = tb_proc_failure(&p);
                else if (strcmp(p.out, expected) != 0) {
                    char *d = first_difference(p.out, expected);
                    why = tb_xasprintf("output differs from %s: %s", exp_path, d);
                    free(d);
                } else
                    t[nt++] = p.cpu;
                tb_proc_free(&p);
                free(v);
            }
            TbStats st;
            if (why) {
                med[k * nb + j] = NAN;
                printf(" %12s", "error");
                fflush(stdout);
                fprintf(stderr, "\ntandem-bench: error: kernel %s, build %s: %s\n", kernels[k], b[j].name, why);
                free(why);
                if (!b[j].error)
                    failures++;
            } else {
                tb_stats(t, nt, &st);
                med[k * nb + j] = st.median - startup[j] > 0 ? st.median - startup[j] : st.median;
                printf(" %11.3fs", med[k * nb + j]);
            }
            fflush(stdout);
            free(t);
        }
        for (int p = 0; p < 3; p++)
            if (pa[p] >= 0 && pb[p] >= 0) {
                double r = med[k * nb + pa[p]] / med[k * nb + pb[p]];
                if (isfinite(r))
                    printf(" %14.3f", r);
                else
                    printf(" %14s", "-");
            }
        printf("\n");
        free(script);
        free(exp_path);
        free(expected);
    }
    printf("%-18s", "geomean");
    for (int j = 0; j < nb; j++)
        printf(" %12s", "");
    double *v = tb_xmalloc((size_t)nk * sizeof *v);
    for (int p = 0; p < 3; p++) {
        if (pa[p] < 0 || pb[p] < 0)
            continue;
        int n = 0;
        for (int k = 0; k < nk; k++) {
            double r = med[k * nb + pa[p]] / med[k * nb + pb[p]];
            if (isfinite(r))
                v[n++] = r;
        }
        double g = tb_geomean(v, n);
        if (isfinite(g))
            printf(" %14.3f", g);
        else
            printf(" %14s", "-");
    }
    printf("\n(median of %d run%s per kernel and build: process CPU time minus start-up (", repeat,
           repeat == 1 ? "" : "s");
    for (int j = 0; j < nb; j++)
        printf("%s%s %.3fs", j ? ", " : "", b[j].name, startup[j]);
    printf(")%s%s)\n", cpu && *cpu ? ", pinned to CPU " : "", cpu ? cpu : "");
    free(startup);
    free(v);
    free(med);
    free(dir_buf);
    if (failures) {
        fprintf(stderr, "tandem-bench: %d error%s (see above)\n", failures, failures == 1 ? "" : "s");
        return 1;
    }
    return 0;
}
