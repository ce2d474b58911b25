/* tandem-bench: the scaling harness (docs/benchmarking.md).
 *
 * Exported names use the tb_ prefix (the interpreter's tn_ is kept for the
 * interpreter itself). One file per concern:
 *   main.c     subcommands, list, topo
 *   options.c  command-line parsing of `run` (pure: unit-tested)
 *   topo.c     hwloc: machine summary, CPU orders per pin policy
 *   proc.c     child processes: spawn, confine, capture, time out
 *   builds.c   build names -> commands, version, flags, commit
 *   run.c      the measurement loop, TANDEM-BENCH line parsing, progress
 *   stats.c    median, spread, speedup, efficiency (pure: unit-tested)
 *   json.c     JSON writer and a small parser (pure: unit-tested)
 *   report.c   terminal table, results.json, results.csv
 *   plot.c     scaling.svg/png through gnuplot
 *   compare.c  `compare A.json B.json`
 *   kernels.c  `kernels`: single-thread programs vs python3
 * Memory: the harness is a short-lived command; strings and arrays are
 * heap-allocated with the xmalloc family (exit on out-of-memory) and freed
 * where that is simple, left to process exit otherwise. */
#ifndef TB_HARNESS_H
#define TB_HARNESS_H

#include <stddef.h>
#include <stdio.h>

/* ---- small utilities (defined in json.c, which the unit tests link) ----- */
void *tb_xmalloc(size_t n);
void *tb_xrealloc(void *p, size_t n);
char *tb_xstrdup(const char *s);
char *tb_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Split "a,b,c" into a NULL-terminated array of new strings; *n gets the
 * count. Empty items are kept (as "") so callers can reject them. */
char **tb_split(const char *s, char sep, int *n);

/* ---- JSON --------------------------------------------------------------- */
typedef enum { TB_JNULL, TB_JBOOL, TB_JNUM, TB_JSTR, TB_JARR, TB_JOBJ } TbJsonKind;
typedef struct TbJson TbJson;
struct TbJson {
    TbJsonKind kind;
    double num;             /* TB_JNUM; TB_JBOOL: 0 or 1 */
    char *str;              /* TB_JSTR */
    int n;                  /* TB_JARR / TB_JOBJ: element count */
    char **keys;            /* TB_JOBJ */
    TbJson **items;         /* TB_JARR / TB_JOBJ */
};
/* Parse one JSON value filling the whole text (surrounding blanks allowed).
 * NULL with a message in err on error. */
TbJson *tb_json_parse(const char *text, char *err, size_t errlen);
void tb_json_free(TbJson *j);
const TbJson *tb_json_get(const TbJson *obj, const char *key);   /* borrowed or NULL */
const char *tb_json_str(const TbJson *obj, const char *key);     /* NULL unless a string */
/* The number at key; `fallback` when absent or not a number. */
double tb_json_num(const TbJson *obj, const char *key, double fallback);

/* Streaming writer: commas and indentation are handled here. */
typedef struct {
    FILE *f;
    int depth;
    int first[32];          /* no element written yet at this depth */
    int after_key;          /* the next value follows "key": */
    int flat;               /* depth of an array written on one line, or 0 */
} TbJw;
void tb_jw_init(TbJw *w, FILE *f);
void tb_jw_obj(TbJw *w);
void tb_jw_end_obj(TbJw *w);
void tb_jw_arr(TbJw *w);
void tb_jw_flat_arr(TbJw *w);                       /* [1, 2, 3] on one line */
void tb_jw_end_arr(TbJw *w);
void tb_jw_key(TbJw *w, const char *key);
void tb_jw_str(TbJw *w, const char *s);             /* NULL writes null */
void tb_jw_num(TbJw *w, double v);                  /* NaN/inf write null */
void tb_jw_int(TbJw *w, long long v);
void tb_jw_bool(TbJw *w, int v);
void tb_jw_null(TbJw *w);
void tb_json_escape(FILE *f, const char *s);        /* "s" with quotes */

/* ---- statistics --------------------------------------------------------- */
typedef struct {
    int n;
    double median, min, max;
    double spread;          /* (max - min) / median: 0 when n < 2 */
} TbStats;
int tb_stats(const double *times, int n, TbStats *out);    /* -1 if n == 0 */
/* Each of T threads does the full work, so perfect scaling keeps the time
 * flat: speedup = T * t1 / tT, efficiency = speedup / T. NaN if unknown. */
double tb_speedup(double t1, double tT, int threads);
double tb_efficiency(double speedup, int threads);
/* Geometric mean of the positive finite values; NaN if there are none. */
double tb_geomean(const double *v, int n);
/* compare: B/A is flagged when it leaves the band both runs' spreads allow. */
int tb_ratio_significant(double ma, double spread_a, double mb, double spread_b);

