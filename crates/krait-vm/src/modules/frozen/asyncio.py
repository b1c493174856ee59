# asyncio: MicroPython's asyncio API for krait, written in Python and frozen
# into the binary.
#
# A Task drives a coroutine (a generator object). The scheduler resumes one
# task at a time. An awaitable suspends its task by yielding None after
# arranging for the task to be resumed later: back on the run heap at a
# wake-up time (sleep), parked in a _Parking queue (Event, Lock), parked on
# another Task (awaiting it), or parked on the I/O poller (streams,
# ThreadSafeFlag). A task's `_parked` names what it is parked on, so that
# cancelling it can take it out and resume it at once with CancelledError.
#
# Time is kept with time.ticks_ms/ticks_add/ticks_diff, so wrap-around of the
# millisecond counter is harmless.

from time import ticks_ms as _ticks, ticks_add as _ticks_add, ticks_diff as _ticks_diff, sleep_ms as _sleep_ms
import sys as _sys
import select as _select

__version__ = (3, 0, 0)


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


# ---------------------------------------------------------------------------
# The run heap: tasks due to run, by wake-up time


class _RunHeap:
    # A binary min-heap of tasks ordered by wake-up tick and, for equal ticks,
    # by when they were added (so tasks due at the same time run first in,
    # first out). Each task keeps its index in the heap in `_hi` (-1 when not
    # in it) so it can be taken out or moved in O(log n).

    def __init__(self):
        self.items = []
        self.serial = 0

    def first(self):
        items = self.items
        return items[0] if items else None

    def add(self, task, when):
        self.serial += 1
        task._when = when
        task._serial = self.serial
        items = self.items
        task._hi = len(items)
        items.append(task)
        self._up(task._hi)

    def pop_first(self):
        items = self.items
        top = items[0]
        last = items.pop()
        if last is not top:
            items[0] = last
            last._hi = 0
            self._down(0)
        top._hi = -1
        return top

    def discard(self, task):
        i = task._hi
        if i < 0:
            return
        task._hi = -1
        items = self.items
        last = items.pop()
        if last is not task:
            items[i] = last
            last._hi = i
            self._up(i)
            self._down(last._hi)

    @staticmethod
    def _before(a, b):
        d = _ticks_diff(a._when, b._when)
        return d < 0 or (d == 0 and a._serial < b._serial)

    def _up(self, i):
        items = self.items
        t = items[i]
        while i > 0:
            parent = (i - 1) >> 1
            p = items[parent]
            if not _RunHeap._before(t, p):
                break
            items[i] = p
            p._hi = i
            i = parent
        items[i] = t
        t._hi = i

    def _down(self, i):
        items = self.items
        n = len(items)
        t = items[i]
        while True:
            c = 2 * i + 1
            if c >= n:
                break
            if c + 1 < n and _RunHeap._before(items[c + 1], items[c]):
                c += 1
            child = items[c]
            if not _RunHeap._before(child, t):
                break
            items[i] = child
            child._hi = i
            i = c
        items[i] = t
        t._hi = i


def _wake(task):
    # Make a parked task runnable now.
    task._parked = None
    _runq.add(task, _ticks())


class _Parking:
    # Tasks parked until something wakes them, first in, first out.

    def __init__(self):
        self.tasks = []

    def __len__(self):
        return len(self.tasks)

    def park(self, task):
        self.tasks.append(task)
        task._parked = self

    def remove(self, task):
        # A parked task was cancelled: it leaves the queue.
        if task in self.tasks:
            self.tasks.remove(task)

    def wake_next(self):
        task = self.tasks.pop(0)
        _wake(task)
        return task

    def wake_all(self):
        tasks = self.tasks
        self.tasks = []
        for t in tasks:
            _wake(t)


class _Suspended:
    # What a task suspended in gather() is parked on: nothing holds it, so
    # cancelling it only has to resume it.

    def remove(self, task):
        pass


_GATHERING = _Suspended()


# ---------------------------------------------------------------------------
# Sleeping


class _Sleep:
    # The awaitable sleep_ms() returns. One object serves every call, so that
    # sleeping allocates nothing: awaiting it yields once, after putting the
    # current task back on the run heap at its wake-up time.

    def __init__(self):
        self.until = None
        self.done = StopIteration()

    def __iter__(self):
        return self

    def __next__(self):
        until = self.until
        if until is None:
            raise self.done
        self.until = None
        _runq.add(_cur, until)

    def _detach(self):
        # Made into a task (create_task(sleep(1))): a generator of its own.
        until = self.until
        self.until = None
        return _sleep_until(until)


