/* Unit tests of tandem-bench's pure parts, linked against the harness
 * objects: option parsing, statistics, the JSON parser and writer, the
 * TANDEM-BENCH line, the CSV/JSON writers on a hand-made suite, and the
 * CPU orders on this machine. tests/bench/run.sh covers the command end
 * to end (fake interpreters, real pinning). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness.h"

static int parse(TbRunOptions *o, char *err, int argc, char **argv)
{
    return tb_parse_run_options(argc, argv, o, err, 512);
}
#define ARGS(...) (char *[]){__VA_ARGS__}, (int)(sizeof((char *[]){__VA_ARGS__}) / sizeof(char *))

static int parse_v(TbRunOptions *o, char *err, char **argv, int argc)
{
    return parse(o, err, argc, argv);
}

Test(options, defaults)
{
    TbRunOptions o;
    char err[512];
    cr_assert_eq(parse(&o, err, 0, NULL), 0);
    cr_assert_eq(o.nbuilds, 2);
    cr_assert_str_eq(o.builds[0], "gil");
    cr_assert_str_eq(o.builds[1], "ft");
    cr_assert_eq(o.nworkloads, 0);
    cr_assert_eq(o.nthreads, 0);
    cr_assert_str_eq(o.pin, "compact");
    cr_assert_eq(o.repeat, 3);
    cr_assert_eq(o.warmup, 1);
    cr_assert_float_eq(o.scale, 1.0, 1e-12);
    cr_assert_null(o.out);
}

Test(options, all_options_both_spellings)
{
    TbRunOptions o;
    char err[512];
    cr_assert_eq(parse_v(&o, err, ARGS("--builds", "gil,ft,python3 -X dev", "--workloads=a,b",
                                       "--threads", "4,1,2,2", "--pin=scatter", "--repeat", "5",
                                       "--warmup=0", "--scale", "0.25", "--out", "d", "--quiet",
                                       "--timeout=9", "--no-plot")), 0, "%s", err);
    cr_assert_eq(o.nbuilds, 3);
    cr_assert_str_eq(o.builds[2], "python3 -X dev");
    cr_assert_eq(o.nworkloads, 2);
    cr_assert_str_eq(o.workloads[1], "b");
    cr_assert_eq(o.nthreads, 3);
    cr_assert_eq(o.threads[0], 1);
    cr_assert_eq(o.threads[1], 2);
    cr_assert_eq(o.threads[2], 4);
    cr_assert_str_eq(o.pin, "scatter");
    cr_assert_eq(o.repeat, 5);
    cr_assert_eq(o.warmup, 0);
    cr_assert_float_eq(o.scale, 0.25, 1e-12);
    cr_assert_float_eq(o.timeout, 9, 1e-12);
    cr_assert_str_eq(o.out, "d");
    cr_assert(o.quiet && o.no_plot);
}

Test(options, all_keywords)
{
    TbRunOptions o;
    char err[512];
    cr_assert_eq(parse_v(&o, err, ARGS("--workloads", "all", "--threads", "all")), 0);
    cr_assert_eq(o.nworkloads, 0);
    cr_assert(o.threads_all);
}

static void expect_error(char **argv, int argc, const char *fragment)
{
    TbRunOptions o;
    char err[512];
    cr_assert_eq(parse_v(&o, err, argv, argc), -1, "accepted: %s", argv[0]);
    cr_assert(strstr(err, fragment), "message '%s' lacks '%s'", err, fragment);
}

Test(options, errors_name_the_option)
{
    expect_error(ARGS("--threads", "0"), "'0' is not a thread count");
    expect_error(ARGS("--threads", "1,,2"), "'' is not a thread count");
    expect_error(ARGS("--threads", "two"), "'two'");
    expect_error(ARGS("--repeat", "0"), "--repeat");
    expect_error(ARGS("--warmup", "-1"), "--warmup");
    expect_error(ARGS("--scale", "0"), "--scale");
    expect_error(ARGS("--scale", "nan"), "--scale");
    expect_error(ARGS("--pin", "diagonal"), "unknown policy 'diagonal'");
    expect_error(ARGS("--builds", "gil,,ft"), "empty name");
    expect_error(ARGS("--workloads", "all,x"), "'all' cannot be combined");
    expect_error(ARGS("--repeat"), "option --repeat needs a value");
    expect_error(ARGS("--frobnicate"), "unknown option '--frobnicate'");
    expect_error(ARGS("extra"), "unexpected argument 'extra'");
}

Test(options, default_threads)
{
    int *v;
    int n = tb_default_threads(6, &v);
    int want[] = {1, 2, 4, 6};
    cr_assert_eq(n, 4);
    for (int i = 0; i < n; i++)
        cr_assert_eq(v[i], want[i]);
    n = tb_default_threads(8, &v);
    cr_assert_eq(n, 4);
    cr_assert_eq(v[3], 8);
    n = tb_default_threads(1, &v);
    cr_assert_eq(n, 1);
    cr_assert_eq(v[0], 1);
    n = tb_default_threads(2, &v);
    cr_assert_eq(n, 2);
}

Test(stats, odd_even_and_single)
{
    TbStats s;
    double a[] = {3.0, 1.0, 2.0};
    cr_assert_eq(tb_stats(a, 3, &s), 0);
    cr_assert_float_eq(s.median, 2.0, 1e-12);
    cr_assert_float_eq(s.min, 1.0, 1e-12);
    cr_assert_float_eq(s.max, 3.0, 1e-12);
    cr_assert_float_eq(s.spread, 1.0, 1e-12);
    double b[] = {4.0, 1.0, 3.0, 2.0};
    tb_stats(b, 4, &s);
    cr_assert_float_eq(s.median, 2.5, 1e-12);
    cr_assert_float_eq(s.spread, 3.0 / 2.5, 1e-12);
    cr_assert_float_eq(b[0], 4.0, 0, "input must not be reordered");
    double c[] = {0.5};
    tb_stats(c, 1, &s);
    cr_assert_float_eq(s.median, 0.5, 1e-12);
    cr_assert_float_eq(s.spread, 0.0, 1e-12);
    cr_assert_eq(tb_stats(c, 0, &s), -1);
    cr_assert(isnan(s.median));
}

Test(stats, speedup_counts_full_work_per_thread)
{
    /* 2 threads each doing the full work in the same time: perfect. */
    cr_assert_float_eq(tb_speedup(1.0, 1.0, 2), 2.0, 1e-12);
    /* GIL-like: twice the work takes twice the time: no speedup. */
    cr_assert_float_eq(tb_speedup(1.0, 2.0, 2), 1.0, 1e-12);
    cr_assert_float_eq(tb_efficiency(tb_speedup(1.0, 1.25, 4), 4), 0.8, 1e-12);
    cr_assert(isnan(tb_speedup(NAN, 1.0, 2)));
    cr_assert(isnan(tb_speedup(1.0, 0.0, 2)));
}

