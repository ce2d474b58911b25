/* The AST arena: a bump allocator whose blocks are freed all at once.
 *
 * Why an arena: a parse builds thousands of small nodes that all die
 * together when the compiler is done with the tree, and error paths in a
 * recursive-descent parser are much simpler when nothing has to be freed
 * one by one. Blocks come from calloc, and bump allocation never reuses
 * memory, so every allocation is already zeroed.
 */
#include <stdlib.h>
#include <string.h>
#include "tandem/ast.h"

enum { ARENA_BLOCK = 64 * 1024, ARENA_ALIGN = 16 };

typedef struct Block {
    struct Block *next;
    size_t size, used;
    /* payload follows, aligned to ARENA_ALIGN */
} Block;

struct TnArena {
    Block *head;        /* block currently bumped into */
    Block *big;         /* dedicated blocks for large requests */
};

/* Header rounded up so the payload keeps 16-byte alignment. */
#define BLOCK_HDR ((sizeof(Block) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

static Block *block_new(size_t payload)
{
    Block *b = calloc(1, BLOCK_HDR + payload);
    if (!b)
        return NULL;
    b->size = payload;
    return b;
}

TnArena *tn_arena_new(void)
{
    TnArena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->head = block_new(ARENA_BLOCK);
    if (!a->head) {
        free(a);
        return NULL;
    }
    return a;
}

static void free_chain(Block *b)
{
    while (b) {
        Block *n = b->next;
        free(b);
        b = n;
    }
}

void tn_arena_free(TnArena *a)
{
    if (!a)
        return;
    free_chain(a->head);
    free_chain(a->big);
    free(a);
}

void *tn_arena_alloc(TnArena *a, size_t size)
{
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    /* Large requests get their own block so they do not waste the tail
     * of the current one. */
    if (size > ARENA_BLOCK / 4) {
        Block *b = block_new(size);
        if (!b)
            return NULL;
        b->next = a->big;
        a->big = b;
        return (char *)b + BLOCK_HDR;
    }
    if (a->head->size - a->head->used < size) {
        Block *b = block_new(ARENA_BLOCK);
        if (!b)
            return NULL;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)a->head + BLOCK_HDR + a->head->used;
    a->head->used += size;
    return p;
}

char *tn_arena_strndup(TnArena *a, const char *s, size_t n)
{
    char *d = tn_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}
