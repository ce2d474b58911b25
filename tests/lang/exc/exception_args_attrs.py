try:
    {}["missing"]
except KeyError as e:
    print(e.args, e.args[0])
try:
    import nonexistent_module_for_test
except ImportError as e:
    print(type(e).__name__, e.name, e)
class E(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
e = E(404, "not found")
print(e.code, e.args, str(e))
try:
    raise StopIteration(7)
except StopIteration as s:
    print("StopIteration value", s.value, s.args)
try:
    raise SystemExit(3)
except SystemExit as s:
    print("SystemExit code", s.code)
