print("main __name__:", __name__)
import _helper_main_guard
print(_helper_main_guard.greet())
if __name__ == "__main__":
    print("running as main")
