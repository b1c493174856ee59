# exp: hand
# MicroPython's own asyncio API, absent from CPython (so the expected output is
# written by hand): sleep_ms, wait_for_ms, ThreadSafeFlag (set in the loop and
# from a micropython.schedule callback), the uasyncio alias, the Loop object
# (run_until_complete, run_forever/stop, exception handlers), and errors.
import asyncio
import micropython
import time
import uasyncio

print(uasyncio is asyncio, uasyncio.sleep_ms is asyncio.sleep_ms)


async def sleepy(tag, ms):
    await asyncio.sleep_ms(ms)
    return tag


async def forever():
    await asyncio.sleep_ms(100000)


async def main():
    t0 = time.ticks_ms()
    await asyncio.sleep_ms(2)
    print(time.ticks_diff(time.ticks_ms(), t0) >= 2)
    try:
        await asyncio.sleep_ms(time.ticks_add(0, -1) // 2 + 1)
    except OverflowError:
        print("OverflowError")
    print(await asyncio.wait_for_ms(sleepy("in time", 0), 1000))
    try:
        await asyncio.wait_for_ms(forever(), 2)
    except asyncio.TimeoutError:
        print("TimeoutError")
    # A sleep made into a task (krait: MicroPython itself wants a coroutine here).
    t = asyncio.create_task(asyncio.sleep_ms(1))
    print(await t)

    # ThreadSafeFlag: set in the loop, already set, and set by a scheduled callback.
    flag = asyncio.ThreadSafeFlag()

    async def wait_flag(tag):
        print(tag, "waits")
        await flag.wait()
        print(tag, "woke")

    t = asyncio.create_task(wait_flag("f1"))
    await asyncio.sleep_ms(0)
    flag.set()
    await t
    flag.set()
    await wait_flag("f2")
    flag.set()
    flag.clear()
    t = asyncio.create_task(wait_flag("f3"))
    await asyncio.sleep_ms(0)
    micropython.schedule(lambda f: f.set(), flag)
    await t
    # wait() clears the flag again.
    try:
        await asyncio.wait_for_ms(flag.wait(), 2)
    except asyncio.TimeoutError:
        print("flag cleared")

    # A task can't cancel itself.
    try:
        asyncio.current_task().cancel()
    except RuntimeError as e:
        print("RuntimeError", e)

    # Awaiting a task that gather() is waiting for is not supported.
    a = asyncio.create_task(sleepy("a", 0))
    g = asyncio.create_task(asyncio.gather(a))
    await asyncio.sleep_ms(0)
    try:
        await a
    except RuntimeError as e:
        print("RuntimeError", e)
    print(await g)


asyncio.run(main())

try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    asyncio.create_task(42)
except TypeError as e:
    print("TypeError", e)

# The loop object.
loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop(), loop is asyncio.Loop)
print(loop.run_until_complete(sleepy("ruc", 1)))
t = loop.create_task(sleepy("task", 0))
print(isinstance(t, asyncio.Task))
print(loop.run_until_complete(t))
# The module's run_until_complete() with no task runs until no task is left.
asyncio.create_task(sleepy("left", 0))
print(asyncio.run_until_complete())


async def stopper():
    print("stopper runs")
    await asyncio.sleep_ms(1)
    print("stopping")
    loop.stop()


loop.create_task(stopper())
loop.run_forever()
print("run_forever returned")
# stop() outside run_forever does nothing.
loop.stop()
print(loop.run_until_complete(sleepy("y", 0)))
loop.create_task(stopper())
loop = asyncio.new_event_loop()
print("a new loop forgets old tasks")
loop.create_task(stopper())
loop.run_forever()
loop.close()


# Exception handlers.
async def boom(n):
    raise ValueError(n)


def handler(loop, context):
    print("handler:", context["message"], type(context["exception"]).__name__, context["exception"].args)
    print(context["future"].done())


async def handled():
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    asyncio.create_task(boom(1))
    await asyncio.sleep_ms(0)
    await asyncio.sleep_ms(0)
    # Retrieved in time: not reported.
    t = asyncio.create_task(boom(2))
    await asyncio.sleep_ms(0)
    try:
        await t
    except ValueError as e:
        print("retrieved", e.args)
    # A cancelled task that isn't awaited is not reported either.
    t = asyncio.create_task(forever())
    await asyncio.sleep_ms(0)
    t.cancel()
    await asyncio.sleep_ms(0)
    await asyncio.sleep_ms(0)


loop.run_until_complete(handled())
loop.set_exception_handler(None)


class Fake:
    coro = "<the coroutine>"

    def __repr__(self):
        return "<the task>"


import sys

err = sys.stderr
sys.stderr = sys.stdout
try:
    loop.call_exception_handler({"message": "a message", "exception": KeyError(3), "future": Fake()})
    loop.default_exception_handler({"message": "another", "exception": OSError(4), "future": Fake()})
finally:
    sys.stderr = err


# No ssl in krait.
async def connect():
    try:
        await asyncio.open_connection("localhost", 80, ssl=True)
    except NotImplementedError as e:
        print("NotImplementedError", e)
    try:
        await asyncio.start_server(None, "localhost", 80, ssl=True)
    except NotImplementedError as e:
        print("NotImplementedError", e)


asyncio.run(connect())
