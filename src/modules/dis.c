/* The dis module: disassembly of code objects in CPython 3.11's listing
 * format (columns as Lib/dis.py: line, current marker, jump-target marker,
 * offset, opname padded to 20, oparg right-aligned to 5, meaning in
 * parentheses). Everything is read from the opcode table in opcodes.h.
 * The module keeps no mutable C state (the Instruction type is static and
 * readied once, idempotently, at module init). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "tandem/abstract.h"
#include "tandem/args.h"
#include "tandem/code.h"
#include "tandem/compile.h"
#include "tandem/dict.h"
#include "tandem/error.h"
#include "tandem/int.h"
#include "tandem/list.h"
#include "tandem/module.h"
#include "tandem/opcodes.h"
#include "tandem/str.h"
#include "tandem/tstate.h"
#include "tandem/tuple.h"

#define OPNAME_WIDTH 20
#define OPARG_WIDTH 5

/* One decoded instruction. */
typedef struct {
    int op, arg, has_arg;
    int offset;                /* bytes */
    int starts_line;           /* 0 = none */
    int is_jump_target;
} Ins;

static const char *const make_function_flags[] = { "defaults", "kwdefaults", "annotations", "closure" };
static const char *const fvc_names[] = { "", "str", "repr", "ascii" };

/* Decode co into an array (EXTENDED_ARG prefixes kept as their own rows,
 * the following instruction gets the full argument, like CPython). */
static Ins *decode(TnCode *co, int *n_out)
{
    int n = co->co_ncode;
    Ins *ins = tn_mem_calloc((size_t)(n ? n : 1), sizeof *ins);
    if (!ins)
        return NULL;
    unsigned ext = 0;
    int prevline = -1;
    for (int i = 0; i < n; i++) {
        int op = co->co_code[i] & 0xff;
        unsigned arg = (co->co_code[i] >> 8) | ext;
        ext = op == TN_EXTENDED_ARG ? arg << 8 : 0;
        ins[i].op = op;
        ins[i].arg = (int)arg;
        ins[i].has_arg = op < TN_NUM_OPCODES && tn_opcode_argkind[op] != TN_ARG_NONE;
        ins[i].offset = 2 * i;
        int line = co->co_lines[i];
        if (line > 0 && line != prevline) {
            ins[i].starts_line = line;
            prevline = line;
        }
    }
    for (int i = 0; i < n; i++)
        if (ins[i].op < TN_NUM_OPCODES && tn_opcode_argkind[ins[i].op] == TN_ARG_JUMP &&
            ins[i].arg < n)
            ins[ins[i].arg].is_jump_target = 1;
    *n_out = n;
    return ins;
}

static TnObject *local_name(TnCode *co, int arg, int kind)
{
    if (kind == TN_ARG_LOCAL)
        return arg < TN_TUPLE_SIZE(co->co_varnames) ? TN_TUPLE_GET(co->co_varnames, arg) : NULL;
    if (arg < TN_TUPLE_SIZE(co->co_cellvars))
        return TN_TUPLE_GET(co->co_cellvars, arg);
    arg -= (int)TN_TUPLE_SIZE(co->co_cellvars);
    return arg < TN_TUPLE_SIZE(co->co_freevars) ? TN_TUPLE_GET(co->co_freevars, arg) : NULL;
}

