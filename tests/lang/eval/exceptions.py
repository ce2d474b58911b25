# try/except/else/finally, chaining, re-raise, exc_info, control flow in finally.
import sys

def order():
    log = []
    try:
        log.append("try")
    except Exception:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order())

def nested():
    try:
        try:
            raise KeyError("k")
        except KeyError as e:
            raise ValueError("v")
    except ValueError as e:
        return repr(e), repr(e.__context__), e.__suppress_context__
print(nested())

def caused():
    try:
        raise ValueError("outer") from KeyError("inner")
    except ValueError as e:
        return repr(e.__cause__), e.__suppress_context__
print(caused())

def from_none():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("x") from None
    except ValueError as e:
        return e.__cause__, type(e.__context__).__name__, e.__suppress_context__
print(from_none())

def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())

def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(break_in_finally())

def continue_loop():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(continue_loop())

def exc_info_states():
    print(sys.exc_info()[0])
    try:
        raise TypeError("t")
    except TypeError:
        print(sys.exc_info()[0].__name__)
        try:
            raise KeyError(1)
        except KeyError:
            print(sys.exc_info()[0].__name__)
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0])
exc_info_states()

def reraise():
    try:
        try:
            raise IndexError("i")
        except IndexError:
            raise
    except IndexError as e:
        return "reraised " + str(e)
print(reraise())

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

for bad in (1, "s", None):
    try:
        raise bad
    except TypeError as e:
        print("TypeError:", e)

try:
    raise ValueError from 1
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        1 / 0
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)

class MyError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyError(7)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args)

try:
    raise KeyError
except KeyError as e:
    print(repr(e))

def tuple_match():
    for exc in (KeyError, IndexError, ZeroDivisionError):
        try:
            raise exc("z")
        except (KeyError, IndexError) as e:
            print("caught", type(e).__name__)
        except Exception as e:
            print("generic", type(e).__name__)
tuple_match()

def name_cleared():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        e
    except UnboundLocalError as u:
        print("UnboundLocalError:", u)
name_cleared()

def finally_exc_chain():
    try:
        try:
            raise KeyError("a")
        finally:
            raise ValueError("b")
    except ValueError as e:
        return repr(e.__context__)
print(finally_exc_chain())
