# Linked list and binary search tree with __iter__, __contains__, __reversed__, recursion
class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        node = self.head
        self.head = node.next
        self.size -= 1
        return node.value

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def __bool__(self):
        return self.head is not None

    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev

    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"


class BST:
    class _N:
        def __init__(self, key, val):
            self.key, self.val = key, val
            self.left = self.right = None

    def __init__(self):
        self.root = None
        self.n = 0

    def __setitem__(self, key, val):
        def ins(node):
            if node is None:
                self.n += 1
                return BST._N(key, val)
            if key < node.key:
                node.left = ins(node.left)
            elif key > node.key:
                node.right = ins(node.right)
            else:
                node.val = val
            return node
        self.root = ins(self.root)

    def __getitem__(self, key):
        node = self.root
        while node:
            if key == node.key:
                return node.val
            node = node.left if key < node.key else node.right
        raise KeyError(key)

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def __iter__(self):
        def walk(node):
            if node:
                yield from walk(node.left)
                yield node.key
                yield from walk(node.right)
        return walk(self.root)

    def __reversed__(self):
        stack, node = [], self.root
        while stack or node:
            while node:
                stack.append(node)
                node = node.right
            node = stack.pop()
            yield node.key
            node = node.left

    def __len__(self):
        return self.n

    def height(self, node=..., ):
        if node is ...:
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

    def items(self):
        return [(k, self[k]) for k in self]


ll = LinkedList([1, 2, 3, 4, 5])
print(ll, len(ll), bool(ll), 3 in ll, 9 in ll, sum(ll), list(enumerate(ll))[:2])
ll.reverse()
ll.push(0)
print(ll, ll.pop(), ll.pop(), ll)
e = LinkedList()
print(bool(e), len(e), list(e))
try:
    e.pop()
except IndexError as ex:
    print("IndexError:", ex)

t = BST()
for i, w in enumerate("the quick brown fox jumps over the lazy dog".split()):
    t[w] = i
print(len(t), list(t), list(reversed(t)))
print(t["the"], "fox" in t, "cat" in t, t.height(), t.items()[:3])
try:
    t["cat"]
except KeyError as ex:
    print("KeyError:", ex, repr(ex), ex.args)
nums = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    nums[k] = k * k
print(list(nums), nums.height(), max(nums), sorted(nums, reverse=True) == list(reversed(nums)))
it = iter(nums)
print(next(it), next(it), list(zip(it, reversed(nums))))


def depth_sum(tree, depth=1):
    if isinstance(tree, int):
        return tree * depth
    return sum(depth_sum(t, depth + 1) for t in tree)


print(depth_sum([1, [2, [3, [4]]], 5]), depth_sum([[[[[[[[[[7]]]]]]]]]]))


def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves


print(len(hanoi(10)), hanoi(3))
import sys
print(sys.getrecursionlimit() >= 1000)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(900))
