def get():
    pass
v = get()
print(v)
print(v[0])
