nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(list(map(abs, nums)))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(sorted(nums, key=abs), max(nums, key=abs), min(nums, key=lambda v: (v % 3, v)))
print(list(map(str.strip, [" a ", "b  "])))
print(sum(map(len, ["ab", "cde"])), list(zip(*[(1, "a"), (2, "b")])))
print(list(filter(str.isdigit, "a1b22c")))
