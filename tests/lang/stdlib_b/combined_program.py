# realistic program using dataclasses + enum + typing together
from __future__ import annotations
from dataclasses import dataclass, field
from enum import Enum, auto, IntEnum
from typing import Optional, List, Dict
import typing

class Suit(Enum):
    HEARTS = auto()
    SPADES = auto()

class Rank(IntEnum):
    TWO = 2
    ACE = 14

@dataclass(order=True)
class Card:
    rank: Rank
    suit: Suit = field(compare=False)
    def __str__(self):
        return f"{self.rank.name}{self.suit.name[0]}"

@dataclass
class Hand:
    cards: List[Card] = field(default_factory=list)
    owner: Optional[str] = None
    def add(self, c: Card) -> None:
        self.cards.append(c)

h = Hand(owner="ann")
h.add(Card(Rank.ACE, Suit.SPADES))
h.add(Card(Rank.TWO, Suit.HEARTS))
print(h)
print(sorted(h.cards))
print([str(c) for c in sorted(h.cards, reverse=True)])
print(Hand.__annotations__)
print(typing.get_type_hints(Hand))
print(Card.__init__.__annotations__)
import inspect
print(inspect.signature(Card))
print(inspect.signature(Hand.add))
