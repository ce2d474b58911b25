/* The sys module.
 *
 * sys.argv, sys.path and sys.modules are the runtime's own objects
 * (tn_runtime.argv/path/modules), so C code and Python code see one list.
 * The version/float/int/hash info records are "struct sequences": tuple
 * subclasses whose fields are also attributes (CPython's structseq), made
 * immortal at start-up. sys.implementation is a SimpleNamespace.
 *
 * Mutable C state: tn_int_max_str_digits (an atomic int, any thread may
 * set it), tn_runtime.recursion_limit and switch_interval (plain fields:
 * set by Python code, read by the eval loop / GIL as a hint; a torn read
 * is impossible for an aligned int, and a stale one is harmless).
 */
#include <float.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/module.h"
#include "tandem/descr.h"
#include "tandem/exc.h"
#include "tandem/frame.h"
#include "tandem/import.h"
#include "tandem/builtins.h"

TN_SHARED(int) tn_int_max_str_digits = 4300;

TnObject *tn_sys_get_object(const char *name)
{
    TnObject *v = NULL;
    if (!tn_runtime.sys)
        return NULL;
    if (tn_dict_get_ref_str(tn_module_get_dict(tn_runtime.sys), name, &v) < 0) {
        tn_err_clear();
        return NULL;
    }
    return v;
}

/* ---- struct sequences --------------------------------------------------- */

static TnObject *structseq_get(TnObject *self, void *closure)
{
    return tn_newref(TN_TUPLE_GET(self, (intptr_t)closure));
}

static TnObject *structseq_repr(TnObject *self)
{
    TnStrBuilder b;
    tn_sb_init(&b);
    const TnGetSetDef *gs = TN_TYPE(self)->tp_getset;
    if (tn_sb_append_cstr(&b, TN_TYPE(self)->tp_name) < 0 || tn_sb_append(&b, "(", 1) < 0)
        goto error;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(self); i++) {
        TnObject *r = tn_object_repr(TN_TUPLE_GET(self, i));
        if (!r)
            goto error;
        int ok = (i == 0 || tn_sb_append(&b, ", ", 2) == 0) && tn_sb_append_cstr(&b, gs[i].name) == 0 &&
                 tn_sb_append(&b, "=", 1) == 0 && tn_sb_append_str(&b, r) == 0;
        TN_DECREF(r);
        if (!ok)
            goto error;
    }
    if (tn_sb_append(&b, ")", 1) < 0)
        goto error;
    return tn_sb_finish(&b);
error:
    tn_sb_discard(&b);
    return NULL;
}

#define SS_FIELD(name, i) { name, structseq_get, NULL, NULL, (void *)(intptr_t)(i) }

static const TnGetSetDef version_info_fields[] = {
    SS_FIELD("major", 0), SS_FIELD("minor", 1), SS_FIELD("micro", 2),
    SS_FIELD("releaselevel", 3), SS_FIELD("serial", 4), { 0, 0, 0, 0, 0 }
};
static const TnGetSetDef float_info_fields[] = {
    SS_FIELD("max", 0), SS_FIELD("max_exp", 1), SS_FIELD("max_10_exp", 2), SS_FIELD("min", 3),
    SS_FIELD("min_exp", 4), SS_FIELD("min_10_exp", 5), SS_FIELD("dig", 6),
    SS_FIELD("mant_dig", 7), SS_FIELD("epsilon", 8), SS_FIELD("radix", 9),
    SS_FIELD("rounds", 10), { 0, 0, 0, 0, 0 }
};
static const TnGetSetDef int_info_fields[] = {
    SS_FIELD("bits_per_digit", 0), SS_FIELD("sizeof_digit", 1),
    SS_FIELD("default_max_str_digits", 2), SS_FIELD("str_digits_check_threshold", 3),
    { 0, 0, 0, 0, 0 }
};
static const TnGetSetDef hash_info_fields[] = {
    SS_FIELD("width", 0), SS_FIELD("modulus", 1), SS_FIELD("inf", 2), SS_FIELD("nan", 3),
    SS_FIELD("imag", 4), SS_FIELD("algorithm", 5), SS_FIELD("hash_bits", 6),
    SS_FIELD("seed_bits", 7), SS_FIELD("cutoff", 8), { 0, 0, 0, 0, 0 }
};

#define STRUCTSEQ_TYPE(var, name, fields) \
    static TnType var = { \
        TN_STATIC_TYPE_HEAD, \
        .tp_name = name, \
        .tp_basicsize = sizeof(TnTuple), \
        .tp_itemsize = sizeof(TnObject *), \
        .tp_repr = structseq_repr, \
        .tp_getset = fields, \
        .tp_base = &tn_tuple_type, \
    };
