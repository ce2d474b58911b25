print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Bob", age=5))
print("{0[0]} {0[1]} {1[key]}".format(["x", "y"], {"key": "val"}))
class P:
    x = 3
    y = 4
print("{p.x},{p.y}".format(p=P()))
print("{:>6}|{:<6}|{:^6}|{:06.2f}".format("r", "l", "c", 3.14159))
print("{0:x} {0:o} {0:b} {0:#X}".format(254))
print("{!r} {!s}".format("s", "s"), "{{}} {}".format("braces"))
print("{:,}".format(10 ** 9), "{:.3e}".format(123456.0))
print("{:{w}.{p}f}".format(2.71828, w=10, p=2))
args = ["a", "b"]
kw = {"z": "Z"}
print("{}{}{z}".format(*args, **kw))
print(format(42), format(42, "5d"), format("s", ">3"), format(3.0))
