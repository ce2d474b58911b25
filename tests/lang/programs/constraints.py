# A deltablue-like one-way constraint solver: strengths, variables, class hierarchy, planning
class Strength:
    def __init__(self, value, name):
        self.value, self.name = value, name

    def stronger(self, other):
        return self.value < other.value

    def weaker(self, other):
        return self.value > other.value

    def __repr__(self):
        return self.name


REQUIRED = Strength(0, "required")
STRONG = Strength(1, "strong")
MEDIUM = Strength(2, "medium")
WEAK = Strength(3, "weak")


class Variable:
    def __init__(self, name, value=0):
        self.name, self.value = name, value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAK
        self.stay = True

    def __repr__(self):
        return f"{self.name}={self.value}"


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def add(self, planner):
        for v in self.variables():
            v.constraints.append(self)
        planner.constraints.append(self)

    def variables(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(v.name for v in self.variables())}; {self.strength})"


class UnaryConstraint(Constraint):
    def __init__(self, var, strength):
        super().__init__(strength)
        self.output = var

    def variables(self):
        return [self.output]

    def inputs(self):
        return []


class StayConstraint(UnaryConstraint):
    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    def __init__(self, var, strength, value):
        super().__init__(var, strength)
        self.value = value

    def execute(self):
        self.output.value = self.value


class BinaryConstraint(Constraint):
    def __init__(self, src, dst, strength):
        super().__init__(strength)
        self.src, self.output = src, dst

    def variables(self):
        return [self.src, self.output]

    def inputs(self):
        return [self.src]


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output.value = self.src.value


class ScaleConstraint(BinaryConstraint):
    def __init__(self, src, scale, offset, dst, strength):
        super().__init__(src, dst, strength)
        self.scale, self.offset = scale, offset

    def variables(self):
        return super().variables() + [self.scale, self.offset]

    def inputs(self):
        return [self.src, self.scale, self.offset]

    def execute(self):
        self.output.value = self.src.value * self.scale.value + self.offset.value


class Planner:
    def __init__(self):
        self.constraints = []

    def plan(self):
        # choose, for each output variable, its strongest constraint; order topologically
        best = {}
        for c in self.constraints:
            cur = best.get(id(c.output))
            if cur is None or c.strength.stronger(cur.strength):
                best[id(c.output)] = c
        chosen = list(best.values())
        producers = {id(c.output): c for c in chosen}
        order, state = [], {}

        def visit(c):
            s = state.get(id(c))
            if s == "done":
                return
            if s == "active":
                raise RuntimeError(f"cycle through {c!r}")
            state[id(c)] = "active"
            for v in c.inputs():
                if id(v) in producers and producers[id(v)] is not c:
                    visit(producers[id(v)])
            state[id(c)] = "done"
            order.append(c)

        for c in sorted(chosen, key=lambda c: (c.strength.value, c.output.name)):
            visit(c)
        return order

    def run(self):
        for c in self.plan():
            c.execute()


def chain_test(n):
    planner = Planner()
    vs = [Variable("v%d" % i) for i in range(n)]
    for a, b in zip(vs, vs[1:]):
        EqualityConstraint(a, b, REQUIRED).add(planner)
    StayConstraint(vs[-1], STRONG).add(planner)
    edit = EditConstraint(vs[0], MEDIUM, 0)
    edit.add(planner)
    ok = 0
    for val in range(0, 100, 7):
        edit.value = val
        planner.run()
        ok += vs[-1].value == val
    return ok, vs[-1]


def projection_test(n):
    planner = Planner()
    scale, offset = Variable("scale", 10), Variable("offset", 1000)
    dests = []
    for i in range(n):
        src, dst = Variable("src%d" % i, i), Variable("dst%d" % i)
        StayConstraint(src, WEAK).add(planner)
        ScaleConstraint(src, scale, offset, dst, REQUIRED).add(planner)
        dests.append(dst)
    planner.run()
    first = [d.value for d in dests[:4]]
    scale.value, offset.value = 5, 2000
    planner.run()
    return first, [d.value for d in dests[:4]], sum(d.value for d in dests)


print(chain_test(50))
print(projection_test(100))
p = Planner()
a, b = Variable("a", 1), Variable("b", 2)
EqualityConstraint(a, b, STRONG).add(p)
EqualityConstraint(b, a, STRONG).add(p)
print(p.constraints, [c.strength for c in a.constraints])
try:
    p.run()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    Constraint(WEAK).add(p)
except NotImplementedError:
    print("abstract constraint")
print(STRONG.stronger(WEAK), REQUIRED.weaker(MEDIUM), sorted([WEAK, REQUIRED, MEDIUM], key=lambda s: s.value))
