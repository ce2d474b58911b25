TRANSITIONS = {
    ("idle", "start"): "running",
    ("running", "pause"): "paused",
    ("paused", "resume"): "running",
    ("running", "stop"): "idle",
    ("paused", "stop"): "idle",
}
class Machine:
    def __init__(self):
        self.state = "idle"
        self.history = [self.state]
    def fire(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise ValueError(f"invalid event {event!r} in state {self.state!r}")
        self.state = TRANSITIONS[key]
        self.history.append(self.state)
        return self
m = Machine()
for ev in ["start", "pause", "resume", "stop", "stop", "start"]:
    try:
        m.fire(ev)
        print(f"{ev:>7} -> {m.state}")
    except ValueError as e:
        print("error:", e)
print(" > ".join(m.history))
