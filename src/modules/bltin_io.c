/* builtins, part 2: I/O (print, input, open), namespaces (globals,
 * locals, vars, dir) and code (exec, eval, compile, __build_class__,
 * __import__). No mutable C state. */
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/compile.h"
#include "tandem/eval.h"
#include "tandem/import.h"
#include "tandem/builtins.h"
#include "bltin_internal.h"

/* ---- print -------------------------------------------------------------- */

static int check_sep(TnObject *o, const char *what)
{
    if (o && o != tn_None && !tn_str_check(o)) {
        tn_err_format(&tn_exc_TypeError, "%s must be None or a string, not %s", what,
                      TN_TYPE(o)->tp_name);
        return -1;
    }
    return 0;
}

static int write_obj(TnObject *file, TnObject *s)
{
    TnObject *r = tn_call_method(file, TN_ID(write), &s, 1);
    if (!r)
        return -1;
    TN_DECREF(r);
    return 0;
}

static TnObject *builtin_print(TnObject *self, TnObject *const *args, size_t nargs,
                               TnObject *kwnames)
{
    static const char *const kwlist[] = { "sep", "end", "file", "flush", NULL };
    TnObject *kw[4] = { NULL, NULL, NULL, NULL };
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        TnObject *kn = TN_TUPLE_GET(kwnames, i);
        int k = tn_bltin_kwindex(kn, kwlist);
        if (k < 0) {
            tn_err_format(&tn_exc_TypeError, "'%U' is an invalid keyword argument for print()", kn);
            return NULL;
        }
        kw[k] = args[nargs + i];
    }
    TnObject *sep = kw[0], *end = kw[1], *file = kw[2];
    if (check_sep(sep, "sep") < 0 || check_sep(end, "end") < 0)
        return NULL;
    if (!file || file == tn_None) {
        file = tn_sys_get_object("stdout");
        if (!file) {
            tn_err_setstr(&tn_exc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (file == tn_None) {
            TN_DECREF(file);
            TN_RETURN_NONE;
        }
    } else {
        TN_INCREF(file);
    }
    if (TN_TYPE(file) == &tn_textio_type) {
        /* Our own text file: build the whole line and hand it over in one
         * write, so lines from different threads never interleave. */
        TnStrBuilder b;
        tn_sb_init(&b);
        for (size_t i = 0; i < nargs; i++) {
            if (i > 0) {
                if (sep && sep != tn_None ? tn_sb_append_str(&b, sep) < 0
                                          : tn_sb_append(&b, " ", 1) < 0)
                    goto sb_error;
            }
            TnObject *s = tn_str_check_exact(args[i]) ? tn_newref(args[i]) : tn_object_str(args[i]);
            if (!s)
                goto sb_error;
            int r = tn_sb_append_str(&b, s);
            TN_DECREF(s);
            if (r < 0)
                goto sb_error;
        }
        if (end && end != tn_None ? tn_sb_append_str(&b, end) < 0 : tn_sb_append(&b, "\n", 1) < 0)
            goto sb_error;
        if (tn_file_write_utf8(file, b.buf, b.len) < 0)
            goto sb_error;
        tn_sb_discard(&b);
        goto flush;
    sb_error:
        tn_sb_discard(&b);
        goto error;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            TnObject *s = sep && sep != tn_None ? tn_newref(sep) : tn_str_from_cstr(" ");
            if (!s)
                goto error;
            int r = write_obj(file, s);
            TN_DECREF(s);
            if (r < 0)
                goto error;
        }
        TnObject *s = tn_object_str(args[i]);
        if (!s)
            goto error;
        int r = write_obj(file, s);
        TN_DECREF(s);
        if (r < 0)
            goto error;
    }
    {
        TnObject *s = end && end != tn_None ? tn_newref(end) : tn_str_from_cstr("\n");
        if (!s)
            goto error;
        int r = write_obj(file, s);
        TN_DECREF(s);
        if (r < 0)
            goto error;
    }
flush:
    if (kw[3]) {
        int f = tn_object_is_true(kw[3]);
        if (f < 0)
            goto error;
        if (f) {
            TnObject *r = tn_call_method(file, TN_ID(flush), NULL, 0);
            if (!r)
                goto error;
            TN_DECREF(r);
        }
    }
    TN_DECREF(file);
    TN_RETURN_NONE;
error:
    TN_DECREF(file);
    return NULL;
}

/* ---- input -------------------------------------------------------------- */

