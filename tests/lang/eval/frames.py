# Frames and tracebacks as objects.
import sys

def who():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno

def caller():
    return who()
print(caller())

def local_view(a, b=2):
    c = a + b
    return sorted(sys._getframe().f_locals.items())
print(local_view(1))

def fails():
    x = 1
    return x / 0

try:
    fails()
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    last = e.__traceback__.tb_next.tb_frame
    print(last.f_locals, last.f_lineno)

print(sorted(k for k in locals() if not k.startswith("__"))[:3])
print(globals() is sys._getframe().f_globals)

def lv():
    q = 5
    return locals()
print(lv())
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
