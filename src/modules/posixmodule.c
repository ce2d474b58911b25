/* The posix module: the operating-system calls under os (src/lib/os.py),
 * os.path (src/lib/posixpath.py) and subprocess (src/lib/subprocess.py).
 *
 * Functions take positional arguments and do one system call each; the
 * keyword interfaces, stat_result, environ and the path algebra are written
 * in Python on top. Every call that can block for long (waitpid, read,
 * write, the child's exec hand-shake, communicate) releases the GIL / goes
 * offline for QSBR, and touches no Python object while doing so.
 *
 * No mutable C state: the module is safe to call from any thread. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "tandem/tandem.h"
#include "tandem/gil.h"
#include "tandem/args.h"
#include "tandem/module.h"
#include "tandem/builtins.h"
#include "tandem/bytes.h"
#include "tandem/eval.h"

extern char **environ;

/* ---- arguments and errors ----------------------------------------------- */

/* A path argument: str, bytes or os.PathLike. Returns the C string, valid
 * while *keep (a new reference, the str or bytes) lives. */
static const char *path_arg(const char *fname, TnObject *o, TnObject **keep)
{
    TnObject *p = NULL;
    if (tn_str_check(o) || tn_bytes_check(o))
        p = tn_newref(o);
    else {
        TnObject *meth = NULL;
        if (tn_object_lookup_attr((TnObject *)TN_TYPE(o), tn_str_intern_cstr("__fspath__"),
                                  &meth) < 0)
            return NULL;
        if (!meth) {
            /* CPython names the integer (file descriptor) form where the
             * call takes one. */
            const char *also = strcmp(fname, "stat") == 0 || strcmp(fname, "chdir") == 0
                ? ", os.PathLike or integer"
                : strcmp(fname, "listdir") == 0 ? ", os.PathLike, integer or None"
                                                : " or os.PathLike";
            tn_err_format(&tn_exc_TypeError, "%s: path should be string, bytes%s, not %s",
                          fname, also, TN_TYPE(o)->tp_name);
            return NULL;
        }
        p = tn_call(meth, &o, 1, NULL);
        TN_DECREF(meth);
        if (!p)
            return NULL;
        if (!tn_str_check(p) && !tn_bytes_check(p)) {
            tn_err_format(&tn_exc_TypeError,
                          "expected %s.__fspath__() to return str or bytes, not %s",
                          TN_TYPE(o)->tp_name, TN_TYPE(p)->tp_name);
            TN_DECREF(p);
            return NULL;
        }
    }
    const char *s = tn_str_check(p) ? TN_STR_DATA(p) : TN_BYTES_DATA(p);
    tn_ssize_t n = tn_str_check(p) ? TN_STR_SIZE(p) : TN_BYTES_SIZE(p);
    if ((tn_ssize_t)strlen(s) != n) {
        TN_DECREF(p);
        tn_err_setstr(&tn_exc_ValueError, "embedded null byte");
        return NULL;
    }
    *keep = p;
    return s;
}

/* OSError subclass for errno, CPython's "[Errno 2] No such file or
 * directory: 'a'" (and "... 'a' -> 'b'" when there are two paths). */
static TnObject *posix_error2(TnObject *path, TnObject *path2)
{
    int e = errno;
    if (e == EINTR && tn_err_occurred())
        return NULL;
    TnObject *num = tn_int_from_i64(e), *msg = tn_str_from_cstr(strerror(e));
    if (num && msg) {
        TnObject *args[5] = { num, msg, path ? path : tn_None, tn_None, path2 };
        TnObject *exc = tn_call((TnObject *)&tn_exc_OSError, args,
                                path2 ? 5 : path ? 3 : 2, NULL);
        if (exc)
            tn_err_set(exc);
    }
    TN_XDECREF(num);
    TN_XDECREF(msg);
    return NULL;
}

static TnObject *posix_error(TnObject *path)
{
    return posix_error2(path, NULL);
}

static int int_arg(TnObject *o, long long *out)
{
    TnObject *i = tn_number_index(o);
    if (!i)
        return -1;
    int64_t v = tn_int_as_i64(i);
    TN_DECREF(i);
    if (v == -1 && tn_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* Names and environment values come back as str, undecodable bytes as
 * surrogates, as CPython's os.fsdecode does. */
static TnObject *fs_decode(const char *s, size_t n)
{
    TnObject *r = tn_str_decode(s, (tn_ssize_t)n, "utf-8", "surrogateescape");
    if (!r) {
        tn_err_clear();
        r = tn_str_decode(s, (tn_ssize_t)n, "utf-8", "replace");
    }
    return r;
}

/* ---- process ------------------------------------------------------------ */

static TnObject *px_getpid(TnObject *s, TnObject *u) { return tn_int_from_i64(getpid()); }
static TnObject *px_getppid(TnObject *s, TnObject *u) { return tn_int_from_i64(getppid()); }
static TnObject *px_getuid(TnObject *s, TnObject *u) { return tn_int_from_i64(getuid()); }
static TnObject *px_getgid(TnObject *s, TnObject *u) { return tn_int_from_i64(getgid()); }

static TnObject *px_cpu_count(TnObject *s, TnObject *u)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        TN_RETURN_NONE;
    return tn_int_from_i64(n);
}

static TnObject *px_sched_getaffinity(TnObject *self, TnObject *arg)
{
    long long pid;
    if (int_arg(arg, &pid) < 0)
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity((pid_t)pid, sizeof set, &set) < 0)
        return posix_error(NULL);
    TnObject *r = tn_set_new(NULL);
    for (int c = 0; r && c < CPU_SETSIZE; c++) {
        if (!CPU_ISSET(c, &set))
            continue;
        TnObject *i = tn_int_from_i64(c);
        if (!i || tn_set_add(r, i) < 0)
            TN_CLEAR(r);
        TN_XDECREF(i);
    }
    return r;
}

