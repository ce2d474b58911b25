for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 0.125, 1.005]:
    print(v, round(v), round(v, 2), round(v, 1))
print(round(1234.5678, -2), round(-1234.5678, 1), round(5.0), type(round(5.5)).__name__)
print(round(2.5, 0), type(round(2.5, 0)).__name__)
print(round(1e20), round(0.1 + 0.2, 10))
print(round(123.456, 5), round(-0.4), round(0.0001, 3))