static TnObject *builtin_input(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("input", nargs, 0, 1) < 0)
        return NULL;
    TnObject *in = tn_sys_get_object("stdin"), *out = tn_sys_get_object("stdout");
    TnObject *line = NULL, *res = NULL;
    if (!in || in == tn_None) {
        tn_err_setstr(&tn_exc_RuntimeError, "input(): lost sys.stdin");
        goto done;
    }
    if (!out || out == tn_None) {
        tn_err_setstr(&tn_exc_RuntimeError, "input(): lost sys.stdout");
        goto done;
    }
    if (nargs == 1) {
        TnObject *p = tn_object_str(args[0]);
        if (!p)
            goto done;
        int r = write_obj(out, p);
        TN_DECREF(p);
        if (r < 0)
            goto done;
    }
    TnObject *fr = tn_call_method(out, TN_ID(flush), NULL, 0);
    if (!fr)
        goto done;
    TN_DECREF(fr);
    line = tn_call_method(in, TN_ID(readline), NULL, 0);
    if (!line)
        goto done;
    if (!tn_str_check(line)) {
        tn_err_setstr(&tn_exc_TypeError, "object.readline() returned non-string");
        goto done;
    }
    if (TN_STR_SIZE(line) == 0) {
        tn_err_setstr(&tn_exc_EOFError, "EOF when reading a line");
        goto done;
    }
    if (TN_STR_DATA(line)[TN_STR_SIZE(line) - 1] == '\n')
        res = tn_str_from_utf8_trusted(TN_STR_DATA(line), TN_STR_SIZE(line) - 1);
    else
        res = tn_newref(line);
done:
    TN_XDECREF(line);
    TN_XDECREF(in);
    TN_XDECREF(out);
    return res;
}

/* ---- open --------------------------------------------------------------- */

static int opt_cstr(TnObject *o, const char *what, const char **out)
{
    if (!o || o == tn_None) {
        *out = NULL;
        return 0;
    }
    if (!tn_str_check(o)) {
        tn_err_format(&tn_exc_TypeError, "open() argument '%s' must be str or None, not %s",
                      what, TN_TYPE(o)->tp_name);
        return -1;
    }
    *out = TN_STR_DATA(o);
    return 0;
}

static TnObject *builtin_open(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames)
{
    static const char *const kwlist[] = { "file", "mode", "buffering", "encoding", "errors",
                                          "newline", "closefd", "opener", NULL };
    TnObject *a[8] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
    if (tn_parse_args("open", args, nargs, kwnames, kwlist, 8, 1, a) < 0)
        return NULL;
    const char *mode = "r", *encoding, *errors, *newline;
    int buffering = -1, closefd = 1;
    if (a[1]) {
        if (!tn_str_check(a[1])) {
            tn_err_format(&tn_exc_TypeError, "open() argument 'mode' must be str, not %s",
                          TN_TYPE(a[1])->tp_name);
            return NULL;
        }
        mode = TN_STR_DATA(a[1]);
    }
    if (a[2]) {
        tn_ssize_t b = tn_number_as_ssize(a[2], &tn_exc_OverflowError);
        if (b == -1 && tn_err_occurred())
            return NULL;
        buffering = (int)b;
    }
    if (opt_cstr(a[3], "encoding", &encoding) < 0 || opt_cstr(a[4], "errors", &errors) < 0 ||
        opt_cstr(a[5], "newline", &newline) < 0)
        return NULL;
    if (a[6]) {
        closefd = tn_object_is_true(a[6]);
        if (closefd < 0)
            return NULL;
    }
    if (a[7] && a[7] != tn_None) {
        tn_err_setstr(&tn_exc_NotImplementedError, "open(): the opener argument is not supported");
        return NULL;
    }
    return tn_file_open(a[0], mode, buffering, encoding, errors, newline, closefd);
}

/* ---- namespaces --------------------------------------------------------- */

static TnObject *builtin_globals(TnObject *self, TnObject *unused)
{
    TnObject *g = tn_eval_get_globals();
    if (!g)
        return tn_dict_new();   /* no Python frame (called from C at start-up) */
    return tn_newref(g);
}

static TnObject *builtin_locals(TnObject *self, TnObject *unused)
{
    return tn_eval_get_locals();
}

static TnObject *builtin_vars(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return tn_eval_get_locals();
    TnObject *d;
    int r = tn_object_lookup_attr(args[0], TN_ID(__dict__), &d);
    if (r < 0)
        return NULL;
    if (r == 0) {
        tn_err_setstr(&tn_exc_TypeError, "vars() argument must have __dict__ attribute");
        return NULL;
    }
    return d;
}

