import string
for n in ['ascii_letters','ascii_lowercase','ascii_uppercase','digits','hexdigits','octdigits','punctuation','printable','whitespace']:
    print(n, repr(getattr(string, n)))
print(string.capwords("hello   world  foo"), string.capwords("a-b-c", "-"), string.capwords(" x y "))
from string import Template
t = Template("$who likes ${what}; $$5 $x")
print(t.substitute(who="tim", what="kung pao", x=1))
print(t.safe_substitute(who="tim"))
print(t.get_identifiers(), t.is_valid())
try: Template("bad $ here").substitute()
except ValueError as e: print(e)
try: Template("$a").substitute({})
except KeyError as e: print(repr(e))
print(Template("$a ${b").safe_substitute(a=1))
print(Template("line\n  $ x").is_valid())
try: Template("line\n  $ x").substitute()
except ValueError as e: print(e)
class P(Template): delimiter = '%'
print(P("%a %% %{b}").substitute(a=1, b=2))
f = string.Formatter()
print(f.format("{0} {x!r} {1:>5} {{}} {y[0]} {z.real}", 1, 2, x="s", y=[7], z=3))
print(f.format("{} {}", "a", "b"), f.format("{:{}}", 3, 4))
print(list(f.parse("a{0!r:>3}b{{")))