static TnObject *px_sched_setaffinity(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long pid;
    if (tn_check_nargs("sched_setaffinity", nargs, 2, 2) < 0 || int_arg(args[0], &pid) < 0)
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    TnObject *it = tn_object_iter(args[1]), *x;
    if (!it)
        return NULL;
    while ((x = tn_iter_next(it)) != NULL) {
        long long c;
        int r = int_arg(x, &c);
        TN_DECREF(x);
        if (r < 0)
            goto error;
        if (c < 0) {
            tn_err_setstr(&tn_exc_ValueError, "negative CPU number");
            goto error;
        }
        if (c >= CPU_SETSIZE) {
            errno = EINVAL;
            posix_error(NULL);
            goto error;
        }
        CPU_SET((int)c, &set);
    }
    if (tn_err_occurred())
        goto error;
    TN_DECREF(it);
    if (sched_setaffinity((pid_t)pid, sizeof set, &set) < 0)
        return posix_error(NULL);
    TN_RETURN_NONE;
error:
    TN_DECREF(it);
    return NULL;
}

static TnObject *px_kill(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long pid, sig;
    if (tn_check_nargs("kill", nargs, 2, 2) < 0 || int_arg(args[0], &pid) < 0
        || int_arg(args[1], &sig) < 0)
        return NULL;
    if (kill((pid_t)pid, (int)sig) < 0)
        return posix_error(NULL);
    TN_RETURN_NONE;
}

static TnObject *px_exit(TnObject *self, TnObject *arg)
{
    long long code;
    if (int_arg(arg, &code) < 0)
        return NULL;
    _exit((int)code);
}

/* waitpid(pid, options) -> (pid, status); the wait is a blocking call. */
static TnObject *px_waitpid(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long pid, opts;
    if (tn_check_nargs("waitpid", nargs, 2, 2) < 0 || int_arg(args[0], &pid) < 0
        || int_arg(args[1], &opts) < 0)
        return NULL;
    TnThreadState *ts = tn_ts();
    int status = 0;
    pid_t r;
    for (;;) {
        TN_BEGIN_BLOCKING(ts);
        r = waitpid((pid_t)pid, &status, (int)opts);
        int e = errno;
        TN_END_BLOCKING(ts);
        errno = e;
        if (r >= 0 || errno != EINTR)
            break;
        if (tn_eval_handle_signals(ts) < 0)
            return NULL;
    }
    if (r < 0)
        return posix_error(NULL);
    TnObject *a = tn_int_from_i64(r), *b = tn_int_from_i64(status);
    TnObject *t = a && b ? tn_tuple_pack(2, a, b) : NULL;
    TN_XDECREF(a);
    TN_XDECREF(b);
    return t;
}

static TnObject *px_waitstatus_to_exitcode(TnObject *self, TnObject *arg)
{
    long long st;
    if (int_arg(arg, &st) < 0)
        return NULL;
    int status = (int)st;
    if (WIFEXITED(status))
        return tn_int_from_i64(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return tn_int_from_i64(-WTERMSIG(status));
    return tn_err_format(&tn_exc_ValueError, "invalid wait status: %d", status);
}

/* ---- environment -------------------------------------------------------- */

static TnObject *px_environ(TnObject *s, TnObject *u)
{
    TnObject *d = tn_dict_new();
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        TnObject *k = fs_decode(*e, (size_t)(eq - *e)), *v = fs_decode(eq + 1, strlen(eq + 1));
        if (!k || !v || tn_dict_setitem(d, k, v) < 0)
            TN_CLEAR(d);
        TN_XDECREF(k);
        TN_XDECREF(v);
    }
    return d;
}

static TnObject *px_putenv(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnObject *kk = NULL, *vk = NULL;
    if (tn_check_nargs("putenv", nargs, 2, 2) < 0)
        return NULL;
    const char *k = path_arg("putenv", args[0], &kk);
    const char *v = k ? path_arg("putenv", args[1], &vk) : NULL;
    TnObject *r = NULL;
    if (!v)
        goto done;
    if (!k[0] || strchr(k, '=')) {
        tn_err_setstr(&tn_exc_ValueError, "illegal environment variable name");
        goto done;
    }
    if (setenv(k, v, 1) < 0)
        posix_error(NULL);
    else
        r = tn_newref(tn_None);
done:
    TN_XDECREF(kk);
    TN_XDECREF(vk);
    return r;
}

static TnObject *px_unsetenv(TnObject *self, TnObject *arg)
{
    TnObject *kk = NULL;
    const char *k = path_arg("unsetenv", arg, &kk);
    if (!k)
        return NULL;
    int r = unsetenv(k);
    TN_DECREF(kk);
    if (r < 0)
        return posix_error(NULL);
    TN_RETURN_NONE;
}

