/* Tables derived from the one opcode list in opcodes.h. */
#include "tandem/opcodes.h"

const char *const tn_opcode_names[TN_NUM_OPCODES] = {
#define TN_OP_NAME(name, kind, eff, jeff) #name,
    TN_OPCODES(TN_OP_NAME)
#undef TN_OP_NAME
};

const unsigned char tn_opcode_argkind[TN_NUM_OPCODES] = {
#define TN_OP_KIND(name, kind, eff, jeff) kind,
    TN_OPCODES(TN_OP_KIND)
#undef TN_OP_KIND
};

int tn_opcode_stack_effect(int op, int oparg, int jump)
{
    switch (op) {
#define TN_OP_EFFECT(name, kind, eff, jeff) \
    case TN_##name: return jump ? (jeff) : (eff);
    TN_OPCODES(TN_OP_EFFECT)
#undef TN_OP_EFFECT
    }
    return 0;
}

const char *const tn_binop_symbols[26] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

const char *const tn_cmp_symbols[6] = { "<", "<=", "==", "!=", ">", ">=" };
