# errno: every constant krait's errno has (Linux values), and errorcode mapping each back
# to a name of the same code (EWOULDBLOCK is EAGAIN's alias; CPython also has aliases such as
# EDEADLOCK and ENOTSUP, which errorcode may name instead).
import errno

codes = [
    ("E2BIG", errno.E2BIG),
    ("EACCES", errno.EACCES),
    ("EADDRINUSE", errno.EADDRINUSE),
    ("EADDRNOTAVAIL", errno.EADDRNOTAVAIL),
    ("EAFNOSUPPORT", errno.EAFNOSUPPORT),
    ("EAGAIN", errno.EAGAIN),
    ("EALREADY", errno.EALREADY),
    ("EBADF", errno.EBADF),
    ("EBUSY", errno.EBUSY),
    ("ECHILD", errno.ECHILD),
    ("ECONNABORTED", errno.ECONNABORTED),
    ("ECONNREFUSED", errno.ECONNREFUSED),
    ("ECONNRESET", errno.ECONNRESET),
    ("EDEADLK", errno.EDEADLK),
    ("EDESTADDRREQ", errno.EDESTADDRREQ),
    ("EDOM", errno.EDOM),
    ("EEXIST", errno.EEXIST),
    ("EFAULT", errno.EFAULT),
    ("EFBIG", errno.EFBIG),
    ("EHOSTDOWN", errno.EHOSTDOWN),
    ("EHOSTUNREACH", errno.EHOSTUNREACH),
    ("EINPROGRESS", errno.EINPROGRESS),
    ("EINTR", errno.EINTR),
    ("EINVAL", errno.EINVAL),
    ("EIO", errno.EIO),
    ("EISCONN", errno.EISCONN),
    ("EISDIR", errno.EISDIR),
    ("ELOOP", errno.ELOOP),
    ("EMFILE", errno.EMFILE),
    ("EMLINK", errno.EMLINK),
    ("EMSGSIZE", errno.EMSGSIZE),
    ("ENAMETOOLONG", errno.ENAMETOOLONG),
    ("ENETDOWN", errno.ENETDOWN),
    ("ENETRESET", errno.ENETRESET),
    ("ENETUNREACH", errno.ENETUNREACH),
    ("ENFILE", errno.ENFILE),
    ("ENOBUFS", errno.ENOBUFS),
    ("ENODEV", errno.ENODEV),
    ("ENOENT", errno.ENOENT),
    ("ENOEXEC", errno.ENOEXEC),
    ("ENOLCK", errno.ENOLCK),
    ("ENOMEM", errno.ENOMEM),
    ("ENOPROTOOPT", errno.ENOPROTOOPT),
    ("ENOSPC", errno.ENOSPC),
    ("ENOSYS", errno.ENOSYS),
    ("ENOTBLK", errno.ENOTBLK),
    ("ENOTCONN", errno.ENOTCONN),
    ("ENOTDIR", errno.ENOTDIR),
    ("ENOTEMPTY", errno.ENOTEMPTY),
    ("ENOTSOCK", errno.ENOTSOCK),
    ("ENOTTY", errno.ENOTTY),
    ("ENXIO", errno.ENXIO),
    ("EOPNOTSUPP", errno.EOPNOTSUPP),
    ("EPERM", errno.EPERM),
    ("EPIPE", errno.EPIPE),
    ("EPROTONOSUPPORT", errno.EPROTONOSUPPORT),
    ("EPROTOTYPE", errno.EPROTOTYPE),
    ("ERANGE", errno.ERANGE),
    ("EROFS", errno.EROFS),
    ("ESHUTDOWN", errno.ESHUTDOWN),
    ("ESPIPE", errno.ESPIPE),
    ("ESRCH", errno.ESRCH),
    ("ETIMEDOUT", errno.ETIMEDOUT),
    ("ETXTBSY", errno.ETXTBSY),
    ("EWOULDBLOCK", errno.EWOULDBLOCK),
    ("EXDEV", errno.EXDEV),
]
for name, code in codes:
    print(name, code, getattr(errno, errno.errorcode[code]) == code)
print(len(set(c for _, c in codes)))
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EWOULDBLOCK])
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EINVAL], errno.errorcode[errno.EXDEV])
print(type(errno.errorcode).__name__, 99999 in errno.errorcode)
try:
    open("/nonexistent-dir-for-errno-test/x")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
