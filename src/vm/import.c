/* The import system (import.h).
 *
 * Shared state: sys.modules (tn_runtime.modules, a dict with its own
 * locking) and the import table `loading`: one entry per module name whose
 * import is in progress, with the thread doing it and, once created, the
 * module object. The table lives under `init_lock`, a pthread mutex that is
 * never held while Python code runs or while an object's refcount changes.
 * A thread that finds a name owned by another thread sleeps on `init_cond`
 * (GIL released / QSBR offline) until the owner finishes, so a module body
 * runs once even when two threads import it at the same moment; the owner
 * itself (a circular import) sees the partially initialised module, as in
 * CPython. Waits that would close a cycle between threads are skipped for
 * the same reason CPython skips them: a deadlock is worse than a partially
 * initialised module. */
#include "tandem/tandem.h"
#include "tandem/import.h"
#include "tandem/eval.h"
#include "tandem/module.h"
#include "tandem/exc.h"
#include "tandem/args.h"
#include "tandem/gil.h"
#include "tandem/thread.h"
#include "vm_internal.h"
#include "tn_libsrc.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>

#if __has_include("tandem/compile.h")
#  include "tandem/compile.h"
#else
/* TODO(compiler): compile.h not published yet; the agreed signature. */
TnObject *tn_compile(const char *src, size_t len, const char *filename, int mode);
#endif

/* ---- the import table -------------------------------------------------- */

typedef struct {
    char *name;               /* malloc'ed copy of the dotted name */
    TnObject *module;         /* borrowed; NULL until the module exists */
    TnThreadState *owner;
} Loading;

typedef struct {
    TnThreadState *ts;
    const char *name;         /* the waiter's own copy, valid while it waits */
} Waiting;

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t init_cond;
static Loading *loading;
static size_t nloading, caploading;   /* nloading is also read racily as a hint */
static Waiting *waiting;
static size_t nwaiting, capwaiting;

static Loading *find_loading(const char *name)
{
    for (size_t i = 0; i < nloading; i++)
        if (strcmp(loading[i].name, name) == 0)
            return &loading[i];
    return NULL;
}

static const char *waits_for(TnThreadState *ts)
{
    for (size_t i = 0; i < nwaiting; i++)
        if (waiting[i].ts == ts)
            return waiting[i].name;
    return NULL;
}

/* Would `me` waiting for a module loaded by `owner` close a cycle? */
static int would_deadlock(TnThreadState *owner, TnThreadState *me)
{
    for (size_t steps = 0; owner && steps <= nloading; steps++) {
        if (owner == me)
            return 1;
        const char *n = waits_for(owner);
        Loading *e = n ? find_loading(n) : NULL;
        owner = e ? e->owner : NULL;
    }
    return 0;
}

static int grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, c * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = c;
    return 0;
}

/* Take the import lock of `name` for the calling thread: wait while another
 * thread is loading it. *owned is set when this call created the entry
 * (release it with unlock_name); with wait_only it only waits. 0, or -1 with an exception (out of memory,
 * KeyboardInterrupt while waiting). */
static int lock_name(const char *name, int *owned, int wait_only)
{
    TnThreadState *me = tn_ts();
    *owned = 0;
    pthread_mutex_lock(&init_lock);
    for (;;) {
        Loading *e = find_loading(name);
        if (!e && wait_only)
            break;
        if (!e) {
            char *copy = strdup(name);
            if (!copy || grow((void **)&loading, &caploading, nloading, sizeof *loading) < 0) {
                free(copy);
                pthread_mutex_unlock(&init_lock);
                tn_err_nomemory();
                return -1;
            }
            loading[nloading] = (Loading){ copy, NULL, me };
            __atomic_store_n(&nloading, nloading + 1, __ATOMIC_RELAXED);
            *owned = 1;
            break;
        }
        if (e->owner == me || would_deadlock(e->owner, me))
            break;
        if (grow((void **)&waiting, &capwaiting, nwaiting, sizeof *waiting) < 0) {
            pthread_mutex_unlock(&init_lock);
            tn_err_nomemory();
            return -1;
        }
        /* Registered before the lock is dropped, so a thread that is about
         * to wait for us sees the cycle. */
        waiting[nwaiting++] = (Waiting){ me, name };
        pthread_mutex_unlock(&init_lock);
        int rc = 0;
        TN_BEGIN_BLOCKING(me);
        pthread_mutex_lock(&init_lock);
        while ((e = find_loading(name)) != NULL && rc != EINTR)
            rc = tn_thread_cond_wait(me, &init_cond, &init_lock, NULL);
        for (size_t i = 0; i < nwaiting; i++)
            if (waiting[i].ts == me) {
                waiting[i] = waiting[--nwaiting];
                break;
            }
        pthread_mutex_unlock(&init_lock);
        TN_END_BLOCKING(me);
        if (rc == EINTR && tn_eval_handle_signals(me) < 0)
            return -1;
        pthread_mutex_lock(&init_lock);
    }
    pthread_mutex_unlock(&init_lock);
    return 0;
}

