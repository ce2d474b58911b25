def load(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise RuntimeError("configuration incomplete") from e
print("loading")
load({})
