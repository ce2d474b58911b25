try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    set().add({})
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
print({1} | set([2]), {1}.union([2]))
print(sorted({(1, 2), (1, 2), (2, 1)}))