static void unlock_name(const char *name)
{
    pthread_mutex_lock(&init_lock);
    Loading *e = find_loading(name);
    if (e) {
        free(e->name);
        *e = loading[nloading - 1];
        __atomic_store_n(&nloading, nloading - 1, __ATOMIC_RELAXED);
        pthread_cond_broadcast(&init_cond);
    }
    pthread_mutex_unlock(&init_lock);
}

/* The module object of the import in progress for `name` (circular-import
 * messages look it up by object). */
static void set_loading_module(const char *name, TnObject *m)
{
    pthread_mutex_lock(&init_lock);
    Loading *e = find_loading(name);
    if (e)
        e->module = m;
    pthread_mutex_unlock(&init_lock);
}

static int is_initializing(TnObject *m)
{
    int found = 0;
    if (__atomic_load_n(&nloading, __ATOMIC_RELAXED) == 0)
        return 0;
    pthread_mutex_lock(&init_lock);
    for (size_t i = 0; i < nloading && !found; i++)
        found = loading[i].module == m;
    pthread_mutex_unlock(&init_lock);
    return found;
}

int tn_import_is_initializing(TnObject *module)
{
    return is_initializing(module);
}

/* ---- helpers ---------------------------------------------------------- */

static TnObject *modules_get(TnObject *name)
{
    TnObject *m = NULL;
    if (!tn_runtime.modules)
        return NULL;
    if (tn_dict_get_ref(tn_runtime.modules, name, &m) < 0)
        return NULL;
    return m;
}

int tn_import_add_module(const char *name, TnObject *module)
{
    return tn_dict_setitem_str(tn_runtime.modules, name, module);
}

static void remove_module(TnObject *name)
{
    TnObject *saved = tn_err_fetch();
    if (tn_dict_delitem(tn_runtime.modules, name) < 0)
        tn_err_clear();
    tn_err_restore(saved);
}

/* Raise ImportError-family `t` with msg and the name= (and path=) fields. */
static TnObject *import_error(TnType *t, TnObject *msg, TnObject *name, TnObject *path)
{
    TnObject *args[3] = { msg, name ? name : tn_None, path ? path : tn_None };
    TnObject *kw = tn_tuple_pack(2, TN_ID(name), TN_ID(path));
    if (!kw)
        return NULL;
    TnObject *exc = tn_call((TnObject *)t, args, 1, kw);
    TN_DECREF(kw);
    if (exc)
        tn_err_set(exc);
    return NULL;
}

