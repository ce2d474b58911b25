path = "/tmp/tandem_lang_unicode_file.txt"
text = "naïve café\n日本語\nemoji 😀\n"
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
with open(path, encoding="utf-8") as f:
    back = f.read()
print(back == text, len(back))
print(back)
with open(path, "rb") as f:
    raw = f.read()
print(len(raw), raw[:12])
with open(path, encoding="utf-8") as f:
    for line in f:
        print(len(line), line[::-1].strip())
with open(path, "w") as f:
    pass
