class BankAccount:
    interest = 0.05
    accounts = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        BankAccount.accounts += 1
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        return self.balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        return self.balance
    def __repr__(self):
        return f"BankAccount({self.owner!r}, {self.balance})"
a = BankAccount("ann", 100)
b = BankAccount("bob")
print(a.deposit(50), a.withdraw(30), b.deposit(10))
for action in [lambda: b.withdraw(100), lambda: a.deposit(-5)]:
    try:
        action()
    except ValueError as e:
        print("error:", e)
print([a, b], BankAccount.accounts)