static TnObject *builtin_dir(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("dir", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1)
        return tn_object_dir(args[0]);
    TnObject *loc = tn_eval_get_locals();
    if (!loc)
        return NULL;
    TnObject *l = tn_list_new(0);
    if (!l || tn_list_extend(l, loc) < 0 || tn_list_sort(l, NULL, 0) < 0) {
        TN_XDECREF(l);
        TN_DECREF(loc);
        return NULL;
    }
    TN_DECREF(loc);
    return l;
}

/* ---- code --------------------------------------------------------------- */

/* Source text of a str/bytes/bytearray argument (borrowed, NUL-terminated
 * for str and bytes); 0, or -1 with TypeError naming `fname`. */
static int source_text(TnObject *src, const char *fname, const char *what,
                       const char **text, tn_ssize_t *len)
{
    if (tn_str_check(src)) {
        *text = TN_STR_DATA(src);
        *len = TN_STR_SIZE(src);
        return 0;
    }
    if (tn_bytes_check(src) || tn_bytearray_check(src))
        return tn_bytes_like_get(src, text, len);
    tn_err_format(&tn_exc_TypeError, "%s() arg 1 must be a %s object", fname, what);
    return -1;
}

static TnObject *compile_source(TnObject *src, const char *filename, int mode,
                                const char *fname)
{
    if (tn_code_check(src))
        return tn_newref(src);
    const char *text;
    tn_ssize_t len;
    if (source_text(src, fname, "string, bytes or code", &text, &len) < 0)
        return NULL;
    if (memchr(text, 0, (size_t)len)) {
        tn_err_setstr(&tn_exc_ValueError, "source code string cannot contain null bytes");
        return NULL;
    }
    if (mode == TN_COMPILE_EVAL && strcmp(fname, "compile") != 0) {
        /* eval() ignores leading spaces and tabs, as CPython does. */
        while (len > 0 && (*text == ' ' || *text == '\t')) {
            text++;
            len--;
        }
    }
    return tn_compile(text, (size_t)len, filename, mode);
}

/* exec/eval: resolve globals/locals as CPython's builtin_exec_impl. */
static TnObject *exec_eval(TnObject *const *args, size_t nargs, TnObject *kwnames, int mode,
                           const char *fname)
{
    static const char *const kwlist[] = { "", "globals", "locals", NULL };
    TnObject *a[3] = { NULL, NULL, NULL };
    TnObject *globals, *locals, *code = NULL, *res = NULL;
    if (tn_parse_args(fname, args, nargs, kwnames, kwlist, 3, 1, a) < 0)
        return NULL;
    globals = a[1] == tn_None ? NULL : a[1];
    locals = a[2] == tn_None ? NULL : a[2];
    if (globals && !tn_dict_check(globals)) {
        if (mode == TN_COMPILE_EVAL)
            tn_err_setstr(&tn_exc_TypeError, tn_object_hasattr(globals, TN_ID(__getitem__)) == 1
                          ? "globals must be a real dict; try eval(expr, {}, mapping)"
                          : "globals must be a dict");
        else
            tn_err_format(&tn_exc_TypeError, "exec() globals must be a dict, not %s",
                          TN_TYPE(globals)->tp_name);
        return NULL;
    }
    if (locals && !tn_object_hasattr(locals, TN_ID(__getitem__))) {
        tn_err_setstr(&tn_exc_TypeError, "locals must be a mapping");
        return NULL;
    }
    if (!globals) {
        globals = tn_eval_get_globals();
        if (!globals) {
            tn_err_format(&tn_exc_SystemError, "%s() called without a running frame", fname);
            return NULL;
        }
        TN_INCREF(globals);
        if (!locals) {
            locals = tn_eval_get_locals();
            if (!locals) {
                TN_DECREF(globals);
                return NULL;
            }
        } else {
            TN_INCREF(locals);
        }
    } else {
        TN_INCREF(globals);
        locals = tn_newref(locals ? locals : globals);
    }
    int has = tn_dict_contains(globals, TN_ID(__builtins__));
    if (has < 0)
        goto done;
    if (!has && tn_dict_setitem(globals, TN_ID(__builtins__), tn_eval_get_builtins()) < 0)
        goto done;
    if (tn_code_check(a[0])) {
        code = tn_newref(a[0]);
    } else {
        if (!tn_str_check(a[0]) && !tn_bytes_check(a[0]) && !tn_bytearray_check(a[0])) {
            tn_err_format(&tn_exc_TypeError, "%s() arg 1 must be a string, bytes or code object",
                          fname);
            goto done;
        }
        code = compile_source(a[0], "<string>", mode, fname);
        if (!code)
            goto done;
    }
    res = tn_eval_code(code, globals, locals);
    if (res && mode == TN_COMPILE_EXEC)
        TN_SETREF(res, tn_newref(tn_None));
done:
    TN_XDECREF(code);
    TN_DECREF(globals);
    TN_DECREF(locals);
    return res;
}

