# errno constants and OSError from file operations on paths that do not exist.

import errno

print(errno.ENOENT, errno.EEXIST, errno.EINVAL > 0, errno.EAGAIN > 0)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EEXIST])

try:
    open("no/such/directory/file.txt")
except OSError as e:
    print(type(e).__name__ in ("OSError", "FileNotFoundError"), e.errno == errno.ENOENT, e.args[0] == errno.ENOENT)

try:
    open("no_such_file_in_this_directory.txt", "rb")
except OSError as e:
    print(e.errno == errno.ENOENT)

# opening a file that exists: this test's own source
with open("os_errno.py") as f:
    first = f.readline()
print(first.startswith("# errno constants"))

with open("os_errno.py", "rb") as f:
    head = f.read(7)
print(head, type(head).__name__)

import os
print(type(os.getcwd()).__name__, "os_errno.py" in os.listdir("."), os.stat("os_errno.py")[6] > 0)

# reading the file in chunks and by lines
with open("os_errno.py") as f:
    lines = f.readlines()
print(len(lines) > 10, lines[0].startswith("#"), all(l.endswith("\n") for l in lines))
with open("os_errno.py", "rb") as f:
    chunks = []
    while True:
        chunk = f.read(64)
        if not chunk:
            break
        chunks.append(chunk)
print(len(b"".join(chunks)) == os.stat("os_errno.py")[6], max(len(c) for c in chunks))

# writing to a file opened read-only fails
with open("os_errno.py") as f:
    try:
        f.write("x")
    except OSError:
        print("OSError writing a read-only file")
