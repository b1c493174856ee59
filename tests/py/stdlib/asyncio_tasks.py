# asyncio tasks: run, create_task, sleep, awaiting tasks (their results and
# exceptions, again after they finished), done(), current_task().
import asyncio


async def worker(name, n, log):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep(0)
    return name * 2


async def fails(x):
    await asyncio.sleep(0)
    raise ValueError(x)


async def nested(x):
    return await worker("n", x, [])


async def main():
    print("main start")
    log = []
    a = asyncio.create_task(worker("a", 3, log))
    b = asyncio.create_task(worker("b", 2, log))
    print(a.done(), b.done())
    print(await a, await b)
    print(log)
    print(a.done(), b.done())
    # Awaiting a finished task again gives its result again.
    print(await a)

    # A coroutine awaited directly runs in the same task.
    print(await nested(2))

    # A task's exception reaches whoever awaits it, every time.
    t = asyncio.create_task(fails(5))
    for _ in range(2):
        try:
            await t
        except ValueError as e:
            print("ValueError", e.args)
    print(t.done())

    # current_task() is the task running.
    me = asyncio.current_task()
    seen = []

    async def who():
        seen.append(asyncio.current_task())

    t = asyncio.create_task(who())
    await t
    print(seen[0] is t, seen[0] is not me, asyncio.current_task() is me)

    # Small sleeps: a task sleeping less wakes first.
    order = []

    async def sleeper(d, tag):
        await asyncio.sleep(d)
        order.append(tag)

    ts = [asyncio.create_task(sleeper(0.004, "slow")), asyncio.create_task(sleeper(0, "fast"))]
    for t in ts:
        await t
    print(order)

    # Negative sleeps don't wait.
    await asyncio.sleep(-1)
    print("main end")
    return 42


print(asyncio.run(main()))

# An exception in the main coroutine comes out of run().
async def bad():
    await asyncio.sleep(0)
    raise KeyError("k")


try:
    asyncio.run(bad())
except KeyError as e:
    print("KeyError", e.args)
