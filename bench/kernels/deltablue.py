"""DeltaBlue: the incremental dataflow constraint solver of Freeman-Benson, Maloney
and Borning, exercised by its two classic tests: a long chain of equality
constraints and a projection through scale-and-offset constraints.

Usage: deltablue.py [ROUNDS]. One round runs both tests on 100 variables.
"""
import sys

DEFAULT_SIZE = 90
TEST_SIZE = 2
VARIABLES = 100

# Strengths, strongest first; a lower number wins.
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = range(7)

# Which way a two-variable constraint currently computes.
NONE, FORWARD, BACKWARD = 0, 1, 2


def stronger(a, b):
    return a < b


def weakest_of(a, b):
    return a if a > b else b


class SolverError(Exception):
    pass


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints.remove(c)
        if self.determined_by is c:
            self.determined_by = None


class Constraint:
    def __init__(self, strength, planner):
        self.strength = strength
        self.planner = planner

    def add(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def satisfy(self, mark):
        """Pick a method for this constraint and install it; return the constraint
        it overrode (which must now be re-satisfied), or None."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise SolverError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise SolverError("cycle encountered")
        out.mark = mark
        return overridden

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, v, strength, planner):
        Constraint.__init__(self, strength, planner)
        self.my_output = v
        self.satisfied = False
        self.add()

    def add_to_graph(self):
        self.my_output.add_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        out = self.my_output
        self.satisfied = out.mark != mark and stronger(self.strength, out.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.my_output

    def recalculate(self):
        out = self.my_output
        out.walk_strength = self.strength
        out.stay = not self.is_input()
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def remove_from_graph(self):
        self.my_output.remove_constraint(self)
        self.satisfied = False


class StayConstraint(UnaryConstraint):
    """Keeps a variable at its value unless something stronger changes it."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Marks a variable the user is about to change."""

    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, v1, v2, strength, planner):
        Constraint.__init__(self, strength, planner)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE
        self.add()

    def choose_method(self, mark):
        v1, v2 = self.v1, self.v2
        if v1.mark == mark:
            ok = v2.mark != mark and stronger(self.strength, v2.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif v2.mark == mark:
            ok = v1.mark != mark and stronger(self.strength, v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif stronger(v2.walk_strength, v1.walk_strength):
            # Write whichever variable is held more weakly.
            self.direction = BACKWARD if stronger(self.strength, v1.walk_strength) else NONE
        else:
            self.direction = FORWARD if stronger(self.strength, v2.walk_strength) else NONE

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def recalculate(self):
        src, out = self.input(), self.output()
        out.walk_strength = weakest_of(self.strength, src.walk_strength)
        out.stay = src.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        src = self.input()
        return src.mark == mark or src.stay or src.determined_by is None

    def remove_from_graph(self):
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """dest = src * scale + offset, in whichever direction is free."""

    def __init__(self, src, scale, offset, dest, strength, planner):
        self.scale = scale
        self.offset = offset
        BinaryConstraint.__init__(self, src, dest, strength, planner)

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self):
        src, out = self.input(), self.output()
        out.walk_strength = weakest_of(self.strength, src.walk_strength)
        out.stay = src.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0
        self.plans_made = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        # Re-add what the removal freed, strongest first.
        for strength in range(REQUIRED, WEAKEST):
            for u in unsatisfied:
                if u.strength == strength:
                    self.incremental_add(u)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = []
        todo = list(sources)
        while todo:
            c = todo.pop(0)
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.append(c)
                out.mark = mark
                self.add_constraints_consuming_to(out, todo)
        self.plans_made += 1
        return plan

    def extract_plan_from_constraints(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop(0)
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_constraints_consuming_to(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop(0)
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_constraints_consuming_to(self, v, todo):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                todo.append(c)


def execute(plan):
    for c in plan:
        c.execute()


def chain_test(n):
    """first = v1 = ... = last; editing first must drive last through the chain."""
    planner = Planner()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for a, b in zip(variables, variables[1:]):
        EqualityConstraint(a, b, REQUIRED, planner)
    first, last = variables[0], variables[-1]
    StayConstraint(last, STRONG_DEFAULT, planner)
    edit = EditConstraint(first, PREFERRED, planner)
    plan = planner.extract_plan_from_constraints([edit])
    for i in range(100):
        first.value = i
        execute(plan)
        if last.value != i:
            raise SolverError("chain test failed: last is %r, want %d" % (last.value, i))
    edit.destroy()
    return len(plan), planner.current_mark


def change(planner, v, value):
    edit = EditConstraint(v, PREFERRED, planner)
    plan = planner.extract_plan_from_constraints([edit])
    for _ in range(10):
        v.value = value
        execute(plan)
    edit.destroy()


def projection_test(n):
    """dst[i] = src[i] * scale + offset, solved forwards and backwards."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    dests = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        dests.append(dst)
        StayConstraint(src, NORMAL, planner)
        ScaleConstraint(src, scale, offset, dst, REQUIRED, planner)
    change(planner, src, 17)
    if dst.value != 1170:
        raise SolverError("projection 1 failed: %r" % dst.value)
    change(planner, dst, 1050)
    if src.value != 5:
        raise SolverError("projection 2 failed: %r" % src.value)
    change(planner, scale, 5)
    for i, d in enumerate(dests[:-1]):
        if d.value != i * 5 + 1000:
            raise SolverError("projection 3 failed at %d: %r" % (i, d.value))
    change(planner, offset, 2000)
    for i, d in enumerate(dests[:-1]):
        if d.value != i * 5 + 2000:
            raise SolverError("projection 4 failed at %d: %r" % (i, d.value))
    return sum(d.value for d in dests), planner.current_mark


def main(rounds):
    checksum = 0
    for r in range(rounds):
        plan_length, chain_marks = chain_test(VARIABLES)
        total, projection_marks = projection_test(VARIABLES)
        checksum = (checksum * 31 + plan_length + chain_marks + total + projection_marks + r) % 1000000007
    print("chain plan length %d, marks %d" % (plan_length, chain_marks))
    print("projection sum %d, marks %d" % (total, projection_marks))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
