/* `tandem-bench run`: the measurement loop.
 *
 * Every measurement is one process: INTERP [-X pin=LIST] _driver.py NAME T
 * SCALE. The driver times the threaded section itself (threads wait on a
 * barrier before the clock starts) and prints one `TANDEM-BENCH {json}`
 * line; process start-up never enters the numbers. Rounds are interleaved
 * (round r runs every workload x build x threads once) so slow drift of the
 * machine (another user, thermal state) spreads over all configurations
 * instead of biasing the one measured during it. The first `warmup` rounds
 * are run and discarded. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"

#define PREFIX "TANDEM-BENCH "

char *tb_driver_path(const char *dir)
{
    return tb_xasprintf("%s/_driver.py", dir);
}

int tb_parse_driver_output(const char *out, const char *workload, int threads,
                           double *seconds, long *n, char **why)
{
    const char *line = NULL;
    for (const char *p = out; p && *p; ) {
        if (strncmp(p, PREFIX, strlen(PREFIX)) == 0)
            line = p;
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    *why = NULL;
    if (!line) {
        *why = tb_xstrdup("no TANDEM-BENCH line in the output");
        return -1;
    }
    size_t len = strcspn(line, "\n");
    char *text = tb_xasprintf("%.*s", (int)(len - strlen(PREFIX)), line + strlen(PREFIX));
    char err[200];
    TbJson *j = tb_json_parse(text, err, sizeof err);
    int rc = -1;
    if (!j) {
        *why = tb_xasprintf("malformed TANDEM-BENCH line (%s): %.200s", err, text);
        goto done;
    }
    if (j->kind != TB_JOBJ) {
        *why = tb_xasprintf("TANDEM-BENCH line is not a JSON object: %.200s", text);
        goto done;
    }
    const char *w = tb_json_str(j, "workload"), *check = tb_json_str(j, "check");
    double t = tb_json_num(j, "threads", -1), s = tb_json_num(j, "seconds", NAN);
    double nn = tb_json_num(j, "n", -1);
    if (!w || strcmp(w, workload) != 0) {
        *why = tb_xasprintf("TANDEM-BENCH line names workload '%s', expected '%s'", w ? w : "?", workload);
    } else if (t != threads) {
        *why = tb_xasprintf("TANDEM-BENCH line reports %g threads, expected %d", t, threads);
    } else if (!check) {
        *why = tb_xstrdup("TANDEM-BENCH line has no \"check\" string");
    } else if (strcmp(check, "ok") != 0) {
        *why = tb_xasprintf("check failed: %.300s", check);
    } else if (!isfinite(s) || !(s > 0)) {
        *why = tb_xasprintf("TANDEM-BENCH line has no positive \"seconds\": %.200s", text);
    } else {
        *seconds = s;
        *n = nn >= 0 ? (long)nn : -1;
        rc = 0;
    }
done:
    tb_json_free(j);
    free(text);
    return rc;
}

int tb_list_workloads(const char *interp_cmd, const char *dir, TbWorkload **out, int *n, char **why)
{
    TbBuild b;
    tb_build_resolve(&b, interp_cmd);
    *out = NULL;
    *n = 0;
    if (b.error) {
        *why = tb_xasprintf("cannot list workloads with %s: %s", interp_cmd, b.error);
        return -1;
    }
    char *driver = tb_driver_path(dir);
    if (access(driver, R_OK) != 0) {
        *why = tb_xasprintf("no workload driver %s: %s", driver, strerror(errno));
        free(driver);
        return -1;
    }
    char **argv = tb_build_argv(&b, NULL, (char *[]){driver, "--list", NULL});
    TbProc p;
    int rc = tb_proc_run(argv, NULL, 60, &p);
    free(argv);
    if (rc < 0 || p.status != 0) {
        char *f = rc < 0 ? tb_xstrdup("cannot start it") : tb_proc_failure(&p);
        *why = tb_xasprintf("%s %s --list: %s", interp_cmd, driver, f);
        free(f);
        free(driver);
        tb_proc_free(&p);
        return -1;
    }
    TbWorkload *v = NULL;
    int k = 0;
    for (char *line = p.out; line && *line; ) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (*line && t1 && t2) {
            *t1 = *t2 = '\0';
            v = tb_xrealloc(v, (size_t)(k + 1) * sizeof *v);
            v[k].name = tb_xstrdup(line);
            v[k].kind = tb_xstrdup(t1 + 1);
            v[k].description = tb_xstrdup(t2 + 1);
            k++;
        } else if (*line) {
            *why = tb_xasprintf("%s --list printed a line that is not NAME<TAB>KIND<TAB>DESCRIPTION: "
                                "%.200s", driver, line);
            free(driver);
            tb_proc_free(&p);
            return -1;
        }
        line = end ? end + 1 : NULL;
    }
    free(driver);
    tb_proc_free(&p);
    *out = v;
    *n = k;
    return 0;
}

/* ---- progress ------------------------------------------------------------- */

