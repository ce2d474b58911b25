class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, cls):
        return f"<{self.name}>"
class Model:
    first = Field()
    second = Field()
    other = 5
print(Model.first, Model().second)
class Sub(Model):
    third = Field()
print(Sub.third, Sub.first)
