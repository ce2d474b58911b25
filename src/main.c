/* Command line of tandem-gil / tandem-ft:
 *   tandem-X [options] [-c CODE | script.py | -] [args...]
 * With no program and stdin a terminal: an interactive prompt; otherwise the
 * program is read from stdin. Errors look like CPython's and exit 1; usage
 * errors exit 2. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/module.h"
#include "tandem/import.h"
#include "tandem/compile.h"
#include "tandem/eval.h"
#include "tandem/parse.h"
#include "tandem/thread.h"

static const char usage[] =
"usage: %s [option] ... [-c cmd | file | -] [arg] ...\n"
"Options:\n"
"  -c cmd   program passed in as string (terminates option list)\n"
"  -h       print this help message and exit\n"
"  -V       print the version and build (gil or ft) and exit\n"
"  -X opt   implementation-specific option:\n"
"           -X stats             print runtime counters at exit (stderr)\n"
"           -X switchinterval=S  GIL switch interval in seconds (gil build)\n"
"           -X pin=compact|scatter|none|CPU,CPU-CPU  pin threads to CPUs\n"
"           -X chaos=SEED        perturb thread scheduling reproducibly\n"
"file     program read from script file\n"
"-        program read from stdin (default; interactive mode if a tty)\n"
"arg ...  arguments passed to program in sys.argv[1:]\n";

struct run {
    const char *command;     /* -c */
    const char *script;      /* path, or NULL for stdin */
    int interactive;
    int status;              /* exit status */
};

static int parse_x_option(const char *prog, const char *opt)
{
    if (strcmp(opt, "stats") == 0) {
        tn_runtime.opt_stats = 1;
        return 0;
    }
    if (strncmp(opt, "switchinterval=", 15) == 0) {
        char *end;
        errno = 0;
        double v = strtod(opt + 15, &end);
        if (errno || end == opt + 15 || *end || !(v > 0)) {
            fprintf(stderr, "%s: -X switchinterval needs a positive number of seconds, got '%s'\n",
                    prog, opt + 15);
            return -1;
        }
        tn_runtime.switch_interval = v;
        return 0;
    }
    if (strncmp(opt, "pin=", 4) == 0) {
        /* Validated against the machine's topology when the runtime starts
         * (src/runtime/pin.c), which reports a bad policy or CPU list. */
        if (!opt[4]) {
            fprintf(stderr, "%s: -X pin needs compact, scatter, none or a CPU list like 0,2,4-7\n", prog);
            return -1;
        }
        tn_runtime.pin_policy = opt + 4;
        return 0;
    }
    if (strncmp(opt, "chaos=", 6) == 0) {
        char *end;
        errno = 0;
        unsigned long long seed = strtoull(opt + 6, &end, 10);
        if (errno || end == opt + 6 || *end) {
            fprintf(stderr, "%s: -X chaos needs an integer seed, got '%s'\n", prog, opt + 6);
            return -1;
        }
        tn_runtime.opt_chaos = 1;
        tn_runtime.chaos_seed = seed;
        return 0;
    }
    fprintf(stderr, "%s: unknown -X option '%s' (see -h)\n", prog, opt);
    return -1;
}

/* SystemExit(code): None -> 0, int -> code, anything else -> printed, 1. */
static int exit_status_of(TnObject *exc)
{
    TnObject *code = tn_object_getattr(exc, TN_ID(code));
    int status = 1;
    if (!code) {
        tn_err_clear();
        return 1;
    }
    if (code == tn_None) {
        status = 0;
    } else if (tn_int_check(code)) {
        int ovf = 0;
        int64_t v = 0;
        ovf = !tn_int_as_i64_overflow(code, &v);
        status = ovf ? -1 : (int)v;
    } else {
        TnObject *s = tn_object_str(code);
        if (s) {
            fprintf(stderr, "%s\n", tn_str_as_cstr(s));
            TN_DECREF(s);
        } else {
            tn_err_clear();
        }
    }
    TN_DECREF(code);
    return status & 0xff;
}

/* An uncaught KeyboardInterrupt ends the process the way CPython does:
 * by SIGINT itself, so that a calling shell sees "interrupted" (130). */
static int exit_by_sigint;

