/* Type objects: the slot table every object's behaviour is looked up in.
 *
 * Invariants:
 *  - The layout follows CPython's PyTypeObject in spirit, with the number,
 *    sequence and mapping sub-tables flattened into one struct. A NULL slot
 *    means "not supported"; the protocol functions in abstract.h raise the
 *    CPython-worded TypeError.
 *  - Calls use the vector convention everywhere (CPython's vectorcall):
 *    positional arguments args[0..nargs), followed by the keyword argument
 *    values, whose names are the str tuple `kwnames` (NULL when none).
 *    Arguments are borrowed.
 *  - Static (built-in) types are immortal and statically allocated; heap
 *    types (classes) are ordinary objects. A type is ready once
 *    tn_type_ready() has filled tp_mro, tp_dict and inherited slots.
 *  - For a heap type the slots that correspond to dunder methods defined in
 *    Python point at generic wrappers that look the dunder up, so C code can
 *    always call a slot without asking whether the class is user-defined.
 */
#ifndef TANDEM_TYPE_H
#define TANDEM_TYPE_H

#include "tandem/object.h"

typedef TnObject *(*tn_unaryfunc)(TnObject *);
typedef TnObject *(*tn_binaryfunc)(TnObject *, TnObject *);
typedef TnObject *(*tn_ternaryfunc)(TnObject *, TnObject *, TnObject *);
typedef TnObject *(*tn_vectorcallfunc)(TnObject *callable, TnObject *const *args,
                                       size_t nargs, TnObject *kwnames);
typedef int (*tn_visitproc)(TnObject *, void *);

/* Native function/method descriptors (tp_methods, module tables). */
enum {
    TN_METH_NOARGS  = 0x1,   /* fn(self, NULL) */
    TN_METH_O       = 0x2,   /* fn(self, arg) */
    TN_METH_FAST    = 0x4,   /* fn(self, args, nargs) */
    TN_METH_FASTKW  = 0x8,   /* fn(self, args, nargs, kwnames) */
    TN_METH_CLASS   = 0x10,  /* classmethod: self is the type */
    TN_METH_STATIC  = 0x20   /* staticmethod: self is NULL */
};
typedef struct {
    const char *name;
    void *fn;           /* cast according to flags */
    int flags;
    const char *doc;
} TnMethodDef;
typedef TnObject *(*tn_meth_noargs)(TnObject *self, TnObject *unused);
typedef TnObject *(*tn_meth_o)(TnObject *self, TnObject *arg);
typedef TnObject *(*tn_meth_fast)(TnObject *self, TnObject *const *args, size_t nargs);
typedef TnObject *(*tn_meth_fastkw)(TnObject *self, TnObject *const *args, size_t nargs,
                                    TnObject *kwnames);

/* Plain C struct fields exposed as attributes (tp_members). */
enum { TN_MEMBER_OBJECT, TN_MEMBER_OBJECT_EX /* AttributeError when NULL */,
       TN_MEMBER_INT, TN_MEMBER_SSIZE, TN_MEMBER_DOUBLE, TN_MEMBER_BOOL,
       TN_MEMBER_CSTR };
typedef struct {
    const char *name;
    int type;
    size_t offset;
    int readonly;
    const char *doc;
} TnMemberDef;

/* Computed attributes (tp_getset). setter NULL = read-only. */
typedef struct {
    const char *name;
    TnObject *(*get)(TnObject *self, void *closure);
    int (*set)(TnObject *self, TnObject *value, void *closure);  /* value NULL = delete */
    const char *doc;
    void *closure;
} TnGetSetDef;

/* tp_flags */
enum {
    TN_TPFLAG_HEAPTYPE      = 1u << 0,   /* created by a class statement */
    TN_TPFLAG_BASETYPE      = 1u << 1,   /* may be subclassed */
    TN_TPFLAG_READY         = 1u << 2,
    TN_TPFLAG_GC            = 1u << 3,   /* instances may be in cycles */
    TN_TPFLAG_HAVE_FINALIZE = 1u << 4,   /* defines __del__ */
    TN_TPFLAG_ABSTRACT      = 1u << 5,
    /* Fast subclass checks, as in CPython. */
    TN_TPFLAG_INT_SUBCLASS   = 1u << 10,
    TN_TPFLAG_LIST_SUBCLASS  = 1u << 11,
    TN_TPFLAG_TUPLE_SUBCLASS = 1u << 12,
    TN_TPFLAG_BYTES_SUBCLASS = 1u << 13,
    TN_TPFLAG_STR_SUBCLASS   = 1u << 14,
    TN_TPFLAG_DICT_SUBCLASS  = 1u << 15,
    TN_TPFLAG_EXC_SUBCLASS   = 1u << 16,  /* BaseException and subclasses */
    TN_TPFLAG_TYPE_SUBCLASS  = 1u << 17,
    TN_TPFLAG_METHOD_DESCRIPTOR = 1u << 18 /* LOAD_METHOD may skip binding */
};

struct TnType {
    TnObject ob_base;
    const char *tp_name;          /* "int", "module.Class" for static types */
    size_t tp_basicsize;          /* instance size (fixed part) */
    size_t tp_itemsize;           /* per-item size for variable-size objects */
    uint32_t tp_flags;