typedef struct {
    int on;
    int done, total;
    double t0;
} Progress;

static void progress_clear(Progress *pr)
{
    if (pr->on)
        fputs("\r\033[K", stderr);
}

static void progress_show(Progress *pr, const char *what)
{
    if (!pr->on)
        return;
    double el = tb_now() - pr->t0;
    char eta[32] = "--:--";
    if (pr->done > 0) {
        int s = (int)(el / pr->done * (pr->total - pr->done) + 0.5);
        snprintf(eta, sizeof eta, "%d:%02d", s / 60, s % 60);
    }
    int e = (int)el;
    fprintf(stderr, "\r\033[K[%d/%d %3d%%] %s  elapsed %d:%02d  ETA %s", pr->done, pr->total,
            pr->total ? 100 * pr->done / pr->total : 100, what, e / 60, e % 60, eta);
    fflush(stderr);
}

/* ---- one measurement ------------------------------------------------------ */

/* The shortest decimal that reads back as the same double, so the driver's
 * float(SCALE) gets exactly the harness's value ("0.1", not 0.1000...01). */
static char *scale_str(double scale)
{
    char buf[32];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, scale);
        if (strtod(buf, NULL) == scale)
            break;
    }
    return tb_xstrdup(buf);
}

/* Runs the measurement; 0 and *sec, or -1 and a new message in *why. */
static int measure(TbSuite *s, TbRecord *r, const char *driver, double *sec, char **why)
{
    const TbBuild *b = &s->builds[r->build];
    const TbWorkload *w = &s->workloads[r->workload];
    char tbuf[16];
    snprintf(tbuf, sizeof tbuf, "%d", r->threads);
    char *sc = scale_str(s->opt.scale);
    char **argv = tb_build_argv(b, r->cpus, (char *[]){(char *)driver, w->name, tbuf, sc, NULL});
    TbProc p;
    int rc = tb_proc_run(argv, b->tree ? NULL : r->cpus, s->opt.timeout, &p);
    free(argv);
    free(sc);
    if (rc < 0) {
        *why = tb_xasprintf("cannot start a process: %s", strerror(errno));
        return -1;
    }
    long n = -1;
    rc = -1;
    if (p.exec_failed || p.timed_out || p.signal) {
        *why = tb_proc_failure(&p);
    } else if (tb_parse_driver_output(p.out, w->name, r->threads, sec, &n, why) == 0) {
        if (p.status != 0) {
            free(*why);
            char *f = tb_proc_failure(&p);
            *why = tb_xasprintf("printed a result but %s", f);
            free(f);
        } else {
            r->n = n;
            rc = 0;
        }
    } else if (p.status != 0 && strncmp(*why, "check failed", 12) != 0) {
        /* The exit status and stderr explain more than the missing line. */
        free(*why);
        *why = tb_proc_failure(&p);
    }
    tb_proc_free(&p);
    return rc;
}