static TnObject *px_strerror(TnObject *self, TnObject *arg)
{
    long long code;
    if (int_arg(arg, &code) < 0)
        return NULL;
    return tn_str_from_cstr(strerror((int)code));
}

static TnObject *px_urandom(TnObject *self, TnObject *arg)
{
    long long n;
    if (int_arg(arg, &n) < 0)
        return NULL;
    if (n < 0)
        return tn_err_format(&tn_exc_ValueError, "negative argument not allowed");
    TnObject *b = tn_bytes_new_uninit((tn_ssize_t)n);
    if (!b)
        return NULL;
    char *p = TN_BYTES_DATA(b);
    long long got = 0;
    while (got < n) {
        ssize_t r = getrandom(p + got, (size_t)(n - got), 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            TN_DECREF(b);
            return posix_error(NULL);
        }
        got += r;
    }
    return b;
}

/* ---- files and directories ---------------------------------------------- */

static TnObject *px_getcwd(TnObject *s, TnObject *u)
{
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf))
        return posix_error(NULL);
    return fs_decode(buf, strlen(buf));
}

/* The one-path calls that return None. */
typedef int (*path_fn)(const char *);
static TnObject *one_path(const char *fname, TnObject *arg, path_fn fn)
{
    TnObject *keep = NULL;
    const char *p = path_arg(fname, arg, &keep);
    if (!p)
        return NULL;
    TnObject *r = fn(p) < 0 ? posix_error(keep) : tn_newref(tn_None);
    TN_DECREF(keep);
    return r;
}

static TnObject *px_chdir(TnObject *s, TnObject *a) { return one_path("chdir", a, chdir); }
static TnObject *px_rmdir(TnObject *s, TnObject *a) { return one_path("rmdir", a, rmdir); }
static TnObject *px_unlink(TnObject *s, TnObject *a) { return one_path("unlink", a, unlink); }

static TnObject *px_mkdir(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long mode = 0777;
    if (tn_check_nargs("mkdir", nargs, 1, 2) < 0 || (nargs > 1 && int_arg(args[1], &mode) < 0))
        return NULL;
    TnObject *keep = NULL;
    const char *p = path_arg("mkdir", args[0], &keep);
    if (!p)
        return NULL;
    TnObject *r = mkdir(p, (mode_t)mode) < 0 ? posix_error(keep) : tn_newref(tn_None);
    TN_DECREF(keep);
    return r;
}

static TnObject *px_rename(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("rename", nargs, 2, 2) < 0)
        return NULL;
    TnObject *ka = NULL, *kb = NULL, *r = NULL;
    const char *a = path_arg("rename", args[0], &ka);
    const char *b = a ? path_arg("rename", args[1], &kb) : NULL;
    if (b)
        r = rename(a, b) < 0 ? posix_error2(ka, kb) : tn_newref(tn_None);
    TN_XDECREF(ka);
    TN_XDECREF(kb);
    return r;
}

static TnObject *px_symlink(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("symlink", nargs, 2, 2) < 0)
        return NULL;
    TnObject *ka = NULL, *kb = NULL, *r = NULL;
    const char *a = path_arg("symlink", args[0], &ka);
    const char *b = a ? path_arg("symlink", args[1], &kb) : NULL;
    if (b)
        r = symlink(a, b) < 0 ? posix_error2(ka, kb) : tn_newref(tn_None);
    TN_XDECREF(ka);
    TN_XDECREF(kb);
    return r;
}

static TnObject *px_readlink(TnObject *self, TnObject *arg)
{
    TnObject *keep = NULL;
    const char *p = path_arg("readlink", arg, &keep);
    if (!p)
        return NULL;
    char buf[PATH_MAX];
    ssize_t n = readlink(p, buf, sizeof buf);
    TnObject *r;
    if (n < 0)
        r = posix_error(keep);
    else if (tn_bytes_check(keep))
        r = tn_bytes_from_data(buf, n);
    else
        r = fs_decode(buf, (size_t)n);
    TN_DECREF(keep);
    return r;
}

static TnObject *px_access(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long mode;
    if (tn_check_nargs("access", nargs, 2, 2) < 0 || int_arg(args[1], &mode) < 0)
        return NULL;
    TnObject *keep = NULL;
    const char *p = path_arg("access", args[0], &keep);
    if (!p)
        return NULL;
    int ok = access(p, (int)mode) == 0;
    TN_DECREF(keep);
    return tn_newref(ok ? tn_True : tn_False);
}

static TnObject *px_listdir(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("listdir", nargs, 0, 1) < 0)
        return NULL;
    TnObject *keep = NULL;
    const char *p = ".";
    if (nargs && args[0] != tn_None && !(p = path_arg("listdir", args[0], &keep)))
        return NULL;
    int want_bytes = keep && tn_bytes_check(keep);
    DIR *d = opendir(p);
    if (!d) {
        TnObject *fn = keep ? tn_newref(keep) : tn_str_from_cstr(".");
        posix_error(fn);
        TN_XDECREF(fn);
        TN_XDECREF(keep);
        return NULL;
    }
    TnObject *list = tn_list_new(0);
    struct dirent *de;
    while (list && (errno = 0, de = readdir(d)) != NULL) {
        const char *n = de->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
            continue;
        TnObject *name = want_bytes ? tn_bytes_from_cstr(n) : fs_decode(n, strlen(n));
        if (!name || tn_list_append(list, name) < 0)
            TN_CLEAR(list);
        TN_XDECREF(name);
    }
    if (list && errno) {
        posix_error(keep);
        TN_CLEAR(list);
    }
    closedir(d);
    TN_XDECREF(keep);
    return list;
}