static TnObject *not_found(TnObject *name, const char *suffix_parent)
{
    TnObject *msg = suffix_parent
        ? tn_str_from_format("No module named '%U'; '%s' is not a package", name, suffix_parent)
        : tn_str_from_format("No module named '%U'", name);
    if (!msg)
        return NULL;
    import_error(&tn_exc_ModuleNotFoundError, msg, name, NULL);
    TN_DECREF(msg);
    return NULL;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (n < cap - 1) {
            if (ferror(fp)) {
                free(buf);
                buf = NULL;
            }
            break;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(fp);
    if (buf) {
        buf[n] = 0;
        *len = n;
    }
    return buf;
}

/* Fill a fresh module's dict with the standard names. */
static int init_module_dict(TnObject *dict, const char *file)
{
    if (file) {
        TnObject *f = tn_str_from_cstr(file);
        if (!f || tn_dict_setitem(dict, TN_ID(__file__), f) < 0) {
            TN_XDECREF(f);
            return -1;
        }
        TN_DECREF(f);
    }
    if (tn_runtime.builtins && tn_dict_contains(dict, TN_ID(__builtins__)) == 0
        && tn_dict_setitem(dict, TN_ID(__builtins__), tn_runtime.builtins) < 0)
        return -1;
    return 0;
}

/* Create module `name`, register it, compile and run `src` in it.
 * pkgdir: the package's directory ("" for an embedded package), NULL for a
 * plain module. */
static TnObject *exec_source_module(TnObject *name, const char *src, size_t len,
                                    const char *filename, const char *file_attr,
                                    const char *pkgdir)
{
    TnObject *m = tn_module_new_obj(name), *package = NULL, *path = NULL;
    if (!m)
        return NULL;
    TnObject *dict = tn_module_get_dict(m);
    const char *cname = TN_STR_DATA(name), *dot = strrchr(cname, '.');
    if (pkgdir) {
        package = tn_newref(name);
        path = tn_list_new(0);
        if (path && pkgdir[0]) {
            TnObject *d = tn_str_from_cstr(pkgdir);
            if (!d || tn_list_append(path, d) < 0)
                TN_CLEAR(path);
            TN_XDECREF(d);
        }
    } else {
        package = tn_str_from_utf8(cname, dot ? (tn_ssize_t)(dot - cname) : 0);
    }
    if (!package || (pkgdir && !path)
        || init_module_dict(dict, file_attr) < 0
        || tn_dict_setitem(dict, TN_ID(__package__), package) < 0
        || (path && tn_dict_setitem(dict, TN_ID(__path__), path) < 0)
        || tn_dict_setitem(tn_runtime.modules, name, m) < 0) {
        TN_XDECREF(package);
        TN_XDECREF(path);
        TN_DECREF(m);
        return NULL;
    }
    TN_DECREF(package);
    TN_XDECREF(path);
    set_loading_module(cname, m);
    TnObject *code = tn_compile(src, len, filename, 0);
    if (!code)
        goto fail;
    TnObject *res = tn_eval_code(code, dict, dict);
    set_loading_module(cname, NULL);
    TN_DECREF(code);
    if (!res)
        goto fail;
    TN_DECREF(res);
    TN_DECREF(m);
    /* The body may have replaced its sys.modules entry. */
    TnObject *final = modules_get(name);
    if (!final && !tn_err_occurred())
        return import_error(&tn_exc_ImportError,
                            tn_str_from_format("Loaded module %U not found in sys.modules", name),
                            name, NULL);
    return final;
fail:
    set_loading_module(cname, NULL);
    remove_module(name);
    TN_DECREF(m);
    return NULL;
}

static TnObject *load_native(TnObject *name, const TnNativeModule *def)
{
    TnObject *m = def->init();
    if (!m)
        return NULL;
    TnObject *existing = modules_get(name);
    if (existing) {
        /* The init function registered itself (or a replacement). */
        TN_DECREF(m);
        return existing;
    }
    if (tn_err_occurred() || tn_dict_setitem(tn_runtime.modules, name, m) < 0) {
        TN_DECREF(m);
        return NULL;
    }
    return m;
}

/* `from __future__ import x` compiles to a real import (as in CPython);
 * when no __future__.py is embedded, a minimal module naming the features
 * stands in. */
static TnObject *make_future_module(TnObject *name)
{
    static const char *const features[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
        "annotations", NULL
    };
    TnObject *m = tn_module_new_obj(name);
    TnObject *all = tn_list_new(0);
    if (!m || !all)
        goto error;
    for (int i = 0; features[i]; i++) {
        TnObject *f = tn_str_intern_cstr(features[i]);
        if (tn_list_append(all, f) < 0 || tn_module_add_object(m, features[i], tn_True) < 0)
            goto error;
    }
    if (tn_module_add_object(m, "all_feature_names", all) < 0
        || tn_dict_setitem(tn_runtime.modules, name, m) < 0)
        goto error;
    TN_DECREF(all);
    return m;
error:
    TN_XDECREF(all);
    TN_XDECREF(m);
    return NULL;
}

static int is_regular_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_directory(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static TnObject *load_file(TnObject *name, const char *file, const char *pkgdir)
{
    size_t len;
    errno = 0;
    char *src = read_file(file, &len);
    if (!src) {
        if (errno == 0)
            errno = ENOMEM;
        return tn_err_from_errno(&tn_exc_OSError, file);
    }
    TnObject *m = exec_source_module(name, src, len, file, file, pkgdir);
    free(src);
    return m;
}

/* Look for `child` (the last component of `name`) in each directory of
 * `dirs` (sys.path or a package's __path__): DIR/child/__init__.py, then
 * DIR/child.py, as CPython's path finder does. Relative directories are
 * taken from the current directory, so __file__ and __path__ come out
 * absolute as in CPython. *found is 0 when nothing matched (no exception);
 * *nsdir receives the first directory without __init__.py (a namespace
 * package in CPython). */
static TnObject *search_dirs(TnObject *name, const char *child, TnObject *dirs, int *found,
                             char *nsdir, size_t nsdirsz)
{
    *found = 0;
    TnObject *list = tn_sequence_list(dirs);   /* a snapshot: scripts may edit sys.path */
    if (!list)
        return NULL;
    char cwd[4096], base[4096], file[4200];
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = 0;
    TnObject *m = NULL;
    for (tn_ssize_t i = 0; i < tn_list_size(list) && !*found; i++) {
        TnObject *dir = TN_LIST_ITEMS(list)[i];
        if (!tn_str_check(dir))
            continue;
        const char *d = TN_STR_DATA(dir);
        int w;
        if (d[0] == '/')
            w = snprintf(base, sizeof base, "%s/%s", d, child);
        else if (d[0] == 0 || strcmp(d, ".") == 0)
            w = snprintf(base, sizeof base, "%s/%s", cwd, child);
        else
            w = snprintf(base, sizeof base, "%s/%s/%s", cwd, d, child);
        if (w <= 0 || (size_t)w >= sizeof base)
            continue;
        if (is_directory(base)) {
            snprintf(file, sizeof file, "%s/__init__.py", base);
            if (is_regular_file(file)) {
                *found = 1;
                m = load_file(name, file, base);
                break;
            }
            if (!nsdir[0])
                snprintf(nsdir, nsdirsz, "%s", base);
        }
        snprintf(file, sizeof file, "%s.py", base);
        if (is_regular_file(file)) {
            *found = 1;
            m = load_file(name, file, NULL);
        }
    }
    TN_DECREF(list);
    return m;
}

/* sys.path as the script left it (it may have rebound the name). */
static TnObject *sys_path(void)
{
    TnObject *p = NULL;
    if (tn_runtime.sys
        && tn_dict_get_ref(tn_module_get_dict(tn_runtime.sys), TN_ID(path), &p) < 0)
        return NULL;
    if (!p && tn_runtime.path)
        p = tn_newref(tn_runtime.path);
    return p;
}

/* Find and load the absolute module `name` (dotted, parents already
 * imported; `parent` is the imported parent or NULL). New reference. */
static TnObject *find_and_load(TnObject *name, TnObject *parent)
{
    const char *cname = TN_STR_DATA(name);
    for (const TnNativeModule *def = tn_native_modules; def->name; def++)
        if (strcmp(def->name, cname) == 0)
            return load_native(name, def);

    const char *dot = strrchr(cname, '.');
    const char *child = dot ? dot + 1 : cname;
    TnObject *dirs = NULL;
    if (parent) {
        if (tn_object_lookup_attr(parent, TN_ID(__path__), &dirs) < 0)
            return NULL;
        if (!dirs) {
            TnObject *pname = tn_str_from_utf8(cname, (tn_ssize_t)(dot - cname));
            TnObject *r = pname ? not_found(name, TN_STR_DATA(pname)) : NULL;
            TN_XDECREF(pname);
            return r;
        }
    } else {
        dirs = sys_path();
        if (!dirs && tn_err_occurred())
            return NULL;
    }
    /* An embedded package has an empty __path__; only its submodules come
     * from the embedded table (a package on disk that shares a name with
     * one must not pick up its submodules). */
    int embedded_ok = !parent || (dirs && tn_list_check(dirs) && tn_list_size(dirs) == 0);
    char nsdir[4096] = "";
    if (dirs) {
        int found;
        TnObject *m = search_dirs(name, child, dirs, &found, nsdir, sizeof nsdir);
        TN_DECREF(dirs);
        if (found || tn_err_occurred())
            return m;
    }

    for (size_t i = 0; embedded_ok && tn_libsrc[i].name; i++) {
        if (strcmp(tn_libsrc[i].name, cname) == 0) {
            char filename[300];
            snprintf(filename, sizeof filename, "<frozen %s>", cname);
            return exec_source_module(name, tn_libsrc[i].src, strlen(tn_libsrc[i].src),
                                      filename, NULL, tn_libsrc[i].is_pkg ? "" : NULL);
        }
    }
    if (strcmp(cname, "__future__") == 0)
        return make_future_module(name);
    if (nsdir[0]) {
        TnObject *msg = tn_str_from_format(
            "No module named '%U' (the directory %s has no __init__.py: namespace packages "
            "are not supported)", name, nsdir);
        if (msg)
            import_error(&tn_exc_ModuleNotFoundError, msg, name, NULL);
        TN_XDECREF(msg);
        return NULL;
    }
    return not_found(name, NULL);
}

/* Import the absolute dotted name: each parent first, then the child,
 * which is also set as an attribute of its parent. New ref to the child. */
static TnObject *import_absolute(TnObject *name)
{
    TnObject *m = modules_get(name);
    if (tn_err_occurred())
        return NULL;
    /* Fast path: nothing is being imported anywhere, so `m` is complete.
     * The loader counts itself in `nloading` before it publishes the module
     * in sys.modules; our two reads stay in that order because the dict
     * read is an acquire load (and this one is sequentially consistent; no
     * fence, which ThreadSanitizer cannot model). */
    if (m && __atomic_load_n(&nloading, __ATOMIC_SEQ_CST) == 0)
        return m;
    const char *cname = TN_STR_DATA(name);
    int owned;
    if (m) {
        /* Imported already, unless another thread's import of it is still
         * running: then wait for it, without registering an import. */
        if (lock_name(cname, &owned, 1) < 0) {
            TN_DECREF(m);
            return NULL;
        }
        TnObject *again = modules_get(name);
        TN_DECREF(m);
        if (again || tn_err_occurred())
            return again;   /* else that import failed: try it ourselves */
    }
    const char *dot = strrchr(cname, '.');
    TnObject *parent = NULL;
    if (dot) {
        TnObject *pname = tn_str_from_utf8(cname, (tn_ssize_t)(dot - cname));
        if (!pname)
            return NULL;
        parent = import_absolute(pname);
        TN_DECREF(pname);
        if (!parent)
            return NULL;
    }
    if (lock_name(cname, &owned, 0) < 0) {
        TN_XDECREF(parent);
        return NULL;
    }
    /* Present now: loaded by the thread we waited for, by the parent's
     * body, or partially initialised by this very thread. */
    m = modules_get(name);
    if (!m && !tn_err_occurred())
        m = find_and_load(name, parent);
    if (owned)
        unlock_name(cname);
    if (m && parent) {
        TnObject *child = tn_str_from_cstr(dot + 1);
        if (!child || tn_object_setattr(parent, child, m) < 0)
            tn_err_clear();
        TN_XDECREF(child);
    }
    TN_XDECREF(parent);
    return m;
}

TnObject *tn_import_module(const char *name)
{
    TnObject *n = tn_str_from_cstr(name);
    if (!n)
        return NULL;
    TnObject *m = import_absolute(n);
    TN_DECREF(n);
    return m;
}

/* The package a relative import in `globals` is relative to. */
static TnObject *resolve_name(TnObject *name, TnObject *globals, int level)
{
    TnObject *package = NULL;
    if (globals && tn_dict_check(globals)) {
        package = tn_dict_get_str_known(globals, TN_ID(__package__));
        if (package == tn_None)
            TN_CLEAR(package);
        if (!package) {
            TnObject *modname = tn_dict_get_str_known(globals, TN_ID(__name__));
            int ispkg = tn_dict_get_str_known(globals, TN_ID(__path__)) != NULL;
            if (modname && tn_str_check(modname)) {
                if (ispkg) {
                    package = modname;
                    modname = NULL;
                } else {
                    const char *s = TN_STR_DATA(modname), *dot = strrchr(s, '.');
                    package = tn_str_from_utf8(s, dot ? (tn_ssize_t)(dot - s) : 0);
                }
            }
            TN_XDECREF(modname);
        }
    }
    if (!package || !tn_str_check(package) || TN_STR_SIZE(package) == 0) {
        TN_XDECREF(package);
        return import_error(&tn_exc_ImportError,
                            tn_str_from_cstr("attempted relative import with no known parent package"),
                            NULL, NULL);
    }
    /* Strip level-1 trailing components. */
    const char *s = TN_STR_DATA(package);
    tn_ssize_t end = TN_STR_SIZE(package);
    for (int i = 1; i < level; i++) {
        while (end > 0 && s[end - 1] != '.')
            end--;
        if (end == 0) {
            TN_DECREF(package);
            return import_error(&tn_exc_ImportError,
                                tn_str_from_cstr("attempted relative import beyond top-level package"),
                                NULL, NULL);
        }
        end--;
    }
    TnObject *base = tn_str_from_utf8(s, end);
    TN_DECREF(package);
    if (!base)
        return NULL;
    if (TN_STR_SIZE(name) == 0)
        return base;
    TnObject *full = tn_str_from_format("%U.%U", base, name);
    TN_DECREF(base);
    return full;
}

/* `from PKG import a, b`: names that are not attributes of a package are
 * its submodules, imported here; a missing one is left for IMPORT_FROM to
 * report (CPython's message names the attribute, not the module). */
static int handle_fromlist(TnObject *m, TnObject *absname, TnObject *fromlist, int recursive)
{
    TnObject *path = NULL;
    if (tn_object_lookup_attr(m, TN_ID(__path__), &path) < 0)
        return -1;
    if (!path)
        return 0;
    TN_DECREF(path);
    TnObject *names = tn_sequence_list(fromlist);
    if (!names)
        return -1;
    int rc = 0;
    for (tn_ssize_t i = 0; i < tn_list_size(names) && rc == 0; i++) {
        TnObject *x = TN_LIST_ITEMS(names)[i], *v = NULL;
        if (!tn_str_check(x))
            continue;
        if (strcmp(TN_STR_DATA(x), "*") == 0) {
            TnObject *all = NULL;
            if (recursive || tn_object_lookup_attr(m, TN_ID(__all__), &all) < 0)
                rc = recursive ? 0 : -1;
            else if (all) {
                rc = handle_fromlist(m, absname, all, 1);
                TN_DECREF(all);
            }
            continue;
        }
        if (tn_object_lookup_attr(m, x, &v) < 0) {
            rc = -1;
            break;
        }
        if (v) {
            TN_DECREF(v);
            continue;
        }
        TnObject *full = tn_str_from_format("%U.%U", absname, x);
        if (!full) {
            rc = -1;
            break;
        }
        TnObject *sub = import_absolute(full);
        if (sub)
            TN_DECREF(sub);
        else if (tn_err_occurred() && tn_err_matches(&tn_exc_ModuleNotFoundError)) {
            /* Only "that submodule does not exist" is silenced. */
            TnObject *exc = tn_err_fetch(), *n = NULL;
            if (tn_object_lookup_attr(exc, TN_ID(name), &n) < 0)
                tn_err_clear();
            int same = n && tn_str_check(n) && strcmp(TN_STR_DATA(n), TN_STR_DATA(full)) == 0;
            TN_XDECREF(n);
            if (same)
                TN_DECREF(exc);
            else {
                tn_err_restore(exc);
                rc = -1;
            }
        } else
            rc = -1;
        TN_DECREF(full);
    }
    TN_DECREF(names);
    return rc;
}

TnObject *tn_import_name(TnObject *name, TnObject *globals, TnObject *fromlist, int level)
{
    TnObject *absname;
    if (!tn_str_check(name))
        return tn_err_format(&tn_exc_TypeError, "module name must be str, not %T", name);
    if (level < 0)
        return tn_err_format(&tn_exc_ValueError, "level must be >= 0");
    if (level > 0) {
        absname = resolve_name(name, globals, level);
        if (!absname)
            return NULL;
    } else {
        if (TN_STR_SIZE(name) == 0)
            return tn_err_format(&tn_exc_ValueError, "Empty module name");
        absname = tn_newref(name);
    }
    TnObject *m = import_absolute(absname);
    if (!m)
        goto done;
    int has_from = fromlist && fromlist != tn_None && tn_object_is_true(fromlist) > 0;
    if (has_from && handle_fromlist(m, absname, fromlist, 0) < 0)
        TN_CLEAR(m);
    else if (!has_from && level == 0) {
        const char *s = TN_STR_DATA(name), *dot = strchr(s, '.');
        if (dot) {
            TnObject *top = tn_str_from_utf8(s, (tn_ssize_t)(dot - s));
            TN_DECREF(m);
            m = top ? modules_get(top) : NULL;
            if (top && !m && !tn_err_occurred())
                not_found(top, NULL);
            TN_XDECREF(top);
        }
    }
done:
    TN_DECREF(absname);
    return m;
}

TnObject *tn_import_from(TnObject *module, TnObject *name)
{
    TnObject *v = NULL;
    if (tn_object_lookup_attr(module, name, &v) != 0)
        return v;
    /* Maybe a submodule registered in sys.modules ("os.path"). */
    TnObject *modname = NULL, *file = NULL, *msg = NULL;
    if (tn_object_lookup_attr(module, TN_ID(__name__), &modname) < 0)
        return NULL;
    if (modname && tn_str_check(modname)) {
        TnObject *full = tn_str_from_format("%U.%U", modname, name);
        if (full) {
            v = modules_get(full);
            TN_DECREF(full);
            if (v) {
                TN_DECREF(modname);
                return v;
            }
        }
        if (tn_err_occurred()) {
            TN_DECREF(modname);
            return NULL;
        }
    } else {
        TN_XDECREF(modname);
        modname = tn_str_from_cstr("<unknown module name>");
        if (!modname)
            return NULL;
    }
    if (tn_object_lookup_attr(module, TN_ID(__file__), &file) < 0)
        tn_err_clear();
    int circular = is_initializing(module);
    if (circular)
        msg = file && tn_str_check(file)
            ? tn_str_from_format("cannot import name '%U' from partially initialized module '%U' "
                                 "(most likely due to a circular import) (%U)", name, modname, file)
            : tn_str_from_format("cannot import name '%U' from partially initialized module '%U' "
                                 "(most likely due to a circular import) (unknown location)",
                                 name, modname);
    else
        msg = file && tn_str_check(file)
            ? tn_str_from_format("cannot import name '%U' from '%U' (%U)", name, modname, file)
            : tn_str_from_format("cannot import name '%U' from '%U' (unknown location)",
                                 name, modname);
    if (msg)
        import_error(&tn_exc_ImportError, msg, modname,
                     file && tn_str_check(file) ? file : NULL);
    TN_XDECREF(msg);
    TN_XDECREF(file);
    TN_DECREF(modname);
    return NULL;
}

int tn_import_star(TnObject *module, TnObject *locals)
{
    TnObject *all = NULL, *names = NULL;
    int skip_private = 0, err = -1;
    if (tn_object_lookup_attr(module, TN_ID(__all__), &all) < 0)
        return -1;
    if (all) {
        names = tn_sequence_list(all);
        TN_DECREF(all);
    } else {
        TnObject *dict = NULL;
        if (tn_object_lookup_attr(module, TN_ID(__dict__), &dict) < 0)
            return -1;
        if (!dict) {
            tn_err_setstr(&tn_exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        names = tn_dict_check(dict) ? tn_dict_keys_list(dict) : tn_sequence_list(dict);
        TN_DECREF(dict);
        skip_private = 1;
    }
    if (!names)
        return -1;
    for (tn_ssize_t i = 0; i < tn_list_size(names); i++) {
        TnObject *name = TN_LIST_ITEMS(names)[i];
        if (!tn_str_check(name)) {
            tn_err_format(&tn_exc_TypeError, "%s in %U.%s must be str, not %T",
                          skip_private ? "Key" : "Item",
                          tn_module_check(module) ? tn_module_get_name(module) : TN_ID(__name__),
                          skip_private ? "__dict__" : "__all__", name);
            goto done;
        }
        if (skip_private && TN_STR_DATA(name)[0] == '_')
            continue;
        TnObject *v = tn_object_getattr(module, name);
        if (!v)
            goto done;
        int r = tn_dict_check_exact(locals) ? tn_dict_setitem(locals, name, v)
                                           : tn_object_setitem(locals, name, v);
        TN_DECREF(v);
        if (r < 0)
            goto done;
    }
    err = 0;
done:
    TN_DECREF(names);
    return err;
}

TnObject *tn_builtin_import(TnObject *self, TnObject *const *args, size_t nargs,
                            TnObject *kwnames)
{
    static const char *const kwlist[] = { "name", "globals", "locals", "fromlist", "level", NULL };
    TnObject *out[5] = { NULL, NULL, NULL, NULL, NULL };
    if (tn_parse_args("__import__", args, nargs, kwnames, kwlist, 5, 1, out) < 0)
        return NULL;
    int level = 0;
    if (out[4]) {
        tn_ssize_t l = tn_number_as_ssize(out[4], &tn_exc_OverflowError);
        if (l == -1 && tn_err_occurred())
            return NULL;
        level = (int)l;
    }
    TnObject *globals = out[1] && out[1] != tn_None ? out[1] : NULL;
    if (level > 0 && !globals)
        return tn_err_format(&tn_exc_KeyError, "'__name__' not in globals");
    return tn_import_name(out[0], globals, out[3], level);
}

/* ---- running code ------------------------------------------------------ */

TnObject *tn_exec_code_in_module(TnObject *code, TnObject *module)
{
    TnObject *dict = tn_module_get_dict(module);
    if (init_module_dict(dict, NULL) < 0)
        return NULL;
    return tn_eval_code(code, dict, dict);
}

TnObject *tn_run_file(const char *path, TnObject *main_module)
{
    size_t len;
    /* __file__ and co_filename are absolute, as in CPython 3.9+. */
    char abspath[4096];
    if (path[0] != '/' && getcwd(abspath, sizeof abspath)) {
        size_t n = strlen(abspath);
        const char *rel = path;
        while (rel[0] == '.' && rel[1] == '/')
            rel += 2;
        if (n + 1 + strlen(rel) < sizeof abspath) {
            snprintf(abspath + n, sizeof abspath - n, "/%s", rel);
            path = abspath;
        }
    }
    errno = 0;
    char *src = read_file(path, &len);
    if (!src) {
        if (errno == 0)
            errno = ENOMEM;
        return tn_err_from_errno(&tn_exc_OSError, path);
    }
    TnObject *dict = tn_module_get_dict(main_module), *res = NULL;
    if (init_module_dict(dict, path) == 0) {
        TnObject *code = tn_compile(src, len, path, 0);
        if (code) {
            res = tn_eval_code(code, dict, dict);
            TN_DECREF(code);
        }
    }
    free(src);
    return res;
}

TnObject *tn_run_string(const char *src, const char *filename, TnObject *globals, int mode)
{
    if (init_module_dict(globals, NULL) < 0)
        return NULL;
    TnObject *code = tn_compile(src, strlen(src), filename, mode);
    if (!code)
        return NULL;
    TnObject *res = tn_eval_code(code, globals, globals);
    TN_DECREF(code);
    return res;
}

int tn_import_init(void)
{
    /* tn_thread_cond_wait's deadlines are on CLOCK_MONOTONIC. */
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0)
        return -1;
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    int rc = pthread_cond_init(&init_cond, &attr);
    pthread_condattr_destroy(&attr);
    return rc == 0 ? 0 : -1;
}

/* PYTHONPATH, then TANDEMPATH, appended to sys.path (main.c puts the
 * script's directory in front afterwards). Empty entries are skipped, as
 * CPython does for PYTHONPATH. */
int tn_import_init_path(void)
{
    static const char *const vars[] = { "PYTHONPATH", "TANDEMPATH", NULL };
    for (int v = 0; vars[v]; v++) {
        const char *s = getenv(vars[v]);
        while (s && *s) {
            const char *colon = strchr(s, ':');
            size_t n = colon ? (size_t)(colon - s) : strlen(s);
            if (n > 0) {
                TnObject *d = tn_str_from_utf8(s, (tn_ssize_t)n);
                if (!d)
                    tn_err_clear();   /* undecodable bytes: CPython escapes them; we skip */
                else {
                    int r = tn_list_append(tn_runtime.path, d);
                    TN_DECREF(d);
                    if (r < 0)
                        return -1;
                }
            }
            s = colon ? colon + 1 : NULL;
        }
    }
    return 0;
}
