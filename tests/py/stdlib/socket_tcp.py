# TCP over loopback with blocking sockets: bind/listen/accept/connect,
# send/recv, timeouts, errors, options, and makefile's stream methods.
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("reuseaddr", srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen(2)
host, port = srv.getsockname()
print("listening on", host, 0 < port < 65536)
print(int(srv.family) == socket.AF_INET, int(srv.type) == socket.SOCK_STREAM, srv.proto)

cli = socket.socket()
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print("nodelay", cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
cli.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
cli.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
cli.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
print("bufs", cli.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) > 0)
cli.connect(("127.0.0.1", port))
conn, addr = srv.accept()
print("accepted from", addr[0], addr == cli.getsockname(), conn.getpeername() == cli.getsockname())
print("peer", cli.getpeername() == ("127.0.0.1", port))

print("send", cli.send(b"hello"))
print("recv", conn.recv(5))
cli.sendall(b"x" * 10000)
got = b""
while len(got) < 10000:
    got += conn.recv(4096)
print("sendall", len(got), got == b"x" * 10000)

# recv_into, with and without a size
cli.sendall(b"abcdefgh")
buf = bytearray(4)
print("recv_into", conn.recv_into(buf), buf)
mv = memoryview(bytearray(10))
print("recv_into n", conn.recv_into(mv, 3), bytes(mv[:3]))
print("peek", conn.recv(1, socket.MSG_PEEK), conn.recv(10))

# timeouts
print("timeout", conn.gettimeout())
conn.settimeout(0.02)
print("timeout", conn.gettimeout())
try:
    conn.recv(10)
except socket.timeout as e:
    print("timed out:", type(e).__name__, isinstance(e, OSError))
conn.settimeout(None)
print("timeout", conn.gettimeout())

# makefile: reading and writing through the stream methods
f = conn.makefile("rwb", 0)
cli.sendall(b"line one\nline two\nrest")
print(f.readline())
print(f.readline())
b = bytearray(4)
print(f.readinto(b), b)
print(f.write(b"reply"))
print(cli.recv(100))

# half-close: the peer reads to the end
cli.shutdown(socket.SHUT_WR)
print("eof", conn.recv(10))
conn.shutdown(socket.SHUT_RDWR)
conn.close()
cli.close()

# closed sockets
print("fileno after close", cli.fileno())
try:
    cli.send(b"x")
except OSError as e:
    print("closed:", type(e).__name__)
cli.close()

# connecting to a port nobody listens on
srv.close()
with socket.socket() as c:
    try:
        c.connect(("127.0.0.1", port))
    except ConnectionRefusedError as e:
        print("refused", isinstance(e, socket.error))

# bad arguments
for args in ((None,), (socket.AF_INET, None), (socket.AF_INET, socket.SOCK_STREAM, None)):
    try:
        socket.socket(*args)
    except TypeError:
        print("TypeError")
s = socket.socket()
for bad in (("127.0.0.1",), 5, ("127.0.0.1", 70000), ("127.0.0.1", "x")):
    try:
        s.bind(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__)
try:
    s.settimeout(-1)
except ValueError as e:
    print("ValueError")
try:
    s.recv(-1)
except ValueError as e:
    print("ValueError")
try:
    s.send("str")
except TypeError as e:
    print("TypeError")
print(repr(s).startswith("<socket.socket"))
s.close()
print("[closed]" in repr(s))
