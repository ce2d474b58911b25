class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
    def __len__(self):
        print("len called")
        return 1
print(bool(Empty()), bool(Full()), len(Full()))
print(bool(Flag(False)))
if Flag(True):
    print("flag true")
print(not Empty(), Empty() or "fallback", Full() and "full")
try:
    class BadLen:
        def __len__(self):
            return -1
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
