# asyncio.start_server and asyncio.open_connection over loopback: an echo
# server with several clients at once, readline/read/readexactly, the server
# as an async context manager, and a refused connection.
import asyncio

log = []


async def echo(reader, writer):
    peer = writer.get_extra_info("peername")
    log.append(peer[0])
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(b"echo " + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for i in range(n):
        writer.write(b"%s-%d\n" % (name, i))
        await writer.drain()
        replies.append(await reader.readline())
    writer.write(b"last\n")
    await writer.drain()
    replies.append(await reader.readexactly(5))
    replies.append(await reader.read(100))
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    print(isinstance(server, asyncio.Server))
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.gather(client(port, b"a", 2), client(port, b"b", 3), client(port, b"c", 1))
    for r in results:
        print(r)
    print(log)
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("refused")

    async def hello(reader, writer):
        writer.write(b"hi\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    async with await asyncio.start_server(hello, "127.0.0.1", 0, backlog=2) as srv:
        port = srv.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print(await reader.read(100), await reader.read(100))
        writer.close()
        await writer.wait_closed()
    print("done")


asyncio.run(main())
