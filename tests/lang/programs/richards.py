# A small richards-like task scheduler: tasks, packets, queues, states
I_IDLE, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB = range(1, 7)
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst

    def __repr__(self):
        return f"Packet(id={self.ident}, kind={self.kind}, datum={self.datum})"


class Task:
    def __init__(self, sched, ident, pri, wkq):
        self.sched = sched
        self.ident = ident
        self.pri = pri
        self.wkq = wkq
        self.held = False
        self.waiting = wkq is None
        self.runs = 0
        sched.add(self)

    @property
    def runnable(self):
        return not self.held and not (self.waiting and self.wkq is None)

    def take_packet(self):
        p = self.wkq
        self.wkq = p.link
        self.waiting = self.wkq is None and self.waiting
        return p

    def run(self, pkt):
        raise NotImplementedError(type(self).__name__)


class IdleTask(Task):
    def __init__(self, sched, ident, pri, count):
        super().__init__(sched, ident, pri, None)
        self.waiting = False
        self.control = 1
        self.count = count

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            self.held = True
            return None
        if self.control & 1 == 0:
            self.control //= 2
            return I_DEVA
        self.control = (self.control // 2) ^ 0xD008
        return I_DEVB


class WorkTask(Task):
    def __init__(self, sched, ident, pri, wkq):
        super().__init__(sched, ident, pri, wkq)
        self.dest = I_HANDLERA
        self.count = 0

    def run(self, pkt):
        if pkt is None:
            self.waiting = True
            return None
        self.dest = I_HANDLERB if self.dest == I_HANDLERA else I_HANDLERA
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count = self.count + 1 if self.count < 26 else 1
            pkt.data[i] = ord("A") + self.count - 1
        self.sched.queue(pkt)
        return None


class DeviceTask(Task):
    def __init__(self, sched, ident, pri, wkq):
        super().__init__(sched, ident, pri, wkq)
        self.pending = None
        self.log = []

    def run(self, pkt):
        if pkt is None:
            if self.pending is None:
                self.waiting = True
                return None
            p, self.pending = self.pending, None
            self.log.append(chr(p.data[p.datum % BUFSIZE]))
            return None
        self.pending = pkt
        return None


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.queued = 0
        self.holds = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def queue(self, pkt):
        t = self.tasks.get(pkt.ident)
        if t is None:
            raise KeyError(pkt.ident)
        self.queued += 1
        t.wkq = pkt.append_to(t.wkq)
        t.waiting = False

    def schedule(self, limit):
        order = sorted(self.tasks.values(), key=lambda t: -t.pri)
        steps = 0
        while steps < limit:
            ready = [t for t in order if t.runnable]
            if not ready:
                break
            t = ready[0]
            pkt = t.take_packet() if t.wkq is not None else None
            t.runs += 1
            nxt = t.run(pkt)
            if nxt is not None and nxt in self.tasks:
                dev = self.tasks[nxt]
                if dev.waiting and getattr(dev, "pending", None) is not None:
                    dev.waiting = False
                self.holds += 1
            if isinstance(t, WorkTask) and t.wkq is None:
                t.waiting = True
            steps += 1
        return steps


s = Scheduler()
IdleTask(s, I_IDLE, 1, 300)
wq = None
for k in range(2):
    wq = Packet(wq, 0, K_WORK)
WorkTask(s, I_WORK, 1000, wq)
for ident in (I_HANDLERA, I_HANDLERB):
    DeviceTask(s, ident, 2000 + ident, None)
steps = s.schedule(5000)
print("steps", steps, "queued", s.queued, "holds", s.holds)
for ident in sorted(s.tasks):
    t = s.tasks[ident]
    extra = "".join(t.log) if hasattr(t, "log") else ""
    print(f"{type(t).__name__:<10} id={ident} runs={t.runs:5d} held={t.held!s:5} {extra}")
try:
    s.queue(Packet(None, 99, K_DEV))
except KeyError as e:
    print("KeyError", e)
try:
    Task(s, 50, 1, None).run(None)
except NotImplementedError as e:
    print("NotImplementedError:", e)
