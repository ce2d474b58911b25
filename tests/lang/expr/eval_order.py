def p(x):
    print("p", x)
    return x
print(p(1) + p(2) * p(3))
print([p("a"), p("b")])
print({p("k1"): p("v1"), p("k2"): p("v2")})
def f(a, b, c):
    return a, b, c
print(f(p(1), c=p(3), b=p(2)))
x = p(10) if p(True) else p(20)
print(x)
print(p([1, 2, 3])[p(0)])
p(1) < p(2) < p(0) < p(5)