static TnObject *ns_time(const struct timespec *t)
{
    return tn_int_from_i64((int64_t)t->tv_sec * 1000000000 + t->tv_nsec);
}

static TnObject *f_time(const struct timespec *t)
{
    return tn_float_new((double)t->tv_sec + (double)t->tv_nsec * 1e-9);
}

/* The 16 fields os.stat_result is built from (os.py), in CPython's order:
 * mode ino dev nlink uid gid size, the three times as ints, as floats,
 * then in nanoseconds. */
static TnObject *stat_tuple(const struct stat *st)
{
    enum { N = 16 };
    TnObject *v[N] = {
        tn_int_from_i64(st->st_mode), tn_int_from_u64(st->st_ino), tn_int_from_u64(st->st_dev),
        tn_int_from_i64((int64_t)st->st_nlink), tn_int_from_i64(st->st_uid),
        tn_int_from_i64(st->st_gid), tn_int_from_i64(st->st_size),
        tn_int_from_i64(st->st_atim.tv_sec), tn_int_from_i64(st->st_mtim.tv_sec),
        tn_int_from_i64(st->st_ctim.tv_sec),
        f_time(&st->st_atim), f_time(&st->st_mtim), f_time(&st->st_ctim),
        ns_time(&st->st_atim), ns_time(&st->st_mtim), ns_time(&st->st_ctim),
    };
    TnObject *t = tn_tuple_new(N);
    for (int i = 0; i < N; i++)
        if (!v[i])
            TN_CLEAR(t);
    for (int i = 0; i < N; i++) {
        if (t)
            TN_TUPLE_SET(t, i, v[i]);
        else
            TN_XDECREF(v[i]);
    }
    return t;
}

static TnObject *do_stat(const char *fname, TnObject *arg, int follow)
{
    struct stat st;
    int r;
    TnObject *keep = NULL;
    if (tn_int_check(arg)) {
        long long fd;
        if (int_arg(arg, &fd) < 0)
            return NULL;
        r = fstat((int)fd, &st);
        if (r < 0)
            return posix_error(NULL);
        return stat_tuple(&st);
    }
    const char *p = path_arg(fname, arg, &keep);
    if (!p)
        return NULL;
    r = follow ? stat(p, &st) : lstat(p, &st);
    TnObject *res = r < 0 ? posix_error(keep) : stat_tuple(&st);
    TN_DECREF(keep);
    return res;
}

static TnObject *px_stat(TnObject *s, TnObject *a) { return do_stat("stat", a, 1); }
static TnObject *px_lstat(TnObject *s, TnObject *a) { return do_stat("lstat", a, 0); }

/* ---- file descriptors --------------------------------------------------- */

static TnObject *px_open(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long flags, mode = 0777;
    if (tn_check_nargs("open", nargs, 2, 3) < 0 || int_arg(args[1], &flags) < 0
        || (nargs > 2 && int_arg(args[2], &mode) < 0))
        return NULL;
    TnObject *keep = NULL;
    const char *p = path_arg("open", args[0], &keep);
    if (!p)
        return NULL;
    /* Descriptors are not inherited by children, as in CPython (PEP 446). */
    int fd = open(p, (int)flags | O_CLOEXEC, (mode_t)mode);
    TnObject *r = fd < 0 ? posix_error(keep) : tn_int_from_i64(fd);
    TN_DECREF(keep);
    return r;
}

static TnObject *px_close(TnObject *self, TnObject *arg)
{
    long long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    if (close((int)fd) < 0)
        return posix_error(NULL);
    TN_RETURN_NONE;
}

static TnObject *px_pipe(TnObject *s, TnObject *u)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return posix_error(NULL);
    TnObject *a = tn_int_from_i64(fds[0]), *b = tn_int_from_i64(fds[1]);
    TnObject *t = a && b ? tn_tuple_pack(2, a, b) : NULL;
    TN_XDECREF(a);
    TN_XDECREF(b);
    return t;
}

static TnObject *px_isatty(TnObject *self, TnObject *arg)
{
    long long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    return tn_newref(isatty((int)fd) ? tn_True : tn_False);
}

static TnObject *px_uname(TnObject *s, TnObject *u)
{
    struct utsname n;
    if (uname(&n) < 0)
        return posix_error(NULL);
    const char *f[5] = { n.sysname, n.nodename, n.release, n.version, n.machine };
    TnObject *v[5], *t = NULL;
    int ok = 1;
    for (int i = 0; i < 5; i++)
        ok &= (v[i] = fs_decode(f[i], strlen(f[i]))) != NULL;
    if (ok)
        t = tn_tuple_pack(5, v[0], v[1], v[2], v[3], v[4]);
    for (int i = 0; i < 5; i++)
        TN_XDECREF(v[i]);
    return t;
}

