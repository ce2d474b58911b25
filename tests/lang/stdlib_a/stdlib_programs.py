# Everyday programs mixing the modules, as benchmark scripts use them.
import collections
import functools
import itertools
import operator
import copy
from collections import namedtuple, deque, defaultdict, Counter, OrderedDict

text = """the quick brown fox jumps over the lazy dog the dog barks
and the fox runs away quick quick"""
words = text.split()
freq = Counter(words)
print(freq.most_common(4))
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
print(sorted(by_len.items()))
first = {k: list(g) for k, g in itertools.groupby(sorted(words), key=operator.itemgetter(0))}
print(first['t'], len(first))

class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.d = OrderedDict()
    def get(self, k):
        if k not in self.d:
            return -1
        self.d.move_to_end(k)
        return self.d[k]
    def put(self, k, v):
        self.d[k] = v
        self.d.move_to_end(k)
        if len(self.d) > self.cap:
            self.d.popitem(last=False)
lru = LRU(2)
lru.put(1, 1)
lru.put(2, 2)
print(lru.get(1))
lru.put(3, 3)
print(lru.get(2), lru.get(3), list(lru.d))

City = namedtuple('City', 'name x y')
cities = [City('a', 0, 0), City('b', 3, 4), City('c', 6, 0), City('d', 3, -4)]
def dist(p, q):
    return ((p.x - q.x) ** 2 + (p.y - q.y) ** 2) ** 0.5
def tour_len(order):
    return sum(dist(a, b) for a, b in zip(order, order[1:] + order[:1]))
best = min(itertools.permutations(cities[1:]), key=lambda rest: tour_len([cities[0], *rest]))
print([c.name for c in best], round(tour_len([cities[0], *best]), 3))

grid = ["#########",
        "#S..#...#",
        "#.#.#.#.#",
        "#.#...#E#",
        "#########"]
start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == 'S')
q = deque([(start, 0)])
seen = {start}
while q:
    (r, c), steps = q.popleft()
    if grid[r][c] == 'E':
        print('maze', steps)
        break
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if grid[nr][nc] != '#' and (nr, nc) not in seen:
            seen.add((nr, nc))
            q.append(((nr, nc), steps + 1))

@functools.lru_cache(maxsize=None)
def ways(n, coins):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(100, (50, 25, 10, 5, 1)), ways.cache_info().currsize > 0)

state = {'board': [[0] * 3 for _ in range(3)], 'moves': []}
snap = copy.deepcopy(state)
state['board'][1][1] = 'X'
state['moves'].append((1, 1))
print(snap, state['board'][1])
print(functools.reduce(operator.or_, [1, 2, 8]), functools.reduce(operator.add, map(str, range(5))))
print(list(itertools.accumulate(itertools.repeat(2, 5), operator.mul)))
print(sum(1 for _ in itertools.combinations(range(10), 3)), list(itertools.starmap(operator.sub, zip([5, 6], [1, 2]))))
ring = deque('abcdef')
ring.rotate(-2)
print(''.join(ring), ''.join(itertools.islice(itertools.cycle(ring), 3, 9)))
Vec = namedtuple('Vec', 'x y')
pts = sorted([Vec(2, 1), Vec(1, 5), Vec(1, 2)], key=operator.attrgetter('x', 'y'))
print(pts, max(pts, key=operator.itemgetter(1)))
inv = Counter({'apple': 3, 'pear': 1}) + Counter(apple=1, fig=2)
print(sorted(inv.elements())[:5], sorted(inv.items()))
chain = collections.ChainMap({'debug': True}, {'debug': False, 'level': 3})
print(chain['debug'], chain['level'])