/* argval (new ref) and argrepr (new str) of one instruction. */
static int arg_info(TnCode *co, Ins *in, TnObject **argval, TnObject **argrepr)
{
    int kind = in->op < TN_NUM_OPCODES ? tn_opcode_argkind[in->op] : TN_ARG_INT;
    TnObject *v = NULL, *r = NULL;
    switch (kind) {
    case TN_ARG_NONE:
        v = tn_newref(tn_None);
        r = tn_str_from_cstr("");
        break;
    case TN_ARG_CONST:
        if (in->arg < TN_TUPLE_SIZE(co->co_consts)) {
            v = tn_newref(TN_TUPLE_GET(co->co_consts, in->arg));
            r = tn_object_repr(v);
        }
        break;
    case TN_ARG_NAME:
        if (in->arg < TN_TUPLE_SIZE(co->co_names)) {
            v = tn_newref(TN_TUPLE_GET(co->co_names, in->arg));
            r = tn_newref(v);
        }
        break;
    case TN_ARG_LOCAL: case TN_ARG_FREE: {
        TnObject *name = local_name(co, in->arg, kind);
        if (name) {
            v = tn_newref(name);
            r = tn_newref(name);
        }
        break;
    }
    case TN_ARG_JUMP:
        v = tn_int_from_i64(2 * (int64_t)in->arg);
        r = tn_str_from_format("to %d", 2 * in->arg);
        break;
    case TN_ARG_CMP:
        if (in->arg < 6) {
            v = tn_str_from_cstr(tn_cmp_symbols[in->arg]);
            r = tn_newref(v);
        }
        break;
    case TN_ARG_BINOP:
        v = tn_int_from_i64(in->arg);
        r = tn_str_from_cstr(in->arg < 26 ? tn_binop_symbols[in->arg] : "");
        break;
    default:
        v = tn_int_from_i64(in->arg);
        if (in->op == TN_MAKE_FUNCTION) {
            char buf[64] = "";
            for (int i = 0; i < 4; i++)
                if (in->arg & (1 << i)) {
                    if (buf[0])
                        strcat(buf, ", ");
                    strcat(buf, make_function_flags[i]);
                }
            r = tn_str_from_cstr(buf);
        } else if (in->op == TN_FORMAT_VALUE) {
            char buf[64];
            snprintf(buf, sizeof buf, "%s%s%s", fvc_names[in->arg & 3],
                     (in->arg & 4) && (in->arg & 3) ? ", " : "", (in->arg & 4) ? "with format" : "");
            r = tn_str_from_cstr(buf);
        } else {
            r = tn_str_from_cstr("");
        }
        break;
    }
    if (!v || !r) {
        /* An out-of-range argument: show the raw number, never crash. */
        TN_XDECREF(v);
        TN_XDECREF(r);
        if (tn_err_occurred())
            return -1;
        v = tn_int_from_i64(in->arg);
        r = tn_str_from_cstr("");
        if (!v || !r)
            return -1;
    }
    *argval = v;
    *argrepr = r;
    return 0;
}

static int sb_pad(TnStrBuilder *sb, int n)
{
    for (int i = 0; i < n; i++)
        if (tn_sb_append(sb, " ", 1) < 0)
            return -1;
    return 0;
}

static int sb_printf(TnStrBuilder *sb, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return tn_sb_append(sb, buf, n < (int)sizeof buf ? n : (int)sizeof buf - 1);
}

static int disassemble(TnStrBuilder *sb, TnCode *co)
{
    int n, maxline = 0, rc = -1;
    Ins *ins = decode(co, &n);
    if (!ins)
        return -1;
    for (int i = 0; i < n; i++)
        if (co->co_lines[i] > maxline)
            maxline = co->co_lines[i];
    int lineno_width = maxline >= 1000 ? snprintf(NULL, 0, "%d", maxline) : 3;
    int show_lineno = maxline > 0;
    int maxoffset = 2 * n - 2;
    int offset_width = maxoffset >= 10000 ? snprintf(NULL, 0, "%d", maxoffset) : 4;
    for (int i = 0; i < n; i++) {
        Ins *in = &ins[i];
        TnStrBuilder line;
        tn_sb_init(&line);
        if (show_lineno && in->starts_line && in->offset > 0 && tn_sb_append(sb, "\n", 1) < 0)
            goto error;
        if (show_lineno) {
            if (in->starts_line)
                sb_printf(&line, "%*d", lineno_width, in->starts_line);
            else
                sb_pad(&line, lineno_width);
            tn_sb_append(&line, " ", 1);
        }
        tn_sb_append_cstr(&line, "   ");
        tn_sb_append_cstr(&line, in->is_jump_target ? " >>" : "   ");
        sb_printf(&line, " %*d ", offset_width, in->offset);
        const char *name = in->op < TN_NUM_OPCODES ? tn_opcode_names[in->op] : "<unknown>";
        sb_printf(&line, "%-*s", OPNAME_WIDTH, name);
        if (in->has_arg) {
            TnObject *argval, *argrepr;
            if (arg_info(co, in, &argval, &argrepr) < 0) {
                tn_sb_discard(&line);
                goto error;
            }
            sb_printf(&line, " %*d", OPARG_WIDTH, in->arg);
            if (TN_STR_SIZE(argrepr)) {
                tn_sb_append_cstr(&line, " (");
                tn_sb_append_str(&line, argrepr);
                tn_sb_append_cstr(&line, ")");
            }
            TN_DECREF(argval);
            TN_DECREF(argrepr);
        }
        /* rstrip, as CPython does */
        while (line.len > 0 && line.buf[line.len - 1] == ' ')
            line.len--;
        if (tn_sb_append(sb, line.buf ? line.buf : "", line.len) < 0 || tn_sb_append(sb, "\n", 1) < 0) {
            tn_sb_discard(&line);
            goto error;
        }
        tn_sb_discard(&line);
    }
    rc = 0;
error:
    tn_mem_free(ins);
    return rc;
}

