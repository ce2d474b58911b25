def compute():
    return 1 + not_defined_anywhere_zz
print("calling")
compute()