def _sleep_until(until):
    _runq.add(_cur, until)
    yield


_sleeper = _Sleep()


def sleep_ms(t):
    # MicroPython's extension: sleep t milliseconds (an int).
    _sleeper.until = _ticks_add(_ticks(), max(0, t))
    return _sleeper


def sleep(t):
    return sleep_ms(int(t * 1000))


# ---------------------------------------------------------------------------
# Tasks


class Task:
    def __init__(self, coro, globals=None):
        self.coro = coro
        self._hi = -1  # index in the run heap, -1 when not in it
        self._when = 0  # wake-up tick while in the run heap
        self._serial = 0  # order of arrival in the run heap
        self._parked = None  # a queue with remove(task), or the Task awaited
        self._throw = None  # exception to raise in the task when it next runs
        self._done = False
        self._value = None  # the coroutine's return value
        self._error = None  # the exception that ended it
        self._waiters = None  # _Parking of tasks awaiting this one
        self._on_done = None  # callback(task) when it ends (gather)
        self._seen = False  # its outcome was retrieved (or reported)

    def __await__(self):
        if not self._done:
            if self._on_done is not None:
                # Already gathered: gather() owns its outcome.
                raise RuntimeError("can't wait")
            if self._waiters is None:
                self._waiters = _Parking()
            me = _cur
            self._waiters.park(me)
            me._parked = self
            yield
        self._seen = True
        if self._error is not None:
            raise self._error
        return self._value

    __iter__ = __await__

    def __repr__(self):
        return "<Task>"

    def done(self):
        return self._done

    def cancel(self):
        if self._done:
            return False
        if self is _cur:
            raise RuntimeError("can't cancel self")
        # A task awaiting another task is cancelled through the one it awaits.
        t = self
        while isinstance(t._parked, Task):
            t = t._parked
        now = _ticks()
        if t._parked is not None:
            t._parked.remove(t)
            _wake(t)
        elif t._hi < 0:
            _runq.add(t, now)
        elif _ticks_diff(t._when, now) > 0:
            # Sleeping: wake it now.
            _runq.discard(t)
            _runq.add(t, now)
        t._throw = CancelledError
        return True