static void report_error(TbSuite *s, Progress *pr, const TbRecord *r, const char *msg)
{
    progress_clear(pr);
    fprintf(stderr, "tandem-bench: error: workload %s, build %s, %d thread%s: %s\n",
            s->workloads[r->workload].name, s->builds[r->build].name, r->threads,
            r->threads == 1 ? "" : "s", msg);
    s->failures++;
}

static int mkdir_p(const char *dir)
{
    char *d = tb_xstrdup(dir);
    for (char *p = d + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(d, 0777);
            *p = '/';
        }
    }
    int rc = mkdir(d, 0777) == 0 || errno == EEXIST ? 0 : -1;
    free(d);
    return rc;
}

static void usage_run(void)
{
    fputs("usage: tandem-bench run [--builds gil,ft[,CMD...]] [--workloads NAMES|all]\n"
          "         [--threads 1,2,4|all] [--pin compact|scatter|none] [--repeat N] [--warmup N]\n"
          "         [--scale X] [--timeout SECONDS] [--out DIR] [--workload-dir DIR] [--no-plot] [--quiet]\n",
          stderr);
}

/* Select the workloads named in the options (all if none); unknown names
 * are errors that do not stop the others. */
static void select_workloads(TbSuite *s, TbWorkload *all, int nall)
{
    if (s->opt.nworkloads == 0) {
        s->workloads = all;
        s->nworkloads = nall;
        return;
    }
    s->workloads = tb_xmalloc((size_t)s->opt.nworkloads * sizeof *s->workloads);
    for (int i = 0; i < s->opt.nworkloads; i++) {
        const char *name = s->opt.workloads[i];
        int found = -1, dup = 0;
        for (int k = 0; k < nall; k++)
            if (strcmp(all[k].name, name) == 0)
                found = k;
        for (int k = 0; k < s->nworkloads; k++)
            dup |= strcmp(s->workloads[k].name, name) == 0;
        if (found < 0) {
            fprintf(stderr, "tandem-bench: error: unknown workload '%s' (see tandem-bench list)\n", name);
            s->failures++;
        } else if (!dup) {
            s->workloads[s->nworkloads++] = all[found];
        }
    }
}

