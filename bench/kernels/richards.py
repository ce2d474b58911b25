"""Richards: Martin Richards' operating-system simulation.

Six tasks (an idle task, a worker, two packet handlers and two devices) pass
work and device packets through a priority scheduler. The idle task drives the
system for a fixed number of steps; the checksum combines how many packets
were queued and how many times a task held itself, which are fixed by the
algorithm (23246 and 9297 for one run with a count of 10000).

Usage: richards.py [RUNS].
"""
import sys

DEFAULT_SIZE = 12
TEST_SIZE = 1

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(1, 7)
WORK, DEVICE = "work", "device"
BUFFER_SIZE = 4
IDLE_COUNT = 10000

# Task state bits: a task runs unless it is held, or waiting with no packet.
PACKET_PENDING = 1
WAITING = 2
HOLDING = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.count = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Append self to the packet chain starting at queue; return the new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue, state):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.link = system.tasks
        system.tasks = self
        system.table[ident] = self

    def runnable(self):
        if self.state & HOLDING:
            return False
        return not (self.state & WAITING) or self.queue is not None

    def step(self):
        packet = None
        if self.state & WAITING and self.queue is not None:
            packet = self.queue
            self.queue = packet.link
            self.state = PACKET_PENDING if self.queue is not None else 0
        return self.run(packet)


class IdleTask(Task):
    def __init__(self, system, count):
        Task.__init__(self, system, IDLE, 0, None, 0)
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.system.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.system.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.system.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, queue):
        Task.__init__(self, system, WORKER, 1000, queue, WAITING | PACKET_PENDING)
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.system.wait()
        self.destination = HANDLER_A if self.destination == HANDLER_B else HANDLER_B
        packet.ident = self.destination
        packet.count = 0
        for i in range(BUFFER_SIZE):
            self.letter = self.letter % 26 + 1
            packet.data[i] = self.letter
        return self.system.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, WAITING | PACKET_PENDING)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            if work.count >= BUFFER_SIZE:
                self.work = work.link
                return self.system.queue_packet(work)
            device = self.devices
            if device is not None:
                self.devices = device.link
                device.count = work.data[work.count]
                work.count += 1
                return self.system.queue_packet(device)
        return self.system.wait()


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None, WAITING)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.system.wait()
            packet, self.pending = self.pending, None
            return self.system.queue_packet(packet)
        self.pending = packet
        return self.system.hold_self()


class System:
    def __init__(self):
        self.tasks = None
        self.table = {}
        self.current = None
        self.queued = 0
        self.holds = 0

    def wait(self):
        self.current.state |= WAITING
        return self.current

    def hold_self(self):
        self.holds += 1
        self.current.state |= HOLDING
        return self.current.link

    def release(self, ident):
        task = self.table[ident]
        task.state &= ~HOLDING
        return task if task.priority > self.current.priority else self.current

    def queue_packet(self, packet):
        target = self.table[packet.ident]
        self.queued += 1
        packet.ident = self.current.ident
        if target.queue is None:
            target.queue = packet.append_to(None)
            target.state |= PACKET_PENDING
            return target if target.priority > self.current.priority else self.current
        packet.append_to(target.queue)
        return self.current

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.runnable():
                self.current = task
                task = task.step()
            else:
                task = task.link


def run_once():
    system = System()
    IdleTask(system, IDLE_COUNT)
    work = Packet(None, WORKER, WORK)
    work = Packet(work, WORKER, WORK)
    WorkerTask(system, work)
    for handler, device, priority in ((HANDLER_A, DEVICE_A, 2000), (HANDLER_B, DEVICE_B, 3000)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, DEVICE)
        HandlerTask(system, handler, priority, queue)
    DeviceTask(system, DEVICE_A, 4000)
    DeviceTask(system, DEVICE_B, 5000)
    system.schedule()
    return system.queued, system.holds


def main(runs):
    total = 0
    for _ in range(runs):
        queued, holds = run_once()
        total += queued * 100000 + holds
    print("packets queued: %d, holds: %d" % (queued, holds))
    print("checksum: %d" % total)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE)
