items = []
config = {"debug": False}
def add_item(x):
    items.append(x)
    return len(items)
def is_debug():
    return config["debug"]
def get_level():
    return level
level = 1
