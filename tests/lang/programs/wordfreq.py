# Word-frequency counter over an embedded text: normalisation, sorting by (-count, word)
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair -- we had everything
before us; we had nothing before us.  We were all going direct to Heaven; we
were all going direct the other way.  "Don't panic!" said the café's owner:
naïve co-operation isn't O.K.  Numbers like 42, 3.14 and 1,000 appear too.
"""

PUNCT = ".,;:!?\"()-"


def words(text):
    for raw in text.split():
        w = raw.strip(PUNCT).lower()
        if w and not w.replace(",", "").replace(".", "").isdigit():
            yield w


counts = {}
for w in words(TEXT):
    counts[w] = counts.get(w, 0) + 1

ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print("distinct:", len(counts), "total:", sum(counts.values()))
for rank, (w, c) in enumerate(ranked[:12], 1):
    bar = "*" * c
    print(f"{rank:>2}. {w:<12}{c:>3} {bar}")

by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len, reverse=True)[:4]:
    print(n, sorted(by_len[n]))

letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=letters.get, reverse=True)[:8]
print("".join(top), [letters[c] for c in top])
print(sorted(set(TEXT) - set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ \n")))

lines = TEXT.splitlines()
print(len(lines), max(lines, key=len)[:30], [len(l) for l in lines])
print(TEXT.count("it was"), TEXT.find("Heaven"), TEXT.rfind("we"), TEXT.index("café"))
caps = [w for w in TEXT.split() if w[:1].isupper()]
print(caps)
print(" ".join(w.capitalize() for w in "the quick brown fox".split()), "hello world".title())
print("naïve".upper(), "STRASSE".lower(), "ß".upper(), "İ".lower().encode("utf-8"), "café".encode())
print("%-10s|%10s|%s" % ("left", "right", "x".center(9, "~")), "42".zfill(6), "-42".zfill(6))
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
acronym = "".join(w[0] for w in "portable network graphics".split()).upper()
print(acronym, "a,b,,c".split(","), "a b  c".split(" "), "  pad ".strip(), "x".join("abc"))
print("one two three".partition(" "), "one two three".rpartition(" "), "k=v=w".split("=", 1))
print(TEXT.replace("it was", "IT WAS", 2)[:60])