Test(stats, geomean_and_significance)
{
    double v[] = {2.0, 8.0, NAN, -1};
    cr_assert_float_eq(tb_geomean(v, 4), 4.0, 1e-12);
    cr_assert(isnan(tb_geomean(v + 2, 2)));
    cr_assert_not(tb_ratio_significant(1.0, 0.05, 1.04, 0.02));
    cr_assert(tb_ratio_significant(1.0, 0.05, 1.10, 0.02));
    cr_assert(tb_ratio_significant(1.0, 0.05, 0.90, 0.02));
    cr_assert_not(tb_ratio_significant(1.0, 0, 1.005, 0));
    cr_assert(tb_ratio_significant(1.0, 0, 1.02, 0));
}

Test(json, parse_values)
{
    char err[200];
    TbJson *j = tb_json_parse(" {\"a\": [1, -2.5e3, true, false, null], \"s\": \"x\\\"\\n\\u00e9\\ud83d\\ude00\","
                              " \"o\": {}} ", err, sizeof err);
    cr_assert_not_null(j, "%s", err);
    const TbJson *a = tb_json_get(j, "a");
    cr_assert_eq(a->kind, TB_JARR);
    cr_assert_eq(a->n, 5);
    cr_assert_float_eq(a->items[1]->num, -2500.0, 1e-9);
    cr_assert_eq(a->items[2]->kind, TB_JBOOL);
    cr_assert_eq(a->items[4]->kind, TB_JNULL);
    cr_assert_str_eq(tb_json_str(j, "s"), "x\"\n\xc3\xa9\xf0\x9f\x98\x80");
    cr_assert_eq(tb_json_get(j, "o")->n, 0);
    cr_assert_null(tb_json_get(j, "missing"));
    cr_assert_float_eq(tb_json_num(j, "s", 7.0), 7.0, 0);
    tb_json_free(j);
}

