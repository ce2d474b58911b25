nums = [5, 2, 9, 1, 5, 6, -3]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
words = ["banana", "Apple", "cherry", "date", "Fig", "egg"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
print(sorted(pairs))
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
r = nums.sort()
print(r)
mixed = [3.5, 1, 2.25, -1, 0]
mixed.sort(); print(mixed)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