/* Report the pending exception; returns the process exit status. */
static int handle_exception(void)
{
    TnObject *exc = tn_err_fetch();
    int status = 1;
    if (!exc)
        return 1;
    if (tn_exc_matches(exc, (TnObject *)&tn_exc_SystemExit))
        status = exit_status_of(exc);
    else {
        exit_by_sigint = tn_exc_matches(exc, (TnObject *)&tn_exc_KeyboardInterrupt);
        tn_err_print_exception(exc);
    }
    TN_DECREF(exc);
    return status;
}

static char *read_stream(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
    }
    *len = n;
    return buf;
}

static int flush_std_streams(void)
{
    static const char *names[] = { "stdout", "stderr" };
    int status = 0;
    for (int i = 0; i < 2; i++) {
        TnObject *stream = tn_object_getattr_cstr(tn_runtime.sys, names[i]);
        if (!stream) {
            tn_err_clear();
            continue;
        }
        if (stream != tn_None) {
            TnObject *r = tn_call_method(stream, TN_ID(flush), NULL, 0);
            if (r)
                TN_DECREF(r);
            else {
                tn_err_clear();
                status = 120;   /* CPython's status when flushing stdout fails */
            }
        }
        TN_DECREF(stream);
    }
    fflush(stdout);
    return status;
}

static void run_interactive(TnObject *globals, struct run *r)
{
    char line[4096];
    printf("tandem %s (%s build) -- a Python 3 subset\n", TN_VERSION, TN_BUILD_NAME);
    for (;;) {
        char *src = NULL;
        size_t len = 0;
        const char *prompt = ">>> ";
        for (;;) {
            fputs(prompt, stdout);
            fflush(stdout);
            if (!fgets(line, sizeof line, stdin)) {
                free(src);
                if (len == 0) {
                    putchar('\n');
                    r->status = 0;
                    return;
                }
                src = NULL;
                break;
            }
            size_t n = strlen(line);
            char *ns = realloc(src, len + n + 1);
            if (!ns) {
                free(src);
                r->status = 1;
                return;
            }
            src = ns;
            memcpy(src + len, line, n + 1);
            len += n;
            if (!tn_parse_incomplete(src, len))
                break;
            prompt = "... ";
        }
        if (!src)
            continue;
        if (src[strspn(src, " \t\r\n")] == '\0') {   /* an empty line does nothing */
            free(src);
            continue;
        }
        TnObject *res = tn_run_string(src, "<stdin>", globals, TN_COMPILE_SINGLE);
        free(src);
        if (res) {
            TN_DECREF(res);
        } else if (tn_err_matches(&tn_exc_SystemExit)) {
            r->status = handle_exception();
            return;
        } else {
            handle_exception();
        }
    }
}

static void run_main(void *arg)
{
    struct run *r = arg;
    TnObject *main_mod = tn_module_new("__main__");
    if (!main_mod || tn_import_add_module("__main__", main_mod) < 0) {
        r->status = handle_exception();
        return;
    }
    TnObject *globals = tn_module_get_dict(main_mod);
    if (tn_dict_setitem_str(globals, "__builtins__", tn_runtime.builtins) < 0) {
        r->status = handle_exception();
        TN_DECREF(main_mod);
        return;
    }
    TnObject *res = NULL;
    if (r->command) {
        res = tn_run_string(r->command, "<string>", globals, TN_COMPILE_EXEC);
    } else if (r->script) {
        res = tn_run_file(r->script, main_mod);
    } else if (r->interactive) {
        run_interactive(globals, r);
        TN_DECREF(main_mod);
        return;
    } else {
        size_t len;
        char *src = read_stream(stdin, &len);
        if (!src) {
            fprintf(stderr, "tandem: cannot read the program from stdin\n");
            r->status = 1;
            TN_DECREF(main_mod);
            return;
        }
        char *z = realloc(src, len + 1);
        if (z) {
            src = z;
            src[len] = 0;
            res = tn_run_string(src, "<stdin>", globals, TN_COMPILE_EXEC);
        }
        free(src);
    }
    if (res) {
        TN_DECREF(res);
        r->status = 0;
    } else {
        r->status = handle_exception();
    }
    /* threads issue: join every non-daemon thread (threading._shutdown),
     * as CPython does after the script, even one that raised. */
    if (tn_thread_shutdown() < 0) {
        int st = handle_exception();
        if (r->status == 0)
            r->status = st;
    }
    TN_DECREF(main_mod);
}