Test(json, parse_errors)
{
    char err[200];
    const char *bad[] = {"", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "01", "nan", "0x10",
                         "\"abc", "[1] 2", "{'a': 1}", "tru", "\"\\q\""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        TbJson *j = tb_json_parse(bad[i], err, sizeof err);
        cr_assert_null(j, "accepted %s", bad[i]);
        cr_assert(err[0], "no message for %s", bad[i]);
    }
}

Test(json, writer_round_trips)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    TbJw w;
    tb_jw_init(&w, f);
    tb_jw_obj(&w);
    tb_jw_key(&w, "name"); tb_jw_str(&w, "a\"b\\c\n\x01");
    tb_jw_key(&w, "x"); tb_jw_num(&w, 0.1);
    tb_jw_key(&w, "third"); tb_jw_num(&w, 1.0 / 3);
    tb_jw_key(&w, "nan"); tb_jw_num(&w, NAN);
    tb_jw_key(&w, "list"); tb_jw_arr(&w); tb_jw_int(&w, 1); tb_jw_bool(&w, 1); tb_jw_null(&w); tb_jw_end_arr(&w);
    tb_jw_key(&w, "empty"); tb_jw_arr(&w); tb_jw_end_arr(&w);
    tb_jw_key(&w, "none"); tb_jw_str(&w, NULL);
    tb_jw_key(&w, "flat"); tb_jw_flat_arr(&w); tb_jw_num(&w, 0.5); tb_jw_int(&w, 2); tb_jw_end_arr(&w);
    tb_jw_key(&w, "after"); tb_jw_int(&w, 3);
    tb_jw_end_obj(&w);
    fclose(f);
    char err[200];
    TbJson *j = tb_json_parse(buf, err, sizeof err);
    cr_assert_not_null(j, "%s in %s", err, buf);
    cr_assert_str_eq(tb_json_str(j, "name"), "a\"b\\c\n\x01");
    cr_assert_eq(tb_json_num(j, "x", 0), 0.1);
    cr_assert_eq(tb_json_num(j, "third", 0), 1.0 / 3);
    cr_assert(strstr(buf, "\"x\": 0.1,"), "shortest repr expected: %s", buf);
    cr_assert_eq(tb_json_get(j, "nan")->kind, TB_JNULL);
    cr_assert_eq(tb_json_get(j, "list")->n, 3);
    cr_assert_eq(tb_json_get(j, "empty")->n, 0);
    cr_assert_eq(tb_json_get(j, "none")->kind, TB_JNULL);
    cr_assert(strstr(buf, "\"flat\": [0.5, 2],\n  \"after\": 3\n}"), "flat array: %s", buf);
    tb_json_free(j);
    free(buf);
}

