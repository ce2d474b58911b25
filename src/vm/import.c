/* The import system (import.h).
 *
 * Shared state: sys.modules (tn_runtime.modules, a dict with its own
 * locking) and `initializing`, the modules whose body is running, kept in
 * a small array under `init_lock` (a pthread mutex never held while Python
 * code runs). Two threads importing the same module for the first time at
 * the same moment may both see it partially initialised, as documented in
 * import.h's caller contract; scripts import from the main thread first. */
#include "tandem/tandem.h"
#include "tandem/import.h"
#include "tandem/eval.h"
#include "tandem/module.h"
#include "tandem/exc.h"
#include "tandem/args.h"
#include "vm_internal.h"
/* The generated header's banner comment contains a slash-star (lead: fix
 * scripts/embed-lib); silence -Wcomment for it alone. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcomment"
#include "tn_libsrc.h"
#pragma GCC diagnostic pop
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#if __has_include("tandem/compile.h")
#  include "tandem/compile.h"
#else
/* TODO(compiler): compile.h not published yet; the agreed signature. */
TnObject *tn_compile(const char *src, size_t len, const char *filename, int mode);
#endif

/* ---- modules being initialised ---------------------------------------- */

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static TnObject **initializing;      /* borrowed module pointers */
static size_t ninit, capinit;

static int mark_initializing(TnObject *m)
{
    int r = 0;
    pthread_mutex_lock(&init_lock);
    if (ninit == capinit) {
        size_t cap = capinit ? capinit * 2 : 16;
        TnObject **p = realloc(initializing, cap * sizeof(TnObject *));
        if (!p)
            r = -1;
        else {
            initializing = p;
            capinit = cap;
        }
    }
    if (r == 0)
        initializing[ninit++] = m;
    pthread_mutex_unlock(&init_lock);
    if (r < 0)
        tn_err_nomemory();
    return r;
}

static void unmark_initializing(TnObject *m)
{
    pthread_mutex_lock(&init_lock);
    for (size_t i = ninit; i-- > 0;) {
        if (initializing[i] == m) {
            initializing[i] = initializing[--ninit];
            break;
        }
    }
    pthread_mutex_unlock(&init_lock);
}

static int is_initializing(TnObject *m)
{
    int found = 0;
    pthread_mutex_lock(&init_lock);
    for (size_t i = 0; i < ninit && !found; i++)
        found = initializing[i] == m;
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

/* Create module `name`, register it, compile and run `src` in it. */
static TnObject *exec_source_module(TnObject *name, const char *src, size_t len,
                                    const char *filename, const char *file_attr)
{
    TnObject *m = tn_module_new_obj(name);
    if (!m)
        return NULL;
    TnObject *dict = tn_module_get_dict(m);
    if (init_module_dict(dict, file_attr) < 0
        || tn_dict_setitem(dict, TN_ID(__package__), tn_str_intern_cstr("")) < 0
        || tn_dict_setitem(tn_runtime.modules, name, m) < 0) {
        TN_DECREF(m);
        return NULL;
    }
    TnObject *code = tn_compile(src, len, filename, 0);
    if (!code)
        goto fail;
    if (mark_initializing(m) < 0) {
        TN_DECREF(code);
        goto fail;
    }
    TnObject *res = tn_eval_code(code, dict, dict);
    unmark_initializing(m);
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

/* Find and load the absolute module `name` (dotted, parents already
 * imported). New reference. */
static TnObject *find_and_load(TnObject *name)
{
    const char *cname = TN_STR_DATA(name);
    for (const TnNativeModule *def = tn_native_modules; def->name; def++)
        if (strcmp(def->name, cname) == 0)
            return load_native(name, def);

    const char *dot = strrchr(cname, '.');
    if (dot) {
        /* No packages: a submodule exists only if someone registered it. */
        char parent[256];
        size_t plen = (size_t)(dot - cname);
        if (plen >= sizeof parent)
            plen = sizeof parent - 1;
        memcpy(parent, cname, plen);
        parent[plen] = 0;
        return not_found(name, parent);
    }

    TnObject *path = tn_runtime.path;
    tn_ssize_t n = path && tn_list_check(path) ? tn_list_size(path) : 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *dir = tn_list_getitem(path, i);
        if (!dir) {
            tn_err_clear();
            continue;
        }
        if (!tn_str_check(dir)) {
            TN_DECREF(dir);
            continue;
        }
        char file[4096];
        const char *d = TN_STR_DATA(dir);
        int w = d[0] ? snprintf(file, sizeof file, "%s/%s.py", d, cname)
                     : snprintf(file, sizeof file, "%s.py", cname);
        TN_DECREF(dir);
        if (w <= 0 || (size_t)w >= sizeof file)
            continue;
        size_t len;
        char *src = read_file(file, &len);
        if (!src)
            continue;
        TnObject *m = exec_source_module(name, src, len, file, file);
        free(src);
        return m;
    }

    for (size_t i = 0; tn_libsrc[i].name; i++) {
        if (strcmp(tn_libsrc[i].name, cname) == 0) {
            char filename[300];
            snprintf(filename, sizeof filename, "<frozen %s>", cname);
            return exec_source_module(name, tn_libsrc[i].src, strlen(tn_libsrc[i].src),
                                      filename, NULL);
        }
    }
    if (strcmp(cname, "__future__") == 0)
        return make_future_module(name);
    return not_found(name, NULL);
}

/* import one absolute dotted name: each parent first, then the child,
 * which is also set as an attribute of its parent. New ref to the child. */
static TnObject *import_absolute(TnObject *name)
{
    TnObject *m = modules_get(name);
    if (m || tn_err_occurred())
        return m;
    const char *cname = TN_STR_DATA(name);
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
        m = modules_get(name);      /* the parent's import may have made it */
        if (!m && !tn_err_occurred())
            m = find_and_load(name);
        if (m) {
            TnObject *child = tn_str_from_cstr(dot + 1);
            if (!child || tn_object_setattr(parent, child, m) < 0)
                tn_err_clear();
            TN_XDECREF(child);
        }
        TN_DECREF(parent);
        return m;
    }
    return find_and_load(name);
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
    if (!has_from && level == 0) {
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
    return 0;
}
