def f():
    try:
        raise ValueError("original problem")
    finally:
        print("finally ran")
f()