static TnObject *builtin_exec(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames)
{
    return exec_eval(args, nargs, kwnames, TN_COMPILE_EXEC, "exec");
}

static TnObject *builtin_eval(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames)
{
    return exec_eval(args, nargs, kwnames, TN_COMPILE_EVAL, "eval");
}

static TnObject *builtin_compile(TnObject *self, TnObject *const *args, size_t nargs,
                                 TnObject *kwnames)
{
    static const char *const kwlist[] = { "source", "filename", "mode", "flags",
                                          "dont_inherit", "optimize", "_feature_version", NULL };
    TnObject *a[7] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL };
    if (tn_parse_args("compile", args, nargs, kwnames, kwlist, 6, 3, a) < 0)
        return NULL;
    if (!tn_str_check(a[1])) {
        tn_err_format(&tn_exc_TypeError, "compile() argument 'filename' must be str, not %s",
                      TN_TYPE(a[1])->tp_name);
        return NULL;
    }
    if (!tn_str_check(a[2])) {
        tn_err_format(&tn_exc_TypeError, "compile() argument 'mode' must be str, not %s",
                      TN_TYPE(a[2])->tp_name);
        return NULL;
    }
    int mode;
    if (tn_str_eq_cstr(a[2], "exec"))
        mode = TN_COMPILE_EXEC;
    else if (tn_str_eq_cstr(a[2], "eval"))
        mode = TN_COMPILE_EVAL;
    else if (tn_str_eq_cstr(a[2], "single"))
        mode = TN_COMPILE_SINGLE;
    else {
        tn_err_setstr(&tn_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    if (a[3]) {
        tn_ssize_t flags = tn_number_as_ssize(a[3], NULL);
        if (flags == -1 && tn_err_occurred())
            return NULL;
        if (flags != 0) {
            tn_err_setstr(&tn_exc_NotImplementedError, "compile(): flags are not supported");
            return NULL;
        }
    }
    if (!tn_code_check(a[0]) && !tn_str_check(a[0]) && !tn_bytes_check(a[0]) &&
        !tn_bytearray_check(a[0])) {
        tn_err_setstr(&tn_exc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
        return NULL;
    }
    return compile_source(a[0], TN_STR_DATA(a[1]), mode, "compile");
}

static TnObject *builtin_build_class(TnObject *self, TnObject *const *args, size_t nargs,
                                     TnObject *kwnames)
{
    return tn_build_class(args, nargs, kwnames);
}

/* exit()/quit(): CPython's site module installs these; scripts use them. */
static TnObject *builtin_exit(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("exit", nargs, 0, 1) < 0)
        return NULL;
    tn_err_set_object(&tn_exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

const TnMethodDef tn_bltin_io_methods[] = {
    { "print", (void *)builtin_print, TN_METH_FASTKW, "Prints the values to a stream, or to sys.stdout by default." },
    { "input", (void *)builtin_input, TN_METH_FAST, "Read a string from standard input.  The trailing newline is stripped." },
    { "open", (void *)builtin_open, TN_METH_FASTKW, "Open file and return a stream.  Raise OSError upon failure." },
    { "globals", (void *)builtin_globals, TN_METH_NOARGS, "Return the dictionary containing the current scope's global variables." },
    { "locals", (void *)builtin_locals, TN_METH_NOARGS, "Return a dictionary containing the current scope's local variables." },
    { "vars", (void *)builtin_vars, TN_METH_FAST, "vars([object]) -> dictionary" },
    { "dir", (void *)builtin_dir, TN_METH_FAST, "dir([object]) -> list of strings" },
    { "exec", (void *)builtin_exec, TN_METH_FASTKW, "Execute the given source in the context of globals and locals." },
    { "eval", (void *)builtin_eval, TN_METH_FASTKW, "Evaluate the given source in the context of globals and locals." },
    { "compile", (void *)builtin_compile, TN_METH_FASTKW, "Compile source into a code object that can be executed by exec() or eval()." },
    { "__build_class__", (void *)builtin_build_class, TN_METH_FASTKW, "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class" },
    { "__import__", (void *)tn_builtin_import, TN_METH_FASTKW, "Import a module." },
    { "exit", (void *)builtin_exit, TN_METH_FAST, "exit([code]): raise SystemExit(code)." },
    { "quit", (void *)builtin_exit, TN_METH_FAST, "quit([code]): raise SystemExit(code)." },
    { 0, 0, 0, 0 }
};
