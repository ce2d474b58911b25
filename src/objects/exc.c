/* The built-in exception classes (CPython's exceptions.c). Every class in
 * TN_EXCEPTION_TYPES is a static (immortal) type; classes with extra
 * attributes (OSError, SyntaxError, ...) get their layout and methods
 * patched in tn_exc_init() before the types are readied, and their
 * subclasses inherit them. */
#include <errno.h>
#include <string.h>
#include "type_internal.h"
#include "tandem/exc.h"
#include "tandem/traceback.h"
#include "tandem/bytes.h"
#include "tandem/args.h"

#define EXC_FLAGS (TN_TPFLAG_BASETYPE | TN_TPFLAG_GC | TN_TPFLAG_EXC_SUBCLASS)
#define TN_DEFINE_EXC(name, base) \
    TnType tn_exc_##name = { TN_STATIC_TYPE_HEAD, .tp_name = #name, .tp_flags = EXC_FLAGS, \
                             .tp_base = &tn_exc_##base };
TN_EXCEPTION_TYPES(TN_DEFINE_EXC)
#undef TN_DEFINE_EXC

TnObject *tn_memory_error_instance;

#define EXC(o) ((TnBaseException *)(o))

/* ---- BaseException ------------------------------------------------------------ */

static TnObject *args_tuple(TnObject *const *args, size_t nargs)
{
    return tn_tuple_from_array(args, (tn_ssize_t)nargs);
}

static TnObject *base_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnBaseException *e = (TnBaseException *)tn_object_alloc(t, t->tp_basicsize);
    if (!e)
        return NULL;
    e->args = args_tuple(args, nargs);
    if (!e->args) {
        tn_decref((TnObject *)e);
        return NULL;
    }
    return (TnObject *)e;
}

static int no_kwargs(TnObject *self, TnObject *kwnames)
{
    if (kwnames && TN_TUPLE_SIZE(kwnames)) {
        tn_err_format(&tn_exc_TypeError, "%s() takes no keyword arguments", tn_type_name(TN_TYPE(self)));
        return -1;
    }
    return 0;
}

static int base_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (no_kwargs(self, kwnames) < 0)
        return -1;
    TnObject *a = args_tuple(args, nargs);
    if (!a)
        return -1;
    TN_SETREF(EXC(self)->args, a);
    return 0;
}

static void base_clear_fields(TnBaseException *e)
{
    TN_CLEAR(e->dict);
    TN_CLEAR(e->args);
    TN_CLEAR(e->traceback);
    TN_CLEAR(e->context);
    TN_CLEAR(e->cause);
}

static void base_dealloc(TnObject *o)
{
    base_clear_fields(EXC(o));
    tn_object_free(o);
}

