def greet(greeting, name):
    return greeting + ", " + name
print(greet("hi", "bob"))
greet("hi")
