def classify(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "zero-div"
    except ArithmeticError:
        return "arith"
    except (KeyError, IndexError) as e:
        return "lookup:" + type(e).__name__
    except Exception as e:
        return "other:" + type(e).__name__
for exc in [ZeroDivisionError(), OverflowError(), KeyError(), IndexError(), ValueError(), RecursionError()]:
    print(classify(exc))
try:
    try:
        raise SystemExit(0)
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