static int base_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnBaseException *e = EXC(o);
    TnObject *fs[] = { e->dict, e->args, e->traceback, e->context, e->cause };
    for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++)
        if (fs[i]) {
            int r = visit(fs[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static int base_clear(TnObject *o)
{
    base_clear_fields(EXC(o));
    return 0;
}

static TnObject *base_str(TnObject *o)
{
    TnObject *a = EXC(o)->args;
    tn_ssize_t n = a ? TN_TUPLE_SIZE(a) : 0;
    if (n == 0)
        return tn_newref(tn_str_intern_cstr(""));
    if (n == 1)
        return tn_object_str(TN_TUPLE_GET(a, 0));
    return tn_object_str(a);
}

static TnObject *base_repr(TnObject *o)
{
    TnObject *a = EXC(o)->args;
    const char *name = tn_type_short_name(TN_TYPE(o));
    if (a && TN_TUPLE_SIZE(a) == 1)
        return tn_str_from_format("%s(%R)", name, TN_TUPLE_GET(a, 0));
    if (!a || TN_TUPLE_SIZE(a) == 0)
        return tn_str_from_format("%s()", name);
    return tn_str_from_format("%s%R", name, a);
}

static TnObject *base_with_traceback(TnObject *self, TnObject *tb)
{
    if (tn_object_setattr(self, TN_ID(__traceback__), tb) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *base_add_note(TnObject *self, TnObject *note)
{
    if (!tn_str_check(note))
        return tn_err_format(&tn_exc_TypeError, "note must be a str, not '%s'", tn_type_name(TN_TYPE(note)));
    TnObject *notes_name = tn_str_intern_cstr("__notes__");
    TnObject *notes;
    int r = tn_object_lookup_attr(self, notes_name, &notes);
    if (r < 0)
        return NULL;
    if (!r) {
        notes = tn_list_new(0);
        if (!notes || tn_object_setattr(self, notes_name, notes) < 0) {
            TN_XDECREF(notes);
            return NULL;
        }
    }
    if (!tn_list_check(notes)) {
        tn_decref(notes);
        return tn_err_setstr(&tn_exc_TypeError, "Cannot add note: __notes__ is not a list"), NULL;
    }
    r = tn_list_append(notes, note);
    tn_decref(notes);
    if (r < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *base_reduce(TnObject *self, TnObject *unused)
{
    TnBaseException *e = EXC(self);
    if (e->dict && tn_dict_size(e->dict))
        return tn_tuple_pack(3, (TnObject *)TN_TYPE(self), e->args, e->dict);
    return tn_tuple_pack(2, (TnObject *)TN_TYPE(self), e->args);
}

static const TnMethodDef base_methods[] = {
    { "with_traceback", (void *)base_with_traceback, TN_METH_O,
      "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self." },
    { "add_note", (void *)base_add_note, TN_METH_O,
      "Exception.add_note(note) --\n    add a note to the exception" },
    { "__reduce__", (void *)base_reduce, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static TnObject *get_args(TnObject *o, void *c) { return tn_newref(EXC(o)->args); }
static int set_args(TnObject *o, TnObject *v, void *c)
{
    if (!v) {
        tn_err_setstr(&tn_exc_TypeError, "args may not be deleted");
        return -1;
    }
    TnObject *t = tn_sequence_tuple(v);
    if (!t)
        return -1;
    TN_SETREF(EXC(o)->args, t);
    return 0;
}

static TnObject *get_tb(TnObject *o, void *c)
{
    return tn_newref(EXC(o)->traceback ? EXC(o)->traceback : tn_None);
}
static int set_tb(TnObject *o, TnObject *v, void *c)
{
    if (!v) {
        tn_err_setstr(&tn_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != tn_None && !tn_traceback_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    TN_SETREF(EXC(o)->traceback, v == tn_None ? NULL : tn_newref(v));
    return 0;
}

static TnObject *get_context(TnObject *o, void *c)
{
    return tn_newref(EXC(o)->context ? EXC(o)->context : tn_None);
}
static int set_context(TnObject *o, TnObject *v, void *c)
{
    if (!v) {
        tn_err_setstr(&tn_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v != tn_None && !tn_exc_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    TN_SETREF(EXC(o)->context, v == tn_None ? NULL : tn_newref(v));
    return 0;
}

static TnObject *get_cause(TnObject *o, void *c)
{
    return tn_newref(EXC(o)->cause ? EXC(o)->cause : tn_None);
}
static int set_cause(TnObject *o, TnObject *v, void *c)
{
    if (!v) {
        tn_err_setstr(&tn_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v != tn_None && !tn_exc_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    TN_SETREF(EXC(o)->cause, v == tn_None ? NULL : tn_newref(v));
    EXC(o)->suppress_context = 1;
    return 0;
}

static TnObject *get_dict(TnObject *o, void *c) { return tn_object_get_dict(o); }
static int set_dict(TnObject *o, TnObject *v, void *c)
{
    if (!v || !tn_dict_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, v ? "__dict__ must be a dictionary" : "cannot delete __dict__");
        return -1;
    }
    TN_SETREF(EXC(o)->dict, tn_newref(v));
    return 0;
}

static const TnGetSetDef base_getset[] = {
    { "__dict__", get_dict, set_dict, NULL, NULL },
    { "args", get_args, set_args, NULL, NULL },
    { "__traceback__", get_tb, set_tb, NULL, NULL },
    { "__context__", get_context, set_context, "exception context", NULL },
    { "__cause__", get_cause, set_cause, "exception cause", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static const TnMemberDef base_members[] = {
    { "__suppress_context__", TN_MEMBER_BOOL, offsetof(TnBaseException, suppress_context), 0, NULL },
    { NULL, 0, 0, 0, NULL }
};

/* ---- accessors (exc.h) ------------------------------------------------------------ */

TnObject *tn_exc_get_context(TnObject *e) { return EXC(e)->context; }
TnObject *tn_exc_get_cause(TnObject *e) { return EXC(e)->cause; }
TnObject *tn_exc_get_traceback(TnObject *e) { return EXC(e)->traceback; }
void tn_exc_set_context(TnObject *e, TnObject *ctx) { TN_SETREF(EXC(e)->context, ctx ? tn_newref(ctx) : NULL); }
void tn_exc_set_cause(TnObject *e, TnObject *cause)
{
    TN_SETREF(EXC(e)->cause, cause && cause != tn_None ? tn_newref(cause) : NULL);
    EXC(e)->suppress_context = 1;
}
void tn_exc_set_traceback(TnObject *e, TnObject *tb)
{
    TN_SETREF(EXC(e)->traceback, tb && tb != tn_None ? tn_newref(tb) : NULL);
}

/* ---- helpers for subclasses with fields ------------------------------------------- */

#define FIELD(o, T, f) (((T *)(o))->f)

static int take_kwargs(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames,
                       const char *const *names, TnObject **out, size_t n)
{
    if (!kwnames)
        return 0;
    for (tn_ssize_t k = 0; k < TN_TUPLE_SIZE(kwnames); k++) {
        TnObject *kn = TN_TUPLE_GET(kwnames, k);
        size_t i;
        for (i = 0; i < n; i++)
            if (tn_str_eq_cstr(kn, names[i]))
                break;
        if (i == n) {
            tn_err_format(&tn_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                          tn_type_name(TN_TYPE(self)), kn);
            return -1;
        }
        out[i] = args[nargs + (size_t)k];
    }
    return 0;
}

/* StopIteration */
static int stopiter_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (base_init(self, args, nargs, kwnames) < 0)
        return -1;
    TN_SETREF(FIELD(self, TnStopIteration, value), tn_newref(nargs ? args[0] : tn_None));
    return 0;
}
static void stopiter_dealloc(TnObject *o) { TN_CLEAR(FIELD(o, TnStopIteration, value)); base_dealloc(o); }
static const TnMemberDef stopiter_members[] = {
    { "value", TN_MEMBER_OBJECT, offsetof(TnStopIteration, value), 0, "generator return value" },
    { NULL, 0, 0, 0, NULL }
};

/* SystemExit */
static int sysexit_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (base_init(self, args, nargs, kwnames) < 0)
        return -1;
    TnObject *code = nargs == 0 ? tn_newref(tn_None) : nargs == 1 ? tn_newref(args[0])
                                                                  : tn_newref(EXC(self)->args);
    TN_SETREF(FIELD(self, TnSystemExit, code), code);
    return 0;
}
static void sysexit_dealloc(TnObject *o) { TN_CLEAR(FIELD(o, TnSystemExit, code)); base_dealloc(o); }
static const TnMemberDef sysexit_members[] = {
    { "code", TN_MEMBER_OBJECT, offsetof(TnSystemExit, code), 0, "exception code" },
    { NULL, 0, 0, 0, NULL }
};

/* ImportError */
static int importerr_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const names[] = { "name", "path" };
    TnObject *kv[2] = { NULL, NULL };
    if (take_kwargs(self, args, nargs, kwnames, names, kv, 2) < 0)
        return -1;
    if (base_init(self, args, nargs, NULL) < 0)
        return -1;
    TnImportError *e = (TnImportError *)self;
    TN_SETREF(e->name, kv[0] ? tn_newref(kv[0]) : NULL);
    TN_SETREF(e->path, kv[1] ? tn_newref(kv[1]) : NULL);
    TN_SETREF(e->msg, nargs == 1 ? tn_newref(args[0]) : NULL);
    return 0;
}
static TnObject *importerr_str(TnObject *o)
{
    TnImportError *e = (TnImportError *)o;
    if (e->msg)
        return tn_object_str(e->msg);
    return base_str(o);
}
static void importerr_dealloc(TnObject *o)
{
    TnImportError *e = (TnImportError *)o;
    TN_CLEAR(e->msg);
    TN_CLEAR(e->name);
    TN_CLEAR(e->path);
    base_dealloc(o);
}
static const TnMemberDef importerr_members[] = {
    { "msg", TN_MEMBER_OBJECT, offsetof(TnImportError, msg), 0, "exception message" },
    { "name", TN_MEMBER_OBJECT, offsetof(TnImportError, name), 0, "module name" },
    { "path", TN_MEMBER_OBJECT, offsetof(TnImportError, path), 0, "module path" },
    { NULL, 0, 0, 0, NULL }
};

/* NameError */
static int nameerr_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const names[] = { "name" };
    TnObject *kv[1] = { NULL };
    if (take_kwargs(self, args, nargs, kwnames, names, kv, 1) < 0 || base_init(self, args, nargs, NULL) < 0)
        return -1;
    TN_SETREF(FIELD(self, TnNameError, name), kv[0] ? tn_newref(kv[0]) : NULL);
    return 0;
}
static void nameerr_dealloc(TnObject *o) { TN_CLEAR(FIELD(o, TnNameError, name)); base_dealloc(o); }
static const TnMemberDef nameerr_members[] = {
    { "name", TN_MEMBER_OBJECT, offsetof(TnNameError, name), 0, "name" },
    { NULL, 0, 0, 0, NULL }
};

/* AttributeError */
static int attrerr_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const names[] = { "name", "obj" };
    TnObject *kv[2] = { NULL, NULL };
    if (take_kwargs(self, args, nargs, kwnames, names, kv, 2) < 0 || base_init(self, args, nargs, NULL) < 0)
        return -1;
    TN_SETREF(FIELD(self, TnAttributeError, name), kv[0] ? tn_newref(kv[0]) : NULL);
    TN_SETREF(FIELD(self, TnAttributeError, obj), kv[1] ? tn_newref(kv[1]) : NULL);
    return 0;
}
static void attrerr_dealloc(TnObject *o)
{
    TN_CLEAR(FIELD(o, TnAttributeError, name));
    TN_CLEAR(FIELD(o, TnAttributeError, obj));
    base_dealloc(o);
}
static const TnMemberDef attrerr_members[] = {
    { "name", TN_MEMBER_OBJECT, offsetof(TnAttributeError, name), 0, "attribute name" },
    { "obj", TN_MEMBER_OBJECT, offsetof(TnAttributeError, obj), 0, "object" },
    { NULL, 0, 0, 0, NULL }
};

/* KeyError: str of a single argument is its repr */
static TnObject *keyerr_str(TnObject *o)
{
    TnObject *a = EXC(o)->args;
    if (a && TN_TUPLE_SIZE(a) == 1)
        return tn_object_repr(TN_TUPLE_GET(a, 0));
    return base_str(o);
}

/* ---- OSError ---------------------------------------------------------------------- */

static TnType *errno_subclass(int e)
{
    switch (e) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return &tn_exc_BlockingIOError;
    case ECHILD: return &tn_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &tn_exc_BrokenPipeError;
    case ECONNABORTED: return &tn_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &tn_exc_ConnectionRefusedError;
    case ECONNRESET: return &tn_exc_ConnectionResetError;
    case EEXIST: return &tn_exc_FileExistsError;
    case ENOENT: return &tn_exc_FileNotFoundError;
    case EISDIR: return &tn_exc_IsADirectoryError;
    case ENOTDIR: return &tn_exc_NotADirectoryError;
    case EINTR: return &tn_exc_InterruptedError;
    case EACCES: case EPERM: return &tn_exc_PermissionError;
    case ESRCH: return &tn_exc_ProcessLookupError;
    case ETIMEDOUT: return &tn_exc_TimeoutError;
    default: return NULL;
    }
}

static int oserror_fill(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnOSError *e = (TnOSError *)self;
    if (nargs >= 2 && nargs <= 5) {
        TN_SETREF(e->myerrno, tn_newref(args[0]));
        TN_SETREF(e->strerror, tn_newref(args[1]));
        if (nargs >= 3 && args[2] != tn_None) {
            TN_SETREF(e->filename, tn_newref(args[2]));
            if (nargs == 5 && args[4] != tn_None)
                TN_SETREF(e->filename2, tn_newref(args[4]));
            /* with a filename, args keeps only (errno, strerror) */
            TnObject *a = tn_tuple_pack(2, args[0], args[1]);
            if (!a)
                return -1;
            TN_SETREF(EXC(self)->args, a);
        }
    }
    return 0;
}

static TnObject *oserror_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (t == &tn_exc_OSError && nargs >= 2 && tn_int_check(args[0])) {
        int64_t e = tn_int_as_i64(args[0]);
        TnType *sub = e == -1 && tn_err_occurred() ? (tn_err_clear(), NULL) : errno_subclass((int)e);
        if (sub)
            t = sub;
    }
    TnObject *self = base_new(t, args, nargs, kwnames);
    if (self && oserror_fill(self, args, nargs) < 0)
        TN_CLEAR(self);
    return self;
}

static int oserror_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (no_kwargs(self, kwnames) < 0)
        return -1;
    /* __new__ did the work unless a subclass overrides __init__ and calls
     * us again with different arguments */
    TnObject *a = args_tuple(args, nargs);
    if (!a)
        return -1;
    TN_SETREF(EXC(self)->args, a);
    return oserror_fill(self, args, nargs);
}

static TnObject *oserror_str(TnObject *o)
{
    TnOSError *e = (TnOSError *)o;
    if (e->filename) {
        if (e->filename2)
            return tn_str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror,
                                      e->filename, e->filename2);
        return tn_str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno && e->strerror)
        return tn_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    return base_str(o);
}

static void oserror_dealloc(TnObject *o)
{
    TnOSError *e = (TnOSError *)o;
    TN_CLEAR(e->myerrno);
    TN_CLEAR(e->strerror);
    TN_CLEAR(e->filename);
    TN_CLEAR(e->filename2);
    base_dealloc(o);
}

static const TnMemberDef oserror_members[] = {
    { "errno", TN_MEMBER_OBJECT, offsetof(TnOSError, myerrno), 0, "POSIX exception code" },
    { "strerror", TN_MEMBER_OBJECT, offsetof(TnOSError, strerror), 0, "exception strerror" },
    { "filename", TN_MEMBER_OBJECT, offsetof(TnOSError, filename), 0, "exception filename" },
    { "filename2", TN_MEMBER_OBJECT, offsetof(TnOSError, filename2), 0, "second exception filename" },
    { NULL, 0, 0, 0, NULL }
};

/* ---- SyntaxError ------------------------------------------------------------------- */

static int syntaxerr_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (base_init(self, args, nargs, kwnames) < 0)
        return -1;
    TnSyntaxError *e = (TnSyntaxError *)self;
    if (nargs >= 1)
        TN_SETREF(e->msg, tn_newref(args[0]));
    if (nargs == 2) {
        TnObject *info = tn_sequence_tuple(args[1]);
        if (!info)
            return -1;
        tn_ssize_t n = TN_TUPLE_SIZE(info);
        if (n < 4 || n > 6) {
            tn_decref(info);
            tn_err_setstr(&tn_exc_IndexError, "tuple index out of range");
            return -1;
        }
        TnObject **fields[6] = { &e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno, &e->end_offset };
        for (tn_ssize_t i = 0; i < n; i++)
            TN_SETREF(*fields[i], tn_newref(TN_TUPLE_GET(info, i)));
        tn_decref(info);
    }
    return 0;
}

static TnObject *syntaxerr_str(TnObject *o)
{
    TnSyntaxError *e = (TnSyntaxError *)o;
    TnObject *msg = e->msg ? e->msg : tn_None;
    const char *fn = NULL;
    if (e->filename && tn_str_check(e->filename)) {
        fn = TN_STR_DATA(e->filename);
        const char *slash = strrchr(fn, '/');
        if (slash)
            fn = slash + 1;
    }
    int have_line = e->lineno && tn_int_check(e->lineno);
    if (fn && have_line)
        return tn_str_from_format("%S (%s, line %S)", msg, fn, e->lineno);
    if (fn)
        return tn_str_from_format("%S (%s)", msg, fn);
    if (have_line)
        return tn_str_from_format("%S (line %S)", msg, e->lineno);
    return tn_object_str(msg);
}

static void syntaxerr_dealloc(TnObject *o)
{
    TnSyntaxError *e = (TnSyntaxError *)o;
    TN_CLEAR(e->msg); TN_CLEAR(e->filename); TN_CLEAR(e->lineno); TN_CLEAR(e->offset);
    TN_CLEAR(e->text); TN_CLEAR(e->end_lineno); TN_CLEAR(e->end_offset); TN_CLEAR(e->print_file_and_line);
    base_dealloc(o);
}

static const TnMemberDef syntaxerr_members[] = {
    { "msg", TN_MEMBER_OBJECT, offsetof(TnSyntaxError, msg), 0, "exception msg" },
    { "filename", TN_MEMBER_OBJECT, offsetof(TnSyntaxError, filename), 0, "exception filename" },
    { "lineno", TN_MEMBER_OBJECT, offsetof(TnSyntaxError, lineno), 0, "exception lineno" },
    { "offset", TN_MEMBER_OBJECT, offsetof(TnSyntaxError, offset), 0, "exception offset" },
    { "text", TN_MEMBER_OBJECT, offsetof(TnSyntaxError, text), 0, "exception text" },
    { "end_lineno", TN_MEMBER_OBJECT, offsetof(TnSyntaxError, end_lineno), 0, "exception end lineno" },
    { "end_offset", TN_MEMBER_OBJECT, offsetof(TnSyntaxError, end_offset), 0, "exception end offset" },
    { "print_file_and_line", TN_MEMBER_OBJECT, offsetof(TnSyntaxError, print_file_and_line), 0, NULL },
    { NULL, 0, 0, 0, NULL }
};

/* ---- UnicodeError family ----------------------------------------------------------- */

static int unicode_fill(TnObject *self, TnObject *const *args, size_t nargs, int decode)
{
    TnUnicodeError *e = (TnUnicodeError *)self;
    if (nargs != 5) {
        tn_err_format(&tn_exc_TypeError, "function takes exactly 5 arguments (%zu given)", nargs);
        return -1;
    }
    if (!tn_str_check(args[0])) {
        tn_err_format(&tn_exc_TypeError, "argument 1 must be str, not %s", tn_type_name(TN_TYPE(args[0])));
        return -1;
    }
    if (decode ? !(tn_bytes_check(args[1]) || tn_bytearray_check(args[1])) : !tn_str_check(args[1])) {
        tn_err_format(&tn_exc_TypeError, decode ? "argument 2 must be bytes-like object, not '%s'"
                      : "argument 2 must be str, not %s", tn_type_name(TN_TYPE(args[1])));
        return -1;
    }
    if (!tn_str_check(args[4])) {
        tn_err_format(&tn_exc_TypeError, "argument 5 must be str, not %s", tn_type_name(TN_TYPE(args[4])));
        return -1;
    }
    tn_ssize_t start = tn_number_as_ssize(args[2], &tn_exc_OverflowError);
    tn_ssize_t end = tn_number_as_ssize(args[3], &tn_exc_OverflowError);
    if ((start == -1 || end == -1) && tn_err_occurred())
        return -1;
    TN_SETREF(e->encoding, tn_newref(args[0]));
    TN_SETREF(e->object, tn_newref(args[1]));
    TN_SETREF(e->reason, tn_newref(args[4]));
    e->start = start;
    e->end = end;
    return 0;
}

static int unicodedecode_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (base_init(self, args, nargs, kwnames) < 0)
        return -1;
    return unicode_fill(self, args, nargs, 1);
}

static int unicodeencode_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (base_init(self, args, nargs, kwnames) < 0)
        return -1;
    return unicode_fill(self, args, nargs, 0);
}

static TnObject *unicodedecode_str(TnObject *o)
{
    TnUnicodeError *e = (TnUnicodeError *)o;
    if (!e->object)
        return tn_newref(tn_str_intern_cstr(""));
    const unsigned char *data = tn_bytes_check(e->object) ? (const unsigned char *)TN_BYTES_DATA(e->object)
                                                          : (const unsigned char *)TN_BYTEARRAY_DATA(e->object);
    tn_ssize_t size = tn_bytes_check(e->object) ? TN_BYTES_SIZE(e->object) : TN_BYTEARRAY_SIZE(e->object);
    if (e->start >= 0 && e->start < size && e->end == e->start + 1)
        return tn_str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                                  e->encoding, (int)data[e->start], e->start, e->reason);
    return tn_str_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U",
                              e->encoding, e->start, e->end - 1, e->reason);
}

static TnObject *unicodeencode_str(TnObject *o)
{
    TnUnicodeError *e = (TnUnicodeError *)o;
    if (!e->object)
        return tn_newref(tn_str_intern_cstr(""));
    if (e->start >= 0 && e->start < TN_STR_LEN(e->object) && e->end == e->start + 1) {
        /* the offending character, by code point index */
        const unsigned char *p = (const unsigned char *)TN_STR_DATA(e->object);
        for (tn_ssize_t i = 0; i < e->start; i++) {
            p++;
            while ((*p & 0xC0) == 0x80)
                p++;
        }
        uint32_t c = *p;
        if (c >= 0xF0) c = ((c & 7) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        else if (c >= 0xE0) c = ((c & 15) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        else if (c >= 0xC0) c = ((c & 31) << 6) | (p[1] & 0x3F);
        const char *fmt = c < 0x100 ? "'%U' codec can't encode character '\\x%02x' in position %zd: %U"
                        : c < 0x10000 ? "'%U' codec can't encode character '\\u%04x' in position %zd: %U"
                        : "'%U' codec can't encode character '\\U%08x' in position %zd: %U";
        return tn_str_from_format(fmt, e->encoding, (int)c, e->start, e->reason);
    }
    return tn_str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U",
                              e->encoding, e->start, e->end - 1, e->reason);
}

static void unicodeerr_dealloc(TnObject *o)
{
    TnUnicodeError *e = (TnUnicodeError *)o;
    TN_CLEAR(e->encoding);
    TN_CLEAR(e->object);
    TN_CLEAR(e->reason);
    base_dealloc(o);
}

static const TnMemberDef unicodeerr_members[] = {
    { "encoding", TN_MEMBER_OBJECT, offsetof(TnUnicodeError, encoding), 0, "exception encoding" },
    { "object", TN_MEMBER_OBJECT, offsetof(TnUnicodeError, object), 0, "exception object" },
    { "start", TN_MEMBER_SSIZE, offsetof(TnUnicodeError, start), 0, "exception start" },
    { "end", TN_MEMBER_SSIZE, offsetof(TnUnicodeError, end), 0, "exception end" },
    { "reason", TN_MEMBER_OBJECT, offsetof(TnUnicodeError, reason), 0, "exception reason" },
    { NULL, 0, 0, 0, NULL }
};

/* ---- raising helpers (exc.h) ---------------------------------------------------- */

TnObject *tn_stop_iteration_value(TnObject *exc)
{
    if (exc && tn_type_is_subtype(TN_TYPE(exc), &tn_exc_StopIteration)) {
        TnObject *v = FIELD(exc, TnStopIteration, value);
        return tn_newref(v ? v : tn_None);
    }
    TN_RETURN_NONE;
}

void tn_err_set_stop_iteration(TnObject *value)
{
    TnObject *exc = value ? tn_call_one((TnObject *)&tn_exc_StopIteration, value)
                          : tn_call_noargs((TnObject *)&tn_exc_StopIteration);
    if (exc)
        tn_err_set(exc);
}

void tn_err_set_key(TnObject *key)
{
    TnObject *exc = tn_call_one((TnObject *)&tn_exc_KeyError, key);
    if (exc)
        tn_err_set(exc);
}

void tn_err_unicode_decode(const char *encoding, const char *data, tn_ssize_t len,
                           tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    TnObject *enc = tn_str_from_cstr(encoding), *obj = tn_bytes_from_data(data, len);
    TnObject *s = tn_int_from_i64(start), *e = tn_int_from_i64(end), *r = tn_str_from_cstr(reason);
    if (enc && obj && s && e && r) {
        TnObject *args[5] = { enc, obj, s, e, r };
        TnObject *exc = tn_call((TnObject *)&tn_exc_UnicodeDecodeError, args, 5, NULL);
        if (exc)
            tn_err_set(exc);
    }
    TN_XDECREF(enc); TN_XDECREF(obj); TN_XDECREF(s); TN_XDECREF(e); TN_XDECREF(r);
}

void tn_err_unicode_encode(const char *encoding, TnObject *str, tn_ssize_t start,
                           tn_ssize_t end, const char *reason)
{
    TnObject *enc = tn_str_from_cstr(encoding);
    TnObject *s = tn_int_from_i64(start), *e = tn_int_from_i64(end), *r = tn_str_from_cstr(reason);
    if (enc && s && e && r) {
        TnObject *args[5] = { enc, str, s, e, r };
        TnObject *exc = tn_call((TnObject *)&tn_exc_UnicodeEncodeError, args, 5, NULL);
        if (exc)
            tn_err_set(exc);
    }
    TN_XDECREF(enc); TN_XDECREF(s); TN_XDECREF(e); TN_XDECREF(r);
}

/* ---- startup ------------------------------------------------------------------------ */

static void special(TnType *t, size_t size, void (*dealloc)(TnObject *),
                   int (*init)(TnObject *, TnObject *const *, size_t, TnObject *),
                   TnObject *(*str)(TnObject *), const TnMemberDef *members)
{
    if (size)
        t->tp_basicsize = size;
    if (dealloc)
        t->tp_dealloc = dealloc;
    if (init)
        t->tp_init = init;
    if (str)
        t->tp_str = str;
    if (members)
        t->tp_members = members;
}

int tn_exc_types_ready(void)
{
    TnType *b = &tn_exc_BaseException;
    b->tp_base = &tn_object_type;
    b->tp_basicsize = sizeof(TnBaseException);
    b->tp_dealloc = base_dealloc;
    b->tp_new = base_new;
    b->tp_init = base_init;
    b->tp_str = base_str;
    b->tp_repr = base_repr;
    b->tp_traverse = base_traverse;
    b->tp_clear = base_clear;
    b->tp_methods = base_methods;
    b->tp_getset = base_getset;
    b->tp_members = base_members;
    b->tp_dictoffset = offsetof(TnBaseException, dict);
    b->tp_doc = "Common base class for all exceptions";
    special(&tn_exc_StopIteration, sizeof(TnStopIteration), stopiter_dealloc, stopiter_init, NULL, stopiter_members);
    special(&tn_exc_SystemExit, sizeof(TnSystemExit), sysexit_dealloc, sysexit_init, NULL, sysexit_members);
    special(&tn_exc_ImportError, sizeof(TnImportError), importerr_dealloc, importerr_init, importerr_str, importerr_members);
    special(&tn_exc_NameError, sizeof(TnNameError), nameerr_dealloc, nameerr_init, NULL, nameerr_members);
    special(&tn_exc_AttributeError, sizeof(TnAttributeError), attrerr_dealloc, attrerr_init, NULL, attrerr_members);
    special(&tn_exc_KeyError, 0, NULL, NULL, keyerr_str, NULL);
    special(&tn_exc_OSError, sizeof(TnOSError), oserror_dealloc, oserror_init, oserror_str, oserror_members);
    tn_exc_OSError.tp_new = oserror_new;
    special(&tn_exc_SyntaxError, sizeof(TnSyntaxError), syntaxerr_dealloc, syntaxerr_init, syntaxerr_str, syntaxerr_members);
    special(&tn_exc_UnicodeError, sizeof(TnUnicodeError), unicodeerr_dealloc, NULL, NULL, unicodeerr_members);
    special(&tn_exc_UnicodeDecodeError, 0, NULL, unicodedecode_init, unicodedecode_str, NULL);
    special(&tn_exc_UnicodeEncodeError, 0, NULL, unicodeencode_init, unicodeencode_str, NULL);
#define TN_READY_EXC(name, base) if (tn_type_ready(&tn_exc_##name) < 0) return -1;
    TN_EXCEPTION_TYPES(TN_READY_EXC)
#undef TN_READY_EXC
    return 0;
}

int tn_exc_init(void)
{
    if (tn_exc_types_ready() < 0)
        return -1;
    TnObject *me = tn_call_noargs((TnObject *)&tn_exc_MemoryError);
    if (!me)
        return -1;
    tn_set_immortal(me);
    tn_memory_error_instance = me;
    return 0;
}
