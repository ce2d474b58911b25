def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return "div by zero"
print(safe_div(1, 2), safe_div(1, 0))
try:
    int("x")
except (TypeError, ValueError) as e:
    print("caught", type(e).__name__)
try:
    [][0]
except KeyError:
    print("wrong")
except IndexError as e:
    print("IndexError", e)
try:
    {}["k"]
except LookupError as e:
    print("LookupError base caught", type(e).__name__, repr(e))
try:
    undefined_name_here
except NameError as e:
    print("NameError", e)
try:
    raise ValueError
except ValueError as e:
    print("class raised", repr(e), e.args)