def _as_task(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


def create_task(coro):
    if isinstance(coro, _Sleep):
        coro = coro._detach()
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    t = Task(coro)
    _runq.add(t, _ticks())
    return t


def current_task():
    if _cur is None:
        raise RuntimeError("no running event loop")
    return _cur


def _finish(t, value, error, main):
    # Task t's coroutine ended, returning value or raising error.
    t._done = True
    t._value = value
    t._error = error
    told = main
    waiters = t._waiters
    if waiters:
        waiters.wake_all()
        told = True
    t._waiters = None
    callback = t._on_done
    if callback is not None:
        t._on_done = None
        callback(t)
        told = True
    if told:
        t._seen = True
    elif error is not None and not isinstance(error, CancelledError):
        # Nobody is waiting for it yet. Run it once more later: if its
        # exception hasn't been retrieved by then, it is reported.
        _runq.add(t, _ticks())


_report_context = {"message": "Task exception wasn't retrieved", "exception": None, "future": None}


def _report(t):
    t._seen = True
    ctx = _report_context
    ctx["exception"] = t._error
    ctx["future"] = t
    try:
        Loop.call_exception_handler(ctx)
    finally:
        ctx["exception"] = None
        ctx["future"] = None


# ---------------------------------------------------------------------------
# The scheduler

# How long to wait at a time when no task is due and nothing is polled: only a
# micropython.schedule callback can make a task runnable then.
_IDLE_MS = 10

_ENDINGS = (CancelledError, Exception)


def _wait_due(main):
    # Wait until the first task on the run heap is due, serving I/O meanwhile.
    # False when nothing is left to run and the loop should end.
    while True:
        t = _runq.first()
        if t is not None:
            dt = _ticks_diff(t._when, _ticks())
            if dt <= 0:
                if _io.streams:
                    _io.wait(0)
                return True
        elif not _io.streams:
            if main is None or main._done:
                return False
            dt = _IDLE_MS
        else:
            dt = -1
        _io.wait(dt)


def run_until_complete(main_task=None):
    global _cur
    if main_task is not None and main_task._done:
        main_task._seen = True
        if main_task._error is not None:
            raise main_task._error
        return main_task._value
    while True:
        if not _wait_due(main_task):
            _cur = None
            return None
        t = _runq.pop_first()
        if t._done:
            # Ended with an exception nobody has retrieved since.
            if not t._seen:
                _report(t)
            continue
        _cur = t
        exc = t._throw
        try:
            if exc is None:
                t.coro.send(None)
            else:
                t._throw = None
                t.coro.throw(exc)
            continue
        except StopIteration as e:
            value = e.value
            error = None
        except _ENDINGS as e:
            value = None
            error = e
        except BaseException as e:
            # KeyboardInterrupt, SystemExit, ...: the loop stops here.
            t._done = True
            t._error = e
            t._seen = True
            _cur = None
            raise
        _cur = None
        is_main = t is main_task
        _finish(t, value, error, is_main)
        if is_main:
            if error is not None:
                raise error
            return value


def run(coro):
    return run_until_complete(create_task(coro))


# ---------------------------------------------------------------------------
# The event loop object (one loop; get_event_loop() returns this class)


async def _stop_marker():
    pass


_cur = None
_stopper = None


class Loop:
    _exc_handler = None

    @staticmethod
    def create_task(coro):
        return create_task(coro)

    @staticmethod
    def run_forever():
        # Runs until stop() is called.
        global _stopper
        _stopper = Task(_stop_marker())
        run_until_complete(_stopper)

    @staticmethod
    def run_until_complete(aw):
        return run_until_complete(_as_task(aw))

    @staticmethod
    def stop():
        global _stopper
        if _stopper is not None:
            _runq.add(_stopper, _ticks())
            _stopper = None

    @staticmethod
    def close():
        pass

    @staticmethod
    def set_exception_handler(handler):
        Loop._exc_handler = handler

    @staticmethod
    def get_exception_handler():
        return Loop._exc_handler

    @staticmethod
    def default_exception_handler(loop, context=None):
        if context is None:
            # Called as loop.default_exception_handler(context).
            context = loop
        out = _sys.stderr
        print(context["message"], file=out)
        print("future:", context["future"], "coro=", context["future"].coro, file=out)
        _sys.print_exception(context["exception"], out)

    @staticmethod
    def call_exception_handler(context):
        handler = Loop._exc_handler or Loop.default_exception_handler
        handler(Loop, context)


def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def new_event_loop():
    # A fresh loop: tasks of the old one are forgotten.
    global _runq, _io
    _runq = _RunHeap()
    _io = _IOWait()
    return Loop


# ---------------------------------------------------------------------------
# Waiting on streams


class _IOWait:
    # Tasks parked until a stream is ready, polled with select.poll. For each
    # stream: [stream, task waiting to read, task waiting to write].

    def __init__(self):
        self.poller = _select.poll()
        self.streams = {}

    def _mask(self, entry):
        return (_select.POLLIN if entry[1] is not None else 0) | (_select.POLLOUT if entry[2] is not None else 0)

    def park(self, s, which):
        # which: 1 to wait until s is readable, 2 until it is writable.
        task = _cur
        key = id(s)
        entry = self.streams.get(key)
        if entry is None:
            entry = [s, None, None]
            entry[which] = task
            self.streams[key] = entry
            self.poller.register(s, self._mask(entry))
        else:
            if entry[which] is not None:
                raise RuntimeError("stream already has a task waiting to " + ("read" if which == 1 else "write"))
            entry[which] = task
            self.poller.modify(s, self._mask(entry))
        task._parked = self

    def _update(self, key, entry):
        mask = self._mask(entry)
        if mask:
            self.poller.modify(entry[0], mask)
        else:
            del self.streams[key]
            self.poller.unregister(entry[0])

    def remove(self, task):
        # A parked task was cancelled.
        for key in list(self.streams):
            entry = self.streams[key]
            if entry[1] is task or entry[2] is task:
                if entry[1] is task:
                    entry[1] = None
                if entry[2] is task:
                    entry[2] = None
                self._update(key, entry)

    def wait(self, ms):
        if not self.streams:
            # Nothing to poll: just sleep (allocating nothing).
            if ms > 0:
                _sleep_ms(ms)
            return
        for s, ev in self.poller.ipoll(ms):
            key = id(s)
            entry = self.streams.get(key)
            if entry is None:
                continue
            # Errors and hang-ups wake both sides.
            if ev & ~_select.POLLOUT and entry[1] is not None:
                _wake(entry[1])
                entry[1] = None
            if ev & ~_select.POLLIN and entry[2] is not None:
                _wake(entry[2])
                entry[2] = None
            self._update(key, entry)


def _until_readable(s):
    _io.park(s, 1)
    yield


def _until_writable(s):
    _io.park(s, 2)
    yield


# ---------------------------------------------------------------------------
# gather, wait_for


def gather(*aws, return_exceptions=False):
    tasks = [_as_task(aw) for aw in aws]
    for t in tasks:
        if not t._done and (t._waiters or t._on_done is not None):
            raise RuntimeError("can't gather")
    me = _cur
    running = 0
    error = None  # the exception that ends the gather early

    def on_done(t):
        nonlocal running, error
        if me._parked is not _GATHERING:
            # Resumed already: by an earlier failure, or cancelled.
            return
        if t._error is not None and not return_exceptions:
            error = t._error
        else:
            running -= 1
            if running:
                return
        _wake(me)

    failed_early = False
    for t in tasks:
        if t._done:
            if t._error is not None and not return_exceptions:
                failed_early = True
        elif t._on_done is not on_done:
            t._on_done = on_done
            running += 1

    cancelled = None
    if running and not failed_early:
        me._parked = _GATHERING
        try:
            yield
        except CancelledError as e:
            cancelled = e

    results = []
    for t in tasks:
        if t._on_done is on_done:
            # Still running: no longer gathered.
            t._on_done = None
            if cancelled is not None:
                t.cancel()
        elif t._done:
            t._seen = True
            if t._error is None:
                results.append(t._value)
            elif return_exceptions:
                results.append(t._error)
            elif error is None:
                error = t._error
    if cancelled is not None:
        raise cancelled
    if error is not None:
        raise error
    return results


class _Outcome:
    # What wait_for's helper task learnt about the awaitable.
    def __init__(self):
        self.waiting = True  # wait_for is still in its timeout sleep
        self.done = False
        self.value = None
        self.error = None


async def _await_for(waiter, aw, outcome):
    try:
        outcome.value = await aw
    except BaseException as e:
        outcome.error = e
    outcome.done = True
    if outcome.waiting and waiter._throw is None and waiter._hi >= 0:
        # Cut wait_for's timeout sleep short.
        now = _ticks()
        if _ticks_diff(waiter._when, now) > 0:
            _runq.discard(waiter)
            _runq.add(waiter, now)


async def wait_for(aw, timeout, sleep=sleep):
    aw = _as_task(aw)
    if timeout is None:
        return await aw
    outcome = _Outcome()
    helper = create_task(_await_for(_cur, aw, outcome))
    try:
        await sleep(timeout)
    except CancelledError:
        # wait_for itself was cancelled: so is the awaitable.
        outcome.waiting = False
        helper.cancel()
        raise
    outcome.waiting = False
    if outcome.done:
        if outcome.error is not None:
            raise outcome.error
        return outcome.value
    # Timed out: cancel the awaitable and let it finish first.
    helper.cancel()
    await helper
    raise TimeoutError


def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, sleep_ms)


