# exp: hand
# asyncio.StreamReader/StreamWriter over MicroPython-style streams: a stream
# class with ioctl() that select.poll asks whether it is ready (as on
# MicroPython), a stream that takes writes a little at a time, and files.
# (MicroPython-only API: the expected output is written by hand.)
import asyncio
import os

POLLIN = 1
POLLOUT = 4


class Pipe:
    # In-memory byte pipe: readable when it holds data, writable while it has
    # room for at least one byte; write() takes what fits and answers None when
    # full; reads answer None when it is empty (b"" once it is closed).
    def __init__(self, room):
        self.buf = b""
        self.room = room
        self.closed = False

    def ioctl(self, req, arg):
        if req != 3:
            return -1
        ready = 0
        if arg & POLLIN and (self.buf or self.closed):
            ready |= POLLIN
        if arg & POLLOUT and len(self.buf) < self.room:
            ready |= POLLOUT
        return ready

    def read(self, n=-1):
        if not self.buf:
            return b"" if self.closed else None
        if n < 0:
            n = len(self.buf)
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def readinto(self, b):
        data = self.read(len(b))
        if data is None:
            return None
        b[: len(data)] = data
        return len(data)

    def readline(self):
        # What there is, up to a newline (part of a line when the rest hasn't come).
        i = self.buf.find(b"\n")
        return self.read(-1 if i < 0 else i + 1)

    def write(self, data):
        n = min(len(data), self.room - len(self.buf))
        if n <= 0:
            return None
        self.buf += bytes(data[:n])
        return n

    def close(self):
        self.closed = True


async def producer(w, pipe):
    for chunk in (b"hello ", b"world\nsecond", b" line\n", b"0123456789"):
        w.write(chunk)
        await w.drain()
    await asyncio.sleep_ms(1)
    pipe.close()


async def main():
    pipe = Pipe(4)
    r = asyncio.StreamReader(pipe)
    w = asyncio.StreamWriter(pipe, {"peername": "pipe"})
    print(w.get_extra_info("peername"))
    t = asyncio.create_task(producer(w, pipe))
    print(await r.readline())
    print(await r.readline())
    print(await r.readexactly(3))
    b = bytearray(2)
    print(await r.readinto(b), b)
    print(await r.read(3))
    print(await r.read())
    await t
    try:
        await r.readexactly(1)
    except EOFError:
        print("EOFError")
    w.close()
    await w.wait_closed()
    print(pipe.closed)
    print(asyncio.Stream is asyncio.StreamReader, asyncio.StreamReader is asyncio.StreamWriter)

    # A file: always ready.
    name = "_asyncio_streams.tmp"
    f = open(name, "wb")
    fw = asyncio.StreamWriter(f)
    fw.write(b"line one\nline two\n")
    await fw.drain()
    await fw.awrite(b"xxtailxx", 2, 4)
    f.close()
    f = open(name, "rb")
    fr = asyncio.StreamReader(f)
    print(await fr.readline())
    print(await fr.read())
    await fr.aclose()
    print(f.closed)
    os.remove(name)


asyncio.run(main())
