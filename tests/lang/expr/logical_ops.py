print(True and False, True or False, not True, not 0)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default")
print("" or [] or 0, "a" and "b" and "c")
def t(name, val):
    print("called", name)
    return val
print(t("a", False) and t("b", True))
print(t("c", True) or t("d", True))
print(t("e", 0) or t("f", "") or t("g", "last"))
print(not (1 and 0), not not "x")
x = [] or {} or None
print(x)