# ---------------------------------------------------------------------------
# Event, ThreadSafeFlag, Lock


class Event:
    def __init__(self):
        self._set = False
        self._waiting = _Parking()

    def is_set(self):
        return self._set

    def set(self):
        # Only from the thread running the loop (not an interrupt handler:
        # use ThreadSafeFlag there).
        self._set = True
        self._waiting.wake_all()

    def clear(self):
        self._set = False

    def wait(self):
        if not self._set:
            self._waiting.park(_cur)
            yield
        return True


class ThreadSafeFlag:
    # Can be set from outside the loop (a micropython.schedule callback, an
    # interrupt handler). The loop polls it like a stream, through ioctl.
    # Unlike Event, wait() clears it again.

    def __init__(self):
        self._set = 0

    def ioctl(self, req, arg):
        if req == 3:  # poll
            return arg if self._set else 0
        return -1

    def set(self):
        self._set = 1

    def clear(self):
        self._set = 0

    def wait(self):
        if not self._set:
            yield from _until_readable(self)
        self._set = 0


class Lock:
    def __init__(self):
        # 0 when free, 1 when held, or the Task the lock was handed to on
        # release that has not run yet to take it.
        self._state = 0
        self._waiting = _Parking()

    def locked(self):
        return self._state == 1

    def release(self):
        if self._state != 1:
            raise RuntimeError("Lock not acquired")
        if self._waiting:
            self._state = self._waiting.wake_next()
        else:
            self._state = 0

    def acquire(self):
        if self._state != 0:
            self._waiting.park(_cur)
            try:
                yield
            except CancelledError:
                if self._state is _cur:
                    # Handed the lock but cancelled before taking it: pass it on.
                    self._state = 1
                    self.release()
                raise
        self._state = 1
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


# ---------------------------------------------------------------------------
# Streams