/* get_terminal_size(fd) -> (columns, lines); os.py wraps the tuple. */
static TnObject *px_get_terminal_size(TnObject *self, TnObject *arg)
{
    long long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    struct winsize w;
    if (ioctl((int)fd, TIOCGWINSZ, &w) < 0)
        return posix_error(NULL);
    TnObject *a = tn_int_from_i64(w.ws_col), *b = tn_int_from_i64(w.ws_row);
    TnObject *t = a && b ? tn_tuple_pack(2, a, b) : NULL;
    TN_XDECREF(a);
    TN_XDECREF(b);
    return t;
}

static TnObject *px_read(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long fd, n;
    if (tn_check_nargs("read", nargs, 2, 2) < 0 || int_arg(args[0], &fd) < 0
        || int_arg(args[1], &n) < 0)
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return posix_error(NULL);
    }
    char *buf = malloc(n ? (size_t)n : 1);
    if (!buf)
        return tn_err_nomemory();
    TnThreadState *ts = tn_ts();
    ssize_t r;
    for (;;) {
        TN_BEGIN_BLOCKING(ts);
        r = read((int)fd, buf, (size_t)n);
        int e = errno;
        TN_END_BLOCKING(ts);
        errno = e;
        if (r >= 0 || errno != EINTR)
            break;
        if (tn_eval_handle_signals(ts) < 0) {
            free(buf);
            return NULL;
        }
    }
    TnObject *res = r < 0 ? posix_error(NULL) : tn_bytes_from_data(buf, r);
    free(buf);
    return res;
}

/* write(2) that reports EPIPE instead of dying of SIGPIPE. Call offline. */
static ssize_t write_nosigpipe(int fd, const char *p, size_t n)
{
    sigset_t pipe_set, old;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    ssize_t r = write(fd, p, n);
    int e = errno;
    if (r < 0 && e == EPIPE && !sigismember(&old, SIGPIPE)) {
        /* Swallow the SIGPIPE that this write left pending. */
        struct timespec zero = { 0, 0 };
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR) {}
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = e;
    return r;
}

static TnObject *px_write(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long fd;
    const char *data;
    tn_ssize_t n;
    if (tn_check_nargs("write", nargs, 2, 2) < 0 || int_arg(args[0], &fd) < 0)
        return NULL;
    if (tn_bytes_like_get(args[1], &data, &n) < 0)
        return NULL;
    /* A private copy: the buffer may be a bytearray another thread resizes
     * while this one is offline. */
    char *copy = malloc(n ? (size_t)n : 1);
    if (!copy)
        return tn_err_nomemory();
    memcpy(copy, data, (size_t)n);
    TnThreadState *ts = tn_ts();
    ssize_t r;
    for (;;) {
        TN_BEGIN_BLOCKING(ts);
        r = write_nosigpipe((int)fd, copy, (size_t)n);
        int e = errno;
        TN_END_BLOCKING(ts);
        errno = e;
        if (r >= 0 || errno != EINTR)
            break;
        if (tn_eval_handle_signals(ts) < 0) {
            free(copy);
            return NULL;
        }
    }
    free(copy);
    return r < 0 ? posix_error(NULL) : tn_int_from_i64(r);
}

/* ---- subprocess support --------------------------------------------------- */

/* A NULL-terminated array of C strings borrowed from the str/bytes items of
 * `seq` (kept alive by *keep, a new list). */
static char **cstr_array(const char *fname, TnObject *seq, TnObject **keep)
{
    TnObject *list = tn_sequence_list(seq);
    if (!list)
        return NULL;
    tn_ssize_t n = tn_list_size(list);
    char **arr = calloc((size_t)n + 1, sizeof *arr);
    if (!arr) {
        TN_DECREF(list);
        tn_err_nomemory();
        return NULL;
    }
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *k = NULL;
        const char *s = path_arg(fname, TN_LIST_ITEMS(list)[i], &k);
        if (!s) {
            free(arr);
            TN_DECREF(list);
            return NULL;
        }
        /* The list now holds the str/bytes itself, keeping `s` alive. */
        TN_DECREF(TN_LIST_ITEMS(list)[i]);
        TN_LIST_ITEMS(list)[i] = k;
        arr[i] = (char *)s;
    }
    *keep = list;
    return arr;
}

