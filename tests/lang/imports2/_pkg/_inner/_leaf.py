LEAF = __name__
