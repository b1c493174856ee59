//! `socket`: BSD sockets, with MicroPython's API and CPython's behaviour.
//!
//! - `socket.socket(af=AF_INET, type=SOCK_STREAM, proto=0)` makes a socket:
//!   `bind`, `listen`, `accept`, `connect`, `send`, `sendall`, `sendto`,
//!   `recv`, `recvfrom`, `recv_into`, `setsockopt`/`getsockopt`, `settimeout`/
//!   `gettimeout`, `setblocking`, `shutdown`, `getsockname`/`getpeername`,
//!   `fileno`, `close`, a context manager, and MicroPython's stream methods
//!   (`read`, `readinto`, `readline`, `write`; `makefile()` is the socket itself).
//! - Addresses are CPython's: `(host, port)` for AF_INET, `(host, port,
//!   flowinfo, scope_id)` for AF_INET6 (the last two optional), a path for
//!   AF_UNIX; a bytes object is taken as a raw `struct sockaddr`, as
//!   MicroPython's unix port gives them.
//! - `getaddrinfo(host, port, af=0, type=0, proto=0, flags=0)` gives CPython's
//!   5-tuples; `inet_pton`/`inet_ntop` convert addresses.
//!
//! Every descriptor is non-blocking underneath: a blocking socket (or one with
//! a timeout) waits with poll(2), in slices, so Ctrl-C and scheduled callbacks
//! are handled while it waits, and a timeout raises `TimeoutError` (an OSError
//! with errno ETIMEDOUT). A non-blocking socket raises `BlockingIOError`
//! (EAGAIN, or EINPROGRESS from `connect`), except that the stream methods
//! answer `None` when nothing could be read or written, as MicroPython's do.
//! A closed socket raises `OSError(EBADF)`. Linux only: elsewhere importing the
//! module raises `NotImplementedError`.

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

#[cfg(target_os = "linux")]
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    imp::make(vm)
}

#[cfg(not(target_os = "linux"))]
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    Err(vm.new_exception(crate::error::ExcKind::NotImplementedError, "the socket module is only available on Linux"))
}

#[cfg(target_os = "linux")]
mod sys {
    //! The few BSD socket calls krait needs, declared by hand (Linux layouts).
    use std::ffi::{c_char, c_int, c_void, CStr, CString};
    use std::io;

    pub const AF_UNSPEC: i32 = 0;
    pub const AF_UNIX: i32 = 1;
    pub const AF_INET: i32 = 2;
    pub const AF_INET6: i32 = 10;
    pub const SOCK_STREAM: i32 = 1;
    pub const SOCK_DGRAM: i32 = 2;
    pub const SOCK_RAW: i32 = 3;
    pub const SOCK_NONBLOCK: i32 = 0o4000;
    pub const SOCK_CLOEXEC: i32 = 0o2000000;
    pub const SOL_SOCKET: i32 = 1;
    pub const SO_REUSEADDR: i32 = 2;
    pub const SO_ERROR: i32 = 4;
    pub const SO_BROADCAST: i32 = 6;
    pub const SO_SNDBUF: i32 = 7;
    pub const SO_RCVBUF: i32 = 8;
    pub const SO_KEEPALIVE: i32 = 9;
    pub const IPPROTO_IP: i32 = 0;
    pub const IPPROTO_TCP: i32 = 6;
    pub const IPPROTO_UDP: i32 = 17;
    pub const TCP_NODELAY: i32 = 1;
    pub const MSG_PEEK: i32 = 2;
    pub const MSG_DONTWAIT: i32 = 0x40;
    pub const MSG_NOSIGNAL: i32 = 0x4000;
    pub const SHUT_RD: i32 = 0;
    pub const SHUT_WR: i32 = 1;
    pub const SHUT_RDWR: i32 = 2;
    pub const AI_PASSIVE: i32 = 1;
    pub const AI_CANONNAME: i32 = 2;
    pub const AI_NUMERICHOST: i32 = 4;
    /// Room for any socket address (`struct sockaddr_storage`).
    pub const ADDR_MAX: usize = 128;

    #[repr(C)]
    struct AddrInfo {
        ai_flags: c_int,
        ai_family: c_int,
        ai_socktype: c_int,
        ai_protocol: c_int,
        ai_addrlen: u32,
        ai_addr: *mut u8,
        ai_canonname: *mut c_char,
        ai_next: *mut AddrInfo,
    }

    extern "C" {
        fn socket(domain: c_int, ty: c_int, proto: c_int) -> c_int;
        fn bind(fd: c_int, addr: *const u8, len: u32) -> c_int;
        fn connect(fd: c_int, addr: *const u8, len: u32) -> c_int;
        fn listen(fd: c_int, backlog: c_int) -> c_int;
        fn accept4(fd: c_int, addr: *mut u8, len: *mut u32, flags: c_int) -> c_int;
        fn send(fd: c_int, buf: *const c_void, len: usize, flags: c_int) -> isize;
        fn sendto(fd: c_int, buf: *const c_void, len: usize, flags: c_int, addr: *const u8, alen: u32) -> isize;
        fn recv(fd: c_int, buf: *mut c_void, len: usize, flags: c_int) -> isize;
        fn recvfrom(fd: c_int, buf: *mut c_void, len: usize, flags: c_int, addr: *mut u8, alen: *mut u32) -> isize;
        fn setsockopt(fd: c_int, level: c_int, name: c_int, val: *const c_void, len: u32) -> c_int;
        fn getsockopt(fd: c_int, level: c_int, name: c_int, val: *mut c_void, len: *mut u32) -> c_int;
        fn getsockname(fd: c_int, addr: *mut u8, len: *mut u32) -> c_int;
        fn getpeername(fd: c_int, addr: *mut u8, len: *mut u32) -> c_int;
        fn shutdown(fd: c_int, how: c_int) -> c_int;
        fn close(fd: c_int) -> c_int;
        fn getaddrinfo(
            node: *const c_char,
            service: *const c_char,
            hints: *const AddrInfo,
            res: *mut *mut AddrInfo,
        ) -> c_int;
        fn freeaddrinfo(res: *mut AddrInfo);
        fn gai_strerror(code: c_int) -> *const c_char;
    }

