# io: the classes of file objects: open() in binary write mode gives a BufferedWriter,
# unbuffered binary mode a FileIO, and FileIO and TextIOWrapper can be built directly.
import io
import os

base = "_io_file_types_tmp"
os.mkdir(base)
path = base + "/f.bin"
try:
    with open(path, "wb") as f:
        print(type(f) is io.BufferedWriter, isinstance(f, io.IOBase))
        f.write(b"abc")
    with open(path, "rb", buffering=0) as f:
        print(type(f) is io.FileIO, f.read())
    with io.FileIO(path, "r") as f:
        print(type(f) is io.FileIO, f.read(2), f.readinto(bytearray(4)))
    with io.FileIO(path, "w") as f:
        print(f.write(b"xyz!"))
    with io.TextIOWrapper(io.FileIO(path, "r")) as t:
        print(isinstance(t, io.TextIOWrapper), repr(t.read()))
    w = io.BufferedWriter(io.FileIO(path, "w"))
    w.write(b"buffered")
    w.flush()
    w.close()
    with open(path, "rb") as f:
        print(f.read())
finally:
    os.remove(path)
    os.rmdir(base)
