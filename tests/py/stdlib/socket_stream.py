# exp: hand
# MicroPython's stream methods on a socket: read, readinto, readline and write
# on the socket itself (makefile() gives the socket back); in non-blocking
# mode they answer None when nothing can be read. (MicroPython-only API: the
# expected output is written by hand.)
import usocket as socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
a = socket.socket()
a.connect(srv.getsockname())
b, _ = srv.accept()
srv.close()

print(a.makefile("rwb") is a)
print(a.write(b"first line\nsecond"))
print(a.write(b"0123456789", 2, 3))
print(b.readline())
print(b.read(6))
buf = bytearray(8)
print(b.readinto(buf, 3), buf[:3])
b.setblocking(False)
print(b.read(), b.readline(), b.readinto(buf))
a.write(b"partial")
print(b.readline())
a.write(b"tail")
a.close()
print(b.read())
b.close()
try:
    b.read(1)
except OSError as e:
    print("OSError", e.errno)
