/* Reports of a run: derived numbers, the terminal table, results.json and
 * results.csv (schemas in docs/benchmarking.md). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

static const TbRecord *find(const TbSuite *s, int workload, int build, int threads)
{
    for (int i = 0; i < s->nrecs; i++)
        if (s->recs[i].workload == workload && s->recs[i].build == build &&
            s->recs[i].threads == threads)
            return &s->recs[i];
    return NULL;
}

void tb_compute(TbSuite *s)
{
    for (int i = 0; i < s->nrecs; i++)
        tb_stats(s->recs[i].times, s->recs[i].ntimes, &s->recs[i].st);
    for (int i = 0; i < s->nrecs; i++) {
        TbRecord *r = &s->recs[i];
        const TbRecord *one = find(s, r->workload, r->build, 1);
        double t1 = one && one->ntimes ? one->st.median : NAN;
        r->speedup = r->ntimes ? tb_speedup(t1, r->st.median, r->threads) : NAN;
        r->efficiency = tb_efficiency(r->speedup, r->threads);
    }
}

/* ---- terminal table ---------------------------------------------------- */

#define GROUP_W 30

static void cell(FILE *f, const TbRecord *r)
{
    /* A configuration that failed in a later round shows as an error: its
     * few times before the failure are in results.json, not the table. */
    if (!r || r->ntimes == 0 || r->error) {
        fprintf(f, " | %-*s", GROUP_W - 3, r && r->error ? "     error" : "     -");
        return;
    }
    char sp[16] = "     -", ef[16] = "   -";
    if (isfinite(r->speedup)) {
        snprintf(sp, sizeof sp, "%6.2f", r->speedup);
        snprintf(ef, sizeof ef, "%3.0f%%", 100 * r->efficiency);
    }
    fprintf(f, " | %7.3fs %4.0f%% %s %s", r->st.median, 100 * r->st.spread, sp, ef);
}

void tb_print_table(const TbSuite *s, FILE *f)
{
    const TbMachine *m = &s->machine;
    fprintf(f, "tandem-bench %s: %s; %d package%s, %d NUMA node%s, %d cores, %d PUs (using %s); "
            "pin=%s repeat=%d warmup=%d scale=%g\n",
            s->date, m->cpu_model, m->packages, m->packages == 1 ? "" : "s",
            m->numa_nodes, m->numa_nodes == 1 ? "" : "s", m->cores, m->pus, m->allowed,
            s->opt.pin, s->opt.repeat, s->opt.warmup, s->opt.scale);
    if (m->loadavg > 0.5 * (m->allowed_cores > 0 ? m->allowed_cores : 1))
        fprintf(f, "warning: load average %.1f at the start on %d cores: other processes compete for the "
                "CPUs, expect noisy numbers\n", m->loadavg, m->allowed_cores);
    fprintf(f, "time = median seconds of the threaded section, spread = (max-min)/median, "
            "speedup = T*t1/tT (each thread does the full work), eff = speedup/T\n\n");
    fprintf(f, "%-22s %3s", "", "");
    for (int b = 0; b < s->nbuilds; b++)
        fprintf(f, " | %-*.*s", GROUP_W - 3, GROUP_W - 3, s->builds[b].name);
    fprintf(f, "\n%-22s %3s", "workload", "T");
    for (int b = 0; b < s->nbuilds; b++)
        fprintf(f, " | %8s %5s %6s %4s", "time", "sprd", "speedup", "eff");
    fputc('\n', f);
    for (int w = 0; w < s->nworkloads; w++) {
        for (int t = 0; t < s->opt.nthreads; t++) {
            int T = s->opt.threads[t];
            fprintf(f, "%-22.22s %3d", t == 0 ? s->workloads[w].name : "", T);
            for (int b = 0; b < s->nbuilds; b++)
                cell(f, find(s, w, b, T));
            fputc('\n', f);
        }
    }
    /* Geometric means summarise a build's scaling in one number per T. */
    double *v = tb_xmalloc(((size_t)s->nworkloads + 1) * sizeof *v);
    for (int t = 0; t < s->opt.nthreads; t++) {
        int T = s->opt.threads[t];
        if (T == 1)
            continue;
        fprintf(f, "%-22s %3d", "geomean speedup", T);
        for (int b = 0; b < s->nbuilds; b++) {
            int k = 0;
            for (int w = 0; w < s->nworkloads; w++) {
                const TbRecord *r = find(s, w, b, T);
                if (r && isfinite(r->speedup))
                    v[k++] = r->speedup;
            }
            double g = tb_geomean(v, k);
            if (isfinite(g))
                fprintf(f, " | %8s %5s %6.2f %3.0f%%", "", "", g, 100 * g / T);
            else
                fprintf(f, " | %-*s", GROUP_W - 3, "");
        }
        fputc('\n', f);
    }
    free(v);
}

