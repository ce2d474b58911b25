"""Shared reads: every thread looks keys up in the same global dict."""
from _checks import same_result

DESCRIPTION = "one global dict read by every thread"
KIND = "shared"
BASE = 7900000

OPCODES = {name: i for i, name in enumerate(
    ["load", "store", "add", "sub", "mul", "jump", "call", "ret",
     "push", "pop", "dup", "swap", "cmp", "and", "or", "not"])}
PROGRAM = ("load", "push", "add", "store", "cmp", "jump", "call", "ret")


def run(n, state):
    total = 0
    for i in range(n):
        total += OPCODES[PROGRAM[i & 7]]
    return total


def check(results, n, threads, state):
    return same_result(results)