static int disassemble_recursive(TnStrBuilder *sb, TnCode *co, int depth)
{
    if (disassemble(sb, co) < 0)
        return -1;
    if (depth == 0)
        return 0;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(co->co_consts); i++) {
        TnObject *x = TN_TUPLE_GET(co->co_consts, i);
        if (!tn_code_check(x))
            continue;
        TnObject *r = tn_object_repr(x);
        if (!r)
            return -1;
        tn_sb_append_cstr(sb, "\nDisassembly of ");
        tn_sb_append_str(sb, r);
        tn_sb_append_cstr(sb, ":\n");
        TN_DECREF(r);
        if (disassemble_recursive(sb, (TnCode *)x, depth < 0 ? -1 : depth - 1) < 0)
            return -1;
    }
    return 0;
}

int tn_dis_fprint(TnObject *code, FILE *f)
{
    TnStrBuilder sb;
    tn_sb_init(&sb);
    if (disassemble_recursive(&sb, (TnCode *)code, -1) < 0) {
        tn_sb_discard(&sb);
        return -1;
    }
    if (sb.buf)
        fwrite(sb.buf, 1, (size_t)sb.len, f);
    tn_sb_discard(&sb);
    return 0;
}

/* ---- Python-level API ---------------------------------------------------- */

/* The code object behind x (function, method, generator, code), new ref;
 * 0 = none (no error). */
static int get_code(TnObject *x, TnObject **out)
{
    TnObject *v = NULL;
    *out = NULL;
    if (tn_code_check(x)) {
        *out = tn_newref(x);
        return 1;
    }
    x = tn_newref(x);
    static const char *const chain[] = { "__func__", "__code__", "gi_code" };
    for (int i = 0; i < 3; i++) {
        int r = tn_object_lookup_attr(x, tn_str_intern_cstr(chain[i]), &v);
        if (r < 0) {
            TN_DECREF(x);
            return -1;
        }
        if (r > 0) {
            TN_DECREF(x);
            x = v;
        }
        if (tn_code_check(x)) {
            *out = x;
            return 1;
        }
    }
    TN_DECREF(x);
    return 0;
}

static TnObject *compile_str(TnObject *src)
{
    const char *s = tn_str_as_cstr(src);
    size_t n = (size_t)TN_STR_SIZE(src);
    TnObject *co = tn_compile(s, n, "<dis>", TN_COMPILE_EVAL);
    if (co)
        return co;
    if (!tn_err_matches(&tn_exc_SyntaxError))
        return NULL;
    tn_err_clear();
    return tn_compile(s, n, "<dis>", TN_COMPILE_EXEC);
}

static int dis_any(TnStrBuilder *sb, TnObject *x, int depth);

static int dis_namespace(TnStrBuilder *sb, TnObject *dict, int depth)
{
    TnObject *items = tn_dict_items_list(dict);
    if (!items)
        return -1;
    if (tn_list_sort(items, NULL, 0) < 0) {
        TN_DECREF(items);
        return -1;
    }
    int rc = 0;
    for (tn_ssize_t i = 0; i < TN_LIST_SIZE(items) && rc == 0; i++) {
        TnObject *pair = TN_LIST_ITEMS(items)[i];
        TnObject *name = TN_TUPLE_GET(pair, 0), *val = TN_TUPLE_GET(pair, 1), *co = NULL;
        int r = get_code(val, &co);
        if (r < 0) {
            rc = -1;
            break;
        }
        int is_class = tn_type_check(val);
        if (!r && !is_class)
            continue;
        tn_sb_append_cstr(sb, "Disassembly of ");
        tn_sb_append_str(sb, name);
        tn_sb_append_cstr(sb, ":\n");
        rc = co ? disassemble_recursive(sb, (TnCode *)co, depth) : dis_any(sb, val, depth);
        TN_XDECREF(co);
        tn_sb_append_cstr(sb, "\n");
    }
    TN_DECREF(items);
    return rc;
}

