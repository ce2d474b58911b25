/* Descriptors and native callables: the objects that live in type dicts and
 * give attribute access its meaning (CPython's descrobject.c, methodobject.c,
 * funcobject.c's staticmethod/classmethod, property, super).
 *
 * Invariants:
 *  - Every descriptor here is immutable after creation (property's getter/
 *    setter/deleter return NEW properties), so threads read them without
 *    locks.
 *  - A descriptor keeps a borrowed pointer to the TnMethodDef/TnMemberDef/
 *    TnGetSetDef it wraps: those tables are static (or, for __slots__, owned
 *    by the heap type, which the descriptor keeps alive through d_type).
 *  - Types whose instances can be called unbound with `self` prepended carry
 *    TN_TPFLAG_METHOD_DESCRIPTOR (method descriptors, wrapper descriptors,
 *    Python functions): LOAD_METHOD uses the flag to skip creating a bound
 *    method.
 *  - Implemented in src/objects/descr.c (descriptors, cfunction, property,
 *    staticmethod, classmethod), src/objects/typeobject_slots.c (slot
 *    wrappers) and src/objects/super.c.
 */
#ifndef TANDEM_DESCR_H
#define TANDEM_DESCR_H

#include "tandem/type.h"

/* Common head of method/member/getset/wrapper descriptors. */
typedef struct {
    TnObject ob;
    TnType *d_type;            /* the type that defines it (strong ref) */
    TnObject *d_name;          /* str */
} TnDescrHead;

typedef struct { TnDescrHead h; const TnMethodDef *d_method; } TnMethodDescr;
typedef struct { TnDescrHead h; const TnMemberDef *d_member; } TnMemberDescr;
typedef struct { TnDescrHead h; const TnGetSetDef *d_getset; } TnGetSetDescr;

/* builtin_function_or_method: a native function, bound to m_self (a module
 * for module-level functions, the instance for bound methods, the type for
 * class methods; NULL for static methods). */
typedef struct {
    TnObject ob;
    const TnMethodDef *m_ml;
    TnObject *m_self;          /* strong ref or NULL */
    TnObject *m_module;        /* strong ref or NULL (module name for repr) */
} TnCFunction;

/* staticmethod / classmethod wrappers (any callable). */
typedef struct { TnObject ob; TnObject *cm_callable; TnObject *cm_dict; } TnStaticMethod;
typedef TnStaticMethod TnClassMethod;

/* property. */
typedef struct {
    TnObject ob;
    TnObject *prop_get, *prop_set, *prop_del, *prop_doc;   /* strong or NULL */
    TnObject *prop_name;                                   /* from __set_name__, or NULL */
} TnProperty;

/* super. */
typedef struct {
    TnObject ob;
    TnType *type;              /* the class super() was called in */
    TnObject *obj;             /* instance or class, or NULL (unbound) */
    TnType *obj_type;          /* type(obj) or obj itself when obj is a class */
} TnSuper;

extern TnType tn_method_descr_type;       /* method_descriptor */
extern TnType tn_classmethod_descr_type;  /* classmethod_descriptor */
extern TnType tn_member_descr_type;       /* member_descriptor */
extern TnType tn_getset_descr_type;       /* getset_descriptor */
extern TnType tn_wrapper_descr_type;      /* wrapper_descriptor (slot wrappers) */
extern TnType tn_method_wrapper_type;     /* method-wrapper (bound slot wrapper) */
extern TnType tn_cfunction_type;          /* builtin_function_or_method */
extern TnType tn_staticmethod_type, tn_classmethod_type, tn_property_type;
extern TnType tn_super_type;

#define tn_cfunction_check(o) (TN_TYPE(o) == &tn_cfunction_type)

/* A native function object for `def` (module tables: self = the module;
 * bound native methods: self = the instance). module: str or NULL. */
TnObject *tn_cfunction_new(const TnMethodDef *def, TnObject *self, TnObject *module);
/* Call a TnMethodDef with the vector convention (checks the arity the flags
 * promise and raises CPython's errors). `self` is passed to the C function. */
TnObject *tn_methoddef_call(const TnMethodDef *def, TnObject *self, TnObject *const *args,
                            size_t nargs, TnObject *kwnames);

/* Descriptor constructors used by tn_type_ready (and __slots__). */
TnObject *tn_descr_new_method(TnType *t, const TnMethodDef *def);
TnObject *tn_descr_new_classmethod(TnType *t, const TnMethodDef *def);
TnObject *tn_descr_new_member(TnType *t, const TnMemberDef *def);
TnObject *tn_descr_new_getset(TnType *t, const TnGetSetDef *def);

TnObject *tn_staticmethod_new(TnObject *callable);
TnObject *tn_classmethod_new(TnObject *callable);
/* 1 if `o`'s type has a __set__ or __delete__ (data descriptor). */
int tn_descr_is_data(TnObject *o);

/* super(type, obj). obj may be an instance of type or a subclass of it. */
TnObject *tn_super_new(TnType *type, TnObject *obj);
/* Zero-argument super() asks the eval loop for the frame's __class__ cell
 * and first argument: tn_frame_super_args() in eval.h (new references). */

/* Startup step 1 (docs/api.md): object, type, None, NotImplemented,
 * Ellipsis, and the descriptor types above. */
int tn_types_init(void);

/* Class creation with class keywords (class A(B, x=1): ...): `kwargs` is a
 * dict (or NULL) of keywords other than metaclass, passed on to
 * __init_subclass__. `meta` is the metaclass (NULL = type); a metaclass that
 * is a subclass of type is called like CPython does (meta(name, bases, ns, **kw)).
 * tn_type_new_class(name, bases, dict, kw) in type.h is the same with meta
 * NULL; its 4th argument, when not NULL, must be such a dict. */
TnObject *tn_type_new_class_meta(TnType *meta, TnObject *name, TnObject *bases,
                                 TnObject *dict, TnObject *kwargs);
/* The instance __dict__ of o, created on first use (new ref), or NULL with
 * AttributeError set when o's type has no __dict__ slot. */
TnObject *tn_object_get_dict(TnObject *o);
/* Run o's type's __del__ (tp_finalize) from a tp_dealloc; returns 1 if the
 * object was resurrected (the caller must then stop deallocating). */
int tn_object_call_finalizer_from_dealloc(TnObject *o);

#endif
