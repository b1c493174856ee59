# A server and clients in one process: non-blocking sockets driven by
# select.poll and select.select (poll reports objects on MicroPython and file
# descriptors on CPython: both are turned into sockets here).
import errno
import select
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
srv.setblocking(False)
port = srv.getsockname()[1]
print("timeout", srv.gettimeout())

try:
    srv.accept()
except OSError as e:
    print("accept:", type(e).__name__, e.errno == errno.EAGAIN)

socks = {srv.fileno(): srv}


def sock_of(x):
    return socks[x if isinstance(x, int) else x.fileno()]


clients = []
for i in range(3):
    c = socket.socket()
    c.setblocking(False)
    try:
        c.connect(("127.0.0.1", port))
    except OSError as e:
        print("connect:", type(e).__name__, e.errno == errno.EINPROGRESS)
    socks[c.fileno()] = c
    clients.append(c)

poller = select.poll()
poller.register(srv, select.POLLIN)
for c in clients:
    poller.register(c, select.POLLOUT)

# Wait until every client is connected and the server accepted them all.
conns = []
connected = 0
while connected < 3 or len(conns) < 3:
    for x, ev in poller.poll(1000):
        s = sock_of(x)
        if s is srv:
            conn, addr = srv.accept()
            conn.setblocking(False)
            socks[conn.fileno()] = conn
            conns.append(conn)
            poller.register(conn, select.POLLIN)
        else:
            poller.unregister(s)
            connected += 1
print("connected", connected, "accepted", len(conns))

for i, c in enumerate(clients):
    c.send(b"msg%d" % i)

# An echo server for the messages, then the replies.
for c in clients:
    poller.register(c, select.POLLIN)
got = []
while len(got) < 3:
    for x, ev in poller.poll(1000):
        s = sock_of(x)
        poller.unregister(s)
        if s in conns:
            s.send(s.recv(100).upper())
        else:
            got.append(s.recv(100))
print(sorted(got))

# Nothing left to read: BlockingIOError, and MSG_DONTWAIT on a blocking socket.
try:
    clients[0].recv(10)
except OSError as e:
    print("recv:", type(e).__name__, e.errno == errno.EAGAIN)
conns[0].setblocking(True)
try:
    conns[0].recv(10, socket.MSG_DONTWAIT)
except BlockingIOError as e:
    print("dontwait:", e.errno == errno.EAGAIN)

# select.select sees a socket with data.
clients[1].send(b"ping")
r, w, x = select.select([conns[1], conns[2]], [], [], 1)
print("select", [sock_of(s) is conns[1] for s in r])
print(conns[1].recv(10))

# A closed peer: readable, and recv gives b"".
clients[2].close()
r, w, x = select.select([conns[2]], [], [], 1)
print("eof", len(r), conns[2].recv(10))

for s in clients + conns + [srv]:
    s.close()
print("done")