static int dis_any(TnStrBuilder *sb, TnObject *x, int depth)
{
    TnObject *co;
    int r = get_code(x, &co);
    if (r < 0)
        return -1;
    if (r > 0) {
        r = disassemble_recursive(sb, (TnCode *)co, depth);
        TN_DECREF(co);
        return r;
    }
    if (tn_str_check(x)) {
        co = compile_str(x);
        if (!co)
            return -1;
        r = disassemble_recursive(sb, (TnCode *)co, depth);
        TN_DECREF(co);
        return r;
    }
    TnObject *d;
    r = tn_object_lookup_attr(x, TN_ID(__dict__), &d);
    if (r < 0)
        return -1;
    if (r > 0) {
        TnObject *dict = d;
        if (!tn_dict_check(d)) {
            /* a class's mappingproxy: copy it into a dict */
            dict = tn_dict_new();
            if (!dict || tn_dict_update(dict, d) < 0) {
                TN_XDECREF(dict);
                TN_DECREF(d);
                return -1;
            }
            TN_DECREF(d);
        }
        r = dis_namespace(sb, dict, depth);
        TN_DECREF(dict);
        return r;
    }
    tn_err_format(&tn_exc_TypeError, "don't know how to disassemble %s objects",
                  TN_TYPE(x)->tp_name);
    return -1;
}

static TnObject *write_out(TnStrBuilder *sb, TnObject *file)
{
    TnObject *text = tn_sb_finish(sb);
    if (!text)
        return NULL;
    TnObject *f = file && file != tn_None ? tn_newref(file)
                : tn_object_getattr(tn_runtime.sys, TN_ID(stdout));
    if (!f) {
        TN_DECREF(text);
        return NULL;
    }
    TnObject *r = tn_call_method(f, TN_ID(write), &text, 1);
    TN_DECREF(f);
    TN_DECREF(text);
    if (!r)
        return NULL;
    TN_DECREF(r);
    TN_RETURN_NONE;
}

static int parse_depth(TnObject *d)
{
    if (!d || d == tn_None)
        return -1;
    int64_t v = tn_int_as_i64(d);
    if (v == -1 && tn_err_occurred())
        return -2;
    return v < 0 ? 0 : (int)v;
}

static TnObject *dis_dis(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "x", "file", "depth", NULL };
    TnObject *vals[3] = { NULL, NULL, NULL };
    if (tn_parse_args("dis", args, nargs, kwnames, kwlist, 1, 0, vals) < 0)
        return NULL;
    if (!vals[0] || vals[0] == tn_None)
        return tn_err_format(&tn_exc_RuntimeError, "no last traceback to disassemble");
    int depth = parse_depth(vals[2]);
    if (depth == -2)
        return NULL;
    TnStrBuilder sb;
    tn_sb_init(&sb);
    if (dis_any(&sb, vals[0], depth) < 0) {
        tn_sb_discard(&sb);
        return NULL;
    }
    return write_out(&sb, vals[1]);
}

static TnObject *dis_disassemble(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "co", "lasti", "file", NULL };
    TnObject *vals[3] = { NULL, NULL, NULL };
    if (tn_parse_args("disassemble", args, nargs, kwnames, kwlist, 2, 1, vals) < 0)
        return NULL;
    TnObject *co;
    int r = get_code(vals[0], &co);
    if (r <= 0)
        return r < 0 ? NULL : tn_err_format(&tn_exc_TypeError, "don't know how to disassemble %s objects",
                                           TN_TYPE(vals[0])->tp_name);
    TnStrBuilder sb;
    tn_sb_init(&sb);
    r = disassemble(&sb, (TnCode *)co);
    TN_DECREF(co);
    if (r < 0) {
        tn_sb_discard(&sb);
        return NULL;
    }
    return write_out(&sb, vals[2]);
}

/* ---- Instruction: a read-only record, like CPython's named tuple ---------- */

typedef struct {
    TnObject ob;
    TnObject *opname, *opcode, *arg, *argval, *argrepr, *offset, *starts_line, *is_jump_target;
} TnInstruction;

