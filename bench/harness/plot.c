/* scaling.svg / scaling.png: speedup vs threads, one panel per workload,
 * one line per build, the ideal diagonal dashed. The plot is made from
 * results.json alone (so `tandem-bench plot DIR` redraws an old run) and
 * the gnuplot script is kept as scaling.gp, with the data inline, for
 * anyone who wants to restyle a figure for a paper. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = tb_xmalloc(cap);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2)
            buf = tb_xrealloc(buf, cap *= 2);
    }
    buf[len] = '\0';
    fclose(f);
    return buf;
}

TbJson *tb_load_results(const char *path)
{
    char *text = read_file(path);
    if (!text) {
        fprintf(stderr, "tandem-bench: cannot read %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char err[200];
    TbJson *j = tb_json_parse(text, err, sizeof err);
    free(text);
    if (!j || !tb_json_get(j, "results") || tb_json_get(j, "results")->kind != TB_JARR) {
        fprintf(stderr, "tandem-bench: %s is not a tandem-bench results.json%s%s\n", path,
                j ? "" : ": ", j ? "" : err);
        tb_json_free(j);
        return NULL;
    }
    return j;
}

/* Distinct string values of `key` over the records, in first-seen order. */
static int distinct(const TbJson *recs, const char *key, const char **out, int cap)
{
    int n = 0;
    for (int i = 0; i < recs->n; i++) {
        const char *v = tb_json_str(recs->items[i], key);
        if (!v)
            continue;
        int seen = 0;
        for (int k = 0; k < n; k++)
            seen |= strcmp(out[k], v) == 0;
        if (!seen && n < cap)
            out[n++] = v;
    }
    return n;
}

static void gp_quote(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        /* gnuplot's enhanced text treats _ as a subscript. */
        if (*s == '_')
            fputs("\\\\", f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static const char *colors[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

static void panels(FILE *f, const char *title, const char **wl, int nw, const char **bl, int nb,
                   int cols, int rows)
{
    fprintf(f, "set multiplot layout %d,%d title ", rows, cols);
    gp_quote(f, title);
    fputc('\n', f);
    for (int w = 0; w < nw; w++) {
        /* One legend, in the first panel: the builds are the same in all. */
        fputs(w == 0 ? "set key top left font \",8\"\n" : "unset key\n", f);
        fputs("set title ", f);
        gp_quote(f, wl[w]);
        fputc('\n', f);
        fprintf(f, "plot x title \"ideal\" dt 2 lc rgb \"#888888\"");
        for (int b = 0; b < nb; b++) {
            fprintf(f, ", $d%d_%d using 1:2 with linespoints lw 2 pt 7 ps 0.6 lc rgb \"%s\" title ",
                    w, b, colors[b % 6]);
            gp_quote(f, bl[b]);
        }
        fputc('\n', f);
    }
    fputs("unset multiplot\n", f);
}

int tb_plot(const char *dir)
{
    char *jpath = tb_xasprintf("%s/results.json", dir);
    TbJson *j = tb_load_results(jpath);
    free(jpath);
    if (!j)
        return -1;
    const TbJson *recs = tb_json_get(j, "results");
    const char *wl[512], *bl[32];
    int nw = distinct(recs, "workload", wl, 512), nb = distinct(recs, "build", bl, 32);
    int maxT = 1;
    for (int i = 0; i < recs->n; i++) {
        int t = (int)tb_json_num(recs->items[i], "threads", 1);
        if (t > maxT)
            maxT = t;
    }
    char *gp = tb_xasprintf("%s/scaling.gp", dir);
    FILE *f = fopen(gp, "w");
    if (!f) {
        fprintf(stderr, "tandem-bench: cannot write %s: %s\n", gp, strerror(errno));
        free(gp);
        tb_json_free(j);
        return -1;
    }
    fputs("# Written by tandem-bench plot from results.json: `gnuplot scaling.gp` redraws.\n", f);
    for (int w = 0; w < nw; w++) {
        for (int b = 0; b < nb; b++) {
            fprintf(f, "$d%d_%d << EOD\n", w, b);
            /* Records are sorted by threads within (workload, build). */
            for (int i = 0; i < recs->n; i++) {
                const TbJson *r = recs->items[i];
                const char *rw = tb_json_str(r, "workload"), *rb = tb_json_str(r, "build");
                double sp = tb_json_num(r, "speedup", NAN);
                if (rw && rb && strcmp(rw, wl[w]) == 0 && strcmp(rb, bl[b]) == 0 && isfinite(sp))
                    fprintf(f, "%d %.6g\n", (int)tb_json_num(r, "threads", 1), sp);
            }
            fputs("EOD\n", f);
        }
    }
    const TbJson *m = tb_json_get(j, "machine");
    char *title = tb_xasprintf("speedup vs threads (each thread does the full work; ideal = dashed) - "
                               "%s, %g cores, %s", tb_json_str(m, "cpu_model") ? tb_json_str(m, "cpu_model") : "?",
                               tb_json_num(m, "cores", 0), tb_json_str(j, "date") ? tb_json_str(j, "date") : "?");
    int cols = (int)ceil(sqrt(nw > 0 ? nw : 1));
    int rows = (nw + cols - 1) / cols;
    if (rows < 1)
        rows = 1;
    int pw = 300, ph = 240;
    fprintf(f, "set xrange [%g:%g]\nset yrange [0:%g]\n", maxT > 1 ? 1.0 : 0.5,
            maxT > 1 ? (double)maxT : 1.5, maxT * 1.15 + 0.1);
    fprintf(f, "set xtics 1\nset grid lc rgb \"#dddddd\"\n"
            "set xlabel \"threads\" font \",9\"\nset ylabel \"speedup\" font \",9\"\n");
    fprintf(f, "set terminal svg size %d,%d dynamic font \"sans,10\" background \"white\"\n",
            cols * pw, rows * ph + 40);
    fprintf(f, "set output \"%s/scaling.svg\"\n", dir);
    panels(f, title, wl, nw, bl, nb, cols, rows);
    fprintf(f, "set terminal pngcairo size %d,%d font \"sans,9\" background \"white\"\n",
            cols * pw, rows * ph + 40);
    fprintf(f, "set output \"%s/scaling.png\"\n", dir);
    panels(f, title, wl, nw, bl, nb, cols, rows);
    fputs("set output\n", f);
    fclose(f);
    free(title);
    tb_json_free(j);

    TbProc p;
    char *argv[] = {"gnuplot", gp, NULL};
    int rc = tb_proc_run(argv, NULL, 120, &p);
    if (rc < 0 || p.status != 0 || p.exec_failed || p.signal) {
        char *why = rc < 0 ? tb_xstrdup("cannot start it") : tb_proc_failure(&p);
        fprintf(stderr, "tandem-bench: gnuplot %s failed: %s\n", gp, why);
        free(why);
        rc = -1;
    }
    tb_proc_free(&p);
    free(gp);
    return rc < 0 ? -1 : 0;
}

int tb_cmd_plot(int argc, char **argv)
{
    if (argc != 1) {
        fputs("usage: tandem-bench plot DIR   (DIR holds a results.json)\n", stderr);
        return 2;
    }
    if (tb_plot(argv[0]) < 0)
        return 1;
    printf("wrote %s/scaling.svg, %s/scaling.png (script: %s/scaling.gp)\n", argv[0], argv[0], argv[0]);
    return 0;
}
