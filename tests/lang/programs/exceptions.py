# Exception hierarchies, chaining (__cause__/__context__), finally ordering, re-raise, context managers
class AppError(Exception):
    code = 1

    def __str__(self):
        base = super().__str__()
        return f"[{self.code}] {base}"


class ConfigError(AppError):
    code = 2


class MissingKey(ConfigError, KeyError):
    code = 3


log = []


class Resource:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow

    def __enter__(self):
        log.append("open " + self.name)
        return self

    def __exit__(self, et, ev, tb):
        log.append(f"close {self.name} {et.__name__ if et else None}")
        return self.swallow


def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise MissingKey(f"no {key!r}") from e


def parse(cfg, key):
    try:
        return int(load(cfg, key))
    except ValueError:
        raise ConfigError("bad int for " + key)


def run(cfg, key):
    try:
        with Resource("outer"):
            with Resource("inner", swallow=(key == "swallowed")):
                if key == "swallowed":
                    raise RuntimeError("eaten")
                v = parse(cfg, key)
                log.append(f"value {v}")
                return v
    except MissingKey as e:
        log.append(f"missing: {e} cause={e.__cause__!r} isKeyError={isinstance(e, KeyError)}")
    except ConfigError as e:
        log.append(f"config: {e} ctx={type(e.__context__).__name__} cause={e.__cause__}")
    except AppError:
        log.append("never")
    else:
        log.append("no exception, nothing returned")
    finally:
        log.append("finally " + key)
    return None


cfg = {"port": "8080", "host": "x"}
for key in ("port", "nope", "host", "swallowed"):
    print(key, "->", run(cfg, key))
print("\n".join(log))


def f_finally():
    try:
        return "try"
    finally:
        print("finally runs before return")


def f_override():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("loop finally", i)
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"


print(f_finally(), f_override())


def reraiser():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise
    except ArithmeticError as e:
        return type(e).__name__, e.args


print(reraiser())
try:
    try:
        {}["k"]
    except KeyError:
        [][1]
except IndexError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__)
try:
    raise ConfigError("a", "b")
except AppError as e:
    print(e, e.args, e.code, MissingKey.__mro__[1:4])
errs = []
for exc in (StopIteration(5), KeyError("k"), OSError(2, "No such file"), UnicodeError("u"), SystemExit(3)):
    try:
        raise exc
    except (LookupError, ArithmeticError) as e:
        errs.append(("lookup/arith", repr(e)))
    except ValueError as e:
        errs.append(("value", str(e)))
    except Exception as e:
        errs.append(("exception", type(e).__name__, e.args))
    except BaseException as e:
        errs.append(("base", repr(e), e.code))
print(*errs, sep="\n")
e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e), StopIteration(5).value, repr(KeyError()), str(KeyError("x")))
try:
    raise TypeError("outer") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
g = gen()
print(next(g))
g.close()
print(issubclass(MissingKey, LookupError), issubclass(bool, int), BaseException.__subclasses__ is not None)
raise MissingKey("fatal at top level")