    fn check(r: c_int) -> io::Result<c_int> {
        if r < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(r)
        }
    }

    fn check_len(r: isize) -> io::Result<usize> {
        if r < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(r as usize)
        }
    }

    /// A new non-blocking, close-on-exec socket.
    pub fn new_socket(family: i32, ty: i32, proto: i32) -> io::Result<i32> {
        // SAFETY: socket(2) takes plain integers and touches no memory of ours.
        check(unsafe { socket(family, ty | SOCK_NONBLOCK | SOCK_CLOEXEC, proto) })
    }

    pub fn bind_to(fd: i32, addr: &[u8]) -> io::Result<()> {
        // SAFETY: `addr` is a live buffer of exactly `addr.len()` bytes, only read.
        check(unsafe { bind(fd, addr.as_ptr(), addr.len() as u32) }).map(drop)
    }

    pub fn connect_to(fd: i32, addr: &[u8]) -> io::Result<()> {
        // SAFETY: `addr` is a live buffer of exactly `addr.len()` bytes, only read.
        check(unsafe { connect(fd, addr.as_ptr(), addr.len() as u32) }).map(drop)
    }

    pub fn listen_on(fd: i32, backlog: i32) -> io::Result<()> {
        // SAFETY: listen(2) takes plain integers.
        check(unsafe { listen(fd, backlog) }).map(drop)
    }

    /// Accept a connection: its (non-blocking) descriptor and the peer's address.
    pub fn accept_on(fd: i32) -> io::Result<(i32, Vec<u8>)> {
        let mut addr = [0u8; ADDR_MAX];
        let mut len = ADDR_MAX as u32;
        // SAFETY: `addr` has room for `len` bytes, and accept4(2) writes at most
        // that many and stores the full length in `len`.
        let r = check(unsafe { accept4(fd, addr.as_mut_ptr(), &mut len, SOCK_NONBLOCK | SOCK_CLOEXEC) })?;
        Ok((r, addr[..(len as usize).min(ADDR_MAX)].to_vec()))
    }

    pub fn send_on(fd: i32, data: &[u8], flags: i32) -> io::Result<usize> {
        // SAFETY: `data` is a live buffer of `data.len()` bytes, only read.
        check_len(unsafe { send(fd, data.as_ptr().cast(), data.len(), flags | MSG_NOSIGNAL) })
    }

    pub fn sendto_on(fd: i32, data: &[u8], flags: i32, addr: &[u8]) -> io::Result<usize> {
        // SAFETY: both buffers are live for their whole lengths, only read.
        let r = unsafe {
            sendto(fd, data.as_ptr().cast(), data.len(), flags | MSG_NOSIGNAL, addr.as_ptr(), addr.len() as u32)
        };
        check_len(r)
    }

    pub fn recv_on(fd: i32, buf: &mut [u8], flags: i32) -> io::Result<usize> {
        // SAFETY: `buf` is a live, writable buffer of `buf.len()` bytes.
        check_len(unsafe { recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) })
    }

    pub fn recvfrom_on(fd: i32, buf: &mut [u8], flags: i32) -> io::Result<(usize, Vec<u8>)> {
        let mut addr = [0u8; ADDR_MAX];
        let mut len = ADDR_MAX as u32;
        // SAFETY: `buf` and `addr` are live and writable for the lengths given;
        // recvfrom(2) writes at most `len` address bytes.
        let r = unsafe { recvfrom(fd, buf.as_mut_ptr().cast(), buf.len(), flags, addr.as_mut_ptr(), &mut len) };
        let n = check_len(r)?;
        Ok((n, addr[..(len as usize).min(ADDR_MAX)].to_vec()))
    }

    pub fn set_option(fd: i32, level: i32, name: i32, val: &[u8]) -> io::Result<()> {
        // SAFETY: `val` is a live buffer of `val.len()` bytes, only read.
        check(unsafe { setsockopt(fd, level, name, val.as_ptr().cast(), val.len() as u32) }).map(drop)
    }

    pub fn get_option(fd: i32, level: i32, name: i32, size: usize) -> io::Result<Vec<u8>> {
        let mut buf = vec![0u8; size];
        let mut len = size as u32;
        // SAFETY: `buf` has room for `len` bytes; getsockopt(2) writes at most that.
        check(unsafe { getsockopt(fd, level, name, buf.as_mut_ptr().cast(), &mut len) })?;
        buf.truncate(len as usize);
        Ok(buf)
    }

    /// The socket's own address (`peer` false) or its peer's.
    pub fn name_of(fd: i32, peer: bool) -> io::Result<Vec<u8>> {
        let mut addr = [0u8; ADDR_MAX];
        let mut len = ADDR_MAX as u32;
        // SAFETY: `addr` has room for `len` bytes, which is all either call writes.
        let r = unsafe {
            if peer {
                getpeername(fd, addr.as_mut_ptr(), &mut len)
            } else {
                getsockname(fd, addr.as_mut_ptr(), &mut len)
            }
        };
        check(r)?;
        Ok(addr[..(len as usize).min(ADDR_MAX)].to_vec())
    }

    pub fn shutdown_fd(fd: i32, how: i32) -> io::Result<()> {
        // SAFETY: shutdown(2) takes plain integers.
        check(unsafe { shutdown(fd, how) }).map(drop)
    }

    pub fn close_fd(fd: i32) {
        // SAFETY: `fd` is a descriptor this socket object owns and closes once.
        unsafe { close(fd) };
    }

    /// One answer of getaddrinfo(3).
    pub struct Info {
        pub family: i32,
        pub socktype: i32,
        pub protocol: i32,
        pub canonname: String,
        pub addr: Vec<u8>,
    }

    /// getaddrinfo(3); an error is (its code, its text).
    pub fn addr_info(
        host: Option<&str>,
        service: Option<&str>,
        family: i32,
        socktype: i32,
        protocol: i32,
        flags: i32,
    ) -> Result<Vec<Info>, (i32, String)> {
        let bad = || (-2, "Name or service not known".to_string());
        let host = host.map(CString::new).transpose().map_err(|_| bad())?;
        let service = service.map(CString::new).transpose().map_err(|_| bad())?;
        let hints = AddrInfo {
            ai_flags: flags,
            ai_family: family,
            ai_socktype: socktype,
            ai_protocol: protocol,
            ai_addrlen: 0,
            ai_addr: std::ptr::null_mut(),
            ai_canonname: std::ptr::null_mut(),
            ai_next: std::ptr::null_mut(),
        };
        let mut res: *mut AddrInfo = std::ptr::null_mut();
        let node = host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr());
        let serv = service.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
        // SAFETY: the strings are NUL-terminated and outlive the call, `hints`
        // is a properly initialised addrinfo, and `res` receives a list we free below.
        let code = unsafe { getaddrinfo(node, serv, &hints, &mut res) };
        if code != 0 {
            // SAFETY: gai_strerror returns a static NUL-terminated string.
            let text = unsafe { CStr::from_ptr(gai_strerror(code)) }.to_string_lossy().into_owned();
            return Err((code, text));
        }
        let mut out = Vec::new();
        let mut p = res;
        while !p.is_null() {
            // SAFETY: `p` walks the list getaddrinfo returned, still allocated;
            // each `ai_addr` holds `ai_addrlen` bytes and `ai_canonname` is NUL-terminated or null.
            let info = unsafe { &*p };
            let addr = if info.ai_addr.is_null() {
                Vec::new()
            } else {
                // SAFETY: see above.
                unsafe { std::slice::from_raw_parts(info.ai_addr, info.ai_addrlen as usize) }.to_vec()
            };
            let canonname = if info.ai_canonname.is_null() {
                String::new()
            } else {
                // SAFETY: see above.
                unsafe { CStr::from_ptr(info.ai_canonname) }.to_string_lossy().into_owned()
            };
            out.push(Info {
                family: info.ai_family,
                socktype: info.ai_socktype,
                protocol: info.ai_protocol,
                canonname,
                addr,
            });
            p = info.ai_next;
        }
        // SAFETY: `res` is the list getaddrinfo returned, freed once, not used after.
        unsafe { freeaddrinfo(res) };
        Ok(out)
    }
}

