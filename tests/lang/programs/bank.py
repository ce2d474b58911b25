# Bank accounts: properties, classmethods, staticmethods, __repr__/__eq__/__hash__, exceptions
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        self.account = account
        self.amount = amount
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")


class FrozenAccount(RuntimeError):
    pass


class Account:
    _next_id = 1
    interest_rate = 0.01
    registry = {}

    def __init__(self, owner, balance=0.0, *, currency="EUR"):
        self.owner = owner
        self._balance = float(balance)
        self.currency = currency
        self.frozen = False
        self.history = []
        self.id = Account._next_id
        Account._next_id += 1
        type(self).registry[self.id] = self

    @classmethod
    def from_string(cls, spec):
        owner, _, amount = spec.partition(":")
        return cls(owner.strip(), float(amount or 0))

    @staticmethod
    def fmt(amount):
        return f"{amount:,.2f}"

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance")
        self._balance = value

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"invalid amount: {amount!r}")
        self.balance += amount
        self.history.append(("dep", amount))
        return self

    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))
        return self

    def _check(self):
        if self.frozen:
            raise FrozenAccount(f"account {self.id} is frozen")

    def add_interest(self):
        self.balance = round(self.balance * (1 + self.interest_rate), 2)

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.balance:.2f})"

    def __str__(self):
        return f"#{self.id} {self.owner}: {self.fmt(self.balance)} {self.currency}"

    def __eq__(self, other):
        if not isinstance(other, Account):
            return NotImplemented
        return (self.owner, self.balance) == (other.owner, other.balance)

    def __hash__(self):
        return hash((self.owner, self.balance))

    def __lt__(self, other):
        return self.balance < other.balance


class Savings(Account):
    interest_rate = 0.035

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "wd"]) >= 2:
            raise FrozenAccount("too many withdrawals")
        return super().withdraw(amount)


def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print("transfer failed:", e)
        return False
    else:
        dst.deposit(amount)
        return True
    finally:
        print(f"  transfer {amount} {src.owner}->{dst.owner} attempted")


a = Account("alice", 100)
b = Savings("bob", 2500.5)
c = Account.from_string("carol: 1234567.891")
d = Savings.from_string("dave")
print(a, b, c, d, sep="\n")
print(repr(a), repr(b), type(d).__name__, d.interest_rate, Account.fmt(1e6))
print(transfer(a, b, 30), transfer(a, b, 500))
a.deposit(10).deposit(5.25).withdraw(1)
print(a.history, a.balance)
for amt in (-5, 0):
    try:
        a.deposit(amt)
    except ValueError as e:
        print("ValueError:", e)
try:
    a.balance = -1
except ValueError as e:
    print("setter:", e)
b.withdraw(1); b.withdraw(2)
try:
    b.withdraw(3)
except FrozenAccount as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
a.frozen = True
try:
    a.deposit(1)
except RuntimeError as e:
    print(e)
for acct in (a, b, c, d):
    acct.add_interest()
print(sorted(Account.registry.values()))
print(max(Account.registry.values()), min(Account.registry.values(), key=lambda x: x.owner))
x1, x2 = Account("eve", 5), Account("eve", 5.0)
print(x1 == x2, x1 != x2, x1 is x2, len({x1, x2}), x1 == 5, hash(x1) == hash(x2))
print(Account._next_id, sorted(Account.registry), Savings.registry is Account.registry)
print(hasattr(a, "balance"), getattr(a, "nope", "default"), vars(d)["owner"])
print(Account.balance.__doc__, type(Account.__dict__["fmt"]).__name__, type(Account.__dict__["from_string"]).__name__)
