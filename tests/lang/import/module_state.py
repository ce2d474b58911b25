import _helper_state
import _helper_state as st2
print(_helper_state.add_item("a"), st2.add_item("b"), _helper_state.items)
_helper_state.config["debug"] = True
print(st2.is_debug())
_helper_state.level = 42
print(_helper_state.get_level())
from _helper_state import items
items.append("c")
print(_helper_state.items)
from _helper_state import level
level = 0
print(_helper_state.level, level)