/* ---- results.json ------------------------------------------------------- */

static void write_machine(TbJw *w, const TbMachine *m)
{
    tb_jw_key(w, "machine");
    tb_jw_obj(w);
    tb_jw_key(w, "hostname"); tb_jw_str(w, m->hostname);
    tb_jw_key(w, "kernel"); tb_jw_str(w, m->kernel);
    tb_jw_key(w, "cpu_model"); tb_jw_str(w, m->cpu_model);
    tb_jw_key(w, "packages"); tb_jw_int(w, m->packages);
    tb_jw_key(w, "numa_nodes"); tb_jw_int(w, m->numa_nodes);
    tb_jw_key(w, "cores"); tb_jw_int(w, m->cores);
    tb_jw_key(w, "pus"); tb_jw_int(w, m->pus);
    tb_jw_key(w, "allowed_cpus"); tb_jw_str(w, m->allowed);
    tb_jw_key(w, "loadavg"); tb_jw_num(w, m->loadavg);
    tb_jw_key(w, "allowed_cores"); tb_jw_int(w, m->allowed_cores);
    tb_jw_key(w, "caches");
    tb_jw_arr(w);
    for (int i = 0; i < m->ncaches; i++) {
        tb_jw_obj(w);
        tb_jw_key(w, "level"); tb_jw_int(w, m->caches[i].level);
        tb_jw_key(w, "type"); tb_jw_str(w, m->caches[i].type);
        tb_jw_key(w, "size"); tb_jw_int(w, (long long)m->caches[i].size);
        tb_jw_key(w, "count"); tb_jw_int(w, m->caches[i].count);
        tb_jw_end_obj(w);
    }
    tb_jw_end_arr(w);
    tb_jw_end_obj(w);
}

static void write_builds(TbJw *w, const TbSuite *s)
{
    tb_jw_key(w, "builds");
    tb_jw_arr(w);
    for (int i = 0; i < s->nbuilds; i++) {
        const TbBuild *b = &s->builds[i];
        tb_jw_obj(w);
        tb_jw_key(w, "name"); tb_jw_str(w, b->name);
        tb_jw_key(w, "command");
        tb_jw_flat_arr(w);
        for (int k = 0; k < b->argc; k++)
            tb_jw_str(w, b->argv[k]);
        tb_jw_end_arr(w);
        tb_jw_key(w, "pinning"); tb_jw_str(w, b->tree ? "per-thread (-X pin=LIST)" : "process (sched_setaffinity)");
        tb_jw_key(w, "version"); tb_jw_str(w, b->version);
        tb_jw_key(w, "configure_flags"); tb_jw_str(w, b->configure_flags);
        tb_jw_key(w, "cflags"); tb_jw_str(w, b->cflags);
        tb_jw_key(w, "git_commit"); tb_jw_str(w, b->commit);
        tb_jw_key(w, "git_dirty");
        if (b->tree)
            tb_jw_bool(w, b->dirty);
        else
            tb_jw_null(w);
        tb_jw_key(w, "error"); tb_jw_str(w, b->error);
        tb_jw_end_obj(w);
    }
    tb_jw_end_arr(w);
}

static void write_record(TbJw *w, const TbSuite *s, const TbRecord *r)
{
    tb_jw_obj(w);
    tb_jw_key(w, "workload"); tb_jw_str(w, s->workloads[r->workload].name);
    tb_jw_key(w, "kind"); tb_jw_str(w, s->workloads[r->workload].kind);
    tb_jw_key(w, "build"); tb_jw_str(w, s->builds[r->build].name);
    tb_jw_key(w, "threads"); tb_jw_int(w, r->threads);
    tb_jw_key(w, "cpus"); tb_jw_str(w, r->cpus);
    tb_jw_key(w, "n");
    if (r->n >= 0)
        tb_jw_int(w, r->n);
    else
        tb_jw_null(w);
    tb_jw_key(w, "repeat"); tb_jw_int(w, s->opt.repeat);
    tb_jw_key(w, "warmup"); tb_jw_int(w, s->opt.warmup);
    tb_jw_key(w, "times");
    tb_jw_flat_arr(w);
    for (int i = 0; i < r->ntimes; i++)
        tb_jw_num(w, r->times[i]);
    tb_jw_end_arr(w);
    tb_jw_key(w, "median"); tb_jw_num(w, r->st.median);
    tb_jw_key(w, "min"); tb_jw_num(w, r->st.min);
    tb_jw_key(w, "max"); tb_jw_num(w, r->st.max);
    tb_jw_key(w, "spread"); tb_jw_num(w, r->st.spread);
    tb_jw_key(w, "speedup"); tb_jw_num(w, r->speedup);
    tb_jw_key(w, "efficiency"); tb_jw_num(w, r->efficiency);
    tb_jw_key(w, "error"); tb_jw_str(w, r->error);
    tb_jw_end_obj(w);
}

