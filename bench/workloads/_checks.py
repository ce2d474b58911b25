"""Checks shared by the workloads (not a workload itself: the name starts with "_")."""


def same_result(results):
    # Every thread ran the same deterministic function on the same n, so any
    # disagreement means the interpreter computed something wrong under threads.
    first = results[0]
    for i, r in enumerate(results):
        if r != first:
            return "thread %d returned %r, thread 0 returned %r" % (i, r, first)
    return None
