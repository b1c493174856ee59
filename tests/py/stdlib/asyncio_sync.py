# asyncio Event, Lock (with async with) and wait_for: results, timeouts, and
# a timed-out awaitable being cancelled.
import asyncio


async def main():
    ev = asyncio.Event()
    print(ev.is_set())

    async def wait_ev(tag):
        print(tag, "waits")
        r = await ev.wait()
        print(tag, "woke", r)

    ts = [asyncio.create_task(wait_ev(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("set")
    ev.set()
    print(ev.is_set())
    for t in ts:
        await t
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())

    lock = asyncio.Lock()
    order = []

    async def critical(tag):
        async with lock:
            order.append((tag, "in"))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            order.append((tag, "out"))

    ts = [asyncio.create_task(critical(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(lock.locked())
    for t in ts:
        await t
    print(order)
    print(lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print("RuntimeError")

    # wait_for: in time, timed out (the awaitable is cancelled), no timeout.
    async def slow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("slow cancelled")
            raise

    async def quick(x):
        await asyncio.sleep(0)
        return x

    print(await asyncio.wait_for(quick(7), 1))
    try:
        await asyncio.wait_for(slow(), 0.002)
    except asyncio.TimeoutError:
        print("TimeoutError")
    print(await asyncio.wait_for(quick(8), None))

    async def raises():
        await asyncio.sleep(0)
        raise OSError(5)

    try:
        await asyncio.wait_for(raises(), 1)
    except OSError as e:
        print("OSError", e.args)

    # wait_for on an Event that is set in time, and one that isn't.
    ev = asyncio.Event()

    async def setter():
        await asyncio.sleep(0)
        ev.set()

    asyncio.create_task(setter())
    print(await asyncio.wait_for(ev.wait(), 1))
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), 0.001)
    except asyncio.TimeoutError:
        print("TimeoutError")


asyncio.run(main())