Test(driver_line, accepted_and_rejected)
{
    double s = 0;
    long n = 0;
    char *why;
    cr_assert_eq(tb_parse_driver_output("noise\nTANDEM-BENCH {\"workload\": \"w\", \"threads\": 2, \"n\": 5, "
                                        "\"seconds\": 0.25, \"check\": \"ok\"}\n", "w", 2, &s, &n, &why), 0);
    cr_assert_float_eq(s, 0.25, 0);
    cr_assert_eq(n, 5);
    struct { const char *out, *frag; } bad[] = {
        {"", "no TANDEM-BENCH line"},
        {"TANDEM-BENCH {\"workload\": ", "malformed"},
        {"TANDEM-BENCH [1]", "not a JSON object"},
        {"TANDEM-BENCH {\"workload\": \"v\", \"threads\": 2, \"seconds\": 1, \"check\": \"ok\"}", "names workload 'v'"},
        {"TANDEM-BENCH {\"workload\": \"w\", \"threads\": 1, \"seconds\": 1, \"check\": \"ok\"}", "reports 1 threads"},
        {"TANDEM-BENCH {\"workload\": \"w\", \"threads\": 2, \"seconds\": 1, \"check\": \"lost 2\"}", "check failed: lost 2"},
        {"TANDEM-BENCH {\"workload\": \"w\", \"threads\": 2, \"seconds\": -1, \"check\": \"ok\"}", "positive"},
        {"TANDEM-BENCH {\"workload\": \"w\", \"threads\": 2, \"seconds\": 1}", "no \"check\""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert_eq(tb_parse_driver_output(bad[i].out, "w", 2, &s, &n, &why), -1, "accepted %s", bad[i].out);
        cr_assert(strstr(why, bad[i].frag), "'%s' lacks '%s'", why, bad[i].frag);
        free(why);
    }
}

/* A two-record suite written by the real writers and read back. */
static void make_suite(TbSuite *s)
{
    static double t1[] = {1.0, 1.2, 0.8}, t2[] = {1.25};
    static TbBuild b[1];
    static TbWorkload w[1] = {{"fake, \"quoted\"", "private", "d"}};
    static int threads[] = {1, 2};
    static TbRecord r[2];
    memset(s, 0, sizeof *s);
    b[0] = (TbBuild){.name = "gil", .argv = (char *[]){"x", NULL}, .argc = 1, .tree = 1, .version = "v"};
    r[0] = (TbRecord){0, 0, 1, "0", 10, t1, 3, {0}, 0, 0, NULL};
    r[1] = (TbRecord){0, 0, 2, "0,1", 10, t2, 1, {0}, 0, 0, "boom, \"bad\""};
    s->builds = b; s->nbuilds = 1;
    s->workloads = w; s->nworkloads = 1;
    s->recs = r; s->nrecs = 2;
    s->opt.pin = "compact"; s->opt.repeat = 3; s->opt.warmup = 1; s->opt.scale = 0.5;
    s->opt.threads = threads; s->opt.nthreads = 2;
    strcpy(s->date, "2026-01-01T00:00:00Z");
    strcpy(s->machine.cpu_model, "test cpu");
    tb_compute(s);
}

Test(writers, json_schema)
{
    TbSuite s;
    make_suite(&s);
    char path[] = "/tmp/tb-test-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    cr_assert_eq(tb_write_json(&s, path), 0);
    TbJson *j = tb_load_results(path);
    cr_assert_not_null(j);
    cr_assert_str_eq(tb_json_str(j, "schema"), "tandem-bench/1");
    cr_assert_str_eq(tb_json_str(tb_json_get(j, "machine"), "cpu_model"), "test cpu");
    cr_assert_str_eq(tb_json_str(tb_json_get(j, "builds")->items[0], "version"), "v");
    const TbJson *res = tb_json_get(j, "results");
    cr_assert_eq(res->n, 2);
    const TbJson *r0 = res->items[0], *r1 = res->items[1];
    cr_assert_str_eq(tb_json_str(r0, "build"), "gil");
    cr_assert_str_eq(tb_json_str(r0, "workload"), "fake, \"quoted\"");
    cr_assert_str_eq(tb_json_str(r1, "cpus"), "0,1");
    cr_assert_eq(tb_json_get(r0, "times")->n, 3);
    cr_assert_float_eq(tb_json_num(r0, "median", 0), 1.0, 1e-12);
    cr_assert_float_eq(tb_json_num(r0, "speedup", 0), 1.0, 1e-12);
    cr_assert_float_eq(tb_json_num(r0, "spread", 0), 0.4, 1e-12);
    cr_assert_float_eq(tb_json_num(r1, "speedup", 0), 1.6, 1e-12);
    cr_assert_float_eq(tb_json_num(r1, "efficiency", 0), 0.8, 1e-12);
    cr_assert_eq(tb_json_num(r1, "repeat", 0), 3);
    cr_assert_str_eq(tb_json_str(r1, "error"), "boom, \"bad\"");
    tb_json_free(j);
    unlink(path);
}

Test(writers, csv_quoting_and_columns)
{
    TbSuite s;
    make_suite(&s);
    char path[] = "/tmp/tb-test-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    cr_assert_eq(tb_write_csv(&s, path), 0);
    FILE *f = fopen(path, "r");
    char line[1024];
    cr_assert_not_null(fgets(line, sizeof line, f));
    cr_assert_str_eq(line, "workload,kind,build,threads,cpus,n,repeat,warmup,scale,median,min,max,spread,"
                           "speedup,efficiency,times,error\n");
    cr_assert_not_null(fgets(line, sizeof line, f));
    cr_assert_str_eq(line, "\"fake, \"\"quoted\"\"\",private,gil,1,0,10,3,1,0.5,1,0.8,1.2,0.4,1,1,1;1.2;0.8,\n");
    cr_assert_not_null(fgets(line, sizeof line, f));
    cr_assert_str_eq(line, "\"fake, \"\"quoted\"\"\",private,gil,2,\"0,1\",10,3,1,0.5,1.25,1.25,1.25,0,1.6,0.8,"
                           "1.25,\"boom, \"\"bad\"\"\"\n");
    cr_assert_null(fgets(line, sizeof line, f));
    fclose(f);
    unlink(path);
}

Test(topo, orders_cover_allowed_cpus)
{
    TbMachine m;
    char err[256];
    cr_assert_eq(tb_topo_load(&m, err, sizeof err), 0, "%s", err);
    int allowed[4096];
    int na = tb_cpulist_parse(m.allowed, allowed, 4096);
    cr_assert_eq(na, m.ncompact);
    cr_assert_eq(na, m.nscatter);
    cr_assert(m.allowed_cores >= 1 && m.allowed_cores <= na);
    /* Every allowed CPU exactly once in each order. */
    for (int i = 0; i < na; i++) {
        int c = 0, s = 0;
        for (int k = 0; k < na; k++) {
            c += m.compact[k] == allowed[i];
            s += m.scatter[k] == allowed[i];
        }
        cr_assert_eq(c, 1);
        cr_assert_eq(s, 1);
    }
    char *one = tb_topo_cpus(&m, "compact", 1);
    char want[16];
    snprintf(want, sizeof want, "%d", m.compact[0]);
    cr_assert_str_eq(one, want);
    char *many = tb_topo_cpus(&m, "compact", 100000);
    cr_assert_eq(tb_cpulist_parse(many, allowed, 4096), na, "more threads than CPUs: the whole order");
    cr_assert_str_eq(tb_topo_cpus(&m, "none", 2), "");
}

Test(topo, cpulist_parse)
{
    int c[16];
    cr_assert_eq(tb_cpulist_parse("0,2,4-7", c, 16), 6);
    cr_assert_eq(c[5], 7);
    cr_assert_eq(tb_cpulist_parse("", c, 16), 0);
    cr_assert_eq(tb_cpulist_parse("3-1", c, 16), -1);
    cr_assert_eq(tb_cpulist_parse("1,", c, 16), -1);
    cr_assert_eq(tb_cpulist_parse("a", c, 16), -1);
}

Test(builds, argv_pins_tree_builds_only)
{
    TbBuild tree = {.name = "ft", .argv = (char *[]){"/x/tandem-ft", NULL}, .argc = 1, .tree = 1};
    TbBuild other = {.name = "python3 -X dev", .argv = (char *[]){"python3", "-X", "dev", NULL}, .argc = 3};
    char **v = tb_build_argv(&tree, "0,2", (char *[]){"d.py", "w", "2", "1", NULL});
    const char *want[] = {"/x/tandem-ft", "-X", "pin=0,2", "d.py", "w", "2", "1", NULL};
    for (int i = 0; want[i]; i++)
        cr_assert_str_eq(v[i], want[i]);
    cr_assert_null(v[7]);
    free(v);
    v = tb_build_argv(&other, "0,2", (char *[]){"d.py", NULL});
    const char *want2[] = {"python3", "-X", "dev", "d.py", NULL};
    for (int i = 0; want2[i]; i++)
        cr_assert_str_eq(v[i], want2[i]);
    cr_assert_null(v[4]);
    free(v);
    v = tb_build_argv(&tree, "", NULL);   /* --pin none */
    cr_assert_str_eq(v[0], "/x/tandem-ft");
    cr_assert_null(v[1]);
    free(v);
}