static void instruction_dealloc(TnObject *o)
{
    TnInstruction *in = (TnInstruction *)o;
    TN_XDECREF(in->opname); TN_XDECREF(in->opcode); TN_XDECREF(in->arg);
    TN_XDECREF(in->argval); TN_XDECREF(in->argrepr); TN_XDECREF(in->offset);
    TN_XDECREF(in->starts_line); TN_XDECREF(in->is_jump_target);
    tn_object_free(o);
}

static TnObject *instruction_repr(TnObject *o)
{
    TnInstruction *in = (TnInstruction *)o;
    return tn_str_from_format("Instruction(opname=%R, opcode=%R, arg=%R, argval=%R, argrepr=%R, "
                              "offset=%R, starts_line=%R, is_jump_target=%R)",
                              in->opname, in->opcode, in->arg, in->argval, in->argrepr,
                              in->offset, in->starts_line, in->is_jump_target);
}

static const TnMemberDef instruction_members[] = {
    { "opname", TN_MEMBER_OBJECT, offsetof(TnInstruction, opname), 1, "human readable name for operation" },
    { "opcode", TN_MEMBER_OBJECT, offsetof(TnInstruction, opcode), 1, "numeric code for operation" },
    { "arg", TN_MEMBER_OBJECT, offsetof(TnInstruction, arg), 1, "numeric argument to operation (if any), otherwise None" },
    { "argval", TN_MEMBER_OBJECT, offsetof(TnInstruction, argval), 1, "resolved arg value (if known), otherwise same as arg" },
    { "argrepr", TN_MEMBER_OBJECT, offsetof(TnInstruction, argrepr), 1, "human readable description of operation argument" },
    { "offset", TN_MEMBER_OBJECT, offsetof(TnInstruction, offset), 1, "start index of operation within bytecode sequence" },
    { "starts_line", TN_MEMBER_OBJECT, offsetof(TnInstruction, starts_line), 1, "line started by this opcode (if any), otherwise None" },
    { "is_jump_target", TN_MEMBER_OBJECT, offsetof(TnInstruction, is_jump_target), 1, "True if other code jumps to here, otherwise False" },
    { NULL, 0, 0, 0, NULL }
};

static TnType tn_instruction_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "dis.Instruction",
    .tp_basicsize = sizeof(TnInstruction),
    .tp_dealloc = instruction_dealloc,
    .tp_repr = instruction_repr,
    .tp_members = instruction_members,
    .tp_doc = "Details for a bytecode operation",
};

static TnObject *make_instruction(TnCode *co, Ins *in)
{
    TnInstruction *r = (TnInstruction *)tn_object_alloc(&tn_instruction_type, sizeof(TnInstruction));
    if (!r)
        return NULL;
    if (in->has_arg) {
        if (arg_info(co, in, &r->argval, &r->argrepr) < 0) {
            TN_DECREF(r);
            return NULL;
        }
    } else {
        r->argval = tn_newref(tn_None);
        r->argrepr = tn_str_from_cstr("");
    }
    r->opname = tn_str_from_cstr(in->op < TN_NUM_OPCODES ? tn_opcode_names[in->op] : "<unknown>");
    r->opcode = tn_int_from_i64(in->op);
    r->arg = in->has_arg ? tn_int_from_i64(in->arg) : tn_newref(tn_None);
    r->offset = tn_int_from_i64(in->offset);
    r->starts_line = in->starts_line ? tn_int_from_i64(in->starts_line) : tn_newref(tn_None);
    r->is_jump_target = tn_bool_from(in->is_jump_target);
    if (!r->argrepr || !r->opname || !r->opcode || !r->arg || !r->offset || !r->starts_line) {
        TN_DECREF(r);
        return NULL;
    }
    return (TnObject *)r;
}

static TnObject *dis_get_instructions(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "x", "first_line", NULL };
    TnObject *vals[2] = { NULL, NULL };
    if (tn_parse_args("get_instructions", args, nargs, kwnames, kwlist, 1, 1, vals) < 0)
        return NULL;
    TnObject *co = NULL;
    int r = get_code(vals[0], &co);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if (!tn_str_check(vals[0]))
            return tn_err_format(&tn_exc_TypeError, "don't know how to disassemble %s objects",
                                 TN_TYPE(vals[0])->tp_name);
        co = compile_str(vals[0]);
        if (!co)
            return NULL;
    }
    TnObject *list = NULL, *result = NULL;
    int n;
    Ins *ins = decode((TnCode *)co, &n);
    list = tn_list_new(0);
    if (!ins || !list)
        goto done;
    for (int i = 0; i < n; i++) {
        TnObject *obj = make_instruction((TnCode *)co, &ins[i]);
        if (!obj)
            goto done;
        int err = tn_list_append(list, obj);
        TN_DECREF(obj);
        if (err < 0)
            goto done;
    }
    result = tn_object_iter(list);
