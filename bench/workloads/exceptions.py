"""Exceptions: raising and catching, with a user exception class and re-raise."""
from _checks import same_result

DESCRIPTION = "raising and catching exceptions"
KIND = "private"
BASE = 1100000


class ParseError(ValueError):
    pass


def parse_digit(ch):
    if "0" <= ch <= "9":
        return ord(ch) - 48
    raise ParseError(ch)


def run(n, state):
    text = "4x2y9z"
    good = bad = 0
    for i in range(n):
        try:
            good += parse_digit(text[i % 6])
        except ParseError:
            bad += 1
        try:
            try:
                raise KeyError(i)
            finally:
                good += 1
        except LookupError:
            bad += 1
    return good, bad


def check(results, n, threads, state):
    return same_result(results)
