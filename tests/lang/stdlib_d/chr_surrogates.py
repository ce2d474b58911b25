# chr() across the code space, its range errors, and surrogates. CPython
# returns a lone surrogate; tandem's str cannot hold one and says so with
# NotImplementedError naming the code point. Either way the code point
# printed below must be right (this once printed a literal "U+%04X").
for cp in (0, 0x41, 0x7F, 0xFF, 0x100, 0x20AC, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF):
    c = chr(cp)
    print("U+%04X" % ord(c), len(c), ascii(c), c.isprintable())

def surrogate_label(make, cp):
    try:
        c = make(cp)
    except NotImplementedError as e:
        msg = str(e)
        assert "surrogate" in msg and "not supported" in msg, msg
        start = msg.index("(U+") + 1
        return msg[start:msg.index(")", start)]
    return "U+%04X" % ord(c)

for cp in (0xD800, 0xDBFF, 0xDC00, 0xDC80, 0xDFFF):
    print(surrogate_label(chr, cp), surrogate_label(lambda n: "%c" % n, cp),
          surrogate_label(lambda n: format(n, "c"), cp))

for bad in (-1, 0x110000, 2 ** 40):
    for make in (chr, lambda n: "%c" % n, lambda n: format(n, "c")):
        try:
            make(bad)
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print("TypeError", e)
try:
    chr(65.0)
except TypeError as e:
    print("TypeError", e)
print([ord(chr(i)) == i for i in range(0xD7F0, 0xD800)].count(True))

# UTF-8 never encodes surrogates: decoding their 3-byte form fails the same
# way everywhere; the surrogate error handlers are fine while not needed.
for data in (b"\xed\xa0\x80", b"ok\xed\xbf\xbf", b"\xf4\x90\x80\x80"):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
print(b"plain".decode("utf-8", "surrogateescape"), "plain".encode("utf-8", "surrogatepass"))
try:
    b"\xff".decode("utf-8", "no-such-handler")
except LookupError as e:
    print("LookupError", e)