/* Runs in the child between fork and exec: async-signal-safe calls only. */
static void child_exec(char **execs, char **argv, char **envp, const char *cwd,
                       int fds[3], int close_fds, int errpipe, int maxfd)
{
    int report[2] = { 0, 0 };
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    /* A source descriptor that sits on another target slot must move
     * out of the way before the dup2 calls. */
    for (int i = 0; i < 3; i++) {
        if (fds[i] >= 0 && fds[i] < 3 && fds[i] != i) {
            fds[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
            if (fds[i] < 0)
                goto fail;
        }
    }
    for (int i = 0; i < 3; i++) {
        int src = fds[i] == -2 ? 1 : fds[i];   /* -2: stderr to stdout */
        if (src < 0)
            continue;
        if (src == i) {
            int fl = fcntl(i, F_GETFD);
            if (fl >= 0)
                fcntl(i, F_SETFD, fl & ~FD_CLOEXEC);
        } else if (dup2(src, i) < 0)
            goto fail;
    }
    if (close_fds) {
        int done = 0;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
        /* One call instead of up to maxfd close()s; needs Linux 5.9. */
        done = (errpipe <= 3 || close_range(3, (unsigned)errpipe - 1, 0) == 0)
               && close_range((unsigned)errpipe + 1, ~0u, 0) == 0;
#endif
        for (int fd = 3; !done && fd < maxfd; fd++)
            if (fd != errpipe)
                close(fd);
    }
    if (cwd && chdir(cwd) < 0) {
        report[1] = 1;
        goto fail;
    }
    int first_err = 0;
    for (char **e = execs; *e; e++) {
        execve(*e, argv, envp);
        if (errno != ENOENT && errno != ENOTDIR && !first_err)
            first_err = errno;
    }
    errno = first_err ? first_err : ENOENT;
fail:
    report[0] = errno;
    while (write(errpipe, report, sizeof report) < 0 && errno == EINTR) {}
    _exit(255);
}

/* _spawn(executables, argv, env_list_or_None, cwd_or_None, stdin_fd,
 * stdout_fd, stderr_fd, close_fds) -> pid. Each fd is -1 to inherit;
 * stderr_fd -2 sends it to the child's stdout. An exec failure in the child
 * comes back through a close-on-exec pipe and is raised here as CPython
 * does (FileNotFoundError naming the program or the cwd). */
static TnObject *px_spawn(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnObject *kexe = NULL, *kargv = NULL, *kenv = NULL, *kcwd = NULL, *res = NULL;
    char **execs = NULL, **argv = NULL, **envp = NULL;
    const char *cwd = NULL;
    long long fdv[3];
    int fds[3], errp[2] = { -1, -1 };
    if (tn_check_nargs("_spawn", nargs, 8, 8) < 0)
        return NULL;
    for (int i = 0; i < 3; i++) {
        if (int_arg(args[4 + i], &fdv[i]) < 0)
            return NULL;
        fds[i] = (int)fdv[i];
    }
    int close_fds = tn_object_is_true(args[7]);
    if (close_fds < 0)
        return NULL;
    if (!(execs = cstr_array("_spawn", args[0], &kexe))
        || !(argv = cstr_array("_spawn", args[1], &kargv)))
        goto done;
    if (!argv[0]) {
        tn_err_setstr(&tn_exc_ValueError, "_spawn: argv must not be empty");
        goto done;
    }
    if (args[2] != tn_None && !(envp = cstr_array("_spawn", args[2], &kenv)))
        goto done;
    if (args[3] != tn_None && !(cwd = path_arg("_spawn", args[3], &kcwd)))
        goto done;
    if (pipe2(errp, O_CLOEXEC) < 0) {
        posix_error(NULL);
        goto done;
    }
    long maxfd = sysconf(_SC_OPEN_MAX);
    if (maxfd < 0 || maxfd > 65536)
        maxfd = 65536;
    pid_t pid = fork();
    if (pid == 0)
        child_exec(execs, argv, envp ? envp : environ, cwd, fds, close_fds, errp[1], (int)maxfd);
    int fork_errno = errno;
    close(errp[1]);
    errp[1] = -1;
    if (pid < 0) {
        errno = fork_errno;
        posix_error(NULL);
        goto done;
    }
    int report[2] = { 0, 0 };
    ssize_t got;
    TnThreadState *ts = tn_ts();
    TN_BEGIN_BLOCKING(ts);
    do
        got = read(errp[0], report, sizeof report);
    while (got < 0 && errno == EINTR);
    if (got == (ssize_t)sizeof report) {
        int st;
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    }
    TN_END_BLOCKING(ts);
    if (got == (ssize_t)sizeof report) {
        errno = report[0];
        TnObject *which = report[1] ? kcwd : TN_LIST_ITEMS(kargv)[0];
        posix_error(which);
        goto done;
    }
    res = tn_int_from_i64(pid);
done:
    if (errp[0] >= 0)
        close(errp[0]);
    free(execs);
    free(argv);
    free(envp);
    TN_XDECREF(kexe);
    TN_XDECREF(kargv);
    TN_XDECREF(kenv);
    TN_XDECREF(kcwd);
    return res;
}

typedef struct {
    char *p;
    size_t n, cap;
} Buf;

static int buf_read(Buf *b, int fd)
{
    if (b->cap - b->n < 65536) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        char *p = realloc(b->p, cap);
        if (!p)
            return -2;
        b->p = p;
        b->cap = cap;
    }
    ssize_t r = read(fd, b->p + b->n, b->cap - b->n);
    if (r > 0)
        b->n += (size_t)r;
    return r < 0 ? (errno == EINTR || errno == EAGAIN ? 1 : -1) : r == 0 ? 0 : 1;
}

/* _communicate(in_fd, input_or_None, out_fd, err_fd, timeout_or_None)
 * -> (out, err, timed_out). Writes the input and reads both outputs at once
 * (poll), so a child filling one pipe never deadlocks against us. Closes
 * the descriptors it finished with (all of them unless it timed out). */
