def parse_age(s):
    n = int(s)
    if n < 0:
        raise ValueError(f"age cannot be negative: {n}")
    return n
print(parse_age("30"))
print(parse_age("-4"))