int tb_write_json(const TbSuite *s, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "tandem-bench: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    TbJw w;
    tb_jw_init(&w, f);
    tb_jw_obj(&w);
    tb_jw_key(&w, "schema"); tb_jw_str(&w, "tandem-bench/1");
    tb_jw_key(&w, "date"); tb_jw_str(&w, s->date);
    tb_jw_key(&w, "settings");
    tb_jw_obj(&w);
    tb_jw_key(&w, "pin"); tb_jw_str(&w, s->opt.pin);
    tb_jw_key(&w, "repeat"); tb_jw_int(&w, s->opt.repeat);
    tb_jw_key(&w, "warmup"); tb_jw_int(&w, s->opt.warmup);
    tb_jw_key(&w, "scale"); tb_jw_num(&w, s->opt.scale);
    tb_jw_key(&w, "timeout"); tb_jw_num(&w, s->opt.timeout);
    tb_jw_key(&w, "threads");
    tb_jw_flat_arr(&w);
    for (int i = 0; i < s->opt.nthreads; i++)
        tb_jw_int(&w, s->opt.threads[i]);
    tb_jw_end_arr(&w);
    tb_jw_end_obj(&w);
    write_machine(&w, &s->machine);
    write_builds(&w, s);
    tb_jw_key(&w, "workloads");
    tb_jw_arr(&w);
    for (int i = 0; i < s->nworkloads; i++) {
        tb_jw_obj(&w);
        tb_jw_key(&w, "name"); tb_jw_str(&w, s->workloads[i].name);
        tb_jw_key(&w, "kind"); tb_jw_str(&w, s->workloads[i].kind);
        tb_jw_key(&w, "description"); tb_jw_str(&w, s->workloads[i].description);
        tb_jw_end_obj(&w);
    }
    tb_jw_end_arr(&w);
    tb_jw_key(&w, "results");
    tb_jw_arr(&w);
    for (int i = 0; i < s->nrecs; i++)
        write_record(&w, s, &s->recs[i]);
    tb_jw_end_arr(&w);
    tb_jw_end_obj(&w);
    if (fclose(f) != 0) {
        fprintf(stderr, "tandem-bench: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* ---- results.csv -------------------------------------------------------- */

/* RFC 4180: quote a field holding a comma, quote or line break. */
static void csv_field(FILE *f, const char *s, int last)
{
    if (s && strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else if (s) {
        fputs(s, f);
    }
    fputs(last ? "\n" : ",", f);
}

static void csv_num(FILE *f, double v)
{
    if (isfinite(v))
        fprintf(f, "%.9g,", v);
    else
        fputc(',', f);
}

int tb_write_csv(const TbSuite *s, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "tandem-bench: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    fputs("workload,kind,build,threads,cpus,n,repeat,warmup,scale,median,min,max,spread,"
          "speedup,efficiency,times,error\n", f);
    for (int i = 0; i < s->nrecs; i++) {
        const TbRecord *r = &s->recs[i];
        csv_field(f, s->workloads[r->workload].name, 0);
        csv_field(f, s->workloads[r->workload].kind, 0);
        csv_field(f, s->builds[r->build].name, 0);
        fprintf(f, "%d,", r->threads);
        csv_field(f, r->cpus, 0);
        if (r->n >= 0)
            fprintf(f, "%ld", r->n);
        fprintf(f, ",%d,%d,%.9g,", s->opt.repeat, s->opt.warmup, s->opt.scale);
        csv_num(f, r->st.median);
        csv_num(f, r->st.min);
        csv_num(f, r->st.max);
        csv_num(f, r->st.spread);
        csv_num(f, r->speedup);
        csv_num(f, r->efficiency);
        /* Times separated by ';' keep one record per line. */
        char *times = tb_xmalloc((size_t)r->ntimes * 32 + 1), *q = times;
        *q = '\0';
        for (int k = 0; k < r->ntimes; k++)
            q += sprintf(q, k ? ";%.9g" : "%.9g", r->times[k]);
        csv_field(f, times, 0);
        free(times);
        csv_field(f, r->error ? r->error : "", 1);
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "tandem-bench: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}
