/* The code type: immutable bytecode plus its tables (see code.h). */
#include <stddef.h>
#include <string.h>
#include "tandem/compile.h"
#include "tandem/code.h"
#include "tandem/abstract.h"
#include "tandem/bytes.h"
#include "tandem/error.h"
#include "tandem/int.h"
#include "tandem/list.h"
#include "tandem/str.h"
#include "tandem/tuple.h"

TnObject *tn_code_new(int argcount, int posonlyargcount, int kwonlyargcount,
                      int nlocals, int stacksize, int flags, int firstlineno,
                      const uint16_t *code, int ncode, const int *lines,
                      TnObject *consts, TnObject *names, TnObject *varnames,
                      TnObject *cellvars, TnObject *freevars,
                      TnObject *name, TnObject *qualname, TnObject *filename,
                      TnObject *docstring, const int *cell2arg)
{
    TnCode *co = (TnCode *)tn_object_alloc(&tn_code_type, sizeof(TnCode));
    if (!co)
        return NULL;
    size_t n = (size_t)(ncode > 0 ? ncode : 1);
    co->co_code = tn_mem_alloc(n * sizeof(uint16_t));
    co->co_lines = tn_mem_alloc(n * sizeof(int));
    int ncells = (int)TN_TUPLE_SIZE(cellvars);
    if (cell2arg && ncells)
        co->co_cell2arg = tn_mem_alloc((size_t)ncells * sizeof(int));
    if (!co->co_code || !co->co_lines || (cell2arg && ncells && !co->co_cell2arg)) {
        TN_DECREF(co);
        return NULL;
    }
    if (ncode > 0) {
        memcpy(co->co_code, code, (size_t)ncode * sizeof(uint16_t));
        memcpy(co->co_lines, lines, (size_t)ncode * sizeof(int));
    }
    if (co->co_cell2arg)
        memcpy(co->co_cell2arg, cell2arg, (size_t)ncells * sizeof(int));
    co->co_ncode = ncode;
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_nlocals = nlocals;
    co->co_ncells = ncells;
    co->co_nfree = (int)TN_TUPLE_SIZE(freevars);
    co->co_stacksize = stacksize;
    co->co_flags = flags;
    co->co_firstlineno = firstlineno;
    co->co_consts = tn_newref(consts);
    co->co_names = tn_newref(names);
    co->co_varnames = tn_newref(varnames);
    co->co_cellvars = tn_newref(cellvars);
    co->co_freevars = tn_newref(freevars);
    co->co_name = tn_newref(name);
    co->co_qualname = tn_newref(qualname);
    co->co_filename = tn_newref(filename);
    co->co_docstring = docstring ? tn_newref(docstring) : NULL;
    /* Every call reads the code object and LOAD_CONST pushes its constants,
     * from every thread that runs it: deferred counting for both. The
     * compiler made them, so no other thread can hold them yet. */
    tn_set_deferred((TnObject *)co);
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(consts); i++)
        tn_set_deferred(TN_TUPLE_GET(consts, i));
    return (TnObject *)co;
}

static void code_dealloc(TnObject *o)
{
    TnCode *co = (TnCode *)o;
    tn_mem_free(co->co_code);
    tn_mem_free(co->co_lines);
    tn_mem_free(co->co_cell2arg);
    /* TODO(eval): co_cache is allocated by the VM; assumed tn_mem_alloc'd. */
    tn_mem_free(co->co_cache);
    TN_XDECREF(co->co_consts);
    TN_XDECREF(co->co_names);
    TN_XDECREF(co->co_varnames);
    TN_XDECREF(co->co_cellvars);
    TN_XDECREF(co->co_freevars);
    TN_XDECREF(co->co_name);
    TN_XDECREF(co->co_qualname);
    TN_XDECREF(co->co_filename);
    TN_XDECREF(co->co_docstring);
    tn_object_free(o);
}

static TnObject *code_repr(TnObject *o)
{
    TnCode *co = (TnCode *)o;
    return tn_str_from_format("<code object %U at %p, file \"%U\", line %d>",
                              co->co_name, (void *)o, co->co_filename, co->co_firstlineno);
}

