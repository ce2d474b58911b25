/* dict: insertion-ordered hash table (CPython's compact layout: an index
 * table of small integers into a dense entries array).
 * Invariants: every mutation runs under the dict's object lock (ft build);
 * keys are hashed and compared with user code (__hash__/__eq__) OUTSIDE
 * the lock (the lookup is retried if the table changed meanwhile); replaced
 * tables are freed through tn_mem_free_deferred so lock-free readers stay
 * safe; `version` changes on every mutation (global-lookup caches key on it).
 * Implemented in src/objects/dict*.c. */
#ifndef TANDEM_DICT_H
#define TANDEM_DICT_H
#include "tandem/type.h"

struct TnDictKeys;
typedef struct {
    TnObject ob;
    TN_SHARED(tn_ssize_t) used;            /* number of items */
    TN_SHARED(uint64_t) version;
    TN_SHARED(struct TnDictKeys *) keys;   /* table (layout private to dict.c) */
} TnDict;

extern TnType tn_dict_type;
#define tn_dict_check(o) TN_TYPE_CHECK_FLAG(o, TN_TPFLAG_DICT_SUBCLASS)
#define tn_dict_check_exact(o) (TN_TYPE(o) == &tn_dict_type)

TnObject *tn_dict_new(void);
/* Lookup: 1 found (*out = new ref), 0 missing (*out = NULL, no error), -1 error. */
int tn_dict_get_ref(TnObject *d, TnObject *key, TnObject **out);
int tn_dict_get_ref_str(TnObject *d, const char *key, TnObject **out);
/* Lookup with a known str key hash (LOAD_GLOBAL/LOAD_ATTR fast path): no
 * user code can run because str keys compare by content. New ref or NULL. */
TnObject *tn_dict_get_str_known(TnObject *d, TnObject *str_key);
int tn_dict_setitem(TnObject *d, TnObject *key, TnObject *value);   /* borrowed */
int tn_dict_setitem_str(TnObject *d, const char *key, TnObject *value);
int tn_dict_delitem(TnObject *d, TnObject *key);                    /* KeyError */
int tn_dict_contains(TnObject *d, TnObject *key);                   /* -1 error */
tn_ssize_t tn_dict_size(TnObject *d);
/* Iterate: start with *pos = 0; 1 while an item is returned (new refs in
 * *key / *value when non-NULL), 0 at the end. Safe against concurrent
 * mutation (may skip or repeat, never crashes). */
int tn_dict_next(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value);
TnObject *tn_dict_copy(TnObject *d);
int tn_dict_update(TnObject *d, TnObject *other);     /* dict.update(other): mapping or pairs */
int tn_dict_merge(TnObject *d, TnObject *other, int override);   /* other mapping; override 0 = keep */
TnObject *tn_dict_keys_list(TnObject *d);
TnObject *tn_dict_values_list(TnObject *d);
TnObject *tn_dict_items_list(TnObject *d);
TnObject *tn_dict_setdefault(TnObject *d, TnObject *key, TnObject *dflt);  /* new ref */
TnObject *tn_dict_pop(TnObject *d, TnObject *key, TnObject *dflt);  /* dflt NULL: KeyError */
void tn_dict_clear(TnObject *d);
/* Additions (containers). */
extern TnType tn_dict_keys_type, tn_dict_values_type, tn_dict_items_type;
/* Lookup with a precomputed hash (hash must be tn_object_hash(key)). */
int tn_dict_get_ref_hash(TnObject *d, TnObject *key, tn_hash_t hash, TnObject **out);
int tn_dict_setitem_hash(TnObject *d, TnObject *key, tn_hash_t hash, TnObject *value);
int tn_dict_delitem_str(TnObject *d, const char *key);   /* KeyError */
/* d[key] with dict-subclass __missing__ support (the BINARY_SUBSCR path). */
TnObject *tn_dict_subscript(TnObject *d, TnObject *key);
TnObject *tn_dict_popitem(TnObject *d);                  /* (k, v) LIFO; KeyError when empty */
#endif