static TnObject *px_communicate(TnObject *self, TnObject *const *args, size_t nargs)
{
    long long v[3];
    double timeout = -1;
    if (tn_check_nargs("_communicate", nargs, 5, 5) < 0 || int_arg(args[0], &v[0]) < 0
        || int_arg(args[2], &v[1]) < 0 || int_arg(args[3], &v[2]) < 0)
        return NULL;
    if (args[4] != tn_None) {
        timeout = tn_float_as_double(args[4]);
        if (timeout == -1.0 && tn_err_occurred())
            return NULL;
        if (timeout < 0)
            timeout = 0;
    }
    char *in = NULL;
    size_t inlen = 0, inpos = 0;
    if (args[1] != tn_None) {
        const char *d;
        tn_ssize_t n;
        if (tn_bytes_like_get(args[1], &d, &n) < 0)
            return NULL;
        in = malloc(n ? (size_t)n : 1);
        if (!in)
            return tn_err_nomemory();
        memcpy(in, d, (size_t)n);
        inlen = (size_t)n;
    }
    int fin = (int)v[0], fout = (int)v[1], ferr = (int)v[2];
    if (fin >= 0 && inlen == 0) {
        close(fin);
        fin = -1;
    }
    /* poll says a pipe can take SOME bytes; a blocking write of the rest
     * would stall the reads that drain the child's output. */
    if (fin >= 0) {
        int fl = fcntl(fin, F_GETFL);
        if (fl >= 0)
            fcntl(fin, F_SETFL, fl | O_NONBLOCK);
    }
    Buf out = { 0 }, err = { 0 };
    int failed = 0, timed_out = 0, fail_errno = 0;
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    TnThreadState *ts = tn_ts();
    int sig;
again:
    sig = 0;
    TN_BEGIN_BLOCKING(ts);
    while ((fin >= 0 || fout >= 0 || ferr >= 0) && !failed) {
        struct pollfd pf[3];
        int np = 0, wait_ms = -1;
        if (fin >= 0)
            pf[np++] = (struct pollfd){ fin, POLLOUT, 0 };
        if (fout >= 0)
            pf[np++] = (struct pollfd){ fout, POLLIN, 0 };
        if (ferr >= 0)
            pf[np++] = (struct pollfd){ ferr, POLLIN, 0 };
        if (timeout >= 0) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            double left = timeout - ((double)(now.tv_sec - start.tv_sec)
                                     + (double)(now.tv_nsec - start.tv_nsec) * 1e-9);
            if (left <= 0) {
                timed_out = 1;
                break;
            }
            wait_ms = (int)(left * 1000) + 1;
        }
        /* Wake up now and then so Ctrl-C in the main thread is seen. */
        if (wait_ms < 0 || wait_ms > 100)
            wait_ms = 100;
        int r = poll(pf, (nfds_t)np, wait_ms);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            failed = 1;
            fail_errno = errno;
            break;
        }
        for (int i = 0; i < np; i++) {
            if (!pf[i].revents)
                continue;
            int fd = pf[i].fd;
            if (fd == fin) {
                ssize_t w = write_nosigpipe(fin, in + inpos, inlen - inpos);
                if (w > 0)
                    inpos += (size_t)w;
                /* A child that exits without reading its input is not an
                 * error (CPython ignores the broken pipe too). */
                if ((w < 0 && errno != EINTR && errno != EAGAIN) || inpos == inlen) {
                    close(fin);
                    fin = -1;
                }
            } else {
                Buf *b = fd == fout ? &out : &err;
                int rr = buf_read(b, fd);
                if (rr == -2) {
                    failed = 1;
                    fail_errno = ENOMEM;
                } else if (rr <= 0) {
                    close(fd);
                    if (fd == fout)
                        fout = -1;
                    else
                        ferr = -1;
                }
            }
        }
        if (tn_load_relaxed(&ts->eval_breaker) & TN_EB_SIGNALS) {
            sig = 1;
            break;
        }
    }
    TN_END_BLOCKING(ts);
    TnObject *res = NULL, *o = NULL, *e = NULL;
    if (sig) {
        /* Ctrl-C raises here; any other signal: carry on. */
        if (tn_eval_handle_signals(ts) < 0)
            goto done;
        goto again;
    }
    if (failed) {
        errno = fail_errno;
        posix_error(NULL);
        goto done;
    }
    o = v[1] >= 0 ? tn_bytes_from_data(out.p ? out.p : "", (tn_ssize_t)out.n) : tn_newref(tn_None);
    e = v[2] >= 0 ? tn_bytes_from_data(err.p ? err.p : "", (tn_ssize_t)err.n) : tn_newref(tn_None);
    if (o && e)
        res = tn_tuple_pack(3, o, e, timed_out ? tn_True : tn_False);
done:
    if (!timed_out) {
        if (fin >= 0)
            close(fin);
        if (fout >= 0)
            close(fout);
        if (ferr >= 0)
            close(ferr);
    }
    free(in);
    free(out.p);
    free(err.p);
    TN_XDECREF(o);
    TN_XDECREF(e);
    return res;
}

/* ---- the module --------------------------------------------------------- */

