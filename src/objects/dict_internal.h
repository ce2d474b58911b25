/* dict table layout, private to dict.c and dict_views.c.
 *
 * Invariants (CPython 3.6+ compact dict):
 *  - indices[size] (size a power of two, >= 8) hold DKIX_EMPTY, DKIX_DUMMY
 *    or an entry number; entries[] are in insertion order; a deleted entry
 *    has key == value == NULL and stays until the next resize.
 *  - usable is the number of insertions left before a resize (never
 *    incremented by deletions, so dummies are accounted for and the index
 *    table always keeps an EMPTY slot: probing terminates).
 *  - A published table's entries are written before the index that points
 *    at them (release store); readers load the index with acquire.
 *  - Tables are replaced, never resized in place; the old one is freed with
 *    tn_mem_free_deferred (lock-free readers may still be probing it).
 */
#ifndef TANDEM_DICT_INTERNAL_H
#define TANDEM_DICT_INTERNAL_H
#include "containers_internal.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)

typedef struct {
    tn_hash_t hash;
    TnObject *key;
    TnObject *value;
} DictEntry;

typedef struct TnDictKeys {
    tn_ssize_t size;       /* index slots */
    tn_ssize_t usable;     /* insertions left */
    tn_ssize_t nentries;   /* entries[0..nentries) used or deleted */
    size_t bytes;          /* allocation size, for the deferred free */
    int32_t indices[];     /* then DictEntry entries[size * 2 / 3] */
} DictKeys;

#define DK_ENTRIES(k) ((DictEntry *)((k)->indices + (k)->size))
#define DICT(o) ((TnDict *)(o))

/* dict_views.c uses: */
typedef struct {
    TnObject ob;
    TnObject *dict;
} DictView;
TnObject *tn_dict_view_new(TnObject *d, TnType *t);
TnObject *tn_dict_iter_new(TnObject *d, TnType *t);
int tn_dict_views_init(void);
/* The values of keys[i] and values[i] at a moment, with their hashes:
 * a consistent snapshot taken under the dict's lock (new refs). */
typedef struct {
    tn_ssize_t n;
    TnObject **keys, **values;
    tn_hash_t *hashes;
} DictSnapshot;
int tn_dict_snapshot(TnObject *d, DictSnapshot *s);
void tn_dict_snapshot_release(DictSnapshot *s);
/* Read entry i of the current table for an iterator (lock-free): 1 with
 * new refs, 0 when i >= nentries; deleted entries are skipped by advancing
 * *pos. */
int tn_dict_iter_entry(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value);
/* Same from the end backwards (*pos starts at nentries - 1). */
int tn_dict_iter_entry_rev(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value);
tn_ssize_t tn_dict_nentries(TnObject *d);
#endif