done:
    tn_mem_free(ins);
    TN_XDECREF(list);
    TN_DECREF(co);
    return result;
}

/* ---- code_info / show_code ------------------------------------------------- */

static const char *const flag_names[] = {
    "OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED", "GENERATOR",
    "NOFREE", "COROUTINE", "ITERABLE_COROUTINE", "ASYNC_GENERATOR"
};

static int info_names(TnStrBuilder *sb, const char *title, TnObject *tuple, int use_repr)
{
    if (TN_TUPLE_SIZE(tuple) == 0)
        return 0;
    sb_printf(sb, "\n%s:", title);
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(tuple); i++) {
        TnObject *v = TN_TUPLE_GET(tuple, i);
        TnObject *r = use_repr ? tn_object_repr(v) : tn_object_str(v);
        if (!r)
            return -1;
        sb_printf(sb, "\n%4d: ", (int)i);
        tn_sb_append_str(sb, r);
        TN_DECREF(r);
    }
    return 0;
}

/* CPython's dis._format_code_info. */
static TnObject *format_code_info(TnCode *co)
{
    TnStrBuilder sb;
    tn_sb_init(&sb);
    tn_sb_append_cstr(&sb, "Name:              ");
    tn_sb_append_str(&sb, co->co_name);
    tn_sb_append_cstr(&sb, "\nFilename:          ");
    tn_sb_append_str(&sb, co->co_filename);
    sb_printf(&sb, "\nArgument count:    %d", co->co_argcount);
    sb_printf(&sb, "\nPositional-only arguments: %d", co->co_posonlyargcount);
    sb_printf(&sb, "\nKw-only arguments: %d", co->co_kwonlyargcount);
    sb_printf(&sb, "\nNumber of locals:  %d", co->co_nlocals);
    sb_printf(&sb, "\nStack size:        %d", co->co_stacksize);
    tn_sb_append_cstr(&sb, "\nFlags:             ");
    unsigned flags = (unsigned)co->co_flags;
    int first = 1;
    for (int i = 0; i < 32 && flags; i++) {
        unsigned flag = 1u << i;
        if (!(flags & flag))
            continue;
        if (!first)
            tn_sb_append_cstr(&sb, ", ");
        first = 0;
        if (i < 10)
            tn_sb_append_cstr(&sb, flag_names[i]);
        else
            sb_printf(&sb, "0x%x", flag);
        flags ^= flag;
    }
    if (first)
        tn_sb_append_cstr(&sb, "0x0");
    if (info_names(&sb, "Constants", co->co_consts, 1) < 0 ||
        info_names(&sb, "Names", co->co_names, 0) < 0 ||
        info_names(&sb, "Variable names", co->co_varnames, 0) < 0 ||
        info_names(&sb, "Free variables", co->co_freevars, 0) < 0 ||
        info_names(&sb, "Cell variables", co->co_cellvars, 0) < 0) {
        tn_sb_discard(&sb);
        return NULL;
    }
    return tn_sb_finish(&sb);
}

static TnObject *code_of_any(TnObject *x)
{
    TnObject *co;
    int r = get_code(x, &co);
    if (r < 0)
        return NULL;
    if (r > 0)
        return co;
    if (tn_str_check(x))
        return compile_str(x);
    return tn_err_format(&tn_exc_TypeError, "don't know how to disassemble %s objects",
                         TN_TYPE(x)->tp_name);
}

static TnObject *dis_code_info(TnObject *self, TnObject *x)
{
    TnObject *co = code_of_any(x);
    if (!co)
        return NULL;
    TnObject *r = format_code_info((TnCode *)co);
    TN_DECREF(co);
    return r;
}