static const TnMethodDef posix_methods[] = {
    { "getpid", (void *)px_getpid, TN_METH_NOARGS, "Return the current process id." },
    { "getppid", (void *)px_getppid, TN_METH_NOARGS, "Return the parent's process id." },
    { "getuid", (void *)px_getuid, TN_METH_NOARGS, "Return the current process's user id." },
    { "getgid", (void *)px_getgid, TN_METH_NOARGS, "Return the current process's group id." },
    { "cpu_count", (void *)px_cpu_count, TN_METH_NOARGS, "Return the number of CPUs in the system." },
    { "sched_getaffinity", (void *)px_sched_getaffinity, TN_METH_O, "Return the set of CPUs the process (0: the calling thread) may run on." },
    { "sched_setaffinity", (void *)px_sched_setaffinity, TN_METH_FAST, "Restrict the process (0: the calling thread) to the given CPUs." },
    { "kill", (void *)px_kill, TN_METH_FAST, "Send a signal to a process." },
    { "_exit", (void *)px_exit, TN_METH_O, "Exit to the system immediately." },
    { "waitpid", (void *)px_waitpid, TN_METH_FAST, "Wait for a child process: (pid, status)." },
    { "waitstatus_to_exitcode", (void *)px_waitstatus_to_exitcode, TN_METH_O, "Convert a wait status to an exit code." },
    { "_environ", (void *)px_environ, TN_METH_NOARGS, "A fresh dict of the process environment." },
    { "putenv", (void *)px_putenv, TN_METH_FAST, "Change or add an environment variable." },
    { "unsetenv", (void *)px_unsetenv, TN_METH_O, "Delete an environment variable." },
    { "strerror", (void *)px_strerror, TN_METH_O, "Translate an error code to a message string." },
    { "urandom", (void *)px_urandom, TN_METH_O, "Return a bytes object of random bytes for cryptographic use." },
    { "getcwd", (void *)px_getcwd, TN_METH_NOARGS, "Return a unicode string representing the current working directory." },
    { "chdir", (void *)px_chdir, TN_METH_O, "Change the current working directory." },
    { "mkdir", (void *)px_mkdir, TN_METH_FAST, "Create a directory." },
    { "rmdir", (void *)px_rmdir, TN_METH_O, "Remove a directory." },
    { "unlink", (void *)px_unlink, TN_METH_O, "Remove a file." },
    { "remove", (void *)px_unlink, TN_METH_O, "Remove a file." },
    { "rename", (void *)px_rename, TN_METH_FAST, "Rename a file or directory." },
    { "replace", (void *)px_rename, TN_METH_FAST, "Rename a file or directory, overwriting the destination." },
    { "symlink", (void *)px_symlink, TN_METH_FAST, "Create a symbolic link." },
    { "readlink", (void *)px_readlink, TN_METH_O, "Return the target of a symbolic link." },
    { "access", (void *)px_access, TN_METH_FAST, "Test the access rights of a path." },
    { "listdir", (void *)px_listdir, TN_METH_FAST, "Return the names of the entries in a directory." },
    { "stat", (void *)px_stat, TN_METH_O, "Perform a stat system call on the given path." },
    { "lstat", (void *)px_lstat, TN_METH_O, "Like stat, without following symbolic links." },
    { "open", (void *)px_open, TN_METH_FAST, "Open a file descriptor." },
    { "close", (void *)px_close, TN_METH_O, "Close a file descriptor." },
    { "pipe", (void *)px_pipe, TN_METH_NOARGS, "Create a pipe: (read_fd, write_fd)." },
    { "isatty", (void *)px_isatty, TN_METH_O, "Whether the descriptor is a terminal." },
    { "_uname", (void *)px_uname, TN_METH_NOARGS, "(sysname, nodename, release, version, machine)." },
    { "_get_terminal_size", (void *)px_get_terminal_size, TN_METH_O, "(columns, lines) of the terminal on fd." },
    { "read", (void *)px_read, TN_METH_FAST, "Read from a file descriptor." },
    { "write", (void *)px_write, TN_METH_FAST, "Write a bytes-like object to a file descriptor." },
    { "_spawn", (void *)px_spawn, TN_METH_FAST, "fork and exec a child (subprocess)." },
    { "_communicate", (void *)px_communicate, TN_METH_FAST, "Feed input to and collect output from pipes (subprocess)." },
    { 0, 0, 0, 0 }
};

TnObject *tn_module_init_posix(void)
{
    TnObject *m = tn_module_new("posix");
    if (!m)
        return NULL;
    static const struct { const char *name; long value; } consts[] = {
        { "F_OK", F_OK }, { "R_OK", R_OK }, { "W_OK", W_OK }, { "X_OK", X_OK },
        { "O_RDONLY", O_RDONLY }, { "O_WRONLY", O_WRONLY }, { "O_RDWR", O_RDWR },
        { "O_APPEND", O_APPEND }, { "O_CREAT", O_CREAT }, { "O_EXCL", O_EXCL },
        { "O_TRUNC", O_TRUNC }, { "O_NONBLOCK", O_NONBLOCK }, { "O_CLOEXEC", O_CLOEXEC },
        { "WNOHANG", WNOHANG }, { "EX_OK", 0 },
        { 0, 0 }
    };
    if (tn_module_add_functions(m, posix_methods) < 0)
        goto error;
    for (int i = 0; consts[i].name; i++)
        if (tn_module_add_int(m, consts[i].name, consts[i].value) < 0)
            goto error;
    return m;
error:
    TN_DECREF(m);
    return NULL;
}
