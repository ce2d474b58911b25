stack = []
for i in range(4):
    stack.append(i)
out = []
while stack:
    out.append(stack.pop())
print(out)
queue = ["a", "b", "c"]
queue.append("d")
print(queue.pop(0), queue.pop(0), queue)
def rpn(tokens):
    st = []
    for t in tokens.split():
        if t in "+-*/":
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a // b}[t])
        else:
            st.append(int(t))
    return st[0]
print(rpn("3 4 + 2 *"), rpn("10 2 8 * + 3 -"), rpn("7 2 /"))