#[cfg(target_os = "linux")]
mod imp {
    use std::io;
    use std::net::{Ipv4Addr, Ipv6Addr};
    use std::time::{Duration, Instant};

    use krait_syntax::Qstr;

    use super::sys;
    use crate::class::kwarg;
    use crate::error::{ExcKind, PyErr, PyResult};
    use crate::gc::{Gc, ObjKind, PyObj, Tracer};
    use crate::modules::io::{io_error, os_error, EAGAIN, EBADF};
    use crate::modules::select::{POLLIN, POLLOUT};
    use crate::obj::{ModuleObj, TupleObj, TypeObj};
    use crate::value::Value;
    use crate::vm::Vm;

    type R = PyResult<Value>;

    const EINTR: i32 = 4;
    const EINPROGRESS: i32 = 115;
    const ETIMEDOUT: i64 = 110;
    /// The longest single wait, so that Ctrl-C and scheduled callbacks are seen promptly.
    const SLICE: Duration = Duration::from_millis(20);
    /// The most one `recv` asks for at a time.
    const RECV_MAX: usize = 1 << 20;

    pub struct SocketObj {
        /// The descriptor, -1 once closed.
        fd: i32,
        family: i32,
        ty: i32,
        proto: i32,
        /// `None` blocks for ever, `Some(0.0)` never blocks, else seconds to wait.
        timeout: Option<f64>,
        class: Gc<TypeObj>,
    }

