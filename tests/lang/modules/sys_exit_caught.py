import sys
for arg in [None, 0, 3, "message"]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
try:
    raise SystemExit(7)
except SystemExit as e:
    print(e.code)
try:
    sys.exit(2)
except Exception:
    print("not reached: SystemExit is not an Exception")
except BaseException as e:
    print("caught as BaseException", type(e).__name__)
print("finished normally")
