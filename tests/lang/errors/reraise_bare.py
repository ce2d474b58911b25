try:
    {}["k"]
except KeyError:
    print("logging then re-raising")
    raise