    impl PyObj for SocketObj {
        const KIND: ObjKind = ObjKind::Other;
        fn trace(&self, t: &mut Tracer) {
            t.mark_gc(self.class);
        }
        fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
            self.class
        }
    }

    impl Drop for SocketObj {
        fn drop(&mut self) {
            if self.fd >= 0 {
                sys::close_fd(self.fd);
                self.fd = -1;
            }
        }
    }

    fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<SocketObj>> {
        match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<SocketObj>()) {
            Some(s) => Ok(s),
            None => Err(vm.type_error("socket method needs a socket")),
        }
    }

    /// The socket and its descriptor; `OSError(EBADF)` once closed.
    fn open(vm: &mut Vm, args: &[Value]) -> PyResult<(Gc<SocketObj>, i32)> {
        let s = this(vm, args)?;
        if s.fd < 0 {
            return Err(os_error(vm, EBADF));
        }
        Ok((s, s.fd))
    }

    fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
        let i = vm.to_index(v)?;
        i32::try_from(i).map_err(|_| vm.new_exception(ExcKind::OverflowError, "signed integer is greater than maximum"))
    }

    fn flags_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i32> {
        match v {
            Some(v) => int_arg(vm, v),
            None => Ok(0),
        }
    }

    // ---- waiting ----

    /// When an operation started now must give up (`None`: never).
    fn deadline(s: &SocketObj) -> Option<Instant> {
        match s.timeout {
            Some(t) if t > 0.0 => Some(Instant::now() + Duration::from_secs_f64(t.min(1e9))),
            _ => None,
        }
    }

    /// Wait until `fd` has one of `events` (or an error), or raise `TimeoutError` at `until`.
    fn wait_for(vm: &mut Vm, fd: i32, events: u32, until: Option<Instant>) -> PyResult<()> {
        vm.flush_stdout();
        loop {
            if crate::interrupt::pending() {
                vm.take_interrupt()?;
            }
            let wait = match until {
                Some(t) => {
                    let left = t.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(os_error(vm, ETIMEDOUT));
                    }
                    left.min(SLICE)
                }
                None => SLICE,
            };
            let mut out = [0u32];
            match crate::modules::select::sys::poll_fds(&[(fd, events)], &mut out, wait) {
                Ok(_) if out[0] != 0 => return Ok(()),
                Ok(_) => {}
                Err(e) => return Err(io_error(vm, &e)),
            }
        }
    }

    /// Run `op` on the socket's descriptor until it doesn't report EAGAIN,
    /// waiting for `events` in between as the socket's timeout allows. `None`
    /// when the socket (or `nonblock`) says not to wait and the call would block.
    fn run<T>(
        vm: &mut Vm,
        s: Gc<SocketObj>,
        events: u32,
        nonblock: bool,
        until: Option<Instant>,
        mut op: impl FnMut(i32) -> io::Result<T>,
    ) -> PyResult<Option<T>> {
        loop {
            if s.fd < 0 {
                return Err(os_error(vm, EBADF));
            }
            let fd = s.fd;
            match op(fd) {
                Ok(v) => return Ok(Some(v)),
                Err(e) if e.raw_os_error() == Some(EINTR) => {
                    if crate::interrupt::pending() {
                        vm.take_interrupt()?;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    if nonblock || s.timeout == Some(0.0) {
                        return Ok(None);
                    }
                    wait_for(vm, fd, events, until)?;
                }
                Err(e) => return Err(io_error(vm, &e)),
            }
        }
    }

    /// As `run`, raising `BlockingIOError(EAGAIN)` instead of answering `None`.
    fn run_or_raise<T>(
        vm: &mut Vm,
        s: Gc<SocketObj>,
        events: u32,
        nonblock: bool,
        op: impl FnMut(i32) -> io::Result<T>,
    ) -> PyResult<T> {
        let until = deadline(&s);
        match run(vm, s, events, nonblock, until, op)? {
            Some(v) => Ok(v),
            None => Err(os_error(vm, EAGAIN)),
        }
    }

    // ---- addresses ----

    fn sockaddr_in(ip: Ipv4Addr, port: u16) -> Vec<u8> {
        let mut a = vec![0u8; 16];
        a[0..2].copy_from_slice(&(sys::AF_INET as u16).to_ne_bytes());
        a[2..4].copy_from_slice(&port.to_be_bytes());
        a[4..8].copy_from_slice(&ip.octets());
        a
    }

    fn sockaddr_in6(ip: Ipv6Addr, port: u16, flowinfo: u32, scope_id: u32) -> Vec<u8> {
        let mut a = vec![0u8; 28];
        a[0..2].copy_from_slice(&(sys::AF_INET6 as u16).to_ne_bytes());
        a[2..4].copy_from_slice(&port.to_be_bytes());
        a[4..8].copy_from_slice(&flowinfo.to_be_bytes());
        a[8..24].copy_from_slice(&ip.octets());
        a[24..28].copy_from_slice(&scope_id.to_ne_bytes());
        a
    }

    fn gai_error(vm: &mut Vm, code: i32, text: String) -> PyErr {
        let t = match vm.new_string(text) {
            Ok(t) => t,
            Err(e) => return e,
        };
        let class = vm.types.exc(ExcKind::OSError);
        match vm.new_tuple_from(&[Value::small_int(code as i64), t]) {
            Ok(args) => vm.new_exception_args(class, args),
            Err(e) => e,
        }
    }

    /// The first address `host` resolves to in `family`.
    fn resolve(vm: &mut Vm, host: &str, family: i32) -> PyResult<Vec<u8>> {
        match sys::addr_info(Some(host), None, family, sys::SOCK_STREAM, 0, 0) {
            Ok(infos) => match infos.into_iter().find(|i| i.family == family) {
                Some(i) => Ok(i.addr),
                None => Err(gai_error(vm, -9, "Address family for hostname not supported".into())),
            },
            Err((code, text)) => Err(gai_error(vm, code, text)),
        }
    }

    fn host_str(vm: &mut Vm, v: Value) -> PyResult<String> {
        if let Some(s) = crate::obj::str_surrogates::utf8(vm, &v)? {
            return Ok(s.to_string());
        }
        if let Some(b) = crate::buffer::buffer_bytes(vm, v).filter(|_| v.is_kind(ObjKind::Bytes)) {
            return String::from_utf8(b).map_err(|_| vm.type_error("host name must be str or bytes"));
        }
        Err(vm.type_error(format!("str, bytes or bytearray expected, not {}", vm.type_name(v))))
    }

    fn port_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<u16> {
        let p = vm.to_index(v)?;
        u16::try_from(p)
            .map_err(|_| vm.new_exception(ExcKind::OverflowError, format!("{what}(): port must be 0-65535.")))
    }

    /// A Python address as a `struct sockaddr` for a socket of `family`.
    fn sockaddr_of(vm: &mut Vm, family: i32, addr: Value, what: &str) -> PyResult<Vec<u8>> {
        if addr.is_kind(ObjKind::Bytes) && family != sys::AF_UNIX {
            // MicroPython's form: the raw structure.
            let b = crate::buffer::buffer_bytes(vm, addr).unwrap_or_default();
            if b.len() < 2 || b.len() > sys::ADDR_MAX {
                return Err(os_error(vm, crate::modules::io::EINVAL));
            }
            return Ok(b);
        }
        match family {
            sys::AF_UNIX => {
                let path = match crate::obj::str_surrogates::fs_encode(vm, addr)? {
                    Some(b) => b,
                    None if addr.is_kind(ObjKind::Bytes) => crate::buffer::buffer_bytes(vm, addr).unwrap_or_default(),
                    None => {
                        return Err(
                            vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(addr)))
                        )
                    }
                };
                if path.len() >= 108 {
                    return Err(vm.new_exception(ExcKind::OSError, "AF_UNIX path too long"));
                }
                let mut a = (sys::AF_UNIX as u16).to_ne_bytes().to_vec();
                a.extend_from_slice(&path);
                if path.first() != Some(&0) {
                    a.push(0);
                }
                Ok(a)
            }
            sys::AF_INET | sys::AF_INET6 => {
                let items = match addr.downcast::<TupleObj>() {
                    Some(t) => t.items().to_vec(),
                    None => {
                        let fam = if family == sys::AF_INET { "AF_INET" } else { "AF_INET6" };
                        return Err(vm.type_error(format!("{fam} address must be tuple, not {}", vm.type_name(addr))));
                    }
                };
                let ok_len = if family == sys::AF_INET { items.len() == 2 } else { (2..=4).contains(&items.len()) };
                if !ok_len {
                    return Err(vm.type_error(format!("{what}(): address tuple has the wrong number of items")));
                }
                let host = host_str(vm, items[0])?;
                let port = port_arg(vm, items[1], what)?;
                if family == sys::AF_INET {
                    let ip = match host.as_str() {
                        "" => Ipv4Addr::UNSPECIFIED,
                        "<broadcast>" => Ipv4Addr::BROADCAST,
                        h => match h.parse::<Ipv4Addr>() {
                            Ok(ip) => ip,
                            Err(_) => {
                                let a = resolve(vm, h, sys::AF_INET)?;
                                let o: [u8; 4] = a.get(4..8).and_then(|s| s.try_into().ok()).unwrap_or([0; 4]);
                                Ipv4Addr::from(o)
                            }
                        },
                    };
                    Ok(sockaddr_in(ip, port))
                } else {
                    let flow = match items.get(2) {
                        Some(&v) => vm.to_index(v)? as u32,
                        None => 0,
                    };
                    let scope = match items.get(3) {
                        Some(&v) => vm.to_index(v)? as u32,
                        None => 0,
                    };
                    let ip = match host.as_str() {
                        "" => Ipv6Addr::UNSPECIFIED,
                        h => match h.parse::<Ipv6Addr>() {
                            Ok(ip) => ip,
                            Err(_) => {
                                let a = resolve(vm, h, sys::AF_INET6)?;
                                let o: [u8; 16] = a.get(8..24).and_then(|s| s.try_into().ok()).unwrap_or([0; 16]);
                                Ipv6Addr::from(o)
                            }
                        },
                    };
                    Ok(sockaddr_in6(ip, port, flow, scope))
                }
            }
            _ => Err(vm.new_exception(
                ExcKind::NotImplementedError,
                format!("{what}(): addresses of family {family} must be given as bytes"),
            )),
        }
    }

    /// A `struct sockaddr` as CPython shows it.
    fn addr_value(vm: &mut Vm, a: &[u8]) -> R {
        let family = if a.len() >= 2 { u16::from_ne_bytes([a[0], a[1]]) as i32 } else { -1 };
        match family {
            sys::AF_INET if a.len() >= 8 => {
                let ip = vm.new_string(Ipv4Addr::new(a[4], a[5], a[6], a[7]).to_string())?;
                let port = u16::from_be_bytes([a[2], a[3]]);
                vm.new_tuple_from(&[ip, Value::small_int(port as i64)])
            }
            sys::AF_INET6 if a.len() >= 28 => {
                let o: [u8; 16] = a[8..24].try_into().unwrap_or([0; 16]);
                let ip = vm.new_string(Ipv6Addr::from(o).to_string())?;
                let port = u16::from_be_bytes([a[2], a[3]]) as i64;
                let flow = u32::from_be_bytes([a[4], a[5], a[6], a[7]]) as i64;
                let scope = u32::from_ne_bytes([a[24], a[25], a[26], a[27]]) as i64;
                vm.new_tuple_from(&[ip, Value::small_int(port), Value::small_int(flow), Value::small_int(scope)])
            }
            sys::AF_UNIX => {
                let path = &a[2.min(a.len())..];
                if path.first() == Some(&0) {
                    return vm.new_bytes(path.to_vec());
                }
                let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
                vm.new_string(String::from_utf8_lossy(&path[..end]).into_owned())
            }
            _ => vm.new_bytes(a.to_vec()),
        }
    }

    // ---- the socket type ----

    fn socket_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
        if args.len() > 4 {
            return Err(vm.type_error("socket() takes at most 4 arguments"));
        }
        let get = |i: usize, name: &str| args.get(i).copied().or_else(|| kwarg(kw, name));
        let (fam, ty, proto, fileno) = (get(0, "family"), get(1, "type"), get(2, "proto"), get(3, "fileno"));
        if fileno.is_some_and(|f| !f.is_none()) {
            return Err(vm.new_exception(ExcKind::NotImplementedError, "socket(fileno=...) is not supported"));
        }
        let family = match fam {
            Some(v) => int_arg(vm, v)?,
            None => sys::AF_INET,
        };
        let ty = match ty {
            Some(v) => int_arg(vm, v)?,
            None => sys::SOCK_STREAM,
        };
        let proto = match proto {
            Some(v) => int_arg(vm, v)?,
            None => 0,
        };
        let fd = sys::new_socket(family, ty, proto).map_err(|e| io_error(vm, &e))?;
        match vm.alloc(SocketObj { fd, family, ty, proto, timeout: None, class: cls }) {
            Ok(s) => Ok(s.value()),
            Err(e) => {
                sys::close_fd(fd);
                Err(e)
            }
        }
    }

    fn sock_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args)?;
        if s.fd >= 0 {
            sys::close_fd(s.fd);
            s.get_mut().fd = -1;
        }
        Ok(Value::NONE)
    }

    fn sock_enter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        this(vm, args)?;
        Ok(args[0])
    }

    fn sock_fileno(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args)?;
        Ok(Value::small_int(s.fd as i64))
    }

    fn sock_bind(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, fd) = open(vm, args)?;
        let a = sockaddr_of(vm, s.family, args[1], "bind")?;
        sys::bind_to(fd, &a).map_err(|e| io_error(vm, &e))?;
        Ok(Value::NONE)
    }

    fn sock_listen(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (_, fd) = open(vm, args)?;
        let backlog = match args.get(1) {
            Some(&v) => int_arg(vm, v)?.max(0),
            None => 128,
        };
        sys::listen_on(fd, backlog).map_err(|e| io_error(vm, &e))?;
        Ok(Value::NONE)
    }

    fn sock_accept(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let class = crate::modules::io::module_type(vm, "socket", 0)?;
        let (fd, addr) = run_or_raise(vm, s, POLLIN, false, sys::accept_on)?;
        let n = vm.alloc(SocketObj { fd, family: s.family, ty: s.ty, proto: s.proto, timeout: None, class });
        let n = match n {
            Ok(n) => n,
            Err(e) => {
                sys::close_fd(fd);
                return Err(e);
            }
        };
        vm.temp_roots.push(n.value());
        let r = addr_value(vm, &addr).and_then(|a| vm.new_tuple_from(&[n.value(), a]));
        vm.temp_roots.pop();
        r
    }

    fn sock_connect(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, fd) = open(vm, args)?;
        let a = sockaddr_of(vm, s.family, args[1], "connect")?;
        match sys::connect_to(fd, &a) {
            Ok(()) => return Ok(Value::NONE),
            Err(e) if e.raw_os_error() == Some(EINPROGRESS) || e.raw_os_error() == Some(EINTR) => {}
            Err(e) => return Err(io_error(vm, &e)),
        }
        if s.timeout == Some(0.0) {
            return Err(os_error(vm, EINPROGRESS as i64));
        }
        wait_for(vm, fd, POLLOUT, deadline(&s))?;
        if s.fd < 0 {
            return Err(os_error(vm, EBADF));
        }
        let err = sys::get_option(fd, sys::SOL_SOCKET, sys::SO_ERROR, 4).map_err(|e| io_error(vm, &e))?;
        let err = i32::from_ne_bytes(err.get(..4).and_then(|b| b.try_into().ok()).unwrap_or([0; 4]));
        if err != 0 {
            return Err(os_error(vm, err as i64));
        }
        Ok(Value::NONE)
    }

    fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
        match crate::buffer::buffer_bytes(vm, v) {
            Some(b) => Ok(b),
            None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
        }
    }

    fn sock_send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let data = data_arg(vm, args[1])?;
        let flags = flags_arg(vm, args.get(2).copied())?;
        let n = run_or_raise(vm, s, POLLOUT, flags & sys::MSG_DONTWAIT != 0, |fd| sys::send_on(fd, &data, flags))?;
        vm.new_int(n as i64)
    }

    fn sock_sendall(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let data = data_arg(vm, args[1])?;
        let flags = flags_arg(vm, args.get(2).copied())?;
        let until = deadline(&s);
        let mut sent = 0;
        while sent < data.len() {
            match run(vm, s, POLLOUT, false, until, |fd| sys::send_on(fd, &data[sent..], flags))? {
                Some(n) => sent += n,
                None => return Err(os_error(vm, EAGAIN)),
            }
        }
        Ok(Value::NONE)
    }

    fn sock_sendto(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let data = data_arg(vm, args[1])?;
        let (flags, addr) = if args.len() == 4 { (int_arg(vm, args[2])?, args[3]) } else { (0, args[2]) };
        let a = sockaddr_of(vm, s.family, addr, "sendto")?;
        let n =
            run_or_raise(vm, s, POLLOUT, flags & sys::MSG_DONTWAIT != 0, |fd| sys::sendto_on(fd, &data, flags, &a))?;
        vm.new_int(n as i64)
    }

    fn bufsize_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<usize> {
        let n = vm.to_index(v)?;
        if n < 0 {
            return Err(vm.value_error(format!("negative buffersize in {what}")));
        }
        Ok((n as usize).min(RECV_MAX))
    }

    fn sock_recv(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let n = bufsize_arg(vm, args[1], "recv")?;
        let flags = flags_arg(vm, args.get(2).copied())?;
        vm.charge(n)?;
        let mut buf = vec![0u8; n];
        let k = run_or_raise(vm, s, POLLIN, flags & sys::MSG_DONTWAIT != 0, |fd| sys::recv_on(fd, &mut buf, flags))?;
        buf.truncate(k);
        vm.new_bytes(buf)
    }

    fn sock_recvfrom(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let n = bufsize_arg(vm, args[1], "recvfrom")?;
        let flags = flags_arg(vm, args.get(2).copied())?;
        vm.charge(n)?;
        let mut buf = vec![0u8; n];
        let (k, addr) =
            run_or_raise(vm, s, POLLIN, flags & sys::MSG_DONTWAIT != 0, |fd| sys::recvfrom_on(fd, &mut buf, flags))?;
        buf.truncate(k);
        let data = vm.new_bytes(buf)?;
        vm.temp_roots.push(data);
        let r = addr_value(vm, &addr).and_then(|a| vm.new_tuple_from(&[data, a]));
        vm.temp_roots.pop();
        r
    }

    /// The room in a writable buffer argument.
    fn writable_len(vm: &mut Vm, target: Value, what: &str) -> PyResult<usize> {
        match crate::buffer::with_buffer_mut(vm, target, |d| d.len()) {
            // `with_buffer_mut` already refuses read-only buffers.
            Some(n) => Ok(n),
            None => Err(vm.type_error(format!(
                "{what}() argument must be read-write bytes-like object, not {}",
                vm.type_name(target)
            ))),
        }
    }

    fn sock_recv_into(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let target = args[1];
        let cap = writable_len(vm, target, "recv_into")?;
        let n = match args.get(2) {
            Some(&v) if vm.to_index(v)? != 0 => {
                let n = bufsize_arg(vm, v, "recv_into")?;
                if n > cap {
                    return Err(vm.value_error("buffer too small for requested bytes"));
                }
                n
            }
            _ => cap,
        };
        let flags = flags_arg(vm, args.get(3).copied())?;
        let mut buf = vec![0u8; n.min(RECV_MAX)];
        let k = run_or_raise(vm, s, POLLIN, flags & sys::MSG_DONTWAIT != 0, |fd| sys::recv_on(fd, &mut buf, flags))?;
        crate::buffer::copy_into(vm, target, &buf[..k]);
        vm.new_int(k as i64)
    }

    // ---- MicroPython's stream methods ----

    /// Read up to `n` bytes (`None`: to the end), waiting as the socket's mode
    /// says; `None` when non-blocking and nothing was there.
    fn read_some(vm: &mut Vm, s: Gc<SocketObj>, n: Option<usize>) -> PyResult<Option<Vec<u8>>> {
        let until = deadline(&s);
        let mut out = Vec::new();
        loop {
            let want = match n {
                Some(n) if out.len() >= n => break,
                Some(n) => (n - out.len()).min(RECV_MAX),
                None => 64 * 1024,
            };
            vm.charge(want)?;
            let mut buf = vec![0u8; want];
            match run(vm, s, POLLIN, false, until, |fd| sys::recv_on(fd, &mut buf, 0))? {
                Some(0) => break,
                Some(k) => out.extend_from_slice(&buf[..k]),
                None if out.is_empty() => return Ok(None),
                None => break,
            }
        }
        Ok(Some(out))
    }

    fn bytes_or_none(vm: &mut Vm, d: Option<Vec<u8>>) -> R {
        match d {
            Some(d) => vm.new_bytes(d),
            None => Ok(Value::NONE),
        }
    }

    fn sock_read(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let n = crate::modules::io::size_arg(vm, args.get(1).copied())?;
        let d = read_some(vm, s, n)?;
        bytes_or_none(vm, d)
    }

    fn sock_readinto(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let (target, n) = crate::modules::io::readinto_args(vm, args)?;
        match read_some(vm, s, Some(n))? {
            Some(d) => {
                crate::buffer::copy_into(vm, target, &d);
                vm.new_int(d.len() as i64)
            }
            None => Ok(Value::NONE),
        }
    }

    fn sock_readline(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let limit = crate::modules::io::size_arg(vm, args.get(1).copied())?;
        let until = deadline(&s);
        let mut line = Vec::new();
        loop {
            let want = match limit {
                Some(l) if line.len() >= l => break,
                Some(l) => (l - line.len()).min(4096),
                None => 4096,
            };
            // Look at what is there, then take it up to the end of the line.
            let mut buf = vec![0u8; want];
            let peeked = run(vm, s, POLLIN, false, until, |fd| sys::recv_on(fd, &mut buf, sys::MSG_PEEK))?;
            let k = match peeked {
                Some(0) => break,
                Some(k) => k,
                None if line.is_empty() => return Ok(Value::NONE),
                None => break,
            };
            let take = buf[..k].iter().position(|&b| b == b'\n').map_or(k, |i| i + 1);
            vm.charge(take)?;
            let got = run(vm, s, POLLIN, false, until, |fd| sys::recv_on(fd, &mut buf[..take], 0))?.unwrap_or(0);
            line.extend_from_slice(&buf[..got]);
            if got == 0 || line.last() == Some(&b'\n') {
                break;
            }
        }
        vm.new_bytes(line)
    }

    fn sock_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (s, _) = open(vm, args)?;
        let data = data_arg(vm, args[1])?;
        let (off, len) = match (args.get(2), args.get(3)) {
            (Some(&o), l) => {
                let o = (vm.to_index(o)?.max(0) as usize).min(data.len());
                let l = match l {
                    Some(&l) => (vm.to_index(l)?.max(0) as usize).min(data.len() - o),
                    None => data.len() - o,
                };
                (o, l)
            }
            _ => (0, data.len()),
        };
        let data = &data[off..off + len];
        let until = deadline(&s);
        let mut sent = 0;
        while sent < data.len() {
            match run(vm, s, POLLOUT, false, until, |fd| sys::send_on(fd, &data[sent..], 0))? {
                Some(n) => sent += n,
                None if sent == 0 => return Ok(Value::NONE),
                None => break,
            }
        }
        vm.new_int(sent as i64)
    }

    fn sock_makefile(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        this(vm, args)?;
        Ok(args[0])
    }

    // ---- options and modes ----

    fn sock_setsockopt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (_, fd) = open(vm, args)?;
        let level = int_arg(vm, args[1])?;
        let name = int_arg(vm, args[2])?;
        let v = args[3];
        let val = if v.as_small_int().is_some() || v.is_bool() {
            int_arg(vm, v)?.to_ne_bytes().to_vec()
        } else if let Some(b) = crate::buffer::buffer_bytes(vm, v) {
            b
        } else {
            return Err(vm.type_error(format!("setsockopt() value must be int or bytes, not {}", vm.type_name(v))));
        };
        sys::set_option(fd, level, name, &val).map_err(|e| io_error(vm, &e))?;
        Ok(Value::NONE)
    }

    fn sock_getsockopt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (_, fd) = open(vm, args)?;
        let level = int_arg(vm, args[1])?;
        let name = int_arg(vm, args[2])?;
        match args.get(3) {
            Some(&n) => {
                let n = vm.to_index(n)?;
                if !(0..=1024).contains(&n) {
                    return Err(os_error(vm, crate::modules::io::EINVAL));
                }
                let b = sys::get_option(fd, level, name, n as usize).map_err(|e| io_error(vm, &e))?;
                vm.new_bytes(b)
            }
            None => {
                let b = sys::get_option(fd, level, name, 4).map_err(|e| io_error(vm, &e))?;
                let v = i32::from_ne_bytes(b.get(..4).and_then(|b| b.try_into().ok()).unwrap_or([0; 4]));
                vm.new_int(v as i64)
            }
        }
    }

    fn sock_settimeout(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args)?;
        let t = if args[1].is_none() {
            None
        } else {
            let t = crate::modules::math::float_arg(vm, args[1])?;
            if t.is_nan() || t < 0.0 {
                return Err(vm.value_error("Timeout value out of range"));
            }
            Some(t)
        };
        s.get_mut().timeout = t;
        Ok(Value::NONE)
    }

    fn sock_gettimeout(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args)?;
        Ok(s.timeout.map_or(Value::NONE, Value::float))
    }

    fn sock_setblocking(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args)?;
        let b = vm.truthy(args[1])?;
        s.get_mut().timeout = if b { None } else { Some(0.0) };
        Ok(Value::NONE)
    }

    fn sock_shutdown(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (_, fd) = open(vm, args)?;
        let how = int_arg(vm, args[1])?;
        sys::shutdown_fd(fd, how).map_err(|e| io_error(vm, &e))?;
        Ok(Value::NONE)
    }

    fn sock_getsockname(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (_, fd) = open(vm, args)?;
        let a = sys::name_of(fd, false).map_err(|e| io_error(vm, &e))?;
        addr_value(vm, &a)
    }

    fn sock_getpeername(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let (_, fd) = open(vm, args)?;
        let a = sys::name_of(fd, true).map_err(|e| io_error(vm, &e))?;
        addr_value(vm, &a)
    }

    fn sock_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args)?;
        let closed = if s.fd < 0 { "[closed] " } else { "" };
        let text =
            format!("<socket.socket {closed}fd={}, family={}, type={}, proto={}>", s.fd, s.family, s.ty, s.proto);
        vm.new_string(text)
    }

    fn sock_family(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        Ok(Value::small_int(this(vm, args)?.family as i64))
    }

    fn sock_type(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        Ok(Value::small_int(this(vm, args)?.ty as i64))
    }

    fn sock_proto(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        Ok(Value::small_int(this(vm, args)?.proto as i64))
    }

    // ---- module functions ----

    fn getaddrinfo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let get = |i: usize, name: &str| args.get(i).copied().or_else(|| kwarg(kw, name));
        let Some(host) = get(0, "host") else {
            return Err(vm.type_error("getaddrinfo() missing required argument 'host'"));
        };
        let Some(port) = get(1, "port") else {
            return Err(vm.type_error("getaddrinfo() missing required argument 'port'"));
        };
        let host = if host.is_none() { None } else { Some(host_str(vm, host)?) };
        let port = if port.is_none() {
            None
        } else if let Some(p) = crate::obj::str_surrogates::utf8(vm, &port)? {
            Some(p.to_string())
        } else if port.is_kind(ObjKind::Bytes) {
            Some(host_str(vm, port)?)
        } else if port.as_small_int().is_some() {
            Some(vm.to_index(port)?.to_string())
        } else {
            return Err(vm.new_exception(ExcKind::OSError, "Int or String expected"));
        };
        let mut ints = [0i32; 4];
        for (i, name) in ["family", "type", "proto", "flags"].iter().enumerate() {
            if let Some(v) = get(i + 2, name) {
                ints[i] = int_arg(vm, v)?;
            }
        }
        let [family, ty, proto, flags] = ints;
        let infos = match sys::addr_info(host.as_deref(), port.as_deref(), family, ty, proto, flags) {
            Ok(i) => i,
            Err((code, text)) => return Err(gai_error(vm, code, text)),
        };
        let mark = vm.temp_roots.len();
        let r = (|| {
            let mut items = Vec::new();
            for i in &infos {
                let addr = addr_value(vm, &i.addr)?;
                vm.temp_roots.push(addr);
                let canon = vm.new_str(&i.canonname)?;
                vm.temp_roots.push(canon);
                let t = vm.new_tuple_from(&[
                    Value::small_int(i.family as i64),
                    Value::small_int(i.socktype as i64),
                    Value::small_int(i.protocol as i64),
                    canon,
                    addr,
                ])?;
                vm.temp_roots.push(t);
                items.push(t);
            }
            vm.new_list(items)
        })();
        vm.temp_roots.truncate(mark);
        r
    }

    fn inet_pton(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let family = int_arg(vm, args[0])?;
        let text = host_str(vm, args[1])?;
        let b = match family {
            sys::AF_INET => text.parse::<Ipv4Addr>().map(|a| a.octets().to_vec()).ok(),
            sys::AF_INET6 => text.parse::<Ipv6Addr>().map(|a| a.octets().to_vec()).ok(),
            _ => return Err(os_error(vm, 97)),
        };
        match b {
            Some(b) => vm.new_bytes(b),
            None => Err(vm.new_exception(ExcKind::OSError, "illegal IP address string passed to inet_pton")),
        }
    }

    fn inet_ntop(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let family = int_arg(vm, args[0])?;
        let b = data_arg(vm, args[1])?;
        let text = match family {
            sys::AF_INET => <[u8; 4]>::try_from(b.as_slice()).ok().map(|o| Ipv4Addr::from(o).to_string()),
            sys::AF_INET6 => <[u8; 16]>::try_from(b.as_slice()).ok().map(|o| Ipv6Addr::from(o).to_string()),
            _ => return Err(os_error(vm, 97)),
        };
        match text {
            Some(t) => vm.new_string(t),
            None => Err(vm.value_error("invalid length of packed IP address string")),
        }
    }

    pub fn make(vm: &mut Vm) -> PyResult<Value> {
        let m = crate::modules::new_native_module(
            vm,
            "socket",
            &[
                ("getaddrinfo", crate::sig!(getaddrinfo, 2..=6, kw)),
                ("inet_pton", crate::sig!(inet_pton, 2)),
                ("inet_ntop", crate::sig!(inet_ntop, 2)),
            ],
        )?;
        let md = Gc::<ModuleObj>::from_value_unchecked(m).dict;
        let consts: &[(&str, i32)] = &[
            ("AF_UNSPEC", sys::AF_UNSPEC),
            ("AF_UNIX", sys::AF_UNIX),
            ("AF_INET", sys::AF_INET),
            ("AF_INET6", sys::AF_INET6),
            ("SOCK_STREAM", sys::SOCK_STREAM),
            ("SOCK_DGRAM", sys::SOCK_DGRAM),
            ("SOCK_RAW", sys::SOCK_RAW),
            ("SOL_SOCKET", sys::SOL_SOCKET),
            ("SO_REUSEADDR", sys::SO_REUSEADDR),
            ("SO_BROADCAST", sys::SO_BROADCAST),
            ("SO_KEEPALIVE", sys::SO_KEEPALIVE),
            ("SO_RCVBUF", sys::SO_RCVBUF),
            ("SO_SNDBUF", sys::SO_SNDBUF),
            ("SO_ERROR", sys::SO_ERROR),
            ("IPPROTO_IP", sys::IPPROTO_IP),
            ("IPPROTO_TCP", sys::IPPROTO_TCP),
            ("IPPROTO_UDP", sys::IPPROTO_UDP),
            ("TCP_NODELAY", sys::TCP_NODELAY),
            ("MSG_PEEK", sys::MSG_PEEK),
            ("MSG_DONTWAIT", sys::MSG_DONTWAIT),
            ("SHUT_RD", sys::SHUT_RD),
            ("SHUT_WR", sys::SHUT_WR),
            ("SHUT_RDWR", sys::SHUT_RDWR),
            ("AI_PASSIVE", sys::AI_PASSIVE),
            ("AI_CANONNAME", sys::AI_CANONNAME),
            ("AI_NUMERICHOST", sys::AI_NUMERICHOST),
        ];
        for &(name, v) in consts {
            md.get_mut().set_qstr(Qstr::new(name), Value::small_int(v as i64));
        }
        // CPython's aliases.
        md.get_mut().set_qstr(Qstr::new("error"), vm.types.exc(ExcKind::OSError).value());
        md.get_mut().set_qstr(Qstr::new("timeout"), vm.types.exc(ExcKind::TimeoutError).value());

        let t = vm.new_builtin_type("socket", "socket", &[])?;
        vm.set_make_new(t, socket_new);
        vm.add_methods(
            t,
            &[
                ("bind", crate::sig!(sock_bind, 2)),
                ("listen", crate::sig!(sock_listen, 1..=2)),
                ("accept", crate::sig!(sock_accept, 1)),
                ("connect", crate::sig!(sock_connect, 2)),
                ("send", crate::sig!(sock_send, 2..=3)),
                ("sendall", crate::sig!(sock_sendall, 2..=3)),
                ("sendto", crate::sig!(sock_sendto, 3..=4)),
                ("recv", crate::sig!(sock_recv, 2..=3)),
                ("recvfrom", crate::sig!(sock_recvfrom, 2..=3)),
                ("recv_into", crate::sig!(sock_recv_into, 2..=4)),
                ("read", crate::sig!(sock_read, 1..=2)),
                ("readinto", crate::sig!(sock_readinto, 2..=3)),
                ("readline", crate::sig!(sock_readline, 1..=2)),
                ("write", crate::sig!(sock_write, 2..=4)),
                ("makefile", crate::sig!(sock_makefile, 1..=3, kw)),
                ("setsockopt", crate::sig!(sock_setsockopt, 4)),
                ("getsockopt", crate::sig!(sock_getsockopt, 3..=4)),
                ("settimeout", crate::sig!(sock_settimeout, 2)),
                ("gettimeout", crate::sig!(sock_gettimeout, 1)),
                ("setblocking", crate::sig!(sock_setblocking, 2)),
                ("shutdown", crate::sig!(sock_shutdown, 2)),
                ("getsockname", crate::sig!(sock_getsockname, 1)),
                ("getpeername", crate::sig!(sock_getpeername, 1)),
                ("fileno", crate::sig!(sock_fileno, 1)),
                ("close", crate::sig!(sock_close, 1)),
                ("__enter__", crate::sig!(sock_enter, 1)),
                ("__exit__", crate::sig!(sock_close, 1..)),
                ("__repr__", crate::sig!(sock_repr, 1)),
            ],
        )?;
        vm.add_property(t, "family", sock_family)?;
        vm.add_property(t, "type", sock_type)?;
        vm.add_property(t, "proto", sock_proto)?;
        md.get_mut().set_qstr(Qstr::new("socket"), t.value());
        crate::modules::io::set_module_types(vm, m, &[t])?;
        Ok(m)
    }
}
