class Halt(Exception):
    pass
print("halting")
raise Halt
