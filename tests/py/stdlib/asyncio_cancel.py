# asyncio cancellation: cancel() before a task starts, while it sleeps, when
# it is done, a task that catches CancelledError, and cancelling a task that
# awaits another task.
import asyncio


async def sleeper(tag, catch=False):
    try:
        print(tag, "sleeps")
        await asyncio.sleep(10)
        print(tag, "woke")
    except asyncio.CancelledError:
        print(tag, "cancelled")
        if not catch:
            raise
    return tag


async def waiter(inner):
    try:
        print("waiter got", await inner)
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise


async def main():
    # Cancelled before it ever runs.
    t = asyncio.create_task(sleeper("t0"))
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("t0 raised CancelledError")
    print(t.done(), t.cancel())

    # Cancelled while sleeping.
    t = asyncio.create_task(sleeper("t1"))
    await asyncio.sleep(0)
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("t1 raised CancelledError")

    # A task that swallows the cancellation finishes normally.
    t = asyncio.create_task(sleeper("t2", catch=True))
    await asyncio.sleep(0)
    t.cancel()
    print(await t)

    # Cancelling a task that awaits another cancels the other one first.
    inner = asyncio.create_task(sleeper("inner"))
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0)
    outer.cancel()
    for t in (inner, outer):
        try:
            await t
        except asyncio.CancelledError:
            pass
    print(inner.done(), outer.done())

    # ... and if the inner one swallows it, the outer one carries on.
    inner = asyncio.create_task(sleeper("inner2", catch=True))
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0)
    outer.cancel()
    await outer

    # CancelledError is not an Exception.
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
