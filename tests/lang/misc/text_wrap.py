def wrap(text, width):
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = cur + " " + word if cur else word
    if cur:
        lines.append(cur)
    return lines
text = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
        "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.")
for w in (20, 35):
    print("-" * w)
    for line in wrap(text, w):
        print(line.ljust(w) + "|")
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(x) for x in words)
    out = ""
    for i, wd in enumerate(words[:-1]):
        out += wd + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]
for line in wrap(text, 30):
    print("[" + justify(line, 30) + "]")
