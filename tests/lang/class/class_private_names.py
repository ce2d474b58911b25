class Secret:
    def __init__(self):
        self.__hidden = 42
        self._protected = 1
    def reveal(self):
        return self.__hidden
    def __private_method(self):
        return "private"
    def call_private(self):
        return self.__private_method()
s = Secret()
print(s.reveal(), s._protected, s.call_private())
print(hasattr(s, "__hidden"), hasattr(s, "_Secret__hidden"), s._Secret__hidden)
print(sorted(vars(s)))
class Sub(Secret):
    def __init__(self):
        super().__init__()
        self.__hidden = "sub"
print(sorted(vars(Sub())))