STRUCTSEQ_TYPE(version_info_type, "sys.version_info", version_info_fields)
STRUCTSEQ_TYPE(float_info_type, "sys.float_info", float_info_fields)
STRUCTSEQ_TYPE(int_info_type, "sys.int_info", int_info_fields)
STRUCTSEQ_TYPE(hash_info_type, "sys.hash_info", hash_info_fields)

/* Build an immortal struct sequence from `n` new references (stolen). */
static TnObject *structseq_new(TnType *t, int n, TnObject **items)
{
    TnObject *res = NULL;
    for (int i = 0; i < n; i++)
        if (!items[i])
            goto done;
    if (tn_type_ready(t) < 0)
        goto done;
    TnTuple *tp = (TnTuple *)tn_object_alloc(t, sizeof(TnTuple) + (size_t)n * sizeof(TnObject *));
    if (!tp)
        goto done;
    tp->ob_size = n;
    tp->hash_cache = -1;
    for (int i = 0; i < n; i++) {
        tp->items[i] = items[i];
        items[i] = NULL;
    }
    /* Never freed: tuple's dealloc (and any free list) must not see it. */
    tn_set_immortal(&tp->ob);
    res = &tp->ob;
done:
    for (int i = 0; i < n; i++)
        TN_XDECREF(items[i]);
    return res;
}

/* ---- SimpleNamespace (sys.implementation) ------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *dict;
} TnNamespace;

static void ns_dealloc(TnObject *o)
{
    TN_XDECREF(((TnNamespace *)o)->dict);
    tn_object_free(o);
}

static TnObject *ns_repr(TnObject *o)
{
    TnNamespace *ns = (TnNamespace *)o;
    TnStrBuilder b;
    tn_sb_init(&b);
    if (tn_sb_append_cstr(&b, "namespace(") < 0)
        goto error;
    tn_ssize_t pos = 0;
    TnObject *k, *v;
    int first = 1;
    while (ns->dict && tn_dict_next(ns->dict, &pos, &k, &v)) {
        TnObject *r = tn_object_repr(v);
        int ok = r && (first || tn_sb_append(&b, ", ", 2) == 0) && tn_sb_append_str(&b, k) == 0 &&
                 tn_sb_append(&b, "=", 1) == 0 && tn_sb_append_str(&b, r) == 0;
        TN_XDECREF(r);
        TN_DECREF(k);
        TN_DECREF(v);
        if (!ok)
            goto error;
        first = 0;
    }
    if (tn_sb_append(&b, ")", 1) < 0)
        goto error;
    return tn_sb_finish(&b);
error:
    tn_sb_discard(&b);
    return NULL;
}

static TnType namespace_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(TnNamespace),
    .tp_dealloc = ns_dealloc,
    .tp_repr = ns_repr,
    .tp_getattro = tn_object_generic_getattr,
    .tp_setattro = tn_object_generic_setattr,
    .tp_dictoffset = offsetof(TnNamespace, dict),
};

static TnObject *namespace_new(void)
{
    if (tn_type_ready(&namespace_type) < 0)
        return NULL;
    TnNamespace *ns = (TnNamespace *)tn_object_alloc(&namespace_type, sizeof(TnNamespace));
    if (!ns)
        return NULL;
    ns->dict = tn_dict_new();
    if (!ns->dict) {
        TN_DECREF(ns);
        return NULL;
    }
    return &ns->ob;
}

/* ---- functions ---------------------------------------------------------- */

