# UDP over loopback, AF_UNIX and AF_INET6, getaddrinfo, inet_pton/inet_ntop,
# the constants, and sockets as context managers.
import random
import socket

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as a, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as b:
    a.bind(("127.0.0.1", 0))
    b.bind(("127.0.0.1", 0))
    a.settimeout(1.0)
    b.settimeout(1.0)
    print(b.sendto(b"ping", a.getsockname()))
    data, addr = a.recvfrom(100)
    print(data, addr == b.getsockname())
    print(a.sendto(b"pong", 0, addr))
    print(b.recv(100))
    b.connect(a.getsockname())
    b.send(b"connected")
    print(a.recvfrom(4)[0])  # the rest of a datagram is dropped
    b.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    print("broadcast", b.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST) != 0)
    a.settimeout(0.01)
    try:
        a.recvfrom(10)
    except TimeoutError as e:
        print("TimeoutError", isinstance(e, OSError))
    fd = a.fileno()
    print(fd >= 0)
print(a.fileno(), b.fileno())

# AF_INET6 on loopback
try:
    s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s6.bind(("::1", 0))
except OSError:
    print("('::1', True, 0, 0)")  # no IPv6 here
else:
    h, p, flow, scope = s6.getsockname()
    print((h, p > 0, flow, scope))
    s6.close()

# AF_UNIX, in the abstract namespace (no file)
name = b"\0krait-test-%d" % random.getrandbits(30)
with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as u, socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as v:
    u.bind(name)
    print(u.getsockname() == name)
    v.sendto(b"unix", name)
    print(u.recv(10))

# getaddrinfo: CPython's 5-tuples
for fam, typ, proto, canon, sa in socket.getaddrinfo("127.0.0.1", 80):
    print(int(fam), int(typ), proto, repr(canon), sa)
print([(int(i[0]), i[4]) for i in socket.getaddrinfo("localhost", "8080", socket.AF_INET, socket.SOCK_STREAM)])
print(socket.getaddrinfo(None, 5, socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP, socket.AI_PASSIVE)[0][4])
print(socket.getaddrinfo("::1", 7, socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)[0][4])
print(len(socket.getaddrinfo("127.0.0.1", 1, socket.AF_UNSPEC, 0, socket.IPPROTO_IP, socket.AI_CANONNAME)) > 0)
try:
    socket.getaddrinfo("not an address", 1, 0, 0, 0, socket.AI_NUMERICHOST)
except OSError as e:
    print("OSError", e.errno < 0)

print(socket.inet_pton(socket.AF_INET, "192.168.1.2"))
print(socket.inet_ntop(socket.AF_INET, b"\x7f\x00\x00\x01"))
print(socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, "fe80::1:2")))
try:
    socket.inet_pton(socket.AF_INET, "1.2.3")
except OSError:
    print("OSError")

print(socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_RAW)
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX)
print(socket.MSG_PEEK, socket.MSG_DONTWAIT, socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
print(socket.SO_ERROR, socket.IPPROTO_UDP, socket.error is OSError, socket.timeout is TimeoutError)