/* sys.path[0]: the script's directory made absolute with symlinks
 * resolved (as CPython does, so a linked script imports its neighbours),
 * or '' for -c and stdin. */
static int set_path0(const char *script)
{
    TnObject *dir;
    char *full = script ? realpath(script, NULL) : NULL;
    if (full) {
        const char *slash = strrchr(full, '/');
        dir = tn_str_from_utf8(full, slash == full ? 1 : slash - full);
        free(full);
    } else if (script) {
        const char *slash = strrchr(script, '/');
        dir = slash ? tn_str_from_utf8(script, slash == script ? 1 : slash - script)
                    : tn_str_from_cstr("");
    } else {
        dir = tn_str_from_cstr("");
    }
    if (!dir)
        return -1;
    int rc = tn_list_insert(tn_runtime.path, 0, dir);
    TN_DECREF(dir);
    return rc;
}

/* sys.executable: the running binary, absolute so scripts can start it
 * again with subprocess. /proc/self/exe is exact; without /proc, argv[0]
 * is resolved against the working directory or searched on PATH. */
static const char *find_executable(const char *argv0)
{
    static char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = 0;
        return buf;
    }
    if (strchr(argv0, '/'))
        return realpath(argv0, buf) ? buf : "";
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        char cand[PATH_MAX];
        if (len > 0 && len + strlen(argv0) + 2 < sizeof cand) {
            memcpy(cand, path, len);
            cand[len] = '/';
            strcpy(cand + len + 1, argv0);
            if (access(cand, X_OK) == 0 && realpath(cand, buf))
                return buf;
        }
        path = end ? end + 1 : NULL;
    }
    return "";
}

int main(int argc, char **argv)
{
    const char *prog = argv[0];
    struct run r = { 0 };
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            printf(usage, prog);
            return 0;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("tandem %s (%s build)\n", TN_VERSION, TN_BUILD_NAME);
            return 0;
        }
        if (strncmp(a, "-c", 2) == 0) {
            r.command = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!r.command) {
                fprintf(stderr, "Argument expected for the -c option\n%s", "");
                return 2;
            }
            i++;
            break;
        }
        if (strncmp(a, "-X", 2) == 0) {
            const char *opt = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!opt) {
                fprintf(stderr, "%s: -X needs an option (see -h)\n", prog);
                return 2;
            }
            if (parse_x_option(prog, opt) < 0)
                return 2;
            continue;
        }
        fprintf(stderr, "%s: unknown option %s\n", prog, a);
        fprintf(stderr, "usage: %s [option] ... [-c cmd | file | -] [arg] ...\n"
                        "Try `%s -h' for more information.\n", prog, prog);
        return 2;
    }

    /* sys.argv: ['-c', args...], [script, args...] or [''/'-', args...]. */
    int sys_argc;
    char **sys_argv;
    static char dash_c[] = "-c", empty[] = "";
    if (r.command) {
        sys_argv = argv + i - 1;
        sys_argv[0] = dash_c;
        sys_argc = argc - i + 1;
    } else if (i < argc) {
        if (strcmp(argv[i], "-") != 0)
            r.script = argv[i];
        sys_argv = argv + i;
        sys_argc = argc - i;
    } else {
        sys_argv = argv + i - 1;
        sys_argv[0] = empty;
        sys_argc = 1;
        r.interactive = isatty(0);
    }
    if (r.script && access(r.script, R_OK) != 0) {
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, r.script,
                errno, strerror(errno));
        return 2;
    }

    tn_runtime.executable = find_executable(prog);
    if (tn_runtime_init(sys_argc, sys_argv) < 0)
        return 1;
    if (set_path0(r.script) < 0) {
        tn_err_print_exception(tn_err_occurred());
        return 1;
    }
    if (tn_run_on_big_stack(run_main, &r) < 0) {
        fprintf(stderr, "tandem: fatal: cannot start the main interpreter thread\n");
        return 1;
    }
    int flush_status = flush_std_streams();
    tn_runtime_fini();
    int status = r.status ? r.status : flush_status;
    if (exit_by_sigint) {
        fflush(NULL);
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    /* threads issue: daemon threads may still be running (ft) or parked on
     * the GIL (gil). Leave without running C exit handlers or tearing
     * anything down under them: flush the C streams and _exit. */
    if (tn_thread_count() > 0) {
        fflush(NULL);
        _exit(status);
    }
    return status;
}
