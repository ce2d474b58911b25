/* Private to the type system (type.c, typeobject_slots.c, object.c,
 * descr.c, super.c, exc.c): the heap type layout and the slot machinery.
 *
 * Invariants:
 *  - Every class created at run time is a TnHeapType (tp_flags has
 *    TN_TPFLAG_HEAPTYPE); static types are plain TnType.
 *  - ht_members is owned by the heap type and outlives the member
 *    descriptors that point into it (they hold a reference to the type).
 *  - tp_dictoffset == TN_DICTOFFSET_VAR marks a subclass of a variable-size
 *    type (int, tuple, str) whose __dict__ pointer sits after the items; use
 *    tn_object_dict_ptr, never the offset directly.
 */
#ifndef TANDEM_TYPE_INTERNAL_H
#define TANDEM_TYPE_INTERNAL_H

#include "tandem/tandem.h"
#include "tandem/descr.h"

#define TN_DICTOFFSET_VAR ((size_t)-1)

typedef struct {
    TnType type;
    TnObject *ht_slots;        /* tuple of __slots__ names (mangled) or NULL */
    TnMemberDef *ht_members;   /* NULL-terminated table for __slots__ */
    char *ht_cname;            /* storage of tp_name */
    uint8_t ht_added_dict;     /* we added the __dict__ pointer (layout calc) */
    uint8_t ht_added_weak;     /* we added the weakref pointer */
} TnHeapType;

/* One dunder <-> C slot correspondence (CPython's slotdefs). */
typedef struct TnSlotDef TnSlotDef;
typedef TnObject *(*tn_wrapperfunc)(TnObject *self, TnObject *const *args, size_t nargs,
                                    TnObject *kwnames, void *wrapped, const TnSlotDef *sd);
struct TnSlotDef {
    const char *name;
    size_t offset;             /* offsetof(TnType, slot) */
    void *slotfn;              /* dispatcher installed in heap types */
    tn_wrapperfunc wrapper;    /* calls the C slot from Python (slot wrapper) */
    int op;                    /* comparison op for the richcompare entries */
    const char *doc;
};

typedef struct {
    TnDescrHead h;
    const TnSlotDef *d_base;
    void *d_wrapped;           /* the C slot function */
} TnWrapperDescr;

/* typeobject_slots.c */
int tn_type_add_operators(TnType *t);       /* static types: slot wrappers into tp_dict */
int tn_type_fixup_slots(TnType *t);         /* heap types: point slots at dispatchers */
int tn_type_update_slot(TnType *t, TnObject *name);   /* after setattr/delattr on a class */
int tn_slots_init(void);                    /* interns the slot names */
TnObject *tn_slot_tp_new_wrapper_make(TnType *t);     /* the __new__ builtin of a static type */

/* type.c */
extern TnType tn_type_type;
TnObject *tn_type_repr(TnObject *t);
int tn_type_add_subclass(TnType *base, TnType *sub);
void tn_type_cache_clear(void);
/* The name used in messages: tp_name of static types, __name__ of heap ones. */
const char *tn_type_name(TnType *t);
/* __name__ (and the start of __qualname__): no module prefix. */
const char *tn_type_short_name(TnType *t);
/* tp_dealloc of heap-type instances. */
void tn_subtype_dealloc(TnObject *o);
int tn_subtype_traverse(TnObject *o, tn_visitproc visit, void *arg);   /* cyclic GC */
int tn_subtype_clear(TnObject *o);

/* object.c */
TnObject *tn_object_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames);
int tn_object_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames);
TnObject *tn_object_default_repr(TnObject *o);
TnObject *tn_object_richcompare_default(TnObject *a, TnObject *b, int op);
tn_hash_t tn_object_hash_default(TnObject *o);
/* Call attribute `name` looked up on type(self) with self prepended (as a
 * method), without creating a bound method. *found = 0 and NULL returned
 * (no error) when the type has no such attribute. */
TnObject *tn_call_dunder(TnObject *self, TnObject *name, TnObject *const *args, size_t nargs,
                         int *found);

extern const TnGetSetDef tn_subtype_dict_getset[], tn_subtype_weakref_getset[];

/* genericalias.c: list[int] (types.GenericAlias) and int | None
 * (types.UnionType). tn_union_or returns NotImplemented for operands `|`
 * does not combine. */
extern TnType tn_genericalias_type, tn_union_type;
TnObject *tn_genericalias_new(TnObject *origin, TnObject *args);
TnObject *tn_union_or(TnObject *a, TnObject *b);
const TnMethodDef *tn_genericalias_class_getitem_def(void);

/* exc.c */
int tn_exc_types_ready(void);

#endif