/* ---- options of `run` ----------------------------------------------------- */
typedef struct {
    char **builds; int nbuilds;
    char **workloads; int nworkloads;   /* nworkloads == 0: all */
    int *threads; int nthreads;         /* nthreads == 0: default from topology */
    int threads_all;
    const char *pin;                    /* compact | scatter | none */
    int repeat, warmup;
    double scale;
    double timeout;                     /* seconds per measurement */
    const char *out;                    /* NULL: no files */
    const char *workload_dir;
    int quiet;
    int no_plot;
} TbRunOptions;
/* 0 on success; -1 with a message naming the option in err. */
int tb_parse_run_options(int argc, char **argv, TbRunOptions *o, char *err, size_t errlen);
/* "1,2,4" -> sorted unique positive ints. -1 on error. */
int tb_parse_int_list(const char *s, int **out, int *n, char *err, size_t errlen);
/* 1, 2, 4, ... up to cores, plus cores itself. */
int tb_default_threads(int cores, int **out);

/* ---- topology ------------------------------------------------------------- */
typedef struct {
    int level;
    const char *type;       /* unified | data | instruction */
    unsigned long long size;
    int count;
} TbCache;
typedef struct {
    int packages, numa_nodes, cores, pus;
    int allowed_cores;      /* cores with at least one allowed PU */
    TbCache caches[16]; int ncaches;
    char allowed[256];      /* CPU list this process may use */
    char cpu_model[256];
    double loadavg;         /* 1-minute load average when the run started */
    char kernel[400];
    char hostname[128];
    int *compact; int ncompact;
    int *scatter; int nscatter;
} TbMachine;
int tb_topo_load(TbMachine *m, char *err, size_t errlen);
/* The CPU list (OS numbers, "0,1,...") for T threads under a policy: the
 * first min(T, PUs) CPUs of the order. "" for none. New string. */
char *tb_topo_cpus(const TbMachine *m, const char *policy, int threads);
void tb_topo_print(const TbMachine *m, FILE *f);
/* "0,2,4-7" -> CPU numbers; -1 on syntax error. */
int tb_cpulist_parse(const char *s, int *cpus, int cap);

/* ---- child processes ------------------------------------------------------ */
typedef struct {
    char *out, *err;        /* captured output, NUL-terminated */
    int status;             /* exit code, or -1 */
    int signal;             /* terminating signal, or 0 */
    int timed_out;
    int exec_failed;        /* the command could not be started */
    double wall;            /* seconds */
    double cpu;             /* user + system seconds of the child and its threads */
} TbProc;
/* Run argv (argv[0] searched in PATH). cpus: if non-NULL and non-empty,
 * the child is confined to that CPU list with sched_setaffinity before
 * exec. timeout <= 0: none. Returns 0 if it could be spawned. */
int tb_proc_run(char *const argv[], const char *cpus, double timeout, TbProc *p);
void tb_proc_free(TbProc *p);
/* Describes how a process failed ("exit status 1: last stderr line"). */
char *tb_proc_failure(const TbProc *p);
double tb_now(void);

/* ---- builds ----------------------------------------------------------------- */
typedef struct {
    char *name;             /* gil, ft, or the command as given */
    char **argv; int argc;  /* the command, split on blanks */
    int tree;               /* one of this tree's interpreters: pinned per thread */
    char *version;          /* `CMD -V`, or NULL */
    char *configure_flags;  /* tree builds only */
    char *cflags;
    char *commit;
    int dirty;
    char *error;            /* not runnable: why */
} TbBuild;
const char *tb_src_root(void);
const char *tb_bin_dir(void);
void tb_build_resolve(TbBuild *b, const char *name);
/* argv for one run: the build's command, -X pin=LIST for tree builds,
 * then the extra args. NULL-terminated; release with one free() (the
 * other strings are borrowed). */
char **tb_build_argv(const TbBuild *b, const char *cpus, char *const extra[]);

/* ---- run -------------------------------------------------------------------- */
typedef struct {
    char *name, *kind, *description;
} TbWorkload;
typedef struct {
    int build, workload, threads;
    char *cpus;
    long n;
    double *times; int ntimes;
    TbStats st;
    double speedup, efficiency;
    char *error;
} TbRecord;
typedef struct {
    TbRunOptions opt;
    TbMachine machine;
    TbBuild *builds; int nbuilds;
    TbWorkload *workloads; int nworkloads;
    TbRecord *recs; int nrecs;
    char date[32];
    int failures;
} TbSuite;
int tb_cmd_run(int argc, char **argv);
/* Parse a driver's output; 0 and *seconds, *n on success, otherwise a new
 * message in *why. */
int tb_parse_driver_output(const char *out, const char *workload, int threads,
                           double *seconds, long *n, char **why);
int tb_list_workloads(const char *interp_cmd, const char *dir, TbWorkload **out, int *n, char **why);
/* Driver path inside a workload dir. */
char *tb_driver_path(const char *dir);

/* ---- reports ---------------------------------------------------------------- */
void tb_compute(TbSuite *s);
void tb_print_table(const TbSuite *s, FILE *f);
int tb_write_json(const TbSuite *s, const char *path);
int tb_write_csv(const TbSuite *s, const char *path);
/* Writes scaling.gp, scaling.svg and scaling.png in dir from results.json
 * there. 0 on success; -1 with a message on stderr. */
int tb_plot(const char *dir);
int tb_cmd_plot(int argc, char **argv);
/* Read and check a results.json; NULL with a message on stderr. */
TbJson *tb_load_results(const char *path);
int tb_cmd_compare(int argc, char **argv);
int tb_cmd_kernels(int argc, char **argv);

#endif
