# asyncio.gather: results in order, coroutines and tasks mixed, no
# awaitables, return_exceptions, the first exception propagating, and
# cancelling a gather cancelling what it gathers.
import asyncio


async def value(x, n=1):
    for _ in range(n):
        await asyncio.sleep(0)
    return x


async def fail(x, n=1):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(x)


cancelled = []


async def forever(tag):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        cancelled.append(tag)
        raise


async def main():
    print(await asyncio.gather(value(1, 3), value(2, 1), value(3, 2)))
    t = asyncio.create_task(value("t"))
    print(await asyncio.gather(t, value("c")))
    print(await asyncio.gather())

    r = await asyncio.gather(value(1), fail(2), value(3), return_exceptions=True)
    print(r[0], type(r[1]).__name__, r[1].args, r[2])

    try:
        await asyncio.gather(value(1, 5), fail("first", 1), value(2, 2))
    except ValueError as e:
        print("ValueError", e.args)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    # Cancelling the task running a gather cancels the gathered tasks.
    async def gatherer():
        try:
            await asyncio.gather(forever("g1"), forever("g2"))
        except asyncio.CancelledError:
            print("gather cancelled")
            raise

    g = asyncio.create_task(gatherer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gatherer cancelled")
    await asyncio.sleep(0)
    print(sorted(cancelled))


asyncio.run(main())
