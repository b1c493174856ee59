# A mix: a cooperative task scheduler built on generators. Tasks yield
# requests (sleep for virtual ticks, send to / receive from a channel, spawn a
# child task); the scheduler keeps a hand-written binary heap of sleepers
# ordered by (wake time, sequence number) and a ready queue. Producers,
# filters and consumers pass messages through bounded channels.
import sys


class Heap:
    def __init__(self):
        self.items = []

    def push(self, item):
        a = self.items
        a.append(item)
        i = len(a) - 1
        while i > 0:
            parent = (i - 1) >> 1
            if a[parent] <= a[i]:
                break
            a[parent], a[i] = a[i], a[parent]
            i = parent

    def pop(self):
        a = self.items
        last = a.pop()
        if not a:
            return last
        top = a[0]
        a[0] = last
        n = len(a)
        i = 0
        while True:
            left = 2 * i + 1
            if left >= n:
                break
            child = left
            if left + 1 < n and a[left + 1] < a[left]:
                child = left + 1
            if a[i] <= a[child]:
                break
            a[i], a[child] = a[child], a[i]
            i = child
        return top

    def __len__(self):
        return len(self.items)


class Channel:
    def __init__(self, capacity):
        self.buf = []
        self.head = 0
        self.capacity = capacity
        self.waiting_recv = []
        self.waiting_send = []

    def size(self):
        return len(self.buf) - self.head

    def put(self, v):
        self.buf.append(v)

    def take(self):
        v = self.buf[self.head]
        self.head += 1
        if self.head > 64:
            del self.buf[:self.head]
            self.head = 0
        return v


SLEEP, SEND, RECV, SPAWN = 0, 1, 2, 3


class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleepers = Heap()
        self.now = 0
        self.seq = 0
        self.switches = 0
        self.tasks = {}

    def spawn(self, gen):
        self.seq += 1
        self.tasks[self.seq] = gen
        self.ready.append((self.seq, None))
        return self.seq

    def run(self):
        while self.ready or len(self.sleepers):
            if not self.ready:
                wake, seq, tid = self.sleepers.pop()
                self.now = wake
                self.ready.append((tid, None))
                continue
            batch = self.ready
            self.ready = []
            for tid, value in batch:
                self.step(tid, value)

    def step(self, tid, value):
        gen = self.tasks[tid]
        self.switches += 1
        try:
            req = gen.send(value)
        except StopIteration:
            del self.tasks[tid]
            return
        op = req[0]
        if op == SLEEP:
            self.seq += 1
            self.sleepers.push((self.now + req[1], self.seq, tid))
        elif op == SEND:
            ch = req[1]
            if ch.waiting_recv:
                self.ready.append((ch.waiting_recv.pop(0), req[2]))
                self.ready.append((tid, None))
            elif ch.size() < ch.capacity:
                ch.put(req[2])
                self.ready.append((tid, None))
            else:
                ch.waiting_send.append((tid, req[2]))
        elif op == RECV:
            ch = req[1]
            if ch.size():
                v = ch.take()
                if ch.waiting_send:
                    stid, sv = ch.waiting_send.pop(0)
                    ch.put(sv)
                    self.ready.append((stid, None))
                self.ready.append((tid, v))
            elif ch.waiting_send:
                stid, sv = ch.waiting_send.pop(0)
                self.ready.append((stid, None))
                self.ready.append((tid, sv))
            else:
                ch.waiting_recv.append(tid)
        elif op == SPAWN:
            self.ready.append((tid, self.spawn(req[1])))


def producer(ch, start, count, pace):
    for i in range(count):
        yield (SEND, ch, start + i)
        if i % pace == 0:
            yield (SLEEP, 1 + i % 3)
    yield (SEND, ch, None)


def filt(inp, out, producers):
    done = 0
    while done < producers:
        v = yield (RECV, inp)
        if v is None:
            done += 1
        elif v % 3 != 0:
            yield (SEND, out, v * 2)
    yield (SEND, out, None)


def consumer(inp, result):
    total = 0
    count = 0
    while True:
        v = yield (RECV, inp)
        if v is None:
            break
        total = (total * 7 + v) % 1000003
        count += 1
    result.append((count, total))


def ticker(period, stop, log):
    t = 0
    while t < stop:
        yield (SLEEP, period)
        t += period
        log.append(t)


def supervisor(n, result, log):
    a = Channel(8)
    b = Channel(4)
    for p in range(4):
        yield (SPAWN, producer(a, p * n, n, 5 + p))
    yield (SPAWN, filt(a, b, 4))
    yield (SPAWN, consumer(b, result))
    for p in range(3):
        yield (SPAWN, ticker(3 + p, n // 4, log))


def main(n):
    s = Scheduler()
    result = []
    log = []
    s.spawn(supervisor(n, result, log))
    s.run()
    print("scheduler", n, result[0][0], result[0][1], s.switches, s.now, len(log), sum(log))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 45000)