int tb_cmd_run(int argc, char **argv)
{
    TbSuite s;
    char err[512];
    memset(&s, 0, sizeof s);
    if (tb_parse_run_options(argc, argv, &s.opt, err, sizeof err) < 0) {
        fprintf(stderr, "tandem-bench run: %s\n", err);
        usage_run();
        return 2;
    }
    if (tb_topo_load(&s.machine, err, sizeof err) < 0) {
        fprintf(stderr, "tandem-bench: %s\n", err);
        return 1;
    }
    time_t now = time(NULL);
    strftime(s.date, sizeof s.date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    if (s.opt.threads_all) {
        s.opt.nthreads = s.machine.allowed_cores;
        s.opt.threads = tb_xmalloc((size_t)s.opt.nthreads * sizeof(int));
        for (int i = 0; i < s.opt.nthreads; i++)
            s.opt.threads[i] = i + 1;
    } else if (s.opt.nthreads == 0) {
        s.opt.nthreads = tb_default_threads(s.machine.allowed_cores, &s.opt.threads);
    }

    s.nbuilds = s.opt.nbuilds;
    s.builds = tb_xmalloc((size_t)s.nbuilds * sizeof *s.builds);
    for (int i = 0; i < s.nbuilds; i++) {
        tb_build_resolve(&s.builds[i], s.opt.builds[i]);
        if (s.builds[i].error) {
            fprintf(stderr, "tandem-bench: error: build %s: %s\n", s.builds[i].name, s.builds[i].error);
            s.failures++;
        }
    }

    /* The workload list comes from the first runnable build's driver. */
    const char *wdir = s.opt.workload_dir;
    char *wdir_buf = NULL;
    if (!wdir)
        wdir = wdir_buf = tb_xasprintf("%s/bench/workloads", tb_src_root());
    TbWorkload *all = NULL;
    int nall = 0, listed = 0;
    char *why = NULL;
    for (int i = 0; i < s.nbuilds && !listed; i++) {
        if (s.builds[i].error)
            continue;
        free(why);
        why = NULL;
        listed = tb_list_workloads(s.builds[i].name, wdir, &all, &nall, &why) == 0;
    }
    if (!listed) {
        fprintf(stderr, "tandem-bench: error: %s\n", why ? why : "no runnable build to list the workloads");
        return 1;
    }
    select_workloads(&s, all, nall);

    for (int w = 0; w < s.nworkloads; w++)
        for (int b = 0; b < s.nbuilds; b++)
            for (int t = 0; t < s.opt.nthreads; t++) {
                s.recs = tb_xrealloc(s.recs, (size_t)(s.nrecs + 1) * sizeof *s.recs);
                TbRecord *r = &s.recs[s.nrecs++];
                memset(r, 0, sizeof *r);
                r->build = b;
                r->workload = w;
                r->threads = s.opt.threads[t];
                r->n = -1;
                r->cpus = tb_topo_cpus(&s.machine, s.opt.pin, r->threads);
                r->times = tb_xmalloc((size_t)s.opt.repeat * sizeof(double));
                if (s.builds[b].error)
                    r->error = tb_xasprintf("build %s: %s", s.builds[b].name, s.builds[b].error);
            }

    Progress pr = {isatty(2) && !s.opt.quiet, 0, 0, tb_now()};
    int rounds = s.opt.warmup + s.opt.repeat;
    for (int i = 0; i < s.nrecs; i++)
        pr.total += s.recs[i].error ? 0 : rounds;
    char *driver = tb_driver_path(wdir);
    for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < s.nrecs; i++) {
            TbRecord *r = &s.recs[i];
            if (r->error)
                continue;
            char what[200];
            snprintf(what, sizeof what, "%s %s %s, %d thr", round < s.opt.warmup ? "warm-up" : "run",
                     s.workloads[r->workload].name, s.builds[r->build].name, r->threads);
            progress_show(&pr, what);
            double sec;
            char *msg = NULL;
            if (measure(&s, r, driver, &sec, &msg) < 0) {
                report_error(&s, &pr, r, msg);
                r->error = msg;
                /* Its remaining runs are skipped: the ETA stays honest. */
                pr.total -= rounds - round - 1;
            } else if (round >= s.opt.warmup) {
                r->times[r->ntimes++] = sec;
            }
            pr.done++;
        }
    }
    progress_clear(&pr);
    free(driver);

    tb_compute(&s);
    tb_print_table(&s, stdout);
    fflush(stdout);
    if (s.opt.out) {
        char *j = tb_xasprintf("%s/results.json", s.opt.out);
        char *c = tb_xasprintf("%s/results.csv", s.opt.out);
        if (mkdir_p(s.opt.out) < 0) {
            fprintf(stderr, "tandem-bench: cannot create %s: %s\n", s.opt.out, strerror(errno));
            s.failures++;
        } else {
            /* The table too, for pasting into a README or a report. */
            char *t = tb_xasprintf("%s/table.txt", s.opt.out);
            FILE *tf = fopen(t, "w");
            if (tf) {
                tb_print_table(&s, tf);
                fclose(tf);
            }
            free(t);
            if (tb_write_json(&s, j) < 0 || tb_write_csv(&s, c) < 0)
                s.failures++;
            else if (!s.opt.no_plot && tb_plot(s.opt.out) < 0)
                s.failures++;
            if (!s.opt.quiet)
                fprintf(stderr, "tandem-bench: wrote %s, %s, table.txt%s\n", j, c,
                        s.opt.no_plot ? "" : " and scaling.svg/.png");
        }
        free(j);
        free(c);
    }
    free(wdir_buf);
    if (s.failures) {
        fprintf(stderr, "tandem-bench: %d error%s (see above); the other measurements are reported\n",
                s.failures, s.failures == 1 ? "" : "s");
        return 1;
    }
    return 0;
}
