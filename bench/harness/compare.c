/* `tandem-bench compare A.json B.json`: for every (workload, build,
 * threads) measured in both files, the ratio of medians B/A, flagged when
 * it lies outside the band the two runs' own spreads allow (stats.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

static const TbJson *find_rec(const TbJson *recs, const char *w, const char *b, int t)
{
    for (int i = 0; i < recs->n; i++) {
        const TbJson *r = recs->items[i];
        const char *rw = tb_json_str(r, "workload"), *rb = tb_json_str(r, "build");
        if (rw && rb && strcmp(rw, w) == 0 && strcmp(rb, b) == 0 &&
            (int)tb_json_num(r, "threads", -1) == t)
            return r;
    }
    return NULL;
}

int tb_cmd_compare(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: tandem-bench compare A.json B.json   (ratio = B/A; > 1 means B is slower)\n", stderr);
        return 2;
    }
    TbJson *a = tb_load_results(argv[0]), *b = a ? tb_load_results(argv[1]) : NULL;
    if (!a || !b) {
        tb_json_free(a);
        return 1;
    }
    const TbJson *ra = tb_json_get(a, "results"), *rb = tb_json_get(b, "results");
    printf("A = %s (%s)\nB = %s (%s)\n", argv[0], tb_json_str(a, "date") ? tb_json_str(a, "date") : "?",
           argv[1], tb_json_str(b, "date") ? tb_json_str(b, "date") : "?");
    printf("ratio = median(B) / median(A); '*' marks a ratio outside the combined spread of A and B\n\n");
    printf("%-22s %-10s %3s %10s %10s %8s\n", "workload", "build", "T", "A median", "B median", "B/A");
    int matched = 0, flagged = 0, cap = ra->n + 1;
    double *ratios = tb_xmalloc((size_t)cap * sizeof *ratios);
    for (int i = 0; i < ra->n; i++) {
        const TbJson *x = ra->items[i];
        const char *w = tb_json_str(x, "workload"), *bu = tb_json_str(x, "build");
        int t = (int)tb_json_num(x, "threads", -1);
        if (!w || !bu)
            continue;
        const TbJson *y = find_rec(rb, w, bu, t);
        if (!y)
            continue;
        double ma = tb_json_num(x, "median", NAN), mb = tb_json_num(y, "median", NAN);
        printf("%-22.22s %-10.10s %3d", w, bu, t);
        if (!isfinite(ma) || !isfinite(mb)) {
            printf(" %10s %10s %8s\n", isfinite(ma) ? "" : "error", isfinite(mb) ? "" : "error", "-");
            continue;
        }
        int sig = tb_ratio_significant(ma, tb_json_num(x, "spread", 0), mb, tb_json_num(y, "spread", 0));
        printf(" %9.3fs %9.3fs %7.3f%s\n", ma, mb, mb / ma, sig ? " *" : "");
        ratios[matched++] = mb / ma;
        flagged += sig;
    }
    if (matched == 0) {
        printf("no (workload, build, threads) is present in both files\n");
    } else {
        printf("\n%d matched, %d outside the spread; geometric mean of B/A: %.3f\n", matched, flagged,
               tb_geomean(ratios, matched));
    }
    /* Records present in only one file are named, not silently dropped. */
    for (int pass = 0; pass < 2; pass++) {
        const TbJson *from = pass ? rb : ra, *other = pass ? ra : rb;
        for (int i = 0; i < from->n; i++) {
            const char *w = tb_json_str(from->items[i], "workload"), *bu = tb_json_str(from->items[i], "build");
            int t = (int)tb_json_num(from->items[i], "threads", -1);
            if (w && bu && !find_rec(other, w, bu, t))
                printf("only in %s: %s %s %d threads\n", pass ? "B" : "A", w, bu, t);
        }
    }
    free(ratios);
    tb_json_free(a);
    tb_json_free(b);
    return 0;
}
