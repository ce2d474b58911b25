class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(5)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reusable([1, 2, 3])
print(list(r), list(r), [x * 2 for x in r], sum(r))
it = iter(Countdown(3))
print(it.__class__.__name__, list(zip(it, "ab")))
