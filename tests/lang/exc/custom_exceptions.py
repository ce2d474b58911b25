class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what
class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value
    def __str__(self):
        return f"invalid {self.field}={self.value!r}"
for exc in [NotFound("user"), Invalid("age", -1), AppError("generic")]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.what, e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e)
print(repr(NotFound("x")), repr(AppError("y")), issubclass(NotFound, Exception))
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print(e)
