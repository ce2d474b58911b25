/* tandem-bench: command dispatch and the small subcommands (list, topo).
 * See docs/benchmarking.md. Exit status: 0 all measurements fine, 1 some
 * measurement or build failed (the rest still reported), 2 usage error. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"

static void usage(FILE *f)
{
    fputs("usage: tandem-bench COMMAND [options]\n"
          "  run [--builds gil,ft[,CMD...]] [--workloads NAMES|all] [--threads 1,2,4|all]\n"
          "      [--pin compact|scatter|none] [--repeat N] [--warmup N] [--scale X]\n"
          "      [--timeout SECONDS] [--out DIR] [--workload-dir DIR] [--no-plot] [--quiet]\n"
          "                         measure scaling; table on stdout, files in DIR\n"
          "  list [--workload-dir DIR] [--build B]   the workloads, one line each\n"
          "  topo                   the machine as hwloc sees it, and the pin orders\n"
          "  compare A.json B.json  ratio of medians per workload, build and thread count\n"
          "  plot DIR               redraw DIR/scaling.svg and .png from DIR/results.json\n"
          "  kernels [--builds gil,ft,python3] [--kernels NAMES] [--repeat N] [--test] [--kernel-dir DIR]\n"
          "                         single-thread kernels: times and ratios vs python3\n"
          "Builds gil and ft are the interpreters beside this program; any other build is an\n"
          "interpreter command (e.g. python3), confined to the same CPUs at process level.\n",
          f);
}

static int cmd_list(int argc, char **argv)
{
    const char *dir = NULL, *build = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--workload-dir") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--build") == 0 && i + 1 < argc)
            build = argv[++i];
        else {
            fprintf(stderr, "tandem-bench list: unknown option '%s'\n", argv[i]);
            return 2;
        }
    }
    char *buf = dir ? NULL : tb_xasprintf("%s/bench/workloads", tb_src_root());
    if (!dir)
        dir = buf;
    TbWorkload *w;
    int n;
    char *why = NULL;
    const char *tries[] = {build ? build : "gil", "python3"};
    int ok = 0;
    for (int i = 0; i < (build ? 1 : 2) && !ok; i++) {
        free(why);
        why = NULL;
        ok = tb_list_workloads(tries[i], dir, &w, &n, &why) == 0;
    }
    if (!ok) {
        fprintf(stderr, "tandem-bench: error: %s\n", why);
        return 1;
    }
    for (int i = 0; i < n; i++)
        printf("%-22s %-10s %s\n", w[i].name, w[i].kind, w[i].description);
    free(buf);
    return 0;
}

static int cmd_topo(int argc, char **argv)
{
    (void)argv;
    if (argc) {
        fputs("usage: tandem-bench topo\n", stderr);
        return 2;
    }
    TbMachine m;
    char err[256];
    if (tb_topo_load(&m, err, sizeof err) < 0) {
        fprintf(stderr, "tandem-bench: %s\n", err);
        return 1;
    }
    tb_topo_print(&m, stdout);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    /* python3 runs of the workloads must not leave __pycache__ in the tree. */
    setenv("PYTHONDONTWRITEBYTECODE", "1", 0);
    const char *cmd = argv[1];
    argc -= 2;
    argv += 2;
    if (strcmp(cmd, "run") == 0)
        return tb_cmd_run(argc, argv);
    if (strcmp(cmd, "list") == 0)
        return cmd_list(argc, argv);
    if (strcmp(cmd, "topo") == 0)
        return cmd_topo(argc, argv);
    if (strcmp(cmd, "compare") == 0)
        return tb_cmd_compare(argc, argv);
    if (strcmp(cmd, "plot") == 0)
        return tb_cmd_plot(argc, argv);
    if (strcmp(cmd, "kernels") == 0)
        return tb_cmd_kernels(argc, argv);
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "tandem-bench: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
