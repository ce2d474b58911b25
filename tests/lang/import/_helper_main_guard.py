def greet():
    return "hello from helper"
if __name__ == "__main__":
    print("this must not print on import")
else:
    print("imported as", __name__)
