# A range longer than any list: list(), unpacking and extend() raise
# OverflowError (from its length hint) instead of filling memory forever.
big = range(10**30)
for make in (lambda: list(big), lambda: [*big, 1], lambda: [].extend(big),
             lambda: list(iter(big)), lambda: tuple(big)):
    try:
        make()
    except OverflowError as e:
        print("OverflowError:", e)
print(len(range(10**30, 10**30 + 5)), list(range(10**30, 10**30 + 3)))
print(iter(big).__length_hint__() == 10**30)