static TnObject *sys_exit(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("exit", nargs, 0, 1) < 0)
        return NULL;
    tn_err_set_object(&tn_exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

/* The argument is borrowed from the caller's value stack, which holds its
 * own reference: the count returned includes it, as in CPython. */
static TnObject *sys_getrefcount(TnObject *self, TnObject *o)
{
    return tn_int_from_i64(tn_refcount(o));
}

static TnObject *sys_getrecursionlimit(TnObject *self, TnObject *unused)
{
    return tn_int_from_i64(tn_runtime.recursion_limit);
}

static TnObject *sys_setrecursionlimit(TnObject *self, TnObject *arg)
{
    if (tn_float_check(arg)) {
        tn_err_setstr(&tn_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    tn_ssize_t n = tn_number_as_ssize(arg, &tn_exc_OverflowError);
    if (n == -1 && tn_err_occurred())
        return NULL;
    if (n < 1) {
        tn_err_setstr(&tn_exc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    if (n > TN_MAX_RECURSION_LIMIT) {
        tn_err_format(&tn_exc_ValueError,
                      "recursion limit %zd exceeds tandem's maximum of %d "
                      "(deeper recursion would overflow the C stack)",
                      n, TN_MAX_RECURSION_LIMIT);
        return NULL;
    }
    TnThreadState *ts = tn_ts();
    if (ts->recursion_depth >= n) {
        tn_err_format(&tn_exc_RecursionError,
                      "cannot set the recursion limit to %zd at the recursion depth %d: "
                      "the limit is too low", n, ts->recursion_depth);
        return NULL;
    }
    /* The runtime's value is what new threads copy; each running thread
     * keeps its own copy for a cheap check: update ours now. */
    tn_runtime.recursion_limit = (int)n;
    ts->recursion_limit = (int)n;
    TN_RETURN_NONE;
}

static TnObject *sys_intern(TnObject *self, TnObject *s)
{
    if (!tn_str_check_exact(s)) {
        tn_err_format(&tn_exc_TypeError, "intern() argument must be str, not %s",
                      TN_TYPE(s)->tp_name);
        return NULL;
    }
    return tn_str_intern(tn_newref(s));
}

static TnObject *sys_exc_info(TnObject *self, TnObject *unused)
{
    TnObject *e = tn_ts()->exc_info;
    if (!e || e == tn_None)
        return tn_tuple_pack(3, tn_None, tn_None, tn_None);
    TnObject *tb = tn_exc_get_traceback(e);
    return tn_tuple_pack(3, (TnObject *)TN_TYPE(e), e, tb ? tb : tn_None);
}

static TnObject *sys_exception(TnObject *self, TnObject *unused)
{
    TnObject *e = tn_ts()->exc_info;
    return tn_newref(e ? e : tn_None);
}

static TnObject *sys_getframe(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("_getframe", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t depth = 0;
    if (nargs) {
        depth = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        if (depth == -1 && tn_err_occurred())
            return NULL;
    }
    return tn_sys_getframe((int)depth);
}

static TnObject *sys_getswitchinterval(TnObject *self, TnObject *unused)
{
    return tn_float_new(tn_runtime.switch_interval);
}

static TnObject *sys_setswitchinterval(TnObject *self, TnObject *arg)
{
    double d = tn_float_as_double(arg);
    if (d == -1.0 && tn_err_occurred())
        return NULL;
    if (d <= 0.0) {
        tn_err_setstr(&tn_exc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    tn_runtime.switch_interval = d;
    TN_RETURN_NONE;
}

static TnObject *sys_is_gil_enabled(TnObject *self, TnObject *unused)
{
    return tn_bool_from(!TN_FT);
}

static TnObject *sys_get_int_max_str_digits(TnObject *self, TnObject *unused)
{
    return tn_int_from_i64(tn_load_relaxed(&tn_int_max_str_digits));
}

static TnObject *sys_set_int_max_str_digits(TnObject *self, TnObject *const *args, size_t nargs,
                                            TnObject *kwnames)
{
    static const char *const kwlist[] = { "maxdigits", NULL };
    TnObject *a[1] = { NULL };
    if (tn_parse_args("set_int_max_str_digits", args, nargs, kwnames, kwlist, 1, 1, a) < 0)
        return NULL;
    tn_ssize_t n = tn_number_as_ssize(a[0], &tn_exc_OverflowError);
    if (n == -1 && tn_err_occurred())
        return NULL;
    if (n != 0 && (n < 640 || n > INT32_MAX)) {
        tn_err_setstr(&tn_exc_ValueError, "maxdigits must be 0 or larger than 640");
        return NULL;
    }
    tn_store_relaxed(&tn_int_max_str_digits, (int)n);
    TN_RETURN_NONE;
}

static TnObject *sys_getsizeof(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("getsizeof", nargs, 1, 2) < 0)
        return NULL;
    TnObject *m = tn_type_lookup(TN_TYPE(args[0]), TN_ID(__sizeof__));
    if (m) {
        TnObject *r = tn_call_one(m, args[0]);
        if (r || nargs < 2)
            return r;
        tn_err_clear();
        return tn_newref(args[1]);
    }
    TnType *t = TN_TYPE(args[0]);
    tn_ssize_t size = (tn_ssize_t)t->tp_basicsize;
    if (t->tp_itemsize) {
        tn_ssize_t n = tn_object_length(args[0]);
        if (n < 0) {
            tn_err_clear();
            n = 0;
        }
        size += n * (tn_ssize_t)t->tp_itemsize;
    }
    return tn_int_from_i64(size);
}

static TnObject *sys_getdefaultencoding(TnObject *self, TnObject *unused)
{
    return tn_str_from_cstr("utf-8");
}

static const TnMethodDef sys_methods[] = {
    { "exit", (void *)sys_exit, TN_METH_FAST, "exit([status]): raise SystemExit(status)." },
    { "getrefcount", (void *)sys_getrefcount, TN_METH_O, "Return the reference count of object." },
    { "getrecursionlimit", (void *)sys_getrecursionlimit, TN_METH_NOARGS, "Return the current value of the recursion limit." },
    { "setrecursionlimit", (void *)sys_setrecursionlimit, TN_METH_O, "Set the maximum depth of the Python interpreter stack to n." },
    { "intern", (void *)sys_intern, TN_METH_O, "``Intern'' the given string." },
    { "exc_info", (void *)sys_exc_info, TN_METH_NOARGS, "Return current exception information: (type, value, traceback)." },
    { "exception", (void *)sys_exception, TN_METH_NOARGS, "Return the current exception." },
    { "_getframe", (void *)sys_getframe, TN_METH_FAST, "Return a frame object from the call stack." },
    { "getswitchinterval", (void *)sys_getswitchinterval, TN_METH_NOARGS, "Return the current thread switch interval (gil build)." },
    { "setswitchinterval", (void *)sys_setswitchinterval, TN_METH_O, "Set the ideal thread switching delay (gil build)." },
    { "_is_gil_enabled", (void *)sys_is_gil_enabled, TN_METH_NOARGS, "Return True if the GIL is currently enabled." },
    { "get_int_max_str_digits", (void *)sys_get_int_max_str_digits, TN_METH_NOARGS, "Return the maximum string digits limit for non-binary int<->str conversions." },
    { "set_int_max_str_digits", (void *)sys_set_int_max_str_digits, TN_METH_FASTKW, "Set the maximum string digits limit for non-binary int<->str conversions." },
    { "getsizeof", (void *)sys_getsizeof, TN_METH_FAST, "getsizeof(object [, default]) -> int" },
    { "getdefaultencoding", (void *)sys_getdefaultencoding, TN_METH_NOARGS, "Return the current default encoding." },
    { "getfilesystemencoding", (void *)sys_getdefaultencoding, TN_METH_NOARGS, "Return the encoding used for file names." },
    { 0, 0, 0, 0 }
};

/* ---- module ------------------------------------------------------------- */

static int add_steal(TnObject *m, const char *name, TnObject *v)
{
    if (!v)
        return -1;
    int r = tn_module_add_object(m, name, v);
    TN_DECREF(v);
    return r;
}

static TnObject *make_version_info(void)
{
    TnObject *items[5] = { tn_int_from_i64(3), tn_int_from_i64(11), tn_int_from_i64(0),
                           tn_str_from_cstr("final"), tn_int_from_i64(0) };
    return structseq_new(&version_info_type, 5, items);
}

static TnObject *make_implementation(void)
{
    TnObject *ns = namespace_new();
    if (!ns)
        return NULL;
    TnObject *vi = make_version_info();
    if (!vi || tn_object_setattr_cstr(ns, "name", tn_str_intern_cstr("tandem")) < 0 ||
        tn_object_setattr_cstr(ns, "cache_tag", tn_None) < 0 ||
        tn_object_setattr_cstr(ns, "version", vi) < 0) {
        TN_XDECREF(vi);
        TN_DECREF(ns);
        return NULL;
    }
    TN_DECREF(vi);
    TnObject *hv = tn_int_from_i64(0x030b00f0);
    TnObject *build = tn_str_from_cstr(TN_BUILD_NAME);
    int r = (!hv || !build || tn_object_setattr_cstr(ns, "hexversion", hv) < 0 ||
             tn_object_setattr_cstr(ns, "build", build) < 0) ? -1 : 0;
    TN_XDECREF(hv);
    TN_XDECREF(build);
    if (r < 0) {
        TN_DECREF(ns);
        return NULL;
    }
    return ns;
}

static TnObject *make_builtin_module_names(void)
{
    tn_ssize_t n = 0;
    while (tn_native_modules[n].name)
        n++;
    TnObject *l = tn_list_new(0);
    if (!l)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *s = tn_str_from_cstr(tn_native_modules[i].name);
        if (!s || tn_list_append(l, s) < 0) {
            TN_XDECREF(s);
            TN_DECREF(l);
            return NULL;
        }
        TN_DECREF(s);
    }
    if (tn_list_sort(l, NULL, 0) < 0) {
        TN_DECREF(l);
        return NULL;
    }
    TnObject *t = tn_list_as_tuple(l);
    TN_DECREF(l);
    return t;
}

TnObject *tn_module_init_sys(void)
{
    TnObject *m = tn_module_new("sys");
    TnObject *std[3] = { NULL, NULL, NULL };
    if (!m)
        return NULL;
    if (tn_module_add_functions(m, sys_methods) < 0)
        goto error;
    if (tn_runtime.recursion_limit <= 0)
        tn_runtime.recursion_limit = TN_DEFAULT_RECURSION_LIMIT;
    if (tn_runtime.switch_interval <= 0)
        tn_runtime.switch_interval = TN_DEFAULT_SWITCH_INTERVAL;
    if (tn_module_add_object(m, "argv", tn_runtime.argv) < 0 ||
        tn_module_add_object(m, "path", tn_runtime.path) < 0 ||
        tn_module_add_object(m, "modules", tn_runtime.modules) < 0)
        goto error;
    if (tn_fileio_init(std) < 0)
        goto error;
    static const char *const stdnames[3][2] = {
        { "stdin", "__stdin__" }, { "stdout", "__stdout__" }, { "stderr", "__stderr__" }
    };
    for (int i = 0; i < 3; i++)
        if (tn_module_add_object(m, stdnames[i][0], std[i]) < 0 ||
            tn_module_add_object(m, stdnames[i][1], std[i]) < 0)
            goto error;

    if (add_steal(m, "maxsize", tn_int_from_i64(INT64_MAX)) < 0 ||
        add_steal(m, "maxunicode", tn_int_from_i64(0x10ffff)) < 0 ||
        add_steal(m, "hexversion", tn_int_from_i64(0x030b00f0)) < 0 ||
        tn_module_add_int(m, "api_version", 1013) < 0 ||
        tn_module_add_str(m, "version", "3.11.0 (tandem " TN_VERSION ", " TN_BUILD_NAME " build)") < 0 ||
        tn_module_add_str(m, "platform", "linux") < 0 ||
        tn_module_add_str(m, "byteorder",
                          __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big") < 0 ||
        tn_module_add_str(m, "executable", tn_runtime.executable ? tn_runtime.executable : "") < 0 ||
        tn_module_add_str(m, "prefix", "") < 0 ||
        tn_module_add_str(m, "exec_prefix", "") < 0 ||
        tn_module_add_str(m, "abiflags", TN_FT ? "t" : "") < 0 ||
        tn_module_add_str(m, "float_repr_style", "short") < 0 ||
        tn_module_add_object(m, "dont_write_bytecode", tn_True) < 0 ||
        add_steal(m, "warnoptions", tn_list_new(0)) < 0 ||
        add_steal(m, "_xoptions", tn_dict_new()) < 0 ||
        add_steal(m, "builtin_module_names", make_builtin_module_names()) < 0 ||
        add_steal(m, "version_info", make_version_info()) < 0 ||
        add_steal(m, "implementation", make_implementation()) < 0)
        goto error;
    {
        TnObject *fi[11] = {
            tn_float_new(DBL_MAX), tn_int_from_i64(DBL_MAX_EXP), tn_int_from_i64(DBL_MAX_10_EXP),
            tn_float_new(DBL_MIN), tn_int_from_i64(DBL_MIN_EXP), tn_int_from_i64(DBL_MIN_10_EXP),
            tn_int_from_i64(DBL_DIG), tn_int_from_i64(DBL_MANT_DIG), tn_float_new(DBL_EPSILON),
            tn_int_from_i64(FLT_RADIX), tn_int_from_i64(1)
        };
        TnObject *ii[4] = { tn_int_from_i64(30), tn_int_from_i64(4), tn_int_from_i64(4300),
                            tn_int_from_i64(640) };
        TnObject *hi[9] = { tn_int_from_i64(64), tn_int_from_i64(((int64_t)1 << 61) - 1),
                            tn_int_from_i64(314159), tn_int_from_i64(0), tn_int_from_i64(1000003),
                            tn_str_from_cstr("siphash13"), tn_int_from_i64(64),
                            tn_int_from_i64(128), tn_int_from_i64(0) };
        if (add_steal(m, "float_info", structseq_new(&float_info_type, 11, fi)) < 0 ||
            add_steal(m, "int_info", structseq_new(&int_info_type, 4, ii)) < 0 ||
            add_steal(m, "hash_info", structseq_new(&hash_info_type, 9, hi)) < 0)
            goto error;
    }
    for (int i = 0; i < 3; i++)
        TN_DECREF(std[i]);
    return m;
error:
    for (int i = 0; i < 3; i++)
        TN_XDECREF(std[i]);
    TN_DECREF(m);
    return NULL;
}