class Stream:
    # Reads and writes a stream (an object with read/readline/readinto/write,
    # pollable by select.poll) without blocking the other tasks. The stream's
    # own calls are made once poll says it is ready; a stream in non-blocking
    # mode may answer None (nothing yet), and is then waited for again.

    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    def close(self):
        pass

    async def wait_closed(self):
        self.s.close()

    # The data read so far starts as None, so that text streams (giving str)
    # work as well as binary ones.

    def read(self, n=-1):
        data = None
        while True:
            yield from _until_readable(self.s)
            more = self.s.read(n)
            if more is None:
                continue
            if n >= 0:
                return more
            if not more:
                return more if data is None else data
            data = more if data is None else data + more

    def readinto(self, buf):
        yield from _until_readable(self.s)
        return self.s.readinto(buf)

    def readexactly(self, n):
        data = b""
        while n > 0:
            yield from _until_readable(self.s)
            more = self.s.read(n)
            if more is None:
                continue
            if not more:
                raise EOFError
            data = more if not data else data + more
            n -= len(more)
        return data

    def readline(self):
        line = None
        while True:
            yield from _until_readable(self.s)
            more = self.s.readline()
            if more is None:
                continue
            line = more if line is None else line + more
            if not more or line[-1:] in (b"\n", "\n"):
                return line

    def write(self, buf):
        # Written at once if the stream takes it; what it doesn't take waits
        # for drain().
        if not self.out_buf:
            n = self.s.write(buf)
            if n == len(buf):
                return
            if n is not None:
                buf = buf[n:]
            self.out_buf = buf if type(buf) is bytes else bytes(buf)
            return
        self.out_buf += buf

    def drain(self):
        if not self.out_buf:
            # Always a chance for other tasks to run, even with nothing to write.
            return (yield from sleep_ms(0))
        data = memoryview(self.out_buf)
        sent = 0
        while sent < len(data):
            yield from _until_writable(self.s)
            n = self.s.write(data[sent:])
            if n is not None:
                sent += n
        self.out_buf = b""

    # MicroPython's older uasyncio names.
    async def awrite(self, buf, off=0, sz=-1):
        if off or sz != -1:
            buf = memoryview(buf)
            buf = buf[off : (len(buf) if sz == -1 else off + sz)]
        self.write(buf)
        await self.drain()

    awritestr = awrite
    aclose = wait_closed


StreamReader = Stream
StreamWriter = Stream


_EINPROGRESS = 115


def _no_ssl(what):
    return NotImplementedError("asyncio." + what + ": ssl is not supported (krait has no ssl module)")


def open_connection(host, port, ssl=None, server_hostname=None):
    # A generator (awaitable): connects without blocking the other tasks, and
    # returns (reader, writer), one Stream on the socket.
    if ssl:
        raise _no_ssl("open_connection")
    import socket

    family, kind, proto, _, addr = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(family, kind, proto)
    s.setblocking(False)
    try:
        try:
            s.connect(addr)
        except OSError as e:
            if e.errno != _EINPROGRESS:
                raise
        yield from _until_writable(s)
        # Whether the connection was made (CPython raises here; MicroPython later).
        err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            raise OSError(err, "Connect call failed")
    except BaseException:
        s.close()
        raise
    stream = Stream(s, {"peername": addr})
    return stream, stream


class Server:
    # What start_server returns: a task accepting connections on a listening
    # socket, each handed to the callback as (reader, writer).

    def __init__(self, sock):
        self.sockets = [sock]
        self.task = None
        self._closing = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        if not self._closing:
            self._closing = True
            self.task.cancel()

    async def wait_closed(self):
        await self.task

    def _serve(self, s, cb):
        try:
            while True:
                yield from _until_readable(s)
                try:
                    conn, addr = s.accept()
                except OSError:
                    # The client went away before it was accepted.
                    continue
                conn.setblocking(False)
                stream = Stream(conn, {"peername": addr})
                create_task(cb(stream, stream))
        except CancelledError:
            s.close()
            if not self._closing:
                # Cancelled from outside (its parent was): pass that on.
                raise


async def start_server(cb, host, port, backlog=5, ssl=None):
    if ssl:
        raise _no_ssl("start_server")
    import socket

    family, kind, proto, _, addr = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(family, kind, proto)
    try:
        s.setblocking(False)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(addr)
        s.listen(backlog)
    except BaseException:
        s.close()
        raise
    srv = Server(s)
    srv.task = create_task(srv._serve(s, cb))
    try:
        # Let the server task start, so that it is parked on the socket and
        # can be cancelled cleanly.
        await sleep_ms(0)
    except CancelledError:
        srv.close()
        raise
    return srv


new_event_loop()
