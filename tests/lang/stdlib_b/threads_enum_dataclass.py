# Enum lookups, Flag pseudo-members, dataclass creation and typing
# subscription from several threads at once: results must be consistent.
import threading
from dataclasses import dataclass
from enum import Enum, IntFlag
from typing import List, Dict

class Op(Enum):
    ADD = 1
    SUB = 2

class Bits(IntFlag):
    A = 1
    B = 2
    C = 4
    D = 8

@dataclass(frozen=True)
class Item:
    op: Op
    n: int

results = [None] * 4

def work(k):
    total = 0
    seen = set()
    for i in range(2000):
        it = Item(Op(1 + i % 2), i)
        total += it.n if it.op is Op.ADD else -it.n
        seen.add(Bits(i % 16))
        assert List[int] == List[int] and Dict[str, int].__args__ == (str, int)
    results[k] = (total, len(seen))

threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(sorted(repr(Bits(v)) for v in (3, 5, 15)))
print(Bits(6) is Bits(6), len(set(Item(Op.ADD, 1) for _ in range(100))))