static TnObject *code_get_code(TnObject *o, void *closure)
{
    TnCode *co = (TnCode *)o;
    TnObject *b = tn_bytes_new_uninit((tn_ssize_t)co->co_ncode * 2);
    if (!b)
        return NULL;
    char *d = TN_BYTES_DATA(b);
    for (int i = 0; i < co->co_ncode; i++) {
        d[2 * i] = (char)(co->co_code[i] & 0xff);
        d[2 * i + 1] = (char)(co->co_code[i] >> 8);
    }
    return b;
}

static TnObject *code_get_nlocals(TnObject *o, void *closure)
{
    return tn_int_from_i64(((TnCode *)o)->co_nlocals);
}

/* co_lines(): (start, end, line) byte ranges, like CPython's. */
static TnObject *code_co_lines(TnObject *o, TnObject *unused)
{
    TnCode *co = (TnCode *)o;
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    int i = 0;
    while (i < co->co_ncode) {
        int j = i;
        while (j < co->co_ncode && co->co_lines[j] == co->co_lines[i])
            j++;
        TnObject *a = tn_int_from_i64(2 * i), *b = tn_int_from_i64(2 * j);
        TnObject *l = co->co_lines[i] ? tn_int_from_i64(co->co_lines[i]) : tn_newref(tn_None);
        TnObject *t = (a && b && l) ? tn_tuple_pack(3, a, b, l) : NULL;
        TN_XDECREF(a); TN_XDECREF(b); TN_XDECREF(l);
        if (!t || tn_list_append(list, t) < 0) {
            TN_XDECREF(t);
            TN_DECREF(list);
            return NULL;
        }
        TN_DECREF(t);
        i = j;
    }
    TnObject *it = tn_object_iter(list);
    TN_DECREF(list);
    return it;
}

static const TnMemberDef code_members[] = {
    { "co_argcount", TN_MEMBER_INT, offsetof(TnCode, co_argcount), 1, NULL },
    { "co_posonlyargcount", TN_MEMBER_INT, offsetof(TnCode, co_posonlyargcount), 1, NULL },
    { "co_kwonlyargcount", TN_MEMBER_INT, offsetof(TnCode, co_kwonlyargcount), 1, NULL },
    { "co_stacksize", TN_MEMBER_INT, offsetof(TnCode, co_stacksize), 1, NULL },
    { "co_flags", TN_MEMBER_INT, offsetof(TnCode, co_flags), 1, NULL },
    { "co_firstlineno", TN_MEMBER_INT, offsetof(TnCode, co_firstlineno), 1, NULL },
    { "co_consts", TN_MEMBER_OBJECT, offsetof(TnCode, co_consts), 1, NULL },
    { "co_names", TN_MEMBER_OBJECT, offsetof(TnCode, co_names), 1, NULL },
    { "co_varnames", TN_MEMBER_OBJECT, offsetof(TnCode, co_varnames), 1, NULL },
    { "co_cellvars", TN_MEMBER_OBJECT, offsetof(TnCode, co_cellvars), 1, NULL },
    { "co_freevars", TN_MEMBER_OBJECT, offsetof(TnCode, co_freevars), 1, NULL },
    { "co_name", TN_MEMBER_OBJECT, offsetof(TnCode, co_name), 1, NULL },
    { "co_qualname", TN_MEMBER_OBJECT, offsetof(TnCode, co_qualname), 1, NULL },
    { "co_filename", TN_MEMBER_OBJECT, offsetof(TnCode, co_filename), 1, NULL },
    { NULL, 0, 0, 0, NULL }
};

static const TnGetSetDef code_getset[] = {
    { "co_code", code_get_code, NULL, "the bytecode as bytes (little-endian code units)", NULL },
    { "co_nlocals", code_get_nlocals, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static const TnMethodDef code_methods[] = {
    { "co_lines", (void *)code_co_lines, TN_METH_NOARGS, "iterator of (start, end, line)" },
    { NULL, NULL, 0, NULL }
};

TnType tn_code_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "code",
    .tp_basicsize = sizeof(TnCode),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_members = code_members,
    .tp_getset = code_getset,
    .tp_methods = code_methods,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
};

int tn_code_init(void)
{
    return tn_type_ready(&tn_code_type);
}
