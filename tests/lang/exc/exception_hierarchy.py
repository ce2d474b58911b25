pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (ValueError, Exception), (UnicodeDecodeError, ValueError), (TypeError, Exception),
    (NameError, Exception), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (StopIteration, Exception), (Exception, BaseException),
    (KeyboardInterrupt, Exception), (SystemExit, BaseException), (ModuleNotFoundError, ImportError),
    (AttributeError, Exception), (AssertionError, Exception), (FileNotFoundError, OSError),
    (GeneratorExit, Exception), (bool, int),
]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print([c.__name__ for c in ZeroDivisionError.__mro__])