    void      (*tp_dealloc)(TnObject *);
    TnObject *(*tp_repr)(TnObject *);
    TnObject *(*tp_str)(TnObject *);
    tn_hash_t (*tp_hash)(TnObject *);            /* NULL + tp_richcompare => unhashable */
    TnObject *(*tp_richcompare)(TnObject *, TnObject *, int op);   /* NotImplemented allowed */
    TnObject *(*tp_getattro)(TnObject *, TnObject *name);
    int       (*tp_setattro)(TnObject *, TnObject *name, TnObject *value); /* NULL value = del */
    tn_vectorcallfunc tp_call;                  /* calling an instance */
    TnObject *(*tp_iter)(TnObject *);
    TnObject *(*tp_iternext)(TnObject *);        /* NULL, no error set = exhausted */
    TnObject *(*tp_descr_get)(TnObject *descr, TnObject *obj, TnObject *type);
    int       (*tp_descr_set)(TnObject *descr, TnObject *obj, TnObject *value);
    /* type(...) calls tp_new then, if the result is an instance, tp_init. */
    TnObject *(*tp_new)(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames);
    int       (*tp_init)(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames);
    void      (*tp_finalize)(TnObject *);        /* __del__ */
    int       (*tp_traverse)(TnObject *, tn_visitproc, void *);
    int       (*tp_clear)(TnObject *);

    /* number protocol (binary slots take (left, right) and may return
     * NotImplemented; tn_number_* in abstract.h does the reflection) */
    tn_binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod,
                  nb_lshift, nb_rshift, nb_and, nb_xor, nb_or,
                  nb_floor_divide, nb_true_divide, nb_matrix_multiply;
    tn_ternaryfunc nb_power;
    tn_binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
                  nb_inplace_remainder, nb_inplace_lshift, nb_inplace_rshift,
                  nb_inplace_and, nb_inplace_xor, nb_inplace_or,
                  nb_inplace_floor_divide, nb_inplace_true_divide,
                  nb_inplace_matrix_multiply;
    tn_ternaryfunc nb_inplace_power;
    tn_unaryfunc nb_negative, nb_positive, nb_absolute, nb_invert,
                 nb_int, nb_float, nb_index;
    int (*nb_bool)(TnObject *);                  /* -1 error */

    /* sequence / mapping protocol */
    tn_ssize_t (*sq_length)(TnObject *);         /* len(); -1 error */
    TnObject *(*mp_subscript)(TnObject *, TnObject *key);          /* o[key] */
    int (*mp_ass_subscript)(TnObject *, TnObject *key, TnObject *v); /* v NULL = del */
    int (*sq_contains)(TnObject *, TnObject *);  /* -1 error */
    /* Fast integer indexing for list/tuple/str/bytes/range (index already
     * normalised? no: raw, may be negative). NULL when not a sequence. */
    TnObject *(*sq_item)(TnObject *, tn_ssize_t i);

    const TnMethodDef *tp_methods;
    const TnMemberDef *tp_members;
    const TnGetSetDef *tp_getset;
    const char *tp_doc;

    TnType   *tp_base;            /* single base used for layout */
    TnObject *tp_bases;           /* tuple */
    TnObject *tp_mro;             /* tuple, starts with the type itself */
    TnObject *tp_dict;            /* dict of attributes */
    TnObject *tp_subclasses;      /* dict id -> weak-ish ref, maintained by type.c */
    TnObject *tp_name_obj;        /* __name__ (str) */
    TnObject *tp_qualname;        /* __qualname__ (str) */
    TnObject *tp_module;          /* __module__ (str) or NULL */
    size_t tp_dictoffset;         /* offset of the instance __dict__ pointer, 0 = none */
    size_t tp_weaklistoffset;     /* offset of the weakref list, 0 = none */
    TN_SHARED(uint32_t) tp_version_tag;  /* bumped on any change; attribute caches key on it */
    tn_vectorcallfunc tp_vectorcall;    /* calling the type itself; NULL = generic */
};

extern TnType tn_type_type;     /* `type` */
extern TnType tn_object_type;   /* `object` */

#define TN_TYPE_CHECK_FLAG(o, f) ((TN_TYPE(o)->tp_flags & (f)) != 0)
#define tn_type_check(o) TN_TYPE_CHECK_FLAG(o, TN_TPFLAG_TYPE_SUBCLASS)

/* Fill in tp_mro, tp_dict (methods, members, getsets wrapped as
 * descriptors), inherited slots and flags. Idempotent. -1 on error. */
int tn_type_ready(TnType *t);
/* Look `name` up along the MRO without binding; borrowed ref or NULL (no
 * error set). Uses the per-type attribute cache. */
TnObject *tn_type_lookup(TnType *t, TnObject *name);
/* 1 if a is b or a subclass of b. */
int tn_type_is_subtype(TnType *a, TnType *b);
#define tn_is_instance_exact(o, t) (TN_TYPE(o) == (t))
#define tn_is_instance_fast(o, t) (TN_TYPE(o) == (t) || tn_type_is_subtype(TN_TYPE(o), (t)))
/* Create a class: type(name, bases, dict). New reference or NULL. */
TnObject *tn_type_new_class(TnObject *name, TnObject *bases, TnObject *dict,
                            TnObject *kwnames_unused);
/* Invalidate attribute caches after a change to t's dict (also subclasses). */
void tn_type_modified(TnType *t);

/* Define a static type, e.g.
 *   TnType tn_list_type = { TN_STATIC_TYPE_HEAD, .tp_name = "list", ... };  */
#ifdef TANDEM_FT
#  define TN_STATIC_OBJECT_HEAD(type) { .ob_tid = 0, .ob_ref_local = TN_IMMORTAL_LOCAL, \
        .ob_ref_shared = 0, .ob_mutex = 0, .ob_gc_bits = 0, .ob_flags = 0, .ob_type = (type) }
#else
#  define TN_STATIC_OBJECT_HEAD(type) { .ob_refcnt = TN_IMMORTAL_REFCNT, .ob_type = (type) }
#endif
#define TN_STATIC_TYPE_HEAD .ob_base = TN_STATIC_OBJECT_HEAD(&tn_type_type)

#endif
