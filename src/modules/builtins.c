/* The builtins module: the functions of bltin_object.c and bltin_io.c,
 * the built-in types, constants and every exception class by name.
 * Created once at start-up (init.c); its dict is then only read by the
 * eval loop (LOAD_GLOBAL falls back to it), so it needs no lock beyond the
 * dict's own. */
#include "tandem/tandem.h"
#include "tandem/module.h"
#include "tandem/descr.h"
#include "tandem/bytes.h"
#include "tandem/range.h"
#include "tandem/slice.h"
#include "tandem/iterobject.h"
#include "tandem/builtins.h"
#include "bltin_internal.h"

static TnType *const builtin_types[] = {
    &tn_object_type, &tn_type_type, &tn_int_type, &tn_bool_type, &tn_float_type,
    &tn_str_type, &tn_bytes_type, &tn_bytearray_type, &tn_list_type, &tn_tuple_type,
    &tn_dict_type, &tn_set_type, &tn_frozenset_type, &tn_range_type, &tn_slice_type,
    &tn_enumerate_type, &tn_zip_type, &tn_map_type, &tn_filter_type, &tn_reversed_type,
    &tn_property_type, &tn_staticmethod_type, &tn_classmethod_type, &tn_super_type,
};

static int add(TnObject *m, const char *name, TnObject *v)
{
    return tn_module_add_object(m, name, v);
}

TnObject *tn_module_init_builtins(void)
{
    TnObject *m = tn_module_new("builtins");
    if (!m)
        return NULL;
    if (tn_module_add_functions(m, tn_bltin_object_methods) < 0 ||
        tn_module_add_functions(m, tn_bltin_io_methods) < 0)
        goto error;
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++) {
        TnType *t = builtin_types[i];
        if (tn_type_ready(t) < 0 || add(m, t->tp_name, (TnObject *)t) < 0)
            goto error;
    }
    if (add(m, "None", tn_None) < 0 || add(m, "True", tn_True) < 0 ||
        add(m, "False", tn_False) < 0 || add(m, "NotImplemented", tn_NotImplemented) < 0 ||
        add(m, "Ellipsis", tn_Ellipsis) < 0 || add(m, "__debug__", tn_True) < 0)
        goto error;
#define TN_ADD_EXC(name, base) \
    if (add(m, #name, (TnObject *)&tn_exc_##name) < 0) goto error;
    TN_EXCEPTION_TYPES(TN_ADD_EXC)
#undef TN_ADD_EXC
    /* CPython's aliases of OSError. */
    if (add(m, "IOError", (TnObject *)&tn_exc_OSError) < 0 ||
        add(m, "EnvironmentError", (TnObject *)&tn_exc_OSError) < 0)
        goto error;
    return m;
error:
    TN_DECREF(m);
    return NULL;
}