static TnObject *dis_show_code(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "co", "file", NULL };
    TnObject *vals[2] = { NULL, NULL };
    if (tn_parse_args("show_code", args, nargs, kwnames, kwlist, 1, 1, vals) < 0)
        return NULL;
    TnObject *co = code_of_any(vals[0]);
    if (!co)
        return NULL;
    TnObject *text = format_code_info((TnCode *)co);
    TN_DECREF(co);
    if (!text)
        return NULL;
    TnStrBuilder sb;
    tn_sb_init(&sb);
    tn_sb_append_str(&sb, text);
    tn_sb_append_cstr(&sb, "\n");
    TN_DECREF(text);
    return write_out(&sb, vals[1]);
}

static const TnMethodDef dis_functions[] = {
    { "dis", (void *)dis_dis, TN_METH_FASTKW, "Disassemble classes, methods, functions, code or source." },
    { "disassemble", (void *)dis_disassemble, TN_METH_FASTKW, "Disassemble one code object." },
    { "get_instructions", (void *)dis_get_instructions, TN_METH_FASTKW,
      "Iterator of Instruction objects for x." },
    { "code_info", (void *)dis_code_info, TN_METH_O, "Formatted details of a code object." },
    { "show_code", (void *)dis_show_code, TN_METH_FASTKW, "Print details of a code object." },
    { NULL, NULL, 0, NULL }
};

static int add_list(TnObject *m, const char *name, int kind1, int kind2)
{
    TnObject *l = tn_list_new(0);
    if (!l)
        return -1;
    for (int op = 0; op < TN_NUM_OPCODES; op++) {
        int k = tn_opcode_argkind[op];
        if (k != kind1 && k != kind2)
            continue;
        TnObject *v = tn_int_from_i64(op);
        if (!v || tn_list_append(l, v) < 0) {
            TN_XDECREF(v);
            TN_DECREF(l);
            return -1;
        }
        TN_DECREF(v);
    }
    int r = tn_module_add_object(m, name, l);
    TN_DECREF(l);
    return r;
}

TnObject *tn_module_init_dis(void)
{
    TnObject *m = tn_module_new("dis");
    TnObject *opname = NULL, *opmap = NULL, *cls = NULL;
    if (!m || tn_module_add_functions(m, dis_functions) < 0)
        goto error;
    opname = tn_list_new(0);
    opmap = tn_dict_new();
    if (!opname || !opmap)
        goto error;
    for (int op = 0; op < 256; op++) {
        TnObject *s = op < TN_NUM_OPCODES ? tn_str_from_cstr(tn_opcode_names[op])
                                          : tn_str_from_format("<%d>", op);
        if (!s || tn_list_append(opname, s) < 0) {
            TN_XDECREF(s);
            goto error;
        }
        if (op < TN_NUM_OPCODES) {
            TnObject *v = tn_int_from_i64(op);
            int r = v ? tn_dict_setitem(opmap, s, v) : -1;
            TN_XDECREF(v);
            if (r < 0) {
                TN_DECREF(s);
                goto error;
            }
        }
        TN_DECREF(s);
    }
    if (tn_type_ready(&tn_instruction_type) < 0)
        goto error;
    cls = tn_newref((TnObject *)&tn_instruction_type);
    if (
        tn_module_add_object(m, "opname", opname) < 0 ||
        tn_module_add_object(m, "opmap", opmap) < 0 ||
        tn_module_add_object(m, "Instruction", cls) < 0 ||
        tn_module_add_int(m, "EXTENDED_ARG", TN_EXTENDED_ARG) < 0 ||
        tn_module_add_int(m, "HAVE_ARGUMENT", 0) < 0 ||
        add_list(m, "hasconst", TN_ARG_CONST, -1) < 0 ||
        add_list(m, "hasname", TN_ARG_NAME, -1) < 0 ||
        add_list(m, "hasjabs", TN_ARG_JUMP, -1) < 0 ||
        add_list(m, "haslocal", TN_ARG_LOCAL, -1) < 0 ||
        add_list(m, "hasfree", TN_ARG_FREE, -1) < 0 ||
        add_list(m, "hascompare", TN_ARG_CMP, -1) < 0)
        goto error;
    TN_DECREF(opname);
    TN_DECREF(opmap);
    TN_DECREF(cls);
    return m;
error:
    TN_XDECREF(opname);
    TN_XDECREF(opmap);
    TN_XDECREF(cls);
    TN_XDECREF(m);
    return NULL;
}
