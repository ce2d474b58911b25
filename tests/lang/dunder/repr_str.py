class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "only str"
b = Both()
print(b, str(b), repr(b), [b], (b,), {"k": b})
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print(OnlyStr(), f"{OnlyStr()}", "%s" % OnlyStr())
print(f"{b!r} {b!s}", "{0!r}".format(b))
