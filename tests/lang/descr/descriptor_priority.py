class DataDesc:
    def __get__(self, obj, cls):
        return "from data descriptor"
    def __set__(self, obj, v):
        print("DataDesc.__set__", v)
class NonData:
    def __get__(self, obj, cls):
        return "from non-data descriptor"
class C:
    d = DataDesc()
    n = NonData()
c = C()
c.__dict__["d"] = "instance d"
c.__dict__["n"] = "instance n"
print(c.d)
print(c.n)
c.d = 5
print(C.d, C.n)
