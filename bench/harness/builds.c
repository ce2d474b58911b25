/* Builds: `gil` and `ft` are this tree's interpreters, found beside the
 * tandem-bench executable (so `make BINDIR=...` trees stay separate); any
 * other name is an interpreter command such as `python3` or
 * `python3 -X faulthandler`, looked up in PATH. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness.h"

#ifndef TB_SRCROOT
#define TB_SRCROOT "."
#endif
#ifndef TB_CONFIGURE_FLAGS
#define TB_CONFIGURE_FLAGS ""
#endif
#ifndef TB_OPT_CFLAGS
#define TB_OPT_CFLAGS ""
#endif

const char *tb_src_root(void)
{
    const char *env = getenv("TANDEM_ROOT");
    return env && *env ? env : TB_SRCROOT;
}

const char *tb_bin_dir(void)
{
    static char dir[PATH_MAX];
    if (!dir[0]) {
        const char *env = getenv("TANDEM_BIN_DIR");
        if (env && *env) {
            snprintf(dir, sizeof dir, "%s", env);
        } else {
            ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
            if (n <= 0) {
                snprintf(dir, sizeof dir, "bin");
            } else {
                dir[n] = '\0';
                char *slash = strrchr(dir, '/');
                if (slash)
                    *slash = '\0';
            }
        }
    }
    return dir;
}

/* argv[0] resolvable: a path that is executable, or found in PATH. */
static int findable(const char *cmd)
{
    if (strchr(cmd, '/'))
        return access(cmd, X_OK) == 0;
    const char *path = getenv("PATH");
    if (!path)
        return 0;
    int n;
    char **dirs = tb_split(path, ':', &n);
    int found = 0;
    for (int i = 0; i < n; i++) {
        if (!found) {
            char *full = tb_xasprintf("%s/%s", dirs[i][0] ? dirs[i] : ".", cmd);
            found = access(full, X_OK) == 0;
            free(full);
        }
        free(dirs[i]);
    }
    free(dirs);
    return found;
}

/* First line of a command's output (stdout, else stderr); NULL on failure. */
static char *first_line(char *const argv[])
{
    TbProc p;
    if (tb_proc_run(argv, NULL, 20, &p) < 0)
        return NULL;
    char *res = NULL;
    if (p.status == 0) {
        const char *s = p.out && *p.out ? p.out : p.err ? p.err : "";
        size_t len = strcspn(s, "\n");
        if (len)
            res = tb_xasprintf("%.*s", (int)len, s);
    }
    tb_proc_free(&p);
    return res;
}

void tb_build_resolve(TbBuild *b, const char *name)
{
    memset(b, 0, sizeof *b);
    b->name = tb_xstrdup(name);
    if (strcmp(name, "gil") == 0 || strcmp(name, "ft") == 0) {
        b->tree = 1;
        b->argc = 1;
        b->argv = tb_xmalloc(2 * sizeof *b->argv);
        b->argv[0] = tb_xasprintf("%s/tandem-%s", tb_bin_dir(), name);
        b->argv[1] = NULL;
        b->configure_flags = tb_xstrdup(TB_CONFIGURE_FLAGS);
        b->cflags = tb_xasprintf("%s%s", TB_OPT_CFLAGS, strcmp(name, "ft") == 0 ? " -DTANDEM_FT=1" : "");
        char *rev[] = {"git", "-C", (char *)tb_src_root(), "rev-parse", "HEAD", NULL};
        b->commit = first_line(rev);
        /* --no-optional-locks: reading the status must not rewrite the
         * index of a tree other people are working in. */
        char *st[] = {"git", "--no-optional-locks", "-C", (char *)tb_src_root(), "status",
                      "--porcelain", "--untracked-files=no", NULL};
        char *dirty = first_line(st);
        b->dirty = dirty != NULL;
        free(dirty);
    } else {
        int n = 0;
        char **words = tb_split(name, ' ', &n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (words[i][0])
                words[k++] = words[i];
            else
                free(words[i]);
        }
        words[k] = NULL;
        b->argv = words;
        b->argc = k;
        if (k == 0) {
            b->error = tb_xstrdup("empty interpreter command");
            return;
        }
    }
    if (!findable(b->argv[0])) {
        b->error = b->tree
            ? tb_xasprintf("%s does not exist or is not executable (build it with make)", b->argv[0])
            : tb_xasprintf("command '%s' not found in PATH", b->argv[0]);
        return;
    }
    char **v = tb_build_argv(b, NULL, (char *[]){"-V", NULL});
    b->version = first_line(v);
    free(v);
    if (!b->version)
        b->error = tb_xasprintf("'%s -V' failed: not a working interpreter", name);
}

char **tb_build_argv(const TbBuild *b, const char *cpus, char *const extra[])
{
    int next = 0;
    while (extra && extra[next])
        next++;
    int pin = b->tree && cpus && *cpus;
    size_t nptr = (size_t)b->argc + 3 + (size_t)next;
    /* The "pin=LIST" string lives in the same block, after the pointers,
     * so one free() releases the whole vector. */
    char **v = tb_xmalloc(nptr * sizeof *v + (pin ? strlen(cpus) + 5 : 0));
    int k = 0;
    for (int i = 0; i < b->argc; i++)
        v[k++] = b->argv[i];
    if (pin) {
        char *s = (char *)(v + nptr);
        sprintf(s, "pin=%s", cpus);
        v[k++] = "-X";
        v[k++] = s;
    }
    for (int i = 0; i < next; i++)
        v[k++] = extra[i];
    v[k] = NULL;
    return v;
}
