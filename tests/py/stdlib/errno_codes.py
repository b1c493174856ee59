# errno: MicroPython's constants, the errorcode dict, and OSError.errno.

import errno

names = ["EPERM", "ENOENT", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "ENODEV", "EISDIR", "EINVAL",
         "EADDRINUSE", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "ENOTCONN", "ETIMEDOUT",
         "ECONNREFUSED", "EHOSTUNREACH", "EALREADY", "EINPROGRESS", "ENOTDIR", "ENOTEMPTY", "EPIPE", "ENOSPC"]
for n in names:
    v = getattr(errno, n)
    print(n, v, errno.errorcode[v])
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EWOULDBLOCK], type(errno.errorcode).__name__)
print(all(errno.errorcode[getattr(errno, n)] == n for n in names))

e = OSError(errno.ENOENT, "No such file or directory")
print(e.errno, e.strerror, e.args)
try:
    raise OSError(errno.EACCES, "denied")
except OSError as x:
    print(x.errno == errno.EACCES, x.args[1])
